import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NationalIdScheme } from '#spean/contracts';
import { RecordValidator } from './record-validator.js';
import { ENVELOPE, SchemaCatalog } from './schema-catalog.js';
import { loadSchemaFixtures, type SchemaFixture } from './testing/schema-fixtures.js';
import type { ValidationIssue } from './validation-issue.js';

const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const catalog = SchemaCatalog.load({ schemasDir });
const validator = new RecordValidator({ catalog });

function fixture(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(schemasDir, file), 'utf8'));
}

const personRecord = () => fixture('envelope/ok/person-upsert.json');

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validator.validate(input);
  return result.ok ? [] : result.errors;
}

function rulesOf(input: unknown): { path: string; rule: string }[] {
  return issuesOf(input).map(({ path, rule }) => ({ path, rule }));
}

/** A payload fixture in the envelope an adapter would publish it in. */
function envelopeFor(payloadFixture: SchemaFixture): Record<string, unknown> {
  const payload = payloadFixture.document as Record<string, unknown>;
  const nationalId = payload.nationalId;
  return {
    recordType: payloadFixture.recordType,
    schemaVersion: catalog.latestVersion(payloadFixture.recordType),
    recordId: `fixture-${payloadFixture.name}`,
    subjectId:
      typeof nationalId === 'string' && /^[2-9][0-9]{9}$/.test(nationalId)
        ? nationalId
        : '3234567891',
    version: 1,
    op: 'upsert',
    source: 'fixtures',
    occurredAt: '2025-03-14T09:30:00+07:00',
    payload,
  };
}

