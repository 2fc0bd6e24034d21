/**
 * Stream names are `<category>-<id>` (`partner-…`, `lead-…`); each aggregate has
 * one helper built from this, so names are never typed twice.
 */
export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-zA-Z]*$/.test(category)) {
    throw new Error(`stream category must be a camel-case word without dashes, got "${category}"`);
  }
  if (id.length === 0) {
    throw new Error(`stream id of category ${category} must not be empty`);
  }
  return `${category}-${id}`;
}

/** The category and id of a stream name made by streamName. */
export function parseStreamName(name: string): { category: string; id: string } {
  const dash = name.indexOf('-');
  if (dash <= 0 || dash === name.length - 1) {
    throw new Error(`"${name}" is not a <category>-<id> stream name`);
  }
  return { category: name.slice(0, dash), id: name.slice(dash + 1) };
}
