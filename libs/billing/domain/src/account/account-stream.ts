/** The category of partner account streams: `account-<partnerId>`. */
export const ACCOUNT_STREAM_CATEGORY = 'account';

/** The stream holding one partner's account. */
export function accountStream(partnerId: string): string {
  return `${ACCOUNT_STREAM_CATEGORY}-${partnerId}`;
}
