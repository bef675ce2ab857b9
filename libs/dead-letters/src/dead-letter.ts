// The dead-letter store's vocabulary: what a steward sees of a dead letter
// (metadata only, never the payload), how letters are selected, and what a
// replay request answers.
import type { ConsumedMessage } from '#spean/bus';

export const DEAD_LETTER_STATUSES = ['open', 'resolved'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** Postgres channel on which replay requests are announced; the payload is the group. */
export const DEAD_LETTER_REPLAY_CHANNEL = 'spean_dead_letter_replay';

/** What a dead letter says about itself, read from its headers or (failing that) its JSON. */
export interface DeadLetterMetadata {
  recordType: string;
  /** Null when neither the headers nor the body say (or say something that is not a version). */
  schemaVersion: number | null;
  /** The adapter that published it; null if unknown. */
  source: string | null;
  /** The record's id at its source, with any national id in it masked; null if unreadable. */
  recordId: string | null;
  /** The id the publisher got back as its acknowledgement: how stewards follow a letter up. */
  eventId: string | null;
}

export interface DeadLetterSummary extends DeadLetterMetadata {
  id: string;
  group: string;
  /** Where the message was read: its topic (without any namespace) and partition. */
  topic: string;
  partition: number;
  code: string;
  reason: string;
  attempts: number;
  status: DeadLetterStatus;
  firstFailedAt: Date;
  lastFailedAt: Date;
  replayRequestedAt: Date | null;
  resolvedAt: Date | null;
}

export interface DeadLetterFilter {
  /** The consumer group: 'gateway' or an adapter's name. */
  group?: string;
  recordType?: string;
  code?: string;
  source?: string;
  /**
   * Only the letters of these adapters: in their consumer groups, or of
   * records they published. An integrator's own; undefined for every letter.
   */
  adapters?: readonly string[];
}

export interface DeadLetterListQuery extends DeadLetterFilter {
  /** Default 'open'. */
  status?: string;
  /** Page size, 1–1000 (default 100). */
  first?: number;
  offset?: number;
}

/** How the counts of a selection are broken down: each a column of the store. */
export const DEAD_LETTER_DIMENSIONS = ['group', 'source', 'recordType', 'code'] as const;
export type DeadLetterDimension = (typeof DEAD_LETTER_DIMENSIONS)[number];

/** Letters of one value of a dimension; value null is a letter that does not say (a source unknown). */
export interface DeadLetterValueCount {
  value: string | null;
  count: number;
}

/**
 * The letters of a selection counted by the server, in one aggregate: in
 * total and by each dimension, largest first. Unlike a page of the list,
 * these counts are exact however many letters there are.
 */
export interface DeadLetterCounts {
  total: number;
  by: Record<DeadLetterDimension, DeadLetterValueCount[]>;
}

export interface DeadLetterCountQuery extends DeadLetterFilter {
  /** Default 'open'. */
  status?: string;
}

/** The metrics gauge reads these counts, so the shape is defined once, there. */
export type { OpenDeadLetterCount } from '#spean/observability';

/** Which open letters to replay: ids, a filter, both (they must all match), or everything. */
export interface ReplayRequest extends DeadLetterFilter {
  ids?: string[];
  /** Who asked, recorded with the request (a client, or cli:<login>). */
  actor?: string;
  reason?: string;
  /** Every open letter; only when asked for in so many words. */
  all?: boolean;
  /** Count what would be replayed; mark and record nothing. */
  dryRun?: boolean;
}

export interface ReplayRequested {
  requested: number;
  groups: Array<{ group: string; requested: number }>;
}

/** A letter whose replay is pending, rebuilt as the message its consumer failed on. */
export interface PendingReplay {
  id: string;
  /** When the replay was asked for, exactly as stored, so a newer request is not cleared by mistake. */
  requestedAt: string;
  message: ConsumedMessage;
}

/**
 * Open letters a consumer refused before applying (unsigned, forged, not its
 * source's key, source not approved), counted by the source they claim and
 * where they arrived: what a steward needs to see that something other than
 * an approved adapter writes to the log, and where.
 */
export interface RefusedRecordCount {
  /** The source the record claims (its header, else its body); null when it claims none. */
  claimedSource: string | null;
  topic: string;
  partition: number;
  code: string;
  /** Letters, one per consumer group that refused the record. */
  count: number;
  /** The consumer groups that refused them. */
  groups: string[];
  lastFailedAt: Date;
}
