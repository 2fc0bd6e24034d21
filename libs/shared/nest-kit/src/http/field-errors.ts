import type { ValidationError } from 'class-validator';

/** One field's problems, named by its path in the request body (`schedule.days.mon.from`). */
export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens class-validator's nested errors into field paths. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      parent === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
