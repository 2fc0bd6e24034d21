import { selectJsonPath } from '../match/json-path';
import { compileRegex } from '../match/regex';
import { withinTimeLimit } from '../match/time-limit';
import { parseXPath, selectXPath } from '../match/xpath';
import type { ResponseCapture } from '../outcome-rules';
import type { ResponseView } from './response-view';
import { scalarText } from './rule-match';

/**
 * The value a capture takes from the response, made fit for an event and a
 * log line: control characters and runs of white space become one space, the
 * ends are trimmed, and it is cut to `max` characters (code points). Null when
 * the capture finds nothing, nothing but white space, or runs out of time.
 * Never throws.
 */
export function captureValue(
  capture: ResponseCapture | null,
  view: ResponseView,
  max: number,
): string | null {
  if (capture === null) {
    return null;
  }
  try {
    const found = rawCapture(capture, view);
    return found === undefined ? null : cleanText(found, max);
  } catch {
    return null;
  }
}

function rawCapture(capture: ResponseCapture, view: ResponseView): string | undefined {
  switch (capture.from) {
    case 'header':
      return view.header(capture.expression);
    case 'regex': {
      const regex = compileRegex(capture.expression);
      const match = withinTimeLimit(() => regex.exec(view.text));
      // The first capture group that took part in the match; the whole match when there is none.
      return match ? (match.slice(1).find((group) => group !== undefined) ?? match[0]) : undefined;
    }
    case 'json-path': {
      const json = view.parsedJson();
      const selected = json
        ? withinTimeLimit(() => selectJsonPath(capture.expression, json.value))
        : undefined;
      return selected
        ?.map((value) => (value === null ? undefined : scalarText(value)))
        .find((text) => text !== undefined && text.trim() !== '');
    }
    case 'xpath': {
      const parsed = parseXPath(capture.expression);
      const document = view.localNameXml();
      const selection =
        typeof parsed === 'string' || !document
          ? undefined
          : withinTimeLimit(() => selectXPath(parsed, document));
      if (selection?.kind === 'scalar') {
        return selection.text;
      }
      return selection?.values.find((value) => value.trim() !== '');
    }
    default:
      return undefined;
  }
}

/** Text with controls and white-space runs as single spaces, trimmed and cut to `max` code points; null when empty. */
export function cleanText(text: string, max: number): string | null {
  // Only as much as can survive the cut is cleaned: a huge value costs no more than a short one.
  const cleaned = text
    .slice(0, max * 4 + 64)
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim();
  const points = Array.from(cleaned);
  const cut = points.length > max ? points.slice(0, max).join('').trimEnd() : cleaned;
  return cut === '' ? null : cut;
}
