// The one way an adapter publishes: intake, CSV import and life-event
// reactions all call Publishing.publish, in the same order of steps.
//   1. Check: every record type (and version) must be declared by the
//      adapter's definition and approved for it in the registry; a refusal is
//      audited, then thrown (403: RECORD_TYPE_NOT_PUBLISHED or NOT_APPROVED),
//      before any record is validated.
//   2. Validate each record against the schema version it names.
//   3. By mode: 'all-or-nothing' throws INVALID_RECORDS if any record is
//      invalid and publishes nothing; 'each' publishes the valid ones and
//      returns the issues of the others.
//   4. Sign, keep and publish atomically (record-publisher.ts: the outbox).
//      A version kept already with other content is a conflict: refused
//      whole (409 VERSION_CONFLICT) or, in 'each' mode, that record's issue.
// check() is steps 1 and 2 alone: the dry run.
// Callers only turn the outcome or the exception into their own answer.
import type { ApprovalGuard, RefusedActor } from '../approval/approval-guard.js';
import {
  IntakeException,
  IntakeExceptionCode,
  type RecordIssue,
} from '../intake/intake.exception.js';
import type { Preparation, PreparedRecord, RecordPublisher } from './record-publisher.js';

/** 'all-or-nothing': one invalid record refuses them all; 'each': the valid ones are published. */
export type PublishMode = 'all-or-nothing' | 'each';

export interface PublishOptions {
  /** How a refusal names a record by its position: "record 3" unless told. */
  name?: (index: number) => string;
  /**
   * Chooses, among the valid records, those to keep and publish (and may set
   * their versions): CSV import skips what is unchanged. All of them unless told.
   */
  select?: (ready: PreparedRecord[]) => Promise<PreparedRecord[]> | PreparedRecord[];
  /**
   * A record not newer than the kept one is a conflict (VERSION_CONFLICT):
   * for reactions, which compute their records from what they read.
   */
  newestOnly?: boolean;
}

export interface PublishOutcome {
  /** The records kept and on their way to the bus, in input order. */
  published: PreparedRecord[];
  eventIds: string[];
  /** Valid records that select() left out. */
  skipped: number;
  /** The problems of the invalid records and version conflicts (always empty in 'all-or-nothing' mode). */
  issues: RecordIssue[];
}

export class Publishing {
  constructor(
    private readonly approval: ApprovalGuard,
    private readonly publisher: RecordPublisher,
  ) {}

  async publish(
    actor: RefusedActor,
    inputs: readonly unknown[],
    mode: PublishMode,
    options: PublishOptions = {},
  ): Promise<PublishOutcome> {
    const { ready, issues } = await this.check(actor, inputs, options);
    if (mode === 'all-or-nothing' && issues.length > 0) {
      const invalid = new Set(issues.map((issue) => issue.index)).size;
      throw new IntakeException(
        IntakeExceptionCode.INVALID_RECORDS,
        `${invalid} of ${inputs.length} record(s) are invalid; nothing was published`,
        { issues },
      );
    }
    const chosen = options.select ? await options.select(ready) : ready;
    const { published, eventIds, conflicts } = await this.publisher.publish(chosen, {
      conflicts: mode === 'each' ? 'leave' : 'refuse',
      newestOnly: options.newestOnly === true,
    });
    return {
      published,
      eventIds,
      skipped: ready.length - chosen.length,
      issues: [...issues, ...conflicts].sort((a, b) => a.index - b.index),
    };
  }

  /**
   * Steps 1 and 2 alone: what the adapter may publish, and each record's
   * problems. Publishes and keeps nothing: the dry run of an intake or import.
   */
  async check(
    actor: RefusedActor,
    inputs: readonly unknown[],
    options: Pick<PublishOptions, 'name'> = {},
  ): Promise<Preparation> {
    await this.approval.checkPublish(actor, inputs, options.name);
    return this.publisher.prepare(inputs);
  }

  /** The adapter acting on its own behalf (a reaction), as its refusals are audited. */
  selfActor(): Promise<RefusedActor> {
    return this.approval.selfActor();
  }
}
