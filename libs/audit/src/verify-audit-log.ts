// Verification of the audit log: walks the entries in seq order, a page at a
// time, recomputes every hash, follows every prev_hash link, and checks the
// signed checkpoints. It stops at the FIRST problem and names its seq.
//
// How problems are told apart (and the limits of each):
// - removed: a seq is missing (a gap), or the checkpoint beyond the last
//   entry says the tail was cut. An entry whose own hash is intact but whose
//   prev_hash names an entry that is nowhere in the log is also reported as
//   removed: its predecessor was taken out and the seqs closed up (when the
//   attacker also rewrote hashes, a rewritten predecessor looks the same —
//   either way the chain breaks at that seq).
// - reordered: an entry that would be intact at another seq (its hash
//   recomputes with that seq), or whose content recomputes to a neighbouring
//   entry's hash (content swapped while the chain columns stayed). The search
//   is limited to REORDER_WINDOW seqs either side plus the entries its
//   prev_hash and hash link to; a content-only swap with an entry further
//   away is reported as altered — at the right seq.
// - altered: the entry's hash does not recompute from its content.
// - bad-checkpoint: a checkpoint's signature does not verify, or (without a
//   public key to prove who signed it) its hash differs from its entry's.
//   With a key, a validly signed checkpoint whose hash differs means the log
//   was rewritten, hashes and all, at or before that seq: reported as altered.
// Not detectable: a rewrite of everything after the newest checkpoint, or the
// removal of the newest entries AND the checkpoints that sealed them. Deleted
// checkpoints are not noticed (verification does not know how often they were
// written). Without a public key, signatures are not checked at all.
import { verify, type KeyObject } from 'node:crypto';
import type { Database } from '#spean/persistence';
import type { AuditCheckpoint, AuditEntry } from './audit-entry.js';
import { GENESIS_HASH, checkpointMessage, hashEntry } from './audit-hash.js';
import { AuditRepository } from './audit.repository.js';

export type AuditProblem = 'altered' | 'removed' | 'reordered' | 'bad-checkpoint';

export type AuditVerification =
  | { ok: true; entries: number; checkpoints: number }
  | { ok: false; seq: number; problem: AuditProblem; message: string };

type Failure = Extract<AuditVerification, { ok: false }>;

export interface VerifyAuditLogOptions {
  /** Verifies checkpoint signatures; without it only their hashes are compared. */
  publicKey?: KeyObject;
  /** Start at this seq, trusting the entry before it (default 1: the whole log). */
  from?: number;
  pageSize?: number;
}

const REORDER_WINDOW = 256;

export async function verifyAuditLog(
  db: Database,
  options: VerifyAuditLogOptions = {},
): Promise<AuditVerification> {
  const repository = new AuditRepository(db);
  const from = Math.max(1, Math.floor(options.from ?? 1));
  const pageSize = options.pageSize ?? 1000;
  // Checkpoints before entries: entries appended meanwhile only lengthen the log.
  const checkpoints = await repository.checkpointsFrom(from);
  let nextCheckpoint = 0;

  let previous: AuditEntry | null = from > 1 ? await repository.entryBefore(from) : null;
  let expectedSeq = previous ? previous.seq + 1 : 1;
  if (from > 1 && previous?.seq !== from - 1)
    return fail(from - 1, 'removed', `entry ${from - 1}, where verification starts, is missing`);
  let entries = 0;

  for (;;) {
    const page = await repository.entriesAfter(expectedSeq - 1, pageSize);
    if (page.length === 0) break;
    for (const entry of page) {
      const problem = await checkEntry(repository, entry, previous, expectedSeq);
      if (problem) return problem;
      // Checkpoints that seal entries up to this one.
      while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.seq <= entry.seq) {
        const checkpoint = checkpoints[nextCheckpoint]!;
        // A checkpoint below this entry sealed a seq the gap check already passed: impossible
        // unless the entry is missing, which the gap check reports first.
        const problem = checkCheckpoint(checkpoint, entry, options.publicKey);
        if (problem) return problem;
        nextCheckpoint += 1;
      }
      previous = entry;
      expectedSeq = entry.seq + 1;
      entries += 1;
    }
  }

  // Checkpoints beyond the last entry: the tail was cut after they were signed.
  const beyond = checkpoints[nextCheckpoint];
  if (beyond) {
    if (!signatureValid(beyond, options.publicKey))
      return fail(
        beyond.seq,
        'bad-checkpoint',
        `checkpoint ${beyond.seq}: the signature does not verify`,
      );
    return fail(
      expectedSeq,
      'removed',
      `the log ends at ${expectedSeq - 1} but checkpoint ${beyond.seq} seals a later entry: ` +
        `entries from ${expectedSeq} on were removed`,
    );
  }
  return { ok: true, entries, checkpoints: checkpoints.length };
}

