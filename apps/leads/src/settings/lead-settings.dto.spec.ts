import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@leadrail/nest-kit';
import { DuplicateRulesDto, StatusCatalogueDto } from './lead-settings.dto';

const pipe = createValidationPipe();
const rule = {
  id: 'same-email-30-days',
  keys: ['email'],
  scope: 'all-introducers',
  window: { type: 'days', days: 30 },
  action: 'reject',
};

/** The fields a refused body's 400 names, or `accepted`. */
async function verdict(metatype: new () => object, body: unknown): Promise<string[] | 'accepted'> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return 'accepted';
  } catch (error) {
    if (!(error instanceof BadRequestException)) {
      throw error;
    }
    const answer = error.getResponse() as { errors: { field: string }[] };
    return answer.errors.map((problem) => problem.field);
  }
}

// The controller reads `rule.window.type`: anything but objects here was a 500 (found by the API fuzzer).
describe(DuplicateRulesDto.name, () => {
  it('accepts rules with a window each', async () => {
    expect(await verdict(DuplicateRulesDto, { rules: [rule] })).toBe('accepted');
  });

  it.each([
    ['a rule without a window', { rules: [{ ...rule, window: undefined }] }, 'rules[0].window'],
    [
      'a window that is an array',
      { rules: [{ ...rule, window: [rule.window] }] },
      'rules[0].window',
    ],
    ['a rule that is an array', { rules: [[rule]] }, 'rules'],
  ])('refuses %s as a 400 naming the field', async (_case, body, field) => {
    expect(await verdict(DuplicateRulesDto, body)).toContain(field);
  });
});

describe(StatusCatalogueDto.name, () => {
  it('refuses a status definition that is an array', async () => {
    const statuses = [[{ status: 'new', billingPoint: null }]];
    expect(await verdict(StatusCatalogueDto, { statuses })).toContain('statuses');
  });
});
