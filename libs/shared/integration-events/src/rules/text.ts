import { IsString, Length, Matches, ValidationOptions } from 'class-validator';

/**
 * Free text of 1 to `max` characters that is not only white space: a name of
 * "  " would pass a length rule and reach a partner as nothing.
 */
export function IsText(max: number, options?: ValidationOptions): PropertyDecorator {
  const decorators = [
    IsString(options),
    Length(1, max, { ...options, message: `$property must be 1 to ${max} characters` }),
    Matches(/\S/, { ...options, message: '$property must not be blank' }),
  ];
  return (target, propertyKey) => {
    for (const decorate of decorators) {
      decorate(target, propertyKey);
    }
  };
}
