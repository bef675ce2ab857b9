import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { PROOF_HEADER, recordSigner, signatureHolds, type PublishedRecord } from '#spean/contracts';
import { signedMessages, type PreparedRecord } from './record-publisher.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

const prepared = (recordType: string, i: number): PreparedRecord => ({
  index: i,
  record: {
    recordType,
    schemaVersion: 1,
    recordId: `${recordType}-${i}`,
    subjectId: `s${i}`,
    version: 1,
    op: 'upsert',
    source: 'interior',
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    occurredAt: '2026-12-01T00:00:00Z',
    payload: { i },
  } as PublishedRecord,
  relatedSubjects: [],
  deprecated: false,
});

describe('signedMessages', () => {
  it('signs a topic at a time: a topic’s records share their signatures, in input order, and all verify', async () => {
    // Three persons to every civil event, interleaved, as an intake request holds them.
    const records = Array.from({ length: 120 }, (_, i) =>
      prepared(i % 4 === 3 ? 'civil-event' : 'person', i),
    );
    const messages = signedMessages(records, recordSigner(privateKey));
    expect(messages.map((m) => JSON.parse(m.value.toString()).recordId)).toEqual(
      records.map((r) => r.record.recordId),
    );
    const signaturesOf = (topic: string) =>
      new Set(messages.filter((m) => m.topic === topic).map((m) => m.headers!.signature));
    // 30 civil events: one run; 90 persons: two runs of 45.
    expect(signaturesOf('spean.civil-event').size).toBe(1);
    expect(signaturesOf('spean.person').size).toBe(2);
    for (const topic of ['spean.civil-event', 'spean.person'])
      for (const signature of signaturesOf(topic))
        expect(
          messages
            .filter((m) => m.headers!.signature === signature)
            .every((m) => m.topic === topic),
        ).toBe(true);
    const holds = await Promise.all(
      messages.map((m) =>
        signatureHolds(publicKey, m.value, m.headers!.signature!, m.headers![PROOF_HEADER]),
      ),
    );
    expect(holds.every(Boolean)).toBe(true);
  });
});
