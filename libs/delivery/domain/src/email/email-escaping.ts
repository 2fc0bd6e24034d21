import type { UrlScheme } from './mjml-contexts';

// What HTML (and MJML's XML parser) cannot carry even escaped: NUL, most control
// characters, unpaired surrogates. Replaced, so the document stays well-formed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const REPLACEMENT = '\uFFFD';
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A value as HTML text or a quoted attribute value: `& < > " '` become
 * entities, so it can only ever be data, whichever quote the attribute uses
 * (MJML copies a title into a double-quoted attribute, for one).
 */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * A value inside a link after its scheme: percent-encoded (UTF-8) except
 * letters, digits and `-._~`, so it can add neither a scheme, nor a query, nor
 * a quote; `@` and `+` stay as they are after `mailto:` and `tel:`, where they
 * belong to addresses and numbers.
 */
export function encodeUrlValue(text: string, scheme: UrlScheme): string {
  const encoded = encodeURIComponent(text.replace(LONE_SURROGATE, REPLACEMENT)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return scheme === 'mailto' || scheme === 'tel'
    ? encoded.replace(/%40/g, '@').replace(/%2B/g, '+')
    : encoded;
}

/** A value on one line of plain text (a subject, a label): control characters and line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(LONE_SURROGATE, REPLACEMENT).replace(/\r\n/g, ' ').replace(CONTROL, ' ');
}

/** A value in the plain-text part: lines kept (as `\n`), other control characters made spaces. */
export function plainText(text: string): string {
  return text
    .replace(LONE_SURROGATE, REPLACEMENT)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]|[\p{Cc}\u2028\u2029]/gu, (c) => (c === '\n' ? c : ' '));
}
