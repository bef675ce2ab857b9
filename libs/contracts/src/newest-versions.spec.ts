import { describe, expect, it } from '@jest/globals';
import { newestVersions } from './newest-versions.js';

describe('newestVersions', () => {
  it('keeps the newest version of each record, whatever the order', () => {
    const records = [
      { recordType: 'person', recordId: 'a', version: 2, tag: 'a2' },
      { recordType: 'person', recordId: 'a', version: 3, tag: 'a3' },
      { recordType: 'address', recordId: 'a', version: 1, tag: 'address-a1' },
      { recordType: 'person', recordId: 'a', version: 1, tag: 'a1' },
      { recordType: 'person', recordId: 'b', version: 5, tag: 'b5' },
    ];
    expect(
      newestVersions(records)
        .map((r) => r.tag)
        .sort(),
    ).toEqual(['a3', 'address-a1', 'b5']);
  });
});
