import { describe, expect, it } from '@jest/globals';
import type { ConsumedMessage } from '#spean/bus';
import { deadLetterMetadata } from './dead-letter-metadata.js';

const NATIONAL_ID = '2345678906';

function message(overrides: Partial<ConsumedMessage> = {}): ConsumedMessage {
  return {
    topic: 'spean.person',
    partition: 0,
    offset: '7',
    key: NATIONAL_ID,
    value: Buffer.from('{}'),
    headers: {},
    timestamp: new Date('2026-11-20T02:30:00Z'),
    ...overrides,
  };
}

const record = {
  recordType: 'vehicle-registration',
  schemaVersion: 2,
  recordId: '2AB-1234',
  subjectId: NATIONAL_ID,
  source: 'transport',
  eventId: '0b7c6a1e-2f57-4c1a-9d5e-9c1f0a2b3c4d',
  payload: { owner: NATIONAL_ID },
};

describe('deadLetterMetadata', () => {
  it('reads the headers publishers set', () => {
    expect(
      deadLetterMetadata(
        message({
          value: Buffer.from('not json'),
          headers: {
            'record-type': 'person',
            'schema-version': '1',
            source: 'interior',
            'event-id': 'e-1',
          },
        }),
      ),
    ).toEqual({
      recordType: 'person',
      schemaVersion: 1,
      source: 'interior',
      recordId: null,
      eventId: 'e-1',
    });
  });

  it('falls back to the JSON body for what the headers leave out', () => {
    expect(
      deadLetterMetadata(
        message({
          topic: 'spean.vehicle-registration',
          value: Buffer.from(JSON.stringify(record)),
        }),
      ),
    ).toEqual({
      recordType: 'vehicle-registration',
      schemaVersion: 2,
      source: 'transport',
      recordId: '2AB-1234',
      eventId: record.eventId,
    });
  });

  it('prefers the headers over the body', () => {
    const metadata = deadLetterMetadata(
      message({
        value: Buffer.from(JSON.stringify(record)),
        headers: { 'record-type': 'land-title', 'schema-version': '3', source: 'land' },
      }),
    );
    expect(metadata).toMatchObject({ recordType: 'land-title', schemaVersion: 3, source: 'land' });
  });

  it('masks the national id a record id is built from', () => {
    const metadata = deadLetterMetadata(
      message({
        value: Buffer.from(JSON.stringify({ ...record, recordId: `MOI-P-${NATIONAL_ID}` })),
      }),
    );
    expect(metadata.recordId).toBe('MOI-P-**********');
  });

  it("masks the body's subjectId too when the key is a different id", () => {
    const other = '1234567890';
    const metadata = deadLetterMetadata(
      message({
        value: Buffer.from(
          JSON.stringify({ ...record, subjectId: other, recordId: `MOI-A-${other}` }),
        ),
      }),
    );
    expect(metadata.recordId).toBe('MOI-A-**********');
  });

  it('names the record type after the topic when nothing else is readable', () => {
    expect(
      deadLetterMetadata(message({ topic: 'spean.taxpayer', value: Buffer.from([0xff, 0x00]) })),
    ).toEqual({
      recordType: 'taxpayer',
      schemaVersion: null,
      source: null,
      recordId: null,
      eventId: null,
    });
  });

  it('ignores values of the wrong type or size instead of throwing', () => {
    const metadata = deadLetterMetadata(
      message({
        value: Buffer.from(
          JSON.stringify({
            recordType: 42,
            schemaVersion: 'two',
            source: 'x'.repeat(201),
            recordId: { nested: true },
            eventId: ['e'],
          }),
        ),
        headers: { 'schema-version': '-1', source: '   ' },
      }),
    );
    expect(metadata).toEqual({
      recordType: 'person',
      schemaVersion: null,
      source: null,
      recordId: null,
      eventId: null,
    });
  });

  it('reads nothing from a body that is JSON but not an object', () => {
    for (const body of ['[1,2]', 'null', '"person"', '17']) {
      expect(deadLetterMetadata(message({ value: Buffer.from(body) }))).toMatchObject({
        recordType: 'person',
        schemaVersion: null,
        recordId: null,
      });
    }
  });

  it('survives a message with no headers object or no value at all', () => {
    const broken = message({
      headers: undefined as unknown as Record<string, string>,
      value: undefined as unknown as Buffer,
    });
    expect(deadLetterMetadata(broken).recordType).toBe('person');
  });

  it('rejects schema versions that are not positive 32-bit integers', () => {
    const versionOf = (value: unknown) =>
      deadLetterMetadata(message({ value: Buffer.from(JSON.stringify({ schemaVersion: value })) }))
        .schemaVersion;
    expect(versionOf(1.5)).toBeNull();
    expect(versionOf(0)).toBeNull();
    expect(versionOf(2 ** 31)).toBeNull();
    expect(versionOf(7)).toBe(7);
  });
});
