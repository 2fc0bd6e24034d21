// Names every skipped or pending test at the end of a run, with its file, so a
// skip is never hidden in a count. Tests that skip for a reason print it in
// their name (see skipUnless in @leadrail/testing).
class SkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
          skipped.push(
            `  - ${test.fullName} (${file.testFilePath.replace(`${process.cwd()}/`, '')})`,
          );
        }
      }
    }
    if (skipped.length > 0) {
      process.stderr.write(`\nSkipped tests (${skipped.length}):\n${skipped.join('\n')}\n`);
    }
  }
}

module.exports = SkippedTestsReporter;
