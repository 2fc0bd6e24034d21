import { EmailTemplateError } from '../email-template-error';

/** The EmailTemplateError `run` throws; fails when it throws nothing or something else. */
export function refusalOf(run: () => unknown): EmailTemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof EmailTemplateError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an EmailTemplateError');
}
