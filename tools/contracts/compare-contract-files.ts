/** How the contract files on disk differ from what the classes generate. */
export interface ContractFileDrift {
  /** Generated files that are not on disk. */
  readonly missing: readonly string[];
  /** Files on disk whose content differs from the generated one. */
  readonly changed: readonly string[];
  /** Files in a generated folder that nothing generates any more (a removed event). */
  readonly unexpected: readonly string[];
}

/**
 * Compares generated files with the files found on disk, both keyed by path
 * relative to the repository root. Pure, so check mode is tested without
 * touching the file system.
 */
export function compareContractFiles(
  expected: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
): ContractFileDrift {
  const sorted = (paths: Iterable<string>) => [...paths].sort();
  return {
    missing: sorted([...expected.keys()].filter((path) => !actual.has(path))),
    changed: sorted(
      [...expected]
        .filter(([path, content]) => actual.has(path) && actual.get(path) !== content)
        .map(([path]) => path),
    ),
    unexpected: sorted([...actual.keys()].filter((path) => !expected.has(path))),
  };
}

/** True when the files on disk are exactly the generated ones. */
export function isUpToDate(drift: ContractFileDrift): boolean {
  return drift.missing.length + drift.changed.length + drift.unexpected.length === 0;
}

/** A report for a failed check: every file, what is wrong with it, and the fix. */
export function describeDrift(drift: ContractFileDrift): string {
  const lines = [
    ...drift.missing.map((path) => `  - ${path}: missing`),
    ...drift.changed.map((path) => `  - ${path}: out of date`),
    ...drift.unexpected.map((path) => `  - ${path}: no longer generated`),
  ];
  return [
    'Contract files do not match the contract classes:',
    ...lines,
    'Run npm run contracts:generate and commit the result.',
  ].join('\n');
}
