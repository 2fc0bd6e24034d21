import { createHash } from 'node:crypto';
import type { ReferralLinkAction } from '@leadrail/delivery-contracts';

/** What a referral link page says: a question with its form, an outcome, or a problem. */
export interface ReferralLinkPage {
  readonly status: number;
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** The offer, as a list of terms (lead type, answer by, lead id). */
  readonly details?: readonly { readonly term: string; readonly value: string }[];
  /** The confirmation form: it POSTs the token (and a decline's optional reason) to the action. */
  readonly form?: { readonly action: ReferralLinkAction; readonly token: string };
}

/** The page's only style: inline, allowed by its hash in the Content-Security-Policy. */
const STYLE = `
:root{color-scheme:light;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;line-height:1.5;color:#111827;background:#f3f4f6}
body{margin:0;padding:24px 16px}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px}
.brand{margin:0 0 8px;font-size:.8rem;font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:#4b5563}
h1{margin:0 0 16px;font-size:1.5rem;line-height:1.3}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:16px 0}
dt{color:#4b5563}dd{margin:0;overflow-wrap:anywhere}
label{display:block;margin:16px 0 4px;font-weight:600}
textarea{box-sizing:border-box;width:100%;font:inherit;padding:8px;border:1px solid #6b7280;border-radius:4px}
button{margin-top:16px;font:inherit;font-weight:700;padding:12px 24px;border:0;border-radius:6px;color:#fff;background:#15803d;cursor:pointer}
button.decline{background:#374151}
button:focus-visible,textarea:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
`;

/**
 * What every referral link page is sent with: a strict Content-Security-Policy
 * (nothing loads, no script runs, only the page's own style applies, forms
 * post back to this service only, no framing), no caching, no Referer, no
 * indexing, no sniffing.
 */
export const REFERRAL_LINK_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'X-Robots-Tag': 'noindex, nofollow',
};

/** Text as HTML text or a double-quoted attribute value. */
function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function formHtml(form: NonNullable<ReferralLinkPage['form']>): string {
  const reason =
    form.action === 'decline'
      ? `<label for="reason">Why not? (optional, at most 500 characters)</label>
<textarea id="reason" name="reason" rows="3" maxlength="500"></textarea>`
      : '';
  const button =
    form.action === 'accept'
      ? '<button type="submit">Accept this lead</button>'
      : '<button type="submit" class="decline">Decline this lead</button>';
  // Relative: the form posts back to where the page came from, whatever prefix a proxy adds.
  return `<form method="post" action="${form.action}">
<input type="hidden" name="token" value="${escape(form.token)}">
${reason}
${button}
</form>`;
}

/** The whole page: plain HTML, no script, no external resource, every value escaped. */
export function referralLinkPageHtml(page: ReferralLinkPage): string {
  const details =
    page.details === undefined || page.details.length === 0
      ? ''
      : `<dl>${page.details
          .map(({ term, value }) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`)
          .join('')}</dl>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escape(page.title)} · LeadRail</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">LeadRail · lead offered to you</p>
<h1>${escape(page.title)}</h1>
${page.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}
${details}
${page.form === undefined ? '' : formHtml(page.form)}
</main>
</body>
</html>
`;
}
