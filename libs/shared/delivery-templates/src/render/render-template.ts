import type { DeliveryMethod } from '../delivery-method';
import { DeliveryTemplateError, DeliveryTemplateErrorCode } from '../errors';
import { locateProblems } from '../problems';
import { analyseTemplate, analysisProblems } from '../syntax/analyse-template';
import { type TemplateValues, valueOf } from '../values/template-value';
import { findTemplateVariable } from '../variables/template-variables';
import { escapeValue } from './escape-value';
import { substitute } from './substitute';

/**
 * The request body for one delivery: the template with every variable replaced
 * by its value, escaped for where it stands (see `escapeValue`), so no value can
 * change the body's structure. Missing optional values render empty (`null`
 * bare in JSON).
 *
 * Throws {@link DeliveryTemplateError}: `INVALID_TEMPLATE` when the template has
 * problems `checkTemplate` reports (it should not have been saved), and
 * `MISSING_REQUIRED_VALUES` when a value every lead has was not supplied.
 */
export function renderTemplate(
  method: DeliveryMethod,
  template: string,
  values: TemplateValues,
): string {
  const analysis = analyseTemplate(method, template);
  const problems = analysisProblems(analysis);
  if (problems.length > 0) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_TEMPLATE,
      `the ${method} body template has ${problems.length} problem(s); check it with checkTemplate`,
      locateProblems(template, problems),
    );
  }
  const missing = analysis.parts.flatMap((part) =>
    part.kind === 'variable' &&
    findTemplateVariable(part.name)?.optional === false &&
    valueOf(values, part.name) === undefined
      ? [part.name]
      : [],
  );
  if (missing.length > 0) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.MISSING_REQUIRED_VALUES,
      `no value for ${[...new Set(missing)].join(', ')}, which every lead has`,
    );
  }
  return substitute(template, analysis.parts, (part) => {
    const context = analysis.scan.contexts.get(part);
    return context
      ? escapeValue(context, valueOf(values, part.name), findTemplateVariable(part.name))
      : '';
  }).body;
}
