import { describe, expect, it } from '@jest/globals';
import { murmur2, partitionFor } from './partitioner.js';

describe('partitionFor', () => {
  it('hashes exactly as Kafka clients do (vectors from Kafka UtilsTest)', () => {
    const vectors: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [input, expected] of vectors) expect(murmur2(Buffer.from(input))).toBe(expected);
  });

  it('keeps one key on one partition and spreads many keys', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const key = `2${String(i).padStart(9, '0')}`;
      expect(partitionFor(key, 6)).toBe(partitionFor(key, 6));
      seen.add(partitionFor(key, 6));
    }
    expect(seen.size).toBe(6);
  });
});
