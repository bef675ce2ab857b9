// The dead letters of every consumer group, on either transport, kept where
// stewards can see them and put them right: consumers record what they could
// not apply, stewards list and count them (metadata only) and ask for a
// replay once the cause is fixed, and the consumer's own subscription
// replays them (subscribe-with-dead-letters.ts) and settles each one.
import type { DeadLetterVerdict } from '#spean/bus';
import type { Metrics } from '#spean/observability';
import {
  DEAD_LETTER_STATUSES,
  type DeadLetterCountQuery,
  type DeadLetterCounts,
  type DeadLetterListQuery,
  type DeadLetterStatus,
  type DeadLetterSummary,
  type OpenDeadLetterCount,
  type PendingReplay,
  type ReplayRequest,
  type ReplayRequested,
} from './dead-letter.js';
import { DeadLetterException, DeadLetterExceptionCode } from './dead-letter.exception.js';
import { deadLetterMetadata } from './dead-letter-metadata.js';
import type { DeadLetterEntry, DeadLetterRepository } from './dead-letter.repository.js';

/** The code of a verdict that gave none, so every letter can be counted and filtered. */
export const UNSPECIFIED_CODE = 'unspecified';

const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;

export class DeadLetterService {
  constructor(
    private readonly repository: DeadLetterRepository,
    /** Absent where nothing is scraped (the CLI). */
    private readonly metrics?: Metrics,
  ) {}

  /** Stores a group's verdicts durably, as open letters; a letter seen before is updated. */
  async record(group: string, verdicts: DeadLetterVerdict[]): Promise<void> {
    const entries = new Map<string, DeadLetterEntry>();
    for (const verdict of verdicts) {
      // One statement cannot touch a row twice: a message named twice is recorded once.
      entries.set(messageId(verdict.message), {
        verdict,
        code: codeOf(verdict),
        metadata: deadLetterMetadata(verdict.message),
      });
    }
    await this.repository.record(group, [...entries.values()]);
    for (const entry of entries.values()) this.count(group, entry.code);
  }

  list(query: DeadLetterListQuery = {}): Promise<DeadLetterSummary[]> {
    const status = checkedStatus(query.status);
    return this.repository.list(
      {
        group: query.group,
        recordType: query.recordType,
        code: query.code,
        source: query.source,
        adapters: query.adapters,
        status,
      },
      {
        limit: Math.min(Math.max(Math.trunc(query.first ?? DEFAULT_PAGE), 1), MAX_PAGE),
        offset: Math.max(Math.trunc(query.offset ?? 0), 0),
      },
    );
  }

  /** Open letters by group and code. */
  counts(): Promise<OpenDeadLetterCount[]> {
    return this.repository.countOpen();
  }

  /**
   * The letters the same filter lists, all of them counted by the server: in
   * total and by group, source, record type and code. Of open letters, the
   * total is what a replay of the same filter would take.
   */
  countMatching(query: DeadLetterCountQuery = {}): Promise<DeadLetterCounts> {
    return this.repository.countSelection({
      group: query.group,
      recordType: query.recordType,
      code: query.code,
      source: query.source,
      adapters: query.adapters,
      status: checkedStatus(query.status),
    });
  }

  /**
   * Marks open letters for replay and wakes their groups' consumers. Resolved
   * letters are never replayed again, so no record is applied twice this way.
   */
  async requestReplay(request: ReplayRequest): Promise<ReplayRequested> {
    const filter = {
      group: request.group,
      recordType: request.recordType,
      code: request.code,
      source: request.source,
    };
    const filtered = Object.values(filter).some((value) => value !== undefined);
    // The scope narrows a selection; it does not make one.
    const scoped = { ...filter, adapters: request.adapters };
    if (!request.all && !filtered && request.ids === undefined) {
      throw new DeadLetterException(
        DeadLetterExceptionCode.REPLAY_NEEDS_SELECTION,
        'a replay needs ids or at least one filter (group, recordType, code, source)',
      );
    }
    const ids = request.ids?.map((id) => id.trim());
    const invalid = ids?.find((id) => !/^[1-9]\d{0,17}$/.test(id));
    if (invalid !== undefined) {
      throw new DeadLetterException(
        DeadLetterExceptionCode.INVALID_ID,
        'dead-letter ids are whole numbers above 0',
        { field: 'ids' },
      );
    }
    if (request.dryRun) {
      // The open letters of the selection: what requestReplay marks.
      const counted = await this.repository.countSelection({ ...scoped, ids, status: 'open' });
      return {
        requested: counted.total,
        groups: counted.by.group
          .map((entry) => ({ group: entry.value ?? '', requested: entry.count }))
          .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
      };
    }
    const groups = await this.repository.requestReplay(
      { ...scoped, ids },
      request.actor ? { actor: request.actor, reason: request.reason ?? '' } : undefined,
    );
    return { requested: groups.reduce((sum, group) => sum + group.requested, 0), groups };
  }

  /** A group's letters waiting for a replay, at most limit of them. */
  pendingReplays(group: string, limit: number): Promise<PendingReplay[]> {
    return this.repository.pendingReplays(group, limit);
  }

  /** Settles replayed letters: those not dead-lettered again are resolved. */
  async settleReplay(
    group: string,
    letters: PendingReplay[],
    verdicts: DeadLetterVerdict[],
  ): Promise<void> {
    const again = new Map(verdicts.map((verdict) => [messageId(verdict.message), verdict]));
    const outcome = {
      resolved: [] as PendingReplay[],
      failedAgain: [] as Array<{ letter: PendingReplay; code: string; reason: string }>,
    };
    for (const letter of letters) {
      const verdict = again.get(messageId(letter.message));
      if (verdict)
        outcome.failedAgain.push({ letter, code: codeOf(verdict), reason: verdict.reason });
      else outcome.resolved.push(letter);
    }
    await this.repository.settleReplay(outcome);
    for (const failed of outcome.failedAgain) this.count(group, failed.code);
  }

  /** Runs a replay unless another member of the group is replaying; false if it did not run. */
  exclusiveReplay(group: string, work: () => Promise<void>): Promise<boolean> {
    return this.repository.withReplayLock(group, work);
  }

  private count(group: string, code: string): void {
    this.metrics?.deadLetters.inc({ group, code });
  }
}

function codeOf(verdict: DeadLetterVerdict): string {
  const code = verdict.code?.trim();
  return code ? code : UNSPECIFIED_CODE;
}

function messageId(message: { topic: string; partition: number; offset: string }): string {
  return `${message.topic}\u0000${message.partition}\u0000${message.offset}`;
}

function checkedStatus(status: string | undefined): DeadLetterStatus {
  const value = status ?? 'open';
  if (!isStatus(value)) {
    throw new DeadLetterException(
      DeadLetterExceptionCode.INVALID_STATUS,
      `status must be one of ${DEAD_LETTER_STATUSES.join(', ')}`,
      { field: 'status' },
    );
  }
  return value;
}

function isStatus(value: string): value is DeadLetterStatus {
  return (DEAD_LETTER_STATUSES as readonly string[]).includes(value);
}
