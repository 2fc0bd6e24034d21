import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { leadReceivedV1Examples } from '@leadrail/leads-contracts';
import { compareContractFiles, describeDrift, isUpToDate } from './compare-contract-files';
import { ASYNCAPI_FILE, contractFiles, isGeneratedPath } from './contract-files';
import { documentedRegistries } from './registries';

const workspaceRoot = resolve(__dirname, '..', '..');

describe(contractFiles.name, () => {
  const files = contractFiles(documentedRegistries);

  it('generates one schema per documented event and the AsyncAPI document', () => {
    const expected = documentedRegistries.flatMap((registry) =>
      registry.definitions.map(
        (definition) =>
          `docs/contracts/schemas/${definition.type}.v${definition.version}.schema.json`,
      ),
    );
    expect([...files.keys()].sort()).toEqual([ASYNCAPI_FILE, ...expected].sort());
    expect(files.has('docs/contracts/schemas/LeadReceived.v1.schema.json')).toBe(true);
    expect(files.has('docs/contracts/schemas/PartnerRegistered.v1.schema.json')).toBe(true);
    expect([...files.keys()].every(isGeneratedPath)).toBe(true);
  });

  it('refuses registries that define the same event twice', () => {
    expect(() => contractFiles([...documentedRegistries, ...documentedRegistries])).toThrow(
      'LeadReceived v1 is registered twice',
    );
  });

  // npm test runs in CI, so a contract class changed without regenerating fails there.
  it('matches the checked-in files (npm run contracts:generate)', () => {
    const onDisk = new Map(
      [...files.keys()].map((path) => [path, readFileSync(join(workspaceRoot, path), 'utf8')]),
    );
    const drift = compareContractFiles(files, onDisk);
    expect(isUpToDate(drift) ? '' : describeDrift(drift)).toBe('');
  });

  it('has the LeadReceived v1 examples in its guide, verbatim', () => {
    const guide = readFileSync(join(workspaceRoot, 'docs/contracts/lead-received-v1.md'), 'utf8');
    const blocks = [...guide.matchAll(/```json\n([\s\S]*?)\n```/g)].map(
      ([, body]) => JSON.parse(body ?? '') as unknown,
    );
    expect(blocks).toEqual(leadReceivedV1Examples.map((example) => example.payload));
  });
});
