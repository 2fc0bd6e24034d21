import { XMLParser } from 'fast-xml-parser';
import { DeliveryMethod } from '../delivery-method';
import { TemplateProblemCode } from '../problems';

type SoapMethod = typeof DeliveryMethod.SOAP_1_1 | typeof DeliveryMethod.SOAP_1_2;

/** The envelope namespace each SOAP version requires; a server answers a mismatch with a VersionMismatch fault. */
export const SOAP_ENVELOPE_NAMESPACES: Readonly<Record<SoapMethod, string>> = {
  [DeliveryMethod.SOAP_1_1]: 'http://schemas.xmlsoap.org/soap/envelope/',
  [DeliveryMethod.SOAP_1_2]: 'http://www.w3.org/2003/05/soap-envelope',
};

const VERSION_NAMES: Readonly<Record<SoapMethod, string>> = {
  [DeliveryMethod.SOAP_1_1]: 'SOAP 1.1',
  [DeliveryMethod.SOAP_1_2]: 'SOAP 1.2',
};

interface Element {
  readonly name: string;
  readonly children: readonly unknown[];
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A problem with the envelope, reported at the root element. */
export interface EnvelopeProblem {
  readonly code: TemplateProblemCode;
  readonly message: string;
}

/**
 * Checks that a well-formed body is a SOAP envelope of the method's version: the
 * root is `Envelope` in that version's namespace, with a `Body` child in the same
 * namespace. The root has no ancestors, so its prefix must be declared on itself.
 */
export function envelopeProblem(method: SoapMethod, xml: string): EnvelopeProblem | undefined {
  const parsed: unknown = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: false,
    parseTagValue: false,
  }).parse(xml);
  const root = (Array.isArray(parsed) ? parsed : []).map(elementOf).find((node) => node);
  const expected = SOAP_ENVELOPE_NAMESPACES[method];
  const version = VERSION_NAMES[method];
  if (!root || localName(root.name) !== 'Envelope') {
    return {
      code: TemplateProblemCode.NOT_A_SOAP_ENVELOPE,
      message: `the root element must be a ${version} Envelope, not <${root?.name ?? ''}>`,
    };
  }
  const namespace = namespaceOf(root.name, root.attributes);
  if (namespace !== expected) {
    return {
      code: TemplateProblemCode.WRONG_SOAP_NAMESPACE,
      message: wrongNamespace(method, namespace),
    };
  }
  const hasBody = root.children
    .map(elementOf)
    .some(
      (child) =>
        child &&
        localName(child.name) === 'Body' &&
        namespaceOf(child.name, child.attributes, root.attributes) === expected,
    );
  return hasBody
    ? undefined
    : {
        code: TemplateProblemCode.MISSING_SOAP_BODY,
        message: `the Envelope has no Body element in ${expected}`,
      };
}

function wrongNamespace(method: SoapMethod, namespace: string | undefined): string {
  const expected = SOAP_ENVELOPE_NAMESPACES[method];
  const other = (Object.keys(SOAP_ENVELOPE_NAMESPACES) as SoapMethod[]).find(
    (version) => SOAP_ENVELOPE_NAMESPACES[version] === namespace,
  );
  const found =
    namespace === undefined
      ? "the Envelope's prefix is not declared"
      : other
        ? `the Envelope is in the ${VERSION_NAMES[other]} namespace`
        : `the Envelope is in namespace "${namespace}"`;
  return `${found}: ${VERSION_NAMES[method]} requires xmlns="${expected}" (or a prefix bound to it)`;
}

function elementOf(node: unknown): Element | undefined {
  if (typeof node !== 'object' || node === null) {
    return undefined;
  }
  const record = node as Record<string, unknown>;
  const name = Object.keys(record).find((key) => !/^[:#?]/.test(key));
  const children = name === undefined ? undefined : record[name];
  const attributes = record[':@'];
  return name !== undefined && Array.isArray(children)
    ? { name, children, attributes: isRecord(attributes) ? attributes : {} }
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function namespaceOf(
  name: string,
  ...scopes: readonly Readonly<Record<string, unknown>>[]
): string | undefined {
  const colon = name.indexOf(':');
  const declaration = colon === -1 ? 'xmlns' : `xmlns:${name.slice(0, colon)}`;
  const declared = scopes.map((scope) => scope[declaration]).find((uri) => uri !== undefined);
  return typeof declared === 'string' ? declared : undefined;
}
