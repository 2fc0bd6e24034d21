import type { ValueContext } from '../contexts/context-scan';
import type { TemplateValue } from '../values/template-value';
import type { TemplateVariable } from '../variables/template-variables';

// XML 1.0 allows only these characters, even escaped; others (NUL, most control
// characters, lone surrogates) are replaced so the document stays well-formed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT = '\uFFFD';
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers turn a raw CR (and, in attributes, tab and line feed) into other
  // whitespace; character references keep the value exactly as it was.
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/**
 * A value written for its place in the body, so that it can only ever be data:
 * XML text and attributes get entity escaping (`& < > " '`), CDATA is closed
 * around the escaped value, JSON strings get JSON string escaping, bare JSON gets
 * a whole JSON value, and form values are percent-encoded.
 * A missing value is empty, or `null` where JSON expects a value.
 */
export function escapeValue(
  context: ValueContext,
  value: TemplateValue | null | undefined,
  variable: TemplateVariable | undefined,
): string {
  if (value === undefined || value === null) {
    return context === 'json-value' ? 'null' : '';
  }
  const text = String(value);
  switch (context) {
    case 'xml-text':
      return escapeXml(text, /[&<>"'\r]/g);
    case 'xml-attribute':
      return escapeXml(text, /[&<>"'\r\t\n]/g);
    case 'xml-cdata':
      // Leaving the section for the value means no "]]>" in it, nor a "]]" the
      // template left before it, can end the section somewhere else.
      return text === '' ? '' : `]]>${escapeXml(text, /[&<>"'\r]/g)}<![CDATA[`;
    case 'json-string':
      return JSON.stringify(text).slice(1, -1);
    case 'json-value':
      return jsonValue(value, variable);
    case 'form-value':
      return encodeFormValue(text);
  }
}

function escapeXml(text: string, special: RegExp): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT).replace(special, (c) => XML_ENTITIES[c] ?? c);
}

function jsonValue(value: TemplateValue, variable: TemplateVariable | undefined): string {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : 'null';
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  // A price as text ("12.50") is written as a number, keeping its decimals.
  return variable?.jsonNumber && JSON_NUMBER.test(value) ? value : JSON.stringify(value);
}

/**
 * `application/x-www-form-urlencoded` encoding of a value: UTF-8 percent-encoding
 * of everything but letters, digits and `-._~`, with `+` for a space.
 */
export function encodeFormValue(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, REPLACEMENT))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
