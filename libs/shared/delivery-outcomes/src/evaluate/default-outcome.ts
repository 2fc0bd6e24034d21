import type { DeliveryMethod } from '@leadrail/delivery-templates';
import { cleanText } from './captures';
import type { ResponseView } from './response-view';
import { soapFaultOf } from './soap-fault';

/** What a default rule decided, with the reason to give when the lead is not accepted. */
export interface DefaultDecision {
  readonly outcome: 'accepted' | 'rejected' | 'error';
  readonly matched: string;
  readonly reason: string;
}

// Statuses that say "not now" rather than "not this": a retry may succeed.
const RETRYABLE_4XX = new Set([408, 425, 429]);
// The SOAP codes that blame the request: sending it again cannot help.
const REQUEST_FAULTS = new Set([
  'Client',
  'Sender',
  'VersionMismatch',
  'MustUnderstand',
  'DataEncodingUnknown',
]);
const SERVER_FAULTS = new Set(['Server', 'Receiver']);

/** The default rule for an HTTP status. */
export function defaultOutcome(status: number): DefaultDecision {
  const reason = `HTTP ${status} from the partner`;
  if (status >= 200 && status <= 299) {
    return { outcome: 'accepted', matched: 'default: 2xx', reason };
  }
  if (RETRYABLE_4XX.has(status)) {
    return { outcome: 'error', matched: `default: ${status}`, reason };
  }
  if (status >= 400 && status <= 499) {
    return { outcome: 'rejected', matched: 'default: 4xx', reason };
  }
  if (status >= 300 && status <= 399) {
    return { outcome: 'error', matched: 'default: 3xx', reason };
  }
  if (status >= 500 && status <= 599) {
    return { outcome: 'error', matched: 'default: 5xx', reason };
  }
  return { outcome: 'error', matched: 'default: unexpected status', reason };
}

/**
 * The default rule for a SOAP Fault, for the SOAP methods: the request's fault
 * (Client, Sender, …) is a rejection, the server's (Server, Receiver) an error;
 * a code of the partner's own follows the HTTP status (a 4xx the defaults reject is a
 * rejection, anything else an error).
 * Undefined when the answer is not a SOAP Fault.
 */
export function soapFaultOutcome(
  view: ResponseView,
  method: DeliveryMethod,
): DefaultDecision | undefined {
  if (method !== 'soap-1.1' && method !== 'soap-1.2') {
    return undefined;
  }
  const document = view.parsedXml();
  const fault = document && soapFaultOf(document);
  if (!fault) {
    return undefined;
  }
  // Subcodes after a dot (Client.Authentication) refine the code; the class is before it.
  const base = fault.code.split('.')[0] ?? '';
  const status = view.response.status;
  const outcome =
    fault.standard && REQUEST_FAULTS.has(base)
      ? 'rejected'
      : fault.standard && SERVER_FAULTS.has(base)
        ? 'error'
        : defaultOutcome(status).outcome === 'rejected'
          ? 'rejected'
          : 'error';
  const code = cleanText(fault.code, 100) ?? 'no code';
  return {
    outcome,
    matched: `soap-fault: ${code}`,
    reason: fault.reason || `SOAP ${fault.version} fault ${code} from the partner (HTTP ${status})`,
  };
}
