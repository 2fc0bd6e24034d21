import { DeliveryMethod } from '../delivery-method';
import { OffsetProblem, TemplateProblem, TemplateProblemCode, locateProblems } from '../problems';
import { escapeValue } from '../render/escape-value';
import { substitute } from '../render/substitute';
import {
  type TemplateAnalysis,
  analyseTemplate,
  analysisProblems,
  usedVariables,
} from '../syntax/analyse-template';
import { findTemplateVariable } from '../variables/template-variables';
import { invalidCharacterProblems } from './invalid-characters';
import { findJsonSyntaxError } from './json-syntax';
import { xmlBodyProblems } from './xml-body';

/** The outcome of {@link checkTemplate}. */
export type TemplateCheck =
  | { readonly ok: true; readonly variables: string[] }
  | { readonly ok: false; readonly problems: TemplateProblem[] };

// What an unknown variable renders while the rest of the body is checked, so
// that a typo and a broken body are reported together.
const UNKNOWN_SAMPLE = 'sample';

/**
 * Checks a body template before it is saved: brace syntax, unknown variables
 * (with a suggestion when one is close), variables where no value may go, and
 * whether the body, rendered with every variable's example value, is what the
 * method needs (well-formed XML, a SOAP envelope of the right version, JSON,
 * form pairs). Positions refer to the template as written.
 */
export function checkTemplate(method: DeliveryMethod, template: string): TemplateCheck {
  const analysis = analyseTemplate(method, template);
  const characters = invalidCharacterProblems(method, template);
  const problems = [...analysisProblems(analysis), ...characters];
  // A body whose braces, variable placement or characters are wrong has no known structure to check.
  if (
    analysis.syntaxProblems.length === 0 &&
    analysis.scan.problems.length === 0 &&
    characters.length === 0
  ) {
    problems.push(...bodyProblems(method, template, analysis));
  }
  return problems.length === 0
    ? { ok: true, variables: usedVariables(analysis) }
    : { ok: false, problems: locateProblems(template, problems) };
}

function bodyProblems(
  method: DeliveryMethod,
  template: string,
  { parts, scan }: TemplateAnalysis,
): OffsetProblem[] {
  const rendering = substitute(template, parts, (part) => {
    const variable = findTemplateVariable(part.name);
    const context = scan.contexts.get(part);
    return context ? escapeValue(context, variable?.example ?? UNKNOWN_SAMPLE, variable) : '';
  });
  switch (method) {
    case DeliveryMethod.XML:
    case DeliveryMethod.SOAP_1_1:
    case DeliveryMethod.SOAP_1_2:
      return xmlBodyProblems(method, rendering, scan);
    case DeliveryMethod.JSON: {
      const error = findJsonSyntaxError(rendering.body);
      return error
        ? [
            {
              code: TemplateProblemCode.INVALID_JSON,
              message: `not JSON: ${error.message}`,
              offset: rendering.map.templateOffset(error.offset),
            },
          ]
        : [];
    }
    case DeliveryMethod.POST:
      // The form scanner checked the pairs as written; encoded values cannot add any.
      return [];
  }
}
