import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultSchemaCatalog,
  ENVELOPE,
  findSchemasDir,
  SchemaCatalog,
  type CompiledSchema,
} from './schema-catalog.js';
import { edited } from './testing/edited.js';
import { loadSchemaFixtures } from './testing/schema-fixtures.js';

/** Rules a not-ok fixture may declare that no schema keyword checks. */
const CODE_RULES = new Set([
  'length',
  'digits-only',
  'leading-digit',
  'check-digit',
  // date-rules.ts: what depends on today or on another field
  'date-in-future',
  'death-before-birth',
  'registered-before-event',
]);

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const schemasDir = join(repoRoot, 'schemas');
const catalog = SchemaCatalog.load({ schemasDir });

function every(): CompiledSchema[] {
  return [
    catalog.envelope,
    ...catalog
      .recordTypes()
      .flatMap((type) => catalog.versions(type).map((version) => catalog.get(type, version)!)),
  ];
}

/**
 * Subschemas that define an object's shape: the root and what hangs under
 * properties, $defs, items and prefixItems — not the in-place if/then/else,
 * which refine a shape already defined and closed.
 */
function* shapes(schema: unknown, pointer = '#'): Generator<[string, Record<string, unknown>]> {
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Record<string, unknown>;
  yield [pointer, node];
  for (const keyword of ['properties', '$defs']) {
    const children = node[keyword] as Record<string, unknown> | undefined;
    for (const [name, child] of Object.entries(children ?? {})) {
      yield* shapes(child, `${pointer}/${keyword}/${name}`);
    }
  }
  if (node.items) yield* shapes(node.items, `${pointer}/items`);
  for (const [i, child] of ((node.prefixItems as unknown[]) ?? []).entries()) {
    yield* shapes(child, `${pointer}/prefixItems/${i}`);
  }
}

