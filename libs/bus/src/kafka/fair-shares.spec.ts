import { describe, expect, it } from '@jest/globals';
import { fairShares } from './fair-shares.js';

describe('fairShares', () => {
  it('gives a quiet partition its messages beside a busy one’s backlog', () => {
    expect(fairShares([5_000, 1, 3], 1_000)).toEqual([996, 1, 3]);
  });

  it('splits the batch evenly among partitions that all hold more than their share', () => {
    expect(fairShares([800, 900, 700, 600], 1_000)).toEqual([250, 250, 250, 250]);
  });

  it('takes everything when it all fits', () => {
    expect(fairShares([10, 0, 20], 1_000)).toEqual([10, 0, 20]);
  });

  it('gives one each to the first partitions when there are more partitions than room', () => {
    expect(fairShares([4, 4, 4, 4], 3)).toEqual([1, 1, 1, 0]);
  });

  it('never takes more than the room, nor more than a partition holds', () => {
    const cases: Array<[number[], number]> = [
      [[7, 3, 11, 0, 2], 9],
      [[1_000, 1_000, 1_000], 1_000],
      [[0, 0], 5],
    ];
    for (const [queued, room] of cases) {
      const taken = fairShares(queued, room);
      expect(taken.reduce((a, b) => a + b, 0)).toBe(
        Math.min(
          room,
          queued.reduce((a, b) => a + b, 0),
        ),
      );
      taken.forEach((count, i) => expect(count).toBeLessThanOrEqual(queued[i]!));
    }
  });
});
