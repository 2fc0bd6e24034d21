import { type BodyProblem, type LeadBodyResult, refused } from './lead-body';
import { LEAD_SHAPE, type ObjectShape, isObjectShape, joinField, unknownField } from './lead-shape';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names no lead field has, wherever the body nests objects the lead has. */
function unknownFields(
  value: Record<string, unknown>,
  shape: ObjectShape,
  path: string,
): BodyProblem[] {
  return Object.entries(value).flatMap(([name, child]) => {
    const field = joinField(path, name);
    const kind = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (kind === undefined) {
      return [unknownField(field)];
    }
    return isObjectShape(kind) && isRecord(child) ? unknownFields(child, kind, field) : [];
  });
}

/**
 * A lead from a JSON body, exactly as `LeadReceived` v1 data is written.
 * Values keep their JSON types: the contract's validator reports a wrong one
 * on its field. Names no lead field has are refused, as in XML and forms, and
 * `introducerId` is dropped (the API key names the introducer).
 */
export function parseJsonBody(json: string): LeadBodyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return refused('malformed', [
      { field: '', message: `the body is not valid JSON: ${(error as Error).message}` },
    ]);
  }
  if (!isRecord(parsed)) {
    return refused('invalid', [{ field: '', message: 'must be a JSON object' }]);
  }
  const problems = unknownFields(parsed, LEAD_SHAPE, '');
  if (problems.length > 0) {
    return refused('invalid', problems);
  }
  const candidate = Object.fromEntries(
    Object.entries(parsed).filter(([name]) => name !== 'introducerId'),
  );
  return { ok: true, candidate };
}
