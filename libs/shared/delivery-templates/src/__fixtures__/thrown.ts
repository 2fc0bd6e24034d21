import { DeliveryTemplateError } from '../errors';

/** The DeliveryTemplateError `act` throws; fails the test when it throws nothing or something else. */
export function thrownBy(act: () => unknown): DeliveryTemplateError {
  try {
    act();
  } catch (error) {
    if (error instanceof DeliveryTemplateError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DeliveryTemplateError');
}
