import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  type EventStore,
  type ExpectedRevision,
  type IdGenerator,
  WrongExpectedRevisionError,
  backoffDelay,
} from '@leadrail/event-store';
import {
  type DuplicateFinding,
  type KeyClaim,
  type LeadKeyClaimEvent,
  type RuleKeys,
  LEAD_KEY_CLAIM_EVENT_TYPES,
  findDuplicate,
  keyVerdict,
  leadStream,
  liveClaims,
} from '@leadrail/leads-domain';
import { EVENT_STORE, IDS } from '@leadrail/nest-kit';

// Racing leads with the same keys settle in two rounds (one wins, the rest read its claim);
// more rounds only happen when many keys of different people cross at once.
const MAX_ROUNDS = 12;
const BACKOFF = { initialDelayMs: 5, maxDelayMs: 200 };
const KNOWN = new Set<string>(LEAD_KEY_CLAIM_EVENT_TYPES);
// Recording a lead takes milliseconds; a claim this old whose lead has no stream was orphaned by a crash.
const ORPHAN_AFTER_MS = 60_000;

interface ReadClaims {
  claims: KeyClaim[];
  revision: bigint | undefined;
}

/**
 * De-duplication's atomic step. A lead's match keys are claim streams
 * (`leadKey-<hash>`); an original lead appends its claim with the revision it
 * read, so of two leads racing for a key, on any number of instances and
 * through either intake, exactly one appends first and the other, retrying,
 * reads that claim and is a duplicate. Never a read-then-write.
 */
@Injectable()
export class DuplicateClaims {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {}

  /**
   * The rule the lead falls under, or null when it is an original, in which
   * case every key it has is now claimed by it.
   */
  async settle(
    leadId: string,
    ruleKeys: readonly RuleKeys[],
    now: string,
    metadata: { correlationId: string; actor: { type: 'system'; id: string } },
  ): Promise<DuplicateFinding | null> {
    // Sorted, so racing leads meet on the same stream first instead of each winning a different one.
    const streams = [
      ...new Set(ruleKeys.flatMap(({ keys }) => keys.map((key) => key.stream))),
    ].sort();
    for (let round = 1; ; round++) {
      const read = new Map(
        await Promise.all(
          streams.map(async (stream) => [stream, await this.read(stream)] as const),
        ),
      );
      const claims = new Map([...read].map(([stream, { claims }]) => [stream, claims]));
      const finding = findDuplicate(ruleKeys, claims, leadId, now);
      if (finding !== null) {
        if (await this.isOrphan(finding.originalLeadId, claims, now)) {
          await this.releaseHeld(finding.originalLeadId, read, now, metadata);
          continue;
        }
        await this.releaseHeld(leadId, read, now, metadata);
        return finding;
      }
      try {
        for (const stream of streams) {
          const { claims: held, revision } = read.get(stream) ?? {
            claims: [],
            revision: undefined,
          };
          if (keyVerdict(held, leadId, { type: 'all-time' }, now).kind === 'held-by-self') {
            continue;
          }
          await this.append(
            stream,
            { type: 'LeadKeyClaimed', data: { leadId, claimedAt: now } },
            revision ?? 'no_stream',
            metadata,
            now,
          );
        }
        return null;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || round >= MAX_ROUNDS) {
          throw error;
        }
        await sleep(backoffDelay(round, BACKOFF));
      }
    }
  }

  /**
   * Whether a claim names a lead that was never recorded: its stream is still
   * empty well after the claim (the process crashed between claiming and
   * recording). A younger claim is a lead being recorded right now, and
   * counts: that is the race this class exists for.
   */
  private async isOrphan(
    originalLeadId: string,
    claims: ReadonlyMap<string, readonly KeyClaim[]>,
    now: string,
  ): Promise<boolean> {
    const claimedAt = [...claims.values()]
      .flat()
      .find((claim) => claim.leadId === originalLeadId)?.claimedAt;
    if (claimedAt === undefined || Date.parse(now) - Date.parse(claimedAt) < ORPHAN_AFTER_MS) {
      return false;
    }
    return (await this.store.streamRevision(leadStream(originalLeadId))) === undefined;
  }

  /**
   * Gives back every key a lead claimed: recording it failed after it claimed
   * them, or its personal data is being erased.
   */
  async release(
    leadId: string,
    ruleKeys: readonly RuleKeys[],
    now: string,
    metadata: { correlationId: string; actor: { type: 'system'; id: string } },
  ): Promise<void> {
    const streams = [...new Set(ruleKeys.flatMap(({ keys }) => keys.map((key) => key.stream)))];
    const read = new Map(
      await Promise.all(streams.map(async (stream) => [stream, await this.read(stream)] as const)),
    );
    await this.releaseHeld(leadId, read, now, metadata);
  }

  /** The leads holding a key now, oldest first. */
  async holders(stream: string): Promise<KeyClaim[]> {
    return (await this.read(stream)).claims;
  }

  private async read(stream: string): Promise<ReadClaims> {
    const events = await this.store.readStream(stream);
    const known = events.filter((event): event is typeof event & LeadKeyClaimEvent =>
      KNOWN.has(event.type),
    );
    return { claims: liveClaims(known), revision: events.at(-1)?.revision };
  }

  /** A lead that lost a race on a later key gives back the keys it claimed in an earlier round. */
  private async releaseHeld(
    leadId: string,
    read: ReadonlyMap<string, ReadClaims>,
    now: string,
    metadata: { correlationId: string; actor: { type: 'system'; id: string } },
  ): Promise<void> {
    for (const [stream, { claims }] of read) {
      if (claims.some((claim) => claim.leadId === leadId)) {
        await this.append(
          stream,
          { type: 'LeadKeyClaimReleased', data: { leadId, releasedAt: now } },
          'any',
          metadata,
          now,
        );
      }
    }
  }

  private async append(
    stream: string,
    event: LeadKeyClaimEvent,
    expectedRevision: ExpectedRevision,
    metadata: { correlationId: string; actor: { type: 'system'; id: string } },
    now: string,
  ): Promise<void> {
    await this.store.appendToStream(
      stream,
      [
        {
          id: this.ids.next(),
          type: event.type,
          data: event.data,
          metadata: {
            correlationId: metadata.correlationId,
            causationId: metadata.correlationId,
            occurredAt: now,
            actor: metadata.actor,
          },
        },
      ],
      { expectedRevision },
    );
  }
}
