/** Why a delivery command was refused. */
export enum DeliveryErrorCode {
  INVALID_COMMAND = 'INVALID_COMMAND',
  NOT_REQUESTED = 'NOT_REQUESTED',
  CHANNEL_NOT_REQUESTED = 'CHANNEL_NOT_REQUESTED',
  NOT_DELIVERED = 'NOT_DELIVERED',
}

/** A refused delivery command, with the field at fault. */
export class DeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