async function checkEntry(
  repository: AuditRepository,
  entry: AuditEntry,
  previous: AuditEntry | null,
  expectedSeq: number,
): Promise<Failure | null> {
  if (entry.seq !== expectedSeq) {
    const last = entry.seq - 1;
    return fail(
      expectedSeq,
      'removed',
      last === expectedSeq
        ? `entry ${expectedSeq} is missing`
        : `entries ${expectedSeq} to ${last} are missing`,
    );
  }
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  const intact = hashEntry(entry) === entry.hash;
  const linked = entry.prevHash === expectedPrev;
  if (intact && linked) return null;

  // Is this an entry written at another seq, or another entry's content?
  const moved = await findOrigin(repository, entry);
  if (moved !== null) {
    if (
      moved.kind === 'whole' &&
      moved.seq > entry.seq &&
      !(await exists(repository, entry.prevHash))
    )
      return fail(
        entry.seq,
        'removed',
        `entry ${entry.seq} was written as ${moved.seq}: ${moved.seq - entry.seq} entries before it ` +
          `were removed and the rest renumbered`,
      );
    return fail(
      entry.seq,
      'reordered',
      `entry ${entry.seq} holds the entry written as ${moved.seq}`,
    );
  }
  if (!intact) return fail(entry.seq, 'altered', `entry ${entry.seq} does not match its hash`);

  // Intact, but chained to something other than its predecessor.
  const linkedTo =
    entry.prevHash === GENESIS_HASH ? [0] : await repository.seqsWithHash(entry.prevHash);
  const elsewhere = linkedTo.find((seq) => seq !== previous?.seq);
  if (elsewhere !== undefined)
    return fail(
      entry.seq,
      'reordered',
      `entry ${entry.seq} was written after entry ${elsewhere}, not after ${previous?.seq ?? 'the start'}`,
    );
  return fail(
    entry.seq,
    'removed',
    `entry ${entry.seq} was written after an entry that is no longer in the log ` +
      `(removed, or the entry before it was rewritten)`,
  );
}

/** The seq this entry's content was written at, if not its own. */
async function findOrigin(
  repository: AuditRepository,
  entry: AuditEntry,
): Promise<{ seq: number; kind: 'whole' | 'content' } | null> {
  // The whole row moved (chain columns with it): its hash recomputes at another seq.
  const candidates = new Set<number>();
  for (let seq = entry.seq - REORDER_WINDOW; seq <= entry.seq + REORDER_WINDOW; seq += 1)
    if (seq >= 1 && seq !== entry.seq) candidates.add(seq);
  for (const seq of await repository.seqsWithHash(entry.prevHash)) candidates.add(seq + 1);
  for (const seq of await repository.seqsWithPrevHash(entry.hash)) candidates.add(seq - 1);
  candidates.delete(entry.seq);
  for (const seq of candidates)
    if (seq >= 1 && hashEntry({ ...entry, seq }) === entry.hash) return { seq, kind: 'whole' };

  // Only the content moved: it recomputes to a neighbour's hash with the neighbour's chain columns.
  const neighbours = await repository.entriesBetween(
    Math.max(1, entry.seq - REORDER_WINDOW),
    entry.seq + REORDER_WINDOW,
  );
  for (const other of neighbours) {
    if (other.seq === entry.seq) continue;
    if (hashEntry({ ...entry, seq: other.seq, prevHash: other.prevHash }) === other.hash)
      return { seq: other.seq, kind: 'content' };
  }
  return null;
}

async function exists(repository: AuditRepository, hash: string): Promise<boolean> {
  return hash === GENESIS_HASH || (await repository.seqsWithHash(hash)).length > 0;
}

function checkCheckpoint(
  checkpoint: AuditCheckpoint,
  entry: AuditEntry,
  publicKey: KeyObject | undefined,
): Failure | null {
  if (!signatureValid(checkpoint, publicKey))
    return fail(
      checkpoint.seq,
      'bad-checkpoint',
      `checkpoint ${checkpoint.seq}: the signature does not verify`,
    );
  if (checkpoint.seq !== entry.seq || checkpoint.hash !== entry.hash) {
    if (publicKey)
      return fail(
        checkpoint.seq,
        'altered',
        `entry ${checkpoint.seq} differs from the signed checkpoint: the log was rewritten at or before it`,
      );
    return fail(
      checkpoint.seq,
      'bad-checkpoint',
      `checkpoint ${checkpoint.seq} does not match its entry (no public key to tell which was changed)`,
    );
  }
  return null;
}

function signatureValid(checkpoint: AuditCheckpoint, publicKey: KeyObject | undefined): boolean {
  if (!publicKey) return true;
  try {
    return verify(
      null,
      checkpointMessage(checkpoint.seq, checkpoint.hash),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

function fail(seq: number, problem: AuditProblem, message: string): Failure {
  return { ok: false, seq, problem, message };
}