/** The string values of a document, to check that no message repeats one. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

describe('RecordValidator on the schema fixtures', () => {
  const fixtures = loadSchemaFixtures(schemasDir);
  const cases = fixtures.map((f) => {
    const isEnvelope = f.recordType === ENVELOPE;
    return [
      f.file,
      {
        fixture: f,
        record: isEnvelope ? f.document : envelopeFor(f),
        prefix: isEnvelope ? '' : '/payload',
      },
    ] as const;
  });

  it.each(cases.filter(([, c]) => c.fixture.kind === 'ok'))('%s is valid', (_file, c) => {
    const result = validator.validate(c.record);
    expect(result).toEqual({ ok: true, record: c.record });
  });

  it.each(cases.filter(([, c]) => c.fixture.kind === 'not-ok'))(
    '%s breaks exactly the rule its .expect.json declares',
    (_file, c) => {
      const { path, rule } = c.fixture.expected!;
      const issues = issuesOf(c.record);
      expect(issues.map((issue) => ({ path: issue.path, rule: issue.rule }))).toEqual([
        { path: `${c.prefix}${path}`, rule },
      ]);
      const [issue] = issues;
      expect(issue!.message).toContain(issue!.path || 'The record');
      const quoted = stringsIn(c.record).filter(
        (text) => text.length > 2 && !['person', 'address', 'upsert', 'delete'].includes(text),
      );
      for (const text of quoted) expect(issue!.message).not.toContain(text);
    },
  );
});

describe('RecordValidator', () => {
  it('returns the record, typed, when everything holds', () => {
    const result = validator.validate(personRecord());
    expect(result.ok).toBe(true);
    if (result.ok && result.record.op === 'upsert') {
      expect(result.record.subjectId).toBe('3234567891');
      expect(result.record.payload).toMatchObject({ sex: 'female' });
    }
  });

  it('reports an id with a wrong check digit at /subjectId, rule check-digit', () => {
    const record = { ...personRecord(), subjectId: '3234567819' };
    const issues = issuesOf(record);
    expect(issues).toContainEqual({
      path: '/subjectId',
      rule: 'check-digit',
      message: expect.stringMatching(/^\/subjectId must end in its check digit/),
    });
    expect(issues.map((issue) => issue.message).join(' ')).not.toContain('3234567819');
  });

  it('replaces the schema pattern failure with the scheme rule that names the fault', () => {
    const record: Record<string, unknown> = {
      ...personRecord(),
      op: 'delete',
      subjectId: '32345678',
    };
    delete record.payload;
    expect(rulesOf(record)).toEqual([{ path: '/subjectId', rule: 'length' }]);
  });

  it('checks the subject with the scheme it is given', () => {
    const rejectAll: NationalIdScheme = {
      name: 'reject-all',
      validate: () => ({ valid: false, rule: 'check-digit', message: 'is never valid here' }),
    };
    const strict = new RecordValidator({ catalog, nationalIdScheme: rejectAll });
    expect(strict.validate(personRecord())).toEqual({
      ok: false,
      errors: [
        { path: '/subjectId', rule: 'check-digit', message: '/subjectId is never valid here' },
      ],
    });
  });

  it('reports an unknown record type, naming the known ones', () => {
    const issues = issuesOf({ ...personRecord(), recordType: 'land-title' });
    expect(issues).toEqual([
      {
        path: '/recordType',
        rule: 'unknown-record-type',
        message: '/recordType is not a known record type (known: address, person)',
      },
    ]);
  });

  it('does not take the envelope for a record type', () => {
    expect(rulesOf({ ...personRecord(), recordType: 'envelope' })).toEqual([
      { path: '/recordType', rule: 'unknown-record-type' },
    ]);
  });

  it('reports an unknown schema version of a known type', () => {
    expect(issuesOf({ ...personRecord(), schemaVersion: 7 })).toEqual([
      {
        path: '/schemaVersion',
        rule: 'unknown-schema-version',
        message: '/schemaVersion is not a known version of this record type (known: 1)',
      },
    ]);
  });

  it('validates the payload against the schema its record type and version name', () => {
    const record = { ...personRecord(), recordType: 'address' };
    const rules = rulesOf(record);
    expect(rules).toContainEqual({ path: '/payload/since', rule: 'required' });
    expect(rules).toContainEqual({ path: '/payload/nationalId', rule: 'additionalProperties' });
  });

  it('names the missing or unknown property itself, not its parent', () => {
    const record = personRecord();
    const payload = record.payload as Record<string, unknown>;
    delete payload.dateOfBirth;
    payload['maiden/name'] = 'x';
    expect(issuesOf(record)).toEqual([
      {
        path: '/payload/dateOfBirth',
        rule: 'required',
        message: '/payload/dateOfBirth is required',
      },
      {
        path: '/payload/maiden~1name',
        rule: 'additionalProperties',
        message: '/payload/maiden~1name is not an allowed property',
      },
    ]);
  });

  it('words messages by rule, without the offending value', () => {
    const record = personRecord();
    const payload = record.payload as Record<string, Record<string, unknown>>;
    Object.assign(payload, { dateOfBirth: '1985-02-30', sex: 'F' });
    payload.name!.khmer = { familyName: 'សុខ', givenName: 'Dara' };
    const messages = Object.fromEntries(
      issuesOf(record).map((issue) => [issue.path, issue.message]),
    );
    expect(messages).toEqual({
      '/payload/dateOfBirth': '/payload/dateOfBirth must be a date (YYYY-MM-DD)',
      '/payload/sex': '/payload/sex must be one of: female, male',
      '/payload/name/khmer/givenName': expect.stringMatching(
        /^\/payload\/name\/khmer\/givenName does not have the required form: Khmer script only/,
      ),
    });
    expect(Object.values(messages).join(' ')).not.toMatch(/1985-02-30|Dara|"F"/);
  });

  it('says when a rule holds only in the presence of another property', () => {
    const record = personRecord();
    (record.payload as Record<string, unknown>).dateOfDeath = '2024-12-01';
    expect(issuesOf(record)).toEqual([
      {
        path: '/payload/alive',
        rule: 'const',
        message: '/payload/alive must be false when dateOfDeath is present',
      },
    ]);
  });

  it('reports every issue at once', () => {
    const record: Record<string, unknown> = {
      ...personRecord(),
      version: 0,
      eventId: 'x',
      subjectId: '3234567892',
    };
    (record.payload as Record<string, unknown>).alive = 'yes';
    expect(rulesOf(record)).toEqual([
      { path: '/version', rule: 'minimum' },
      { path: '/eventId', rule: 'format' },
      { path: '/subjectId', rule: 'check-digit' },
      { path: '/payload/alive', rule: 'type' },
    ]);
  });

  it('rejects anything that is not an object', () => {
    for (const input of [null, 'record', 42, [personRecord()]]) {
      expect(issuesOf(input)).toEqual([
        { path: '', rule: 'type', message: 'The record must be an object' },
      ]);
    }
  });

  it('requires a person payload to be about the record subject', () => {
    const record = personRecord();
    (record.payload as Record<string, unknown>).nationalId = '8178839804';
    expect(issuesOf(record)).toEqual([
      {
        path: '/payload/nationalId',
        rule: 'subject-mismatch',
        message: expect.stringMatching(/^\/payload\/nationalId must equal \/subjectId/),
      },
    ]);
  });

  it('does not look into the payload of a delete beyond its being empty', () => {
    const record = { ...personRecord(), op: 'delete', payload: {} };
    expect(validator.validate(record).ok).toBe(true);
  });

  describe('Unicode normalisation', () => {
    it('returns decomposed Latin names in NFC, and accepts them as Latin letters', () => {
      const record = personRecord();
      const payload = record.payload as { name: { latin: Record<string, string> } };
      payload.name.latin.givenName = 'Nguye\u0302\u0303n';
      const result = validator.validate(record);
      expect(result.ok).toBe(true);
      if (result.ok && result.record.op === 'upsert') {
        const name = (result.record.payload as typeof payload).name.latin.givenName;
        expect(name).toBe('Nguy\u1EC5n');
        expect(name).toBe(name!.normalize('NFC'));
      }
    });

    it('returns Khmer text with its combining marks in canonical order', () => {
      const record = personRecord();
      const payload = record.payload as { name: { khmer: Record<string, string> } };
      // ATTHACAN (ccc 230) typed before COENG (ccc 9): NFC puts COENG first.
      payload.name.khmer.givenName = 'ស\u17DD\u17D2ត';
      const result = validator.validate(record);
      expect(result.ok).toBe(true);
      if (result.ok && result.record.op === 'upsert') {
        const name = (result.record.payload as typeof payload).name.khmer.givenName;
        expect(name).toBe('ស\u17D2\u17DDត');
        expect(name).toBe(name!.normalize('NFC'));
      }
    });

    it('normalises every string, envelope fields included, and leaves the input alone', () => {
      const input = { ...personRecord(), recordId: 'Cafe\u0301-1' };
      const result = validator.validate(input);
      expect(result.ok && result.record.recordId).toBe('Caf\u00E9-1');
      expect(input.recordId).toBe('Cafe\u0301-1');
    });
  });
});
