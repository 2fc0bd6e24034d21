import { IsString, Matches } from 'class-validator';

/**
 * Text that is not only white space, with no length cap: the domain trims and
 * requires it but sets no maximum, and the contract must accept what it emits.
 */
export function IsNonBlankText(): PropertyDecorator {
  return (target, propertyKey) => {
    IsString()(target, propertyKey);
    Matches(/\S/, { message: '$property must not be blank' })(target, propertyKey);
  };
}
