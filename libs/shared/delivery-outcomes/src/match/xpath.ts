import type { Document, Node } from '@xmldom/xmldom';
import { ANY_NAMESPACE } from './xml-document';

/** What an XPath expression evaluates to, as xpath's XPathResult types it (the part used here). */
interface XPathValue {
  nodeset(): { toArray(): Node[] };
  stringValue(): string;
  booleanValue(): boolean;
}

interface ParsedXPath {
  evaluate(options: {
    node: Node;
    namespaces: { getNamespace(prefix: string): string };
    allowAnyNamespaceForNoPrefix: boolean;
  }): XPathValue;
}

// Typed here rather than by the package's typings: those pull the DOM library
// into every program that imports this one, making browser globals look valid.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xpath = require('xpath') as {
  parse(expression: string): ParsedXPath;
  XNodeSet: abstract new (...args: never[]) => unknown;
};

/** The XPath 1.0 core function library and node type tests: the names allowed before `(`. */
const FUNCTIONS = new Set([
  'last',
  'position',
  'count',
  'id',
  'local-name',
  'namespace-uri',
  'name',
  'string',
  'concat',
  'starts-with',
  'contains',
  'substring-before',
  'substring-after',
  'substring',
  'string-length',
  'normalize-space',
  'translate',
  'boolean',
  'not',
  'true',
  'false',
  'lang',
  'number',
  'sum',
  'floor',
  'ceiling',
  'round',
  'node',
  'text',
  'comment',
  'processing-instruction',
]);
// Operator names, which `(` may follow: `a and (b or c)`.
const OPERATORS = new Set(['and', 'or', 'div', 'mod']);

/** An XPath expression parsed, or why it cannot be. */
export function parseXPath(expression: string): ParsedXPath | string {
  let parsed: ParsedXPath;
  try {
    parsed = xpath.parse(expression);
  } catch {
    return 'is not a valid XPath 1.0 expression';
  }
  // Unknown functions only fail when called: name them now, not on a partner's answer.
  const outsideLiterals = expression.replace(/"[^"]*"|'[^']*'/g, '""');
  for (const [, name] of outsideLiterals.matchAll(
    /([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(/g,
  )) {
    if (!FUNCTIONS.has(name!) && !OPERATORS.has(name!)) {
      return `calls ${name}(), which is not an XPath 1.0 function`;
    }
  }
  return parsed;
}

/** What an expression selected: nodes (as their string values) or one string, number or boolean. */
export type XPathSelection =
  | { readonly kind: 'nodes'; readonly values: readonly string[] }
  | { readonly kind: 'scalar'; readonly text: string; readonly truthy: boolean };

/**
 * Evaluates a parsed expression on a {@link localNameDocument}: names match by
 * local name, with or without a prefix (every prefix resolves to the copy's one
 * namespace). Undefined when evaluation fails (a type error in the expression).
 */
export function selectXPath(parsed: ParsedXPath, document: Document): XPathSelection | undefined {
  try {
    const result = parsed.evaluate({
      node: document,
      namespaces: { getNamespace: () => ANY_NAMESPACE },
      allowAnyNamespaceForNoPrefix: true,
    });
    if (result instanceof xpath.XNodeSet) {
      return {
        kind: 'nodes',
        values: result
          .nodeset()
          .toArray()
          .map((node) => node.textContent ?? node.nodeValue ?? ''),
      };
    }
    return { kind: 'scalar', text: result.stringValue(), truthy: result.booleanValue() };
  } catch {
    return undefined;
  }
}
