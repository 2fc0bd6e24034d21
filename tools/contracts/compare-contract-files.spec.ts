import { compareContractFiles, describeDrift, isUpToDate } from './compare-contract-files';

const SCHEMA = 'docs/contracts/schemas/LeadReceived.v1.schema.json';
const ASYNCAPI = 'docs/contracts/asyncapi.json';

describe(compareContractFiles.name, () => {
  const expected = new Map([
    [SCHEMA, '{"a": 1}\n'],
    [ASYNCAPI, '{"b": 2}\n'],
  ]);

  it('finds nothing to do when the files on disk are the generated ones', () => {
    const drift = compareContractFiles(expected, new Map(expected));
    expect(isUpToDate(drift)).toBe(true);
  });

  it('detects a stale file whose content differs from the generated one', () => {
    const drift = compareContractFiles(
      expected,
      new Map([
        [SCHEMA, '{"a": 0}\n'],
        [ASYNCAPI, '{"b": 2}\n'],
      ]),
    );
    expect(drift).toEqual({ missing: [], changed: [SCHEMA], unexpected: [] });
    expect(isUpToDate(drift)).toBe(false);
  });

  it('detects a missing file and a file nothing generates any more', () => {
    const removed = 'docs/contracts/schemas/LeadReceived.v0.schema.json';
    const drift = compareContractFiles(
      expected,
      new Map([
        [ASYNCAPI, '{"b": 2}\n'],
        [removed, '{}\n'],
      ]),
    );
    expect(drift).toEqual({ missing: [SCHEMA], changed: [], unexpected: [removed] });
  });

  it('treats a missing trailing newline as a difference', () => {
    const drift = compareContractFiles(expected, new Map([...expected, [SCHEMA, '{"a": 1}']]));
    expect(drift.changed).toEqual([SCHEMA]);
  });
});

describe(describeDrift.name, () => {
  it('lists every file with what is wrong and says how to fix it', () => {
    expect(
      describeDrift({
        missing: [SCHEMA],
        changed: [ASYNCAPI],
        unexpected: ['docs/contracts/schemas/Old.v1.schema.json'],
      }),
    ).toBe(
      [
        'Contract files do not match the contract classes:',
        `  - ${SCHEMA}: missing`,
        `  - ${ASYNCAPI}: out of date`,
        '  - docs/contracts/schemas/Old.v1.schema.json: no longer generated',
        'Run npm run contracts:generate and commit the result.',
      ].join('\n'),
    );
  });
});
