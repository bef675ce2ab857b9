// The generated types are committed so that a build needs no generation step;
// this spec keeps them honest by generating them again from schemas/ and
// comparing.

import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_DIR, generateContracts } from '../../../tools/generate-contracts.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('generated contracts', () => {
  it('are up to date with schemas/ (else run `npm run contracts:generate`)', async () => {
    const expected = await generateContracts(repoRoot);
    const dir = join(repoRoot, GENERATED_DIR);
    expect(readdirSync(dir).sort()).toEqual(expected.map((file) => file.name).sort());
    for (const file of expected) {
      expect({ file: file.name, content: readFileSync(join(dir, file.name), 'utf8') }).toEqual({
        file: file.name,
        content: file.content,
      });
    }
  });

  it('lists every record type, and not the envelope', async () => {
    const { RECORD_TYPES, LATEST_SCHEMA_VERSIONS } = await import('./generated/index.js');
    const types = [
      'address',
      'business-registration',
      'civil-event',
      'land-title',
      'person',
      'taxpayer',
      'vehicle-registration',
    ];
    expect([...RECORD_TYPES]).toEqual(types);
    expect(LATEST_SCHEMA_VERSIONS).toEqual(Object.fromEntries(types.map((type) => [type, 1])));
  });
});
