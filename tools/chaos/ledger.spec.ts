// The fault suite's verdict on records: what counts as lost, duplicated, or
// a reaction published twice — so a run that reports zeros could have
// reported otherwise.
import { describe, expect, it } from '@jest/globals';
import type { Ack } from './chaos-publisher.js';
import { classifyRecords, recordKey, versionKey, type ReadRow } from './ledger.js';

const NATIONAL_ID = '2345678906';

function ack(recordId: string, version: number, eventId: string): Ack {
  return {
    recordType: 'person',
    recordId,
    version,
    eventId,
    subjectId: NATIONAL_ID,
    adapter: 'interior',
    window: 'gateway',
  };
}

function readModel(...rows: Array<[string, number, string]>): Map<string, ReadRow> {
  return new Map(
    rows.map(([recordId, version, eventId]) => [
      recordKey('person', recordId),
      { version, eventId },
    ]),
  );
}

function bus(...entries: Array<[string, string, number, string[]]>): Map<string, Set<string>> {
  return new Map(
    entries.map(([recordType, recordId, version, ids]) => [
      versionKey(recordType, recordId, version),
      new Set(ids),
    ]),
  );
}

describe('classifyRecords', () => {
  const a = ack(`MOI-P-${NATIONAL_ID}`, 1, 'e-1');

  it('counts nothing when the read model holds each acknowledged record, published once', () => {
    const result = classifyRecords(
      [a],
      readModel([a.recordId, 1, 'e-1']),
      bus(['person', a.recordId, 1, ['e-1']]),
    );
    expect(result).toMatchObject({ lostAcks: [], duplicatedAcks: [], reactionsDuplicated: 0 });
  });

  it('counts an acknowledged record missing from the read model, or held at an older version, as lost', () => {
    const newer = ack('MOI-P-2', 2, 'e-2');
    const result = classifyRecords(
      [a, newer],
      readModel(['MOI-P-2', 1, 'e-0']),
      bus(['person', 'MOI-P-2', 2, ['e-2']]),
    );
    expect(result.lostAcks).toEqual([a, newer]);
    // Where each got to: a record that never reached the bus is the publisher's; one on it, a consumer's.
    expect(result.examples.lost).toEqual([
      'person v1 (event e-1): never on the bus',
      'person v2 (event e-2): on the bus, not applied',
    ]);
  });

  it('does not count a record replaced by a newer version (a reaction revised it) as lost', () => {
    const result = classifyRecords(
      [a],
      readModel([a.recordId, 2, 'e-reaction']),
      bus(['person', a.recordId, 1, ['e-1']], ['person', a.recordId, 2, ['e-reaction']]),
    );
    expect(result).toMatchObject({ lostAcks: [], duplicatedAcks: [], reactionsDuplicated: 0 });
  });

  it('counts an acknowledged version published as two events as duplicated', () => {
    const result = classifyRecords(
      [a],
      readModel([a.recordId, 1, 'e-1']),
      bus(['person', a.recordId, 1, ['e-1', 'e-other']]),
    );
    expect(result.duplicatedAcks).toEqual([a]);
  });

  it('counts an acknowledged version applied as another event than acknowledged as duplicated', () => {
    const result = classifyRecords([a], readModel([a.recordId, 1, 'e-other']), bus());
    expect(result.duplicatedAcks).toEqual([a]);
  });

  it('counts a reaction whose record version reached the bus as two events, and only that', () => {
    const result = classifyRecords(
      [a],
      readModel([a.recordId, 1, 'e-1']),
      bus(
        ['person', a.recordId, 1, ['e-1']],
        ['vehicle-registration', 'PP 2AB-1234', 2, ['r-1', 'r-2']],
        ['taxpayer', 'TIN-1', 2, ['r-3']],
      ),
    );
    expect(result.reactionsDuplicated).toBe(1);
    expect(result.examples.reactionsDuplicated).toEqual([
      'vehicle-registration v2 (event r-1, r-2)',
    ]);
  });

  it('never writes a record id into its examples: person record ids hold national ids', () => {
    const result = classifyRecords(
      [a],
      readModel([a.recordId, 1, 'e-other']),
      bus(['person', a.recordId, 1, ['e-1', 'e-2']]),
    );
    expect(JSON.stringify(result.examples)).not.toContain(NATIONAL_ID);
  });
});
