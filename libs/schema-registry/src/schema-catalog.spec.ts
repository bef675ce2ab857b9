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
import { loadSchemaFixtures } from './testing/schema-fixtures.js';

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
    expect(catalog.recordTypes()).toEqual(['address', 'person']);
    expect(catalog.versions('person')).toEqual([1]);
    expect(catalog.latestVersion('address')).toBe(1);
    expect(catalog.envelope.id).toBe('https://spean.gov.kh/schemas/envelope/1.json');
    expect(catalog.hasRecordType(ENVELOPE)).toBe(false);
    expect(catalog.get('vehicle-registration', 1)).toBeUndefined();
    expect(catalog.versions('vehicle-registration')).toEqual([]);
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

  it('knows which payload property is the subject', () => {
    expect(catalog.get('person', 1)!.subjectProperty).toBe('nationalId');
    expect(catalog.get('address', 1)!.subjectProperty).toBeUndefined();
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
      expect(SchemaCatalog.load({ schemasDir: dir }).recordTypes()).toEqual([
        'address',
        'person',
        'pet',
      ]);
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
