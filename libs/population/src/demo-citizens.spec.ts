import { describe, expect, it } from '@jest/globals';
import { demoCitizens } from './demo-citizens.js';
import { seededRandom } from './seeded-random.js';

describe('demoCitizens', () => {
  it('starts with a living citizen who has a person and an address record', () => {
    const { nationalIds, records } = demoCitizens(300, 1);
    expect(nationalIds).toHaveLength(300);
    const first = nationalIds[0]!;
    const person = records.find((r) => r.recordType === 'person' && r.subjectId === first);
    expect(person?.recordType === 'person' && person.payload.alive).toBe(true);
    expect(records.some((r) => r.recordType === 'address' && r.subjectId === first)).toBe(true);
  });

  it('holds every record type, the interior records first', () => {
    const { records, byAdapter, counts } = demoCitizens(300, 1);
    expect(new Set(records.map((r) => r.recordType))).toEqual(
      new Set([
        'person',
        'address',
        'civil-event',
        'vehicle-registration',
        'land-title',
        'business-registration',
        'taxpayer',
      ]),
    );
    expect(records.slice(0, byAdapter.interior.length)).toEqual(byAdapter.interior);
    expect(records).toHaveLength(Object.values(counts.records).reduce((sum, n) => sum + n, 0));
  });

  it('is the same for the same seed', () => {
    expect(demoCitizens(50, 4).records).toEqual(demoCitizens(50, 4).records);
    expect(demoCitizens(50, 4).nationalIds).not.toEqual(demoCitizens(50, 5).nationalIds);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const value = a();
      expect(value).toBe(b());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
