import type { Document } from '@xmldom/xmldom';
import { parseJson } from '../match/json-path';
import { localNameDocument, parseXml } from '../match/xml-document';
import { MAX_EVALUATED_BODY_LENGTH } from '../outcome-rules';

/** The partner's HTTP answer, as delivery received it (the body decoded to text, perhaps capped). */
export interface PartnerResponse {
  readonly kind: 'response';
  readonly status: number;
  /** Response headers by name, in any case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One response as rules read it: the body's first {@link MAX_EVALUATED_BODY_LENGTH}
 * characters for text tests, and the body parsed as JSON or XML at most once,
 * when a rule first needs it.
 */
export class ResponseView {
  /** What `contains` and `regex` search. */
  readonly text: string;
  private json?: { readonly value: unknown } | null;
  private xml?: Document | null;
  private localNames?: Document | null;

  constructor(readonly response: PartnerResponse) {
    this.text = response.body.slice(0, MAX_EVALUATED_BODY_LENGTH);
  }

  /** The whole body, trimmed, for `equals`; undefined when it is too long to compare. */
  get trimmedBody(): string | undefined {
    return this.response.body.length > MAX_EVALUATED_BODY_LENGTH
      ? undefined
      : this.response.body.trim();
  }

  /** The body as JSON, or undefined when it is not JSON. */
  parsedJson(): { readonly value: unknown } | undefined {
    if (this.json === undefined) {
      this.json = parseJson(this.response.body) ?? null;
    }
    return this.json ?? undefined;
  }

  /** The body as an XML document with its namespaces, or undefined when it is not XML. */
  parsedXml(): Document | undefined {
    if (this.xml === undefined) {
      this.xml = parseXml(this.response.body) ?? null;
    }
    return this.xml ?? undefined;
  }

  /** The XML body with names by local name alone, what XPath runs on; undefined when not XML. */
  localNameXml(): Document | undefined {
    if (this.localNames === undefined) {
      const xml = this.parsedXml();
      this.localNames = xml ? localNameDocument(xml) : null;
    }
    return this.localNames ?? undefined;
  }

  /** A response header's value by name in any case, or undefined. */
  header(name: string): string | undefined {
    const wanted = name.toLowerCase();
    const found = Object.entries(this.response.headers).find(
      ([key]) => key.toLowerCase() === wanted,
    );
    return found?.[1];
  }
}
