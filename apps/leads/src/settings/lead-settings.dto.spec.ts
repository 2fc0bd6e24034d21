import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@leadrail/nest-kit';
import {
  ChangeLeadTypeDto,
  DefineLeadTypeDto,
  DuplicateRulesDto,
  StatusCatalogueDto,
} from './lead-settings.dto';

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

describe('routing method of a lead type', () => {
  const type = { slug: 'home-insurance', name: 'Home insurance' };

  it.each(['round-robin', 'weighted', undefined])(
    'accepts %p when defining a type',
    async (routingMethod) => {
      expect(await verdict(DefineLeadTypeDto, { ...type, routingMethod })).toBe('accepted');
    },
  );

  it.each(['weighted', 'round-robin'])('accepts %p alone as a change', async (routingMethod) => {
    expect(await verdict(ChangeLeadTypeDto, { routingMethod })).toBe('accepted');
  });

  it.each([['random'], ['Weighted'], [''], [null], [2], [['weighted']], [{ method: 'weighted' }]])(
    'refuses %j as a 400 naming routingMethod',
    async (routingMethod) => {
      expect(await verdict(DefineLeadTypeDto, { ...type, routingMethod })).toEqual([
        'routingMethod',
      ]);
      expect(await verdict(ChangeLeadTypeDto, { routingMethod })).toEqual(['routingMethod']);
    },
  );
});
