import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_INPUT_LIMITS } from '@leadrail/nest-kit';
import { type BodyProblem, type LeadBodyResult, refused } from './lead-body';
import {
  LEAD_SHAPE,
  type ObjectShape,
  answerFromText,
  booleanFromText,
  isObjectShape,
  joinField,
  repeatedField,
  setOwn,
  unknownField,
} from './lead-shape';
import { xmlPreflight } from './xml-preflight';

const ATTRIBUTES = '@';
const TEXT = '#text';

/**
 * Every value stays text (no number guessing: a phone's leading zero or a
 * reference like 007 survives); only the five predefined entities and
 * character references are decoded (xmlPreflight refuses anything else first),
 * and nesting is bounded like JSON bodies'.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ATTRIBUTES,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // Decodes character references (&#233;); named HTML entities never get this far.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: DEFAULT_INPUT_LIMITS.maxDepth,
});

type XmlNode = string | XmlElement | XmlNode[];
interface XmlElement {
  [name: string]: XmlNode | Record<string, string> | undefined;
}

function isElement(node: unknown): node is XmlElement {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** An element's text and attributes, or a problem when it holds elements. */
function leafOf(
  node: XmlNode,
  field: string,
): { text: string; attributes: Record<string, string> } | { problem: BodyProblem } {
  if (typeof node === 'string') {
    return { text: node, attributes: {} };
  }
  if (!isElement(node) || Object.keys(node).some((name) => name !== TEXT && name !== ATTRIBUTES)) {
    return { problem: { field, message: 'must be text, not elements' } };
  }
  const text = node[TEXT];
  return {
    text: typeof text === 'string' ? text : '',
    attributes: (node[ATTRIBUTES] as Record<string, string> | undefined) ?? {},
  };
}

const ATTRIBUTES_REFUSED = 'takes no attributes (only answers have type="…")';

function readAnswers(node: XmlNode, problems: BodyProblem[]): Record<string, unknown> | undefined {
  if (node === '') {
    return undefined;
  }
  if (!isElement(node) || TEXT in node || ATTRIBUTES in node) {
    problems.push({
      field: 'answers',
      message:
        'must hold one element per answer, e.g. <loan_amount type="number">250000</loan_amount>',
    });
    return undefined;
  }
  const answers: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    const field = joinField('answers', key);
    if (Array.isArray(child)) {
      problems.push(repeatedField(field));
      continue;
    }
    const leaf = leafOf(child as XmlNode, field);
    if ('problem' in leaf) {
      problems.push(leaf.problem);
      continue;
    }
    const { type, ...others } = leaf.attributes;
    problems.push(
      ...Object.keys(others).map((name) => ({
        field,
        message: `has an unknown attribute ${name}: only type="text|number|boolean"`,
      })),
    );
    const answer = answerFromText(leaf.text, type, field);
    if ('problem' in answer) {
      problems.push(answer.problem);
    } else {
      setOwn(answers, key, answer.value);
    }
  }
  return answers;
}

/** The fields of one element, by the shape it must have; an empty element counts as absent. */
function readObject(
  node: XmlNode,
  shape: ObjectShape,
  path: string,
  problems: BodyProblem[],
): Record<string, unknown> | undefined {
  if (node === '') {
    return undefined;
  }
  if (!isElement(node) || TEXT in node) {
    problems.push({ field: path, message: 'must hold elements, not text' });
    return undefined;
  }
  const object: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(node)) {
    if (name === ATTRIBUTES) {
      // Namespace declarations are harmless on the root; any other attribute is a mistake.
      const unexpected = Object.keys(child as Record<string, string>).filter(
        (attribute) => path !== '' || !/^xmlns(:|$)/.test(attribute),
      );
      if (unexpected.length > 0) {
        problems.push({ field: path || 'lead', message: ATTRIBUTES_REFUSED });
      }
      continue;
    }
    const field = joinField(path, name);
    const kind = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (kind === undefined) {
      problems.push(unknownField(field));
    } else if (Array.isArray(child)) {
      problems.push(repeatedField(field));
    } else if (kind === 'ignored') {
      continue;
    } else if (isObjectShape(kind)) {
      const value = readObject(child as XmlNode, kind, field, problems);
      if (value !== undefined) {
        object[name] = value;
      }
    } else if (kind === 'answers') {
      const value = readAnswers(child as XmlNode, problems);
      if (value !== undefined) {
        object[name] = value;
      }
    } else {
      const leaf = leafOf(child as XmlNode, field);
      if ('problem' in leaf) {
        problems.push(leaf.problem);
      } else if (Object.keys(leaf.attributes).length > 0) {
        problems.push({ field, message: ATTRIBUTES_REFUSED });
      } else if (leaf.text !== '') {
        object[name] = kind === 'boolean' ? booleanFromText(leaf.text, false) : leaf.text;
      }
    }
  }
  return object;
}

/**
 * A lead from an XML body: the root element `<lead>`, children named like
 * the JSON fields (`<contact><address><postcode>`), answers one element each,
 * named by its key, text unless `type="number"` or `type="boolean"`. Leading
 * and trailing white space of values is dropped (documents are indented).
 * Malformed XML is one problem with its line and column.
 */
export function parseXmlBody(xml: string): LeadBodyResult {
  const refusal = xmlPreflight(xml);
  if (refusal) {
    return refused('malformed', [refusal]);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const at = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    return refused('malformed', [
      { field: '', message: `the body is not well-formed XML: ${msg} (${at})` },
    ]);
  }
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (error) {
    return refused('malformed', [
      { field: '', message: `the body is not accepted as XML: ${(error as Error).message}` },
    ]);
  }
  const roots = isElement(document) ? Object.keys(document) : [];
  if (roots.length !== 1 || roots[0] !== 'lead' || Array.isArray((document as XmlElement).lead)) {
    return refused('invalid', [
      { field: '', message: 'the document must have one root element, <lead>' },
    ]);
  }
  const problems: BodyProblem[] = [];
  const candidate =
    readObject((document as XmlElement).lead as XmlNode, LEAD_SHAPE, '', problems) ?? {};
  return problems.length > 0 ? refused('invalid', problems) : { ok: true, candidate };
}
