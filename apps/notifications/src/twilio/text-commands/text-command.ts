/** What a partner's text asks for. */
export type TextCommand = 'pause' | 'resume' | 'help' | 'carrier-keyword';

/**
 * Keywords carriers and Twilio answer themselves (opt-out and opt-in: Twilio
 * replies to them, and blocks further texts to a number that sent STOP, so
 * a reply of ours would be refused or come twice).
 */
const CARRIER_KEYWORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'START',
  'YES',
  'UNSTOP',
  'OPTIN',
]);

/**
 * The command a text holds: `LEADS OFF` pauses, `LEADS ON` resumes, in any
 * case, with any spaces around and between the words; anything else asks
 * for help (carrier keywords are left to the carrier).
 */
export function textCommandOf(body: string): TextCommand {
  const words = body.trim().split(/\s+/).join(' ').toUpperCase();
  if (words === 'LEADS OFF') {
    return 'pause';
  }
  if (words === 'LEADS ON') {
    return 'resume';
  }
  return CARRIER_KEYWORDS.has(words) ? 'carrier-keyword' : 'help';
}

/** A partner's name as a reply may show it: short and plain, so the reply stays one SMS segment. */
function shortName(name: string): string {
  const plain = name.replace(/\s+/g, ' ').trim();
  return plain.length <= 40 ? plain : `${plain.slice(0, 37)}...`;
}

/** The replies, in plain words; each fits one SMS. */
export const textReplies = {
  paused: (name: string) =>
    `LeadRail: leads to ${shortName(name)} are paused. Text LEADS ON to resume them.`,
  resumed: (name: string) =>
    `LeadRail: leads to ${shortName(name)} are on again. Text LEADS OFF to pause them.`,
  help: 'LeadRail: text LEADS OFF to pause your leads, or LEADS ON to resume them.',
  unknownNumber:
    'LeadRail: sorry, this number is not registered to a partner account, so we cannot change any leads. Please contact your account manager.',
  failed:
    'LeadRail: sorry, we could not change your leads just now. Please try again in a few minutes.',
} as const;
