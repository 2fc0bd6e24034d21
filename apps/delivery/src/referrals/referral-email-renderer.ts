import { Injectable } from '@nestjs/common';
import {
  type ReferralEmailInput,
  fillReferralEmailHtml,
  referralEmailMjml,
  referralEmailSubject,
  renderReferralEmailText,
} from '@leadrail/delivery-domain';
import mjml from 'mjml';
import type { RenderedEmail } from '../email/email-renderer';

const OPTIONS = {
  ignoreIncludes: true,
  keepComments: false,
  minify: false,
  beautify: false,
  validationLevel: 'strict',
} as const;

/**
 * Renders referral emails: LeadRail's own MJML (with buttons, or without
 * links the portal note) is compiled once per variant, with tokens where the
 * values go, and each referral's values are then written into the HTML,
 * escaped (`fillReferralEmailHtml`). The plain-text part says the same.
 */
@Injectable()
export class ReferralEmailRenderer {
  private readonly compiled = new Map<boolean, Promise<string>>();

  async render(input: ReferralEmailInput): Promise<RenderedEmail> {
    const html = await this.compiledHtml(input.links !== null);
    return {
      subject: referralEmailSubject(input),
      html: fillReferralEmailHtml(html, input),
      text: renderReferralEmailText(input),
    };
  }

  private compiledHtml(withLinks: boolean): Promise<string> {
    let compiling = this.compiled.get(withLinks);
    if (compiling === undefined) {
      compiling = mjml(referralEmailMjml(withLinks), OPTIONS).then((result) => result.html);
      this.compiled.set(withLinks, compiling);
      // A failure is not kept: the next render tries again.
      compiling.catch(() => this.compiled.delete(withLinks));
    }
    return compiling;
  }
}
