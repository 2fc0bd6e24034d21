import { IsString, Matches } from 'class-validator';

/**
 * Text that is not only white space, with no length cap: the lead aggregate
 * requires it but sets no maximum (an actor's id), and the contract must
 * accept what the log holds.
 */
export function IsNonBlankText(): PropertyDecorator {
  return (target, propertyKey) => {
    IsString()(target, propertyKey);
    Matches(/\S/, { message: '$property must not be blank' })(target, propertyKey);
  };
}
