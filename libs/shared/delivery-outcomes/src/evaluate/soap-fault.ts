import type { Document, Element, Node } from '@xmldom/xmldom';

const SOAP_1_1 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP_1_2 = 'http://www.w3.org/2003/05/soap-envelope';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const ELEMENT_NODE = 1;

/** What a fault says: its code's local name (Client, Server, Sender, Receiver, …) and text. */
export interface SoapFault {
  readonly version: '1.1' | '1.2';
  /** The code's local name as written (`Client.Authentication`), or the code as written when not a SOAP code. */
  readonly code: string;
  /** Whether the code is one of the envelope namespace's own (qualified by it). */
  readonly standard: boolean;
  /** `faultstring` (1.1) or the first `Reason/Text` (1.2), preferring English; may be empty. */
  readonly reason: string;
}

/**
 * The fault a SOAP answer carries, or undefined: the root must be an `Envelope`
 * in the SOAP 1.1 or 1.2 namespace, with a `Fault` among the children of its
 * `Body`, all in that namespace. Codes are QNames resolved where they are
 * written, so `soap:Client` is the SOAP `Client` whatever the prefix; an
 * unqualified `Client` (written by lax servers) counts too, unless a default
 * namespace makes it another name.
 */
export function soapFaultOf(document: Document): SoapFault | undefined {
  const envelope = document.documentElement;
  const namespace = envelope?.namespaceURI;
  if (
    !envelope ||
    envelope.localName !== 'Envelope' ||
    (namespace !== SOAP_1_1 && namespace !== SOAP_1_2)
  ) {
    return undefined;
  }
  const body = childElements(envelope).find((child) => is(child, namespace, 'Body'));
  const fault = body && childElements(body).find((child) => is(child, namespace, 'Fault'));
  if (!fault) {
    return undefined;
  }
  if (namespace === SOAP_1_1) {
    // faultcode and faultstring are unqualified in SOAP 1.1; accept any namespace.
    const code = childElements(fault).find((child) => child.localName === 'faultcode');
    const reason = childElements(fault).find((child) => child.localName === 'faultstring');
    return { version: '1.1', ...resolveCode(code, SOAP_1_1), reason: textOf(reason) };
  }
  const code = childElements(fault).find((child) => is(child, SOAP_1_2, 'Code'));
  const value = code && childElements(code).find((child) => is(child, SOAP_1_2, 'Value'));
  const reason = childElements(fault).find((child) => is(child, SOAP_1_2, 'Reason'));
  const texts = reason ? childElements(reason).filter((child) => is(child, SOAP_1_2, 'Text')) : [];
  const english = texts.find((text) =>
    /^en\b/i.test(text.getAttributeNS(XML_NAMESPACE, 'lang') ?? ''),
  );
  return { version: '1.2', ...resolveCode(value, SOAP_1_2), reason: textOf(english ?? texts[0]) };
}

/** A fault code QName resolved against the namespaces in scope where it is written. */
function resolveCode(
  element: Element | undefined,
  envelope: string,
): { code: string; standard: boolean } {
  const written = textOf(element);
  const colon = written.indexOf(':');
  const prefix = colon < 0 ? null : written.slice(0, colon);
  const local = colon < 0 ? written : written.slice(colon + 1);
  const namespace = element?.lookupNamespaceURI(prefix) ?? null;
  const standard = namespace === envelope || (prefix === null && namespace === null);
  return { code: standard ? local : written, standard };
}

function is(element: Element, namespace: string, localName: string): boolean {
  return element.namespaceURI === namespace && element.localName === localName;
}

function childElements(parent: Node): Element[] {
  const children: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      children.push(child as Element);
    }
  }
  return children;
}

function textOf(element: Element | undefined): string {
  return (element?.textContent ?? '').trim();
}
