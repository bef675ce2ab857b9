import { describe, expect, it } from '@jest/globals';
import type { Selection } from './granted-fields.js';
import { partiesIn } from './related-parties.js';

/** A selection written as nested objects: { owners: { share: {} } }. */
function select(tree: Record<string, object>): Selection {
  return new Map(
    Object.entries(tree).map(([field, sub]) => [field, select(sub as Record<string, object>)]),
  );
}

const landTitle = {
  titleNumber: 'PP-1',
  owners: [
    { nationalId: '1111111111', share: '1/2', name: { latin: { familyName: 'Sok' } } },
    { nationalId: '2222222222', share: '1/2' },
  ],
};

describe('partiesIn', () => {
  it('names everyone whose entry has any field selected, at any depth and in lists', () => {
    expect(partiesIn(landTitle, select({ owners: { share: {} } }))).toEqual(
      new Set(['1111111111', '2222222222']),
    );
    expect(
      partiesIn(landTitle, select({ owners: { name: { latin: { familyName: {} } } } })),
    ).toEqual(new Set(['1111111111', '2222222222']));
  });

  it('names nobody whose entry was not selected', () => {
    expect(partiesIn(landTitle, select({ titleNumber: {} }))).toEqual(new Set());
    expect(partiesIn(landTitle, select({ owners: { __typename: {} } }))).toEqual(new Set());
    const birth = {
      subject: { nationalId: '3333333333' },
      parents: [{ nationalId: '4444444444' }],
    };
    expect(partiesIn(birth, select({ parents: { nationalId: {} } }))).toEqual(
      new Set(['4444444444']),
    );
  });
});