describe('SchemaCatalog', () => {
  it('loads every schema in schemas/', () => {
    expect(catalog.recordTypes()).toEqual([
      'address',
      'business-registration',
      'civil-event',
      'land-title',
      'person',
      'taxpayer',
      'vehicle-registration',
    ]);
    expect(catalog.versions('person')).toEqual([1]);
    expect(catalog.latestVersion('address')).toBe(1);
    expect(catalog.envelope.id).toBe('https://spean.gov.kh/schemas/envelope/1.json');
    expect(catalog.hasRecordType(ENVELOPE)).toBe(false);
    expect(catalog.get('health-insurance', 1)).toBeUndefined();
    expect(catalog.versions('health-insurance')).toEqual([]);
  });

  it('names each schema by its place in schemas/ and follows draft 2020-12', () => {
    for (const schema of every()) {
      expect(schema.id).toBe(
        `https://spean.gov.kh/schemas/${schema.recordType}/${schema.version}.json`,
      );
      expect(schema.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('closes every object with additionalProperties: false, but the envelope payload', () => {
    const open: string[] = [];
    for (const schema of every()) {
      for (const [pointer, node] of shapes(schema.schema)) {
        const where = `${schema.recordType}/${schema.version}.json${pointer}`;
        if (where === 'envelope/1.json#/properties/payload') continue;
        if (node.type === 'object' && node.additionalProperties !== false) open.push(where);
      }
    }
    expect(open).toEqual([]);
  });

  it('knows where each payload names its subject', () => {
    const subjectOf = (type: string) => {
      const location = catalog.get(type, 1)!.subjectLocation;
      return location && { pointer: location.pointer, anchor: location.anchor };
    };
    expect(subjectOf('person')).toEqual({ pointer: '/nationalId', anchor: '/nationalId' });
    expect(subjectOf('taxpayer')).toEqual({ pointer: '/nationalId', anchor: '/nationalId' });
    expect(subjectOf('vehicle-registration')).toEqual({
      pointer: '/owner/nationalId',
      anchor: '/owner/nationalId',
    });
    expect(subjectOf('civil-event')).toEqual({
      pointer: '/subject/nationalId',
      anchor: '/subject/nationalId',
    });
    expect(subjectOf('land-title')).toEqual({
      pointer: '/owners/0/nationalId',
      anchor: '/owners/0/nationalId',
    });
    expect(subjectOf('business-registration')).toEqual({
      pointer: '/people/*/nationalId',
      anchor: '/people',
    });
    expect(catalog.get('business-registration', 1)!.subjectLocation!.itemDescription).toBe(
      'a person with the role owner',
    );
    expect(subjectOf('address')).toBeUndefined();
  });

  it('knows where each payload names the other citizens it concerns', () => {
    const relatedOf = (type: string) =>
      catalog.get(type, 1)!.relatedSubjectLocations.map((location) => location.pointer);
    expect(relatedOf('person')).toEqual(['/parents/*/nationalId']);
    expect(relatedOf('land-title')).toEqual(['/owners/*/nationalId']);
    expect(relatedOf('business-registration')).toEqual(['/people/*/nationalId']);
    expect(relatedOf('civil-event')).toEqual(['/parents/*/nationalId', '/spouse/nationalId']);
    for (const type of ['address', 'taxpayer', 'vehicle-registration']) {
      expect(relatedOf(type)).toEqual([]);
    }
  });

  it('reads subjects and related subjects out of a payload', () => {
    const business = catalog.get('business-registration', 1)!;
    const payload = {
      people: [
        { nationalId: '8004925083', roles: ['director'] },
        { nationalId: '4949196999', roles: ['owner', 'director'] },
        { nationalId: '9893468902', roles: ['shareholder'] },
        { nationalId: '4949196999', roles: ['owner'] },
      ],
    };
    expect(business.subjectCandidates(payload)).toEqual([
      { path: '/people/1/nationalId', value: '4949196999' },
      { path: '/people/3/nationalId', value: '4949196999' },
    ]);
    expect(business.relatedSubjectsAt(payload).map((id) => id.path)).toEqual([
      '/people/0/nationalId',
      '/people/1/nationalId',
      '/people/2/nationalId',
      '/people/3/nationalId',
    ]);
    expect(business.relatedSubjects(payload)).toEqual(['8004925083', '4949196999', '9893468902']);

    const land = catalog.get('land-title', 1)!;
    const owners = { owners: [{ nationalId: '2339293628' }, { nationalId: '7283565536' }] };
    expect(land.subjectCandidates(owners)).toEqual([
      { path: '/owners/0/nationalId', value: '2339293628' },
    ]);
    expect(land.relatedSubjects(owners)).toEqual(['2339293628', '7283565536']);
  });

  it('reads nothing where a payload does not have the expected shape', () => {
    const land = catalog.get('land-title', 1)!;
    for (const payload of [null, 'x', {}, { owners: {} }, { owners: [42, { nationalId: 7 }] }]) {
      expect(land.subjectCandidates(payload)).toEqual([]);
      expect(land.relatedSubjects(payload)).toEqual([]);
    }
    expect(catalog.get('address', 1)!.relatedSubjects({ nationalId: '3234567891' })).toEqual([]);
  });

  it('compiles once: the same validator every time, and one shared default catalog', () => {
    expect(catalog.get('person', 1)).toBe(catalog.get('person', 1));
    expect(defaultSchemaCatalog()).toBe(defaultSchemaCatalog());
    expect(defaultSchemaCatalog().schemasDir).toBe(schemasDir.replace(/\/$/, ''));
  });

  describe.each(
    loadSchemaFixtures(schemasDir)
      .filter((fixture) => fixture.recordType !== ENVELOPE)
      .map((fixture) => [fixture.file, fixture] as const),
  )('payload fixture %s', (_file, fixture) => {
    const schema = catalog.get(fixture.recordType, catalog.latestVersion(fixture.recordType)!)!;

    if (fixture.kind === 'ok') {
      it('validates', () => {
        expect(schema.validate(fixture.document)).toEqual([]);
      });
    } else if (CODE_RULES.has(fixture.expected!.rule)) {
      // RecordValidator checks these in code (the national id scheme, the date rules).
      it('passes the schema alone', () => {
        expect(schema.validate(fixture.document)).toEqual([]);
      });
    } else {
      it(`breaks exactly the rule it declares`, () => {
        const issues = schema.validate(fixture.document);
        expect(issues.map(({ path, rule }) => ({ path, rule }))).toEqual([fixture.expected]);
        expect(issues[0]!.message).toMatch(new RegExp(`^${fixture.expected!.path}\\b`));
      });
    }
  });

  it('has ok and not-ok fixtures for every record type and the envelope', () => {
    const fixtures = loadSchemaFixtures(schemasDir);
    for (const type of [ENVELOPE, ...catalog.recordTypes()]) {
      const mine = fixtures.filter((fixture) => fixture.recordType === type);
      expect(mine.filter((fixture) => fixture.kind === 'ok').length).toBeGreaterThanOrEqual(3);
      expect(mine.filter((fixture) => fixture.kind === 'not-ok').length).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('findSchemasDir', () => {
  it('walks up from the source folder and from the compiled dist/ folder', () => {
    expect(findSchemasDir()).toBe(schemasDir.replace(/\/$/, ''));
    expect(findSchemasDir(join(repoRoot, 'dist/libs/schema-registry/src'))).toBe(
      schemasDir.replace(/\/$/, ''),
    );
  });

  it('says so when there is no schemas/ folder above', () => {
    expect(() => findSchemasDir(tmpdir())).toThrow(/schemasDir/);
  });
});

describe('SchemaCatalog.load', () => {
  function copyOfSchemas(): string {
    const dir = mkdtempSync(join(tmpdir(), 'spean-schemas-'));
    cpSync(schemasDir, dir, { recursive: true });
    return dir;
  }

  it('takes an explicit schemas folder', () => {
    const dir = copyOfSchemas();
    try {
      mkdirSync(join(dir, 'pet'));
      const pet = JSON.parse(readFileSync(join(dir, 'address/1.json'), 'utf8'));
      writeFileSync(
        join(dir, 'pet/1.json'),
        JSON.stringify({ ...pet, $id: 'https://spean.gov.kh/schemas/pet/1.json', title: 'Pet' }),
      );
      expect(SchemaCatalog.load({ schemasDir: dir }).recordTypes()).toContain('pet');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a schema whose $id does not match its place', () => {
    const dir = copyOfSchemas();
    try {
      const file = join(dir, 'person/1.json');
      const person = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(
        file,
        JSON.stringify({ ...person, $id: 'https://spean.gov.kh/schemas/x/1.json' }),
      );
      expect(() => SchemaCatalog.load({ schemasDir: dir })).toThrow(/\$id must be/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Loads a copy of schemas/ in which recordType/1.json has `changes` (see edited). */
  function loadWith(recordType: string, changes: Record<string, unknown>): void {
    const dir = copyOfSchemas();
    try {
      const file = join(dir, recordType, '1.json');
      writeFileSync(file, JSON.stringify(edited(JSON.parse(readFileSync(file, 'utf8')), changes)));
      SchemaCatalog.load({ schemasDir: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('resolves a $ref to another schema by its $id, and refuses one to a schema it lacks', () => {
    expect(() =>
      loadWith('civil-event', {
        '/properties/newAddress/$ref': 'https://spean.gov.kh/schemas/address/9.json',
      }),
    ).toThrow(/civil-event\/1\.json: .*address\/9\.json/);
  });

  it('refuses a schema that marks two places as its subject', () => {
    expect(() => loadWith('taxpayer', { '/properties/tin/x-spean-subject': true })).toThrow(
      /taxpayer\/1\.json: more than one place is marked x-spean-subject \(\/tin, \/nationalId\)/,
    );
  });

  it('refuses an annotation with a value it does not define', () => {
    expect(() =>
      loadWith('person', {
        '/$defs/parent/properties/nationalId/x-spean-related-subject': 'yes',
      }),
    ).toThrow(/x-spean-related-subject/);
    expect(() => loadWith('land-title', { '/properties/owners/x-spean-subject': 'first' })).toThrow(
      /x-spean-subject/,
    );
  });

  it('refuses an annotation on no value a payload has in a fixed place', () => {
    expect(() =>
      loadWith('taxpayer', {
        '/not': { properties: { tin: { 'x-spean-related-subject': true } } },
      }),
    ).toThrow(
      /taxpayer\/1\.json#\/not\/properties\/tin: x-spean-related-subject is not on a value/,
    );
  });

  it('refuses at load a schema that ajv strict mode rejects', () => {
    const dir = copyOfSchemas();
    try {
      const file = join(dir, 'person/1.json');
      const person = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...person, unknownKeyword: true }));
      expect(() => SchemaCatalog.load({ schemasDir: dir })).toThrow(/unknownKeyword/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
