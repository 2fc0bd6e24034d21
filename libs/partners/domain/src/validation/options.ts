import { PartnerError, PartnerErrorCode } from '../errors/partner-error';

/**
 * Refuses a value outside a fixed list. Commands arrive from outside (HTTP,
 * Kafka), so a union type alone does not keep a stray string out of the log.
 */
export function assertOneOf<T extends string>(
  value: unknown,
  options: readonly T[],
  field: string,
): asserts value is T {
  if (!options.includes(value as T)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_OPTION,
      `must be one of ${options.join(', ')}, got ${JSON.stringify(value)}`,
      field,
    );
  }
}

/** Whether text holds control characters (CR and LF among them), which must never reach names or logs. */
export function hasControlCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) {
      return true;
    }
  }
  return false;
}
