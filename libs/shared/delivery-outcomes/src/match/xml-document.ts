import {
  DOMImplementation,
  DOMParser,
  type Document,
  type Element,
  type Node,
} from '@xmldom/xmldom';
import { MAX_EVALUATED_BODY_LENGTH, MAX_EVALUATED_NESTING } from '../outcome-rules';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * The namespace every name of a {@link localNameDocument} is in. Never written
 * by a partner: it only lets XPath name tests with and without a prefix both
 * match by local name.
 */
export const ANY_NAMESPACE = 'urn:leadrail:delivery-outcomes:any-namespace';

/**
 * The body parsed as XML, or undefined when it is not (well-formed) XML: too
 * long, nested too deep, or with a DOCTYPE or entity declaration. A DTD is
 * refused outright, so no entity is ever declared, let alone expanded (no
 * billion laughs, no external entity is read); SOAP forbids one anyway. xmldom
 * reads nothing from outside either way. Pure: no errors are printed.
 */
export function parseXml(body: string): Document | undefined {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (
    text.length === 0 ||
    text.length > MAX_EVALUATED_BODY_LENGTH ||
    /<!(?:DOCTYPE|ENTITY)/i.test(text)
  ) {
    return undefined;
  }
  let failed = false;
  try {
    const document = new DOMParser({
      onError: (level) => {
        failed ||= level !== 'warning';
      },
    }).parseFromString(text, 'text/xml');
    if (
      failed ||
      !document.documentElement ||
      depthOf(document.documentElement) > MAX_EVALUATED_NESTING
    ) {
      return undefined;
    }
    return document;
  } catch {
    return undefined;
  }
}

/** How deep elements nest under `root` (1 for a root without child elements), counted without recursion. */
function depthOf(root: Element): number {
  let deepest = 0;
  const pending: [Node, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_EVALUATED_NESTING) {
      return deepest;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) {
        pending.push([child, depth + 1]);
      }
    }
  }
  return deepest;
}

/**
 * A copy of the document with every element and attribute named by its local
 * name alone, all in {@link ANY_NAMESPACE} and without prefixes: what XPath
 * rules run on, so `/Envelope/Body/Result` finds the result of a SOAP answer
 * whatever prefixes and default namespaces the partner's server chose. Namespace
 * declarations, comments and processing instructions are left out; text and
 * CDATA are kept as text. Iterative, so depth costs no stack.
 */
export function localNameDocument(source: Document): Document {
  const copy = new DOMImplementation().createDocument(null, '');
  const root = source.documentElement;
  if (!root) {
    return copy;
  }
  const rootCopy = shallowCopy(copy, root);
  copy.appendChild(rootCopy);
  const pending: [Node, Element][] = [[root, rootCopy]];
  while (pending.length > 0) {
    const [node, target] = pending.pop()!;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        target.appendChild(copy.createTextNode(child.nodeValue ?? ''));
      } else if (child.nodeType === ELEMENT_NODE) {
        const childCopy = shallowCopy(copy, child as Element);
        target.appendChild(childCopy);
        pending.push([child, childCopy]);
      }
    }
  }
  return copy;
}

/** The element, by its local name in {@link ANY_NAMESPACE}, with its attributes but no children. */
function shallowCopy(document: Document, element: Element): Element {
  const copy = document.createElementNS(ANY_NAMESPACE, element.localName ?? element.nodeName);
  for (let index = 0; index < element.attributes.length; index += 1) {
    const attribute = element.attributes.item(index)!;
    const name = attribute.localName ?? attribute.name;
    const declaration = attribute.prefix === 'xmlns' || attribute.name === 'xmlns';
    // Two attributes of one local name in different namespaces: the first wins.
    if (!declaration && !copy.hasAttributeNS(ANY_NAMESPACE, name)) {
      copy.setAttributeNS(ANY_NAMESPACE, name, attribute.value);
    }
  }
  return copy;
}
