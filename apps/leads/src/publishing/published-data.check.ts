/**
 * Compile-time proof that what the relay publishes meets `leadsRegistry`'s
 * contracts. The contracts cannot import the domain (they are the lower
 * layer), so the check lives here, where both meet. Nothing runs: a mismatch
 * fails `typecheck` with the message below naming the event.
 */
import type {
  LeadAllocatedV1Data,
  LeadDeliveredV1Data,
  LeadDeliveryFailedV1Data,
  LeadLinkedAsDuplicateV1Data,
  LeadPersonalDataErasedV1Data,
  LeadRecordedV1Data,
  LeadReferredV1Data,
  LeadRejectedV1Data,
  LeadStatusChangedV1Data,
  ReferralAcceptedV1Data,
  ReferralDeclinedV1Data,
  ReferralExpiredV1Data,
  ReturnAcceptedV1Data,
  ReturnDeclinedV1Data,
  ReturnRequestedV1Data,
} from '@leadrail/leads-contracts';
import type { StoredLeadReceivedData } from '../personal-data/sealed-personal-data';
import type { StoredLeadEvent, StoredLeadEventData } from './stored-lead-event';

/** The contract each stored type is published under its own name with. */
interface PublishedData {
  LeadRejected: LeadRejectedV1Data;
  LeadLinkedAsDuplicate: LeadLinkedAsDuplicateV1Data;
  LeadAllocated: LeadAllocatedV1Data;
  LeadReferred: LeadReferredV1Data;
  ReferralAccepted: ReferralAcceptedV1Data;
  ReferralDeclined: ReferralDeclinedV1Data;
  ReferralExpired: ReferralExpiredV1Data;
  LeadDelivered: LeadDeliveredV1Data;
  LeadDeliveryFailed: LeadDeliveryFailedV1Data;
  LeadStatusChanged: LeadStatusChangedV1Data;
  ReturnRequested: ReturnRequestedV1Data;
  ReturnAccepted: ReturnAcceptedV1Data;
  ReturnDeclined: ReturnDeclinedV1Data;
  LeadPersonalDataErased: LeadPersonalDataErasedV1Data;
}

/**
 * `true` when every stored value is valid contract data as typed (deeply
 * assignable) and both name the same fields: none left out, none invented.
 */
type Fits<Stored, Published, Name extends string> = [Stored] extends [Published]
  ? [Exclude<keyof Stored, keyof Published>, Exclude<keyof Published, keyof Stored>] extends [
      never,
      never,
    ]
    ? true
    : `${Name}: the stored data and the contract name different fields`
  : `${Name}: the stored data does not fit the contract`;

/** Stored types published as they are: every stored type but `LeadReceived`. */
type PassedThrough = Exclude<StoredLeadEvent['type'], 'LeadReceived'>;

type CheckOf<T extends PassedThrough> = T extends keyof PublishedData
  ? Fits<StoredLeadEventData<T>, PublishedData[T], T>
  : `${T}: no contract in leadsRegistry; add one before the relay publishes it`;

// Listing each type makes a new stored type fail here until it has a contract.
const passedThrough: { [T in PassedThrough]: CheckOf<T> } = {
  LeadRejected: true,
  LeadLinkedAsDuplicate: true,
  LeadAllocated: true,
  LeadReferred: true,
  ReferralAccepted: true,
  ReferralDeclined: true,
  ReferralExpired: true,
  LeadDelivered: true,
  LeadDeliveryFailed: true,
  LeadStatusChanged: true,
  ReturnRequested: true,
  ReturnAccepted: true,
  ReturnDeclined: true,
  LeadPersonalDataErased: true,
};

// LeadRecorded: the stored LeadReceived with its details lifted to the top.
// leadRecordedData's signature proves the values fit; this proves no field is lost or added.
type StoredFields =
  Exclude<keyof StoredLeadReceivedData, 'details'> | keyof StoredLeadReceivedData['details'];
const recorded: Fits<
  Record<StoredFields, unknown>,
  Record<keyof LeadRecordedV1Data, unknown>,
  'LeadRecorded'
> = true;

void passedThrough;
void recorded;
