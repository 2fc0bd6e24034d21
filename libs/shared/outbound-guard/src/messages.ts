import { OUTBOUND_ALLOWED_HOSTS } from './error-code';
import type { InternalAddress } from './internal-address';

// Every refusal is read by an operator who just typed a URL: say what is wrong
// with it, which host and address, and how to proceed when it is intended.

function howToAllow(host: string): string {
  return `To send to it anyway (tests, on-premise partners), an operator adds "${host}" to ${OUTBOUND_ALLOWED_HOSTS}.`;
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export const messages = {
  invalidUrl: (input: string): string =>
    `"${shorten(input)}" is not a valid URL (expected e.g. https://api.partner.example/leads).`,

  invalidHost: (input: string): string =>
    `"${shorten(input)}" does not have a valid host name (letters, digits, "-" and "_" between dots).`,

  unsupportedScheme: (protocol: string): string =>
    `Only http: and https: URLs can be used, not "${shorten(protocol)}".`,

  credentialsInUrl: (host: string): string =>
    `The URL for ${host} carries credentials (user:password@), which would be stored and shown ` +
    'with it. Remove them and send them another way: a header such as Authorization, or the body.',

  internalHostName: (host: string, reason: string): string =>
    `The host ${reason}; LeadRail does not send to hosts inside its own network. ${howToAllow(host)}`,

  internalLiteral: (host: string, internal: InternalAddress): string =>
    `The host ${host} is an internal address (${internal.description}); LeadRail does not send ` +
    `to internal addresses. ${howToAllow(host)}`,

  internalResolved: (host: string, internal: InternalAddress): string =>
    `The host ${host} resolves to ${internal.address}, an internal address (${internal.description}); ` +
    `LeadRail does not send to internal addresses. ${howToAllow(host)}`,

  unresolvable: (host: string, cause: string): string =>
    `The host ${host} could not be resolved (${cause}): it needs a public DNS record (A or AAAA). ` +
    `Check the spelling. If it only resolves inside the delivery network, an operator adds "${host}" ` +
    `to ${OUTBOUND_ALLOWED_HOSTS}.`,

  notAnAddress: (host: string, value: string): string =>
    `The host ${host} could not be resolved: the resolver answered "${shorten(value)}", not an IP address.`,
};
