/**
 * `npm run contracts:generate`: writes the JSON Schema of every documented
 * integration event and the AsyncAPI document (docs/contracts/) from the
 * contract classes. `npm run contracts:check` (`--check`) writes nothing and
 * exits 1 when a file is missing, out of date or no longer generated.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { check as prettierAgrees, resolveConfig } from 'prettier';
import { compareContractFiles, describeDrift, isUpToDate } from './compare-contract-files';
import { ASYNCAPI_FILE, contractFiles, isGeneratedPath, SCHEMAS_DIR } from './contract-files';
import { documentedRegistries } from './registries';

const workspaceRoot = resolve(__dirname, '..', '..');

function readGeneratedFiles(): Map<string, string> {
  const schemaDir = join(workspaceRoot, SCHEMAS_DIR);
  const schemaFiles = existsSync(schemaDir)
    ? readdirSync(schemaDir).map((name) => `${SCHEMAS_DIR}/${name}`)
    : [];
  const paths = [...schemaFiles, ASYNCAPI_FILE].filter(
    (path) => isGeneratedPath(path) && existsSync(join(workspaceRoot, path)),
  );
  return new Map(paths.map((path) => [path, readFileSync(join(workspaceRoot, path), 'utf8')]));
}

// format-json.ts reproduces Prettier's JSON layout so Jest can use it; if the
// two ever disagree, `npm run format:check` and this check would fight.
async function assertPrettierAgrees(files: ReadonlyMap<string, string>): Promise<void> {
  for (const [path, content] of files) {
    const filepath = join(workspaceRoot, path);
    const options = (await resolveConfig(filepath)) ?? {};
    if (!(await prettierAgrees(content, { ...options, filepath }))) {
      throw new Error(`${path}: tools/contracts/format-json.ts lays it out unlike Prettier`);
    }
  }
}

async function main(args: readonly string[]): Promise<number> {
  const checkOnly = args.includes('--check');
  const expected = contractFiles(documentedRegistries);
  await assertPrettierAgrees(expected);
  const drift = compareContractFiles(expected, readGeneratedFiles());

  if (checkOnly) {
    if (isUpToDate(drift)) {
      console.log(`contracts: ${expected.size} files up to date`);
      return 0;
    }
    console.error(describeDrift(drift));
    return 1;
  }
  for (const path of [...drift.missing, ...drift.changed]) {
    const target = join(workspaceRoot, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, expected.get(path) ?? '');
    console.log(`wrote ${path}`);
  }
  for (const path of drift.unexpected) {
    rmSync(join(workspaceRoot, path));
    console.log(`deleted ${path}`);
  }
  console.log(`contracts: ${expected.size} files up to date`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
