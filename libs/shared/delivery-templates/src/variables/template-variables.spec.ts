import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_PREFIX, TEMPLATE_VARIABLES, findTemplateVariable } from './template-variables';

const GUIDE = join(__dirname, '../../../../../docs/delivery-templates.md');

/** Rows of the guide's variables table: name and whether it is required. */
function documentedVariables(): [string, boolean][] {
  return [
    ...readFileSync(GUIDE, 'utf8').matchAll(/^\| `([a-z0-9_.<>]+)` +\|.*\| (yes|no) +\|$/gm),
  ].map(([, name, required]) => [name ?? '', required === 'yes']);
}

describe('TEMPLATE_VARIABLES', () => {
  it('are exactly the variables the guide documents, with the same required flags', () => {
    expect(documentedVariables()).toEqual([
      ...TEMPLATE_VARIABLES.slice(0, 14).map((v) => [v.name, !v.optional]),
      [`${ANSWER_PREFIX}<key>`, false],
      ...TEMPLATE_VARIABLES.slice(14).map((v) => [v.name, !v.optional]),
    ]);
  });
});

describe(findTemplateVariable.name, () => {
  it('finds fixed variables and answers under well-formed keys only', () => {
    expect(findTemplateVariable('lead.email')).toMatchObject({ optional: true });
    expect(findTemplateVariable('lead.answers.loan_term')).toMatchObject({ optional: true });
    expect(findTemplateVariable('lead.answers.Loan-Term')).toBeUndefined();
    expect(findTemplateVariable('lead.answers.')).toBeUndefined();
    expect(findTemplateVariable('lead')).toBeUndefined();
  });
});
