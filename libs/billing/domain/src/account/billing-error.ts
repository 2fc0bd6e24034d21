/** Why a billing command was refused. */
export enum BillingErrorCode {
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  WRONG_CURRENCY = 'WRONG_CURRENCY',
  NO_SUCH_CHARGE = 'NO_SUCH_CHARGE',
  NO_SUCH_PAYABLE = 'NO_SUCH_PAYABLE',
  INVALID_COMMAND = 'INVALID_COMMAND',
}

/** A refused billing command, with the field at fault (an API answers 400 with it). */
export class BillingError extends Error {
  constructor(
    readonly code: BillingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'BillingError';
  }
}
