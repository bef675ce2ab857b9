import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NationalIdScheme } from '#spean/contracts';
import { RecordValidator } from './record-validator.js';
import { ENVELOPE, SchemaCatalog } from './schema-catalog.js';
import { edited } from './testing/edited.js';
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

/** A payload fixture in the envelope an adapter would publish it in, about the subject it names. */
function envelopeFor(payloadFixture: SchemaFixture): Record<string, unknown> {
  const payload = payloadFixture.document as Record<string, unknown>;
  const schemaVersion = catalog.latestVersion(payloadFixture.recordType)!;
  const schema = catalog.get(payloadFixture.recordType, schemaVersion)!;
  const subject = schema
    .subjectCandidates(payload)
    .find((candidate) => /^[2-9][0-9]{9}$/.test(candidate.value));
  return {
    recordType: payloadFixture.recordType,
    schemaVersion,
    recordId: `fixture-${payloadFixture.name}`,
    subjectId: subject?.value ?? '3234567891',
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

/**
 * Words a message may share with a record because the schemas define them —
 * record types, enum and const values — so repeating one quotes no one's data.
 */
function vocabulary(): Set<string> {
  const words = new Set<string>([...catalog.recordTypes(), 'upsert', 'delete']);
  const collect = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' || key === 'const') stringsIn(value).forEach((word) => words.add(word));
      else collect(value);
    }
  };
  for (const type of catalog.recordTypes()) {
    for (const version of catalog.versions(type)) collect(catalog.get(type, version)!.schema);
  }
  return words;
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

  const allowedWords = vocabulary();

  it.each(cases.filter(([, c]) => c.fixture.kind === 'ok'))('%s is valid', (_file, c) => {
    const result = validator.validate(c.record);
    expect(result).toEqual({ ok: true, record: c.record, relatedSubjects: expect.any(Array) });
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
        (text) => text.length > 2 && !allowedWords.has(text),
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
    const issues = issuesOf({ ...personRecord(), recordType: 'health-insurance' });
    expect(issues).toEqual([
      {
        path: '/recordType',
        rule: 'unknown-record-type',
        message:
          '/recordType is not a known record type (known: address, business-registration, civil-event, land-title, person, taxpayer, vehicle-registration)',
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
        message: '/schemaVersion is not a known version of this record type (usable: 1)',
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

describe('RecordValidator on records that concern several citizens', () => {
  /** A payload fixture of `recordType`, with `changes`, in an envelope about `subjectId`. */
  function recordOf(
    recordType: string,
    payloadFile: string,
    subjectId: string,
    changes: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      recordType,
      schemaVersion: 1,
      recordId: `${recordType}-1`,
      subjectId,
      version: 1,
      op: 'upsert',
      source: 'fixtures',
      occurredAt: '2026-01-21T10:15:00+07:00',
      payload: edited(fixture(`${recordType}/ok/${payloadFile}`), changes),
    };
  }

  function relatedSubjectsOf(record: Record<string, unknown>): string[] {
    const result = validator.validate(record);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.relatedSubjects;
  }

  it('returns the other citizens a record concerns, without its subject', () => {
    const coOwners = 'married-couple-siem-reap-mortgaged.json';
    expect(relatedSubjectsOf(recordOf('land-title', coOwners, '2339293628'))).toEqual([
      '7283565536',
    ]);
    const company = 'private-limited-company-siem-reap.json';
    expect(relatedSubjectsOf(recordOf('business-registration', company, '8004925083'))).toEqual([
      '4949196999',
      '9893468902',
    ]);
    const birth = 'birth-in-phnom-penh.json';
    expect(relatedSubjectsOf(recordOf('civil-event', birth, '6391916096'))).toEqual([
      '3336188008',
      '8280459917',
    ]);
    const marriage = 'marriage-in-siem-reap.json';
    expect(relatedSubjectsOf(recordOf('civil-event', marriage, '5224731827'))).toEqual([
      '2169003735',
    ]);
    const newborn = 'newborn-with-parents.json';
    expect(relatedSubjectsOf(recordOf('person', newborn, '6391916096'))).toEqual([
      '3336188008',
      '8280459917',
    ]);
  });

  it('returns an empty list when a record concerns no one else', () => {
    const sole = recordOf('land-title', 'sole-owner-phnom-penh.json', '3234567891');
    expect(relatedSubjectsOf(sole)).toEqual([]);
    const car = recordOf('vehicle-registration', 'car-in-phnom-penh.json', '3234567891');
    expect(relatedSubjectsOf(car)).toEqual([]);
    expect(relatedSubjectsOf(personRecord())).toEqual([]);
    expect(relatedSubjectsOf({ ...personRecord(), op: 'delete', payload: {} })).toEqual([]);
  });

  it('names a citizen who appears twice once', () => {
    const record = recordOf('land-title', 'sole-owner-phnom-penh.json', '3234567891', {
      '/owners': [
        { nationalId: '3234567891', share: { numerator: 1, denominator: 2 } },
        { nationalId: '7283565536', share: { numerator: 1, denominator: 4 } },
        { nationalId: '7283565536', share: { numerator: 1, denominator: 5 } },
      ],
    });
    expect(relatedSubjectsOf(record)).toEqual(['7283565536']);
  });

  it('checks every related national id with the scheme, at its own path', () => {
    const siblings = 'siblings-rice-field-battambang-khmer-names.json';
    const record = recordOf('land-title', siblings, '4227837441', {
      '/owners/1/nationalId': '9172109325',
      '/owners/2/nationalId': '61163812',
    });
    const issues = issuesOf(record);
    expect(issues).toEqual([
      {
        path: '/payload/owners/1/nationalId',
        rule: 'check-digit',
        message: expect.stringMatching(
          /^\/payload\/owners\/1\/nationalId must end in its check digit/,
        ),
      },
      {
        path: '/payload/owners/2/nationalId',
        rule: 'length',
        message: '/payload/owners/2/nationalId must have exactly 10 digits',
      },
    ]);
    expect(issues.map((issue) => issue.message).join(' ')).not.toMatch(/9172109325|61163812/);
  });

  it('checks related ids with the scheme it is given', () => {
    const rejectOne: NationalIdScheme = {
      name: 'reject-one',
      validate: (id) =>
        id === '2169003735'
          ? { valid: false, rule: 'leading-digit', message: 'is withdrawn' }
          : { valid: true },
    };
    const strict = new RecordValidator({ catalog, nationalIdScheme: rejectOne });
    const record = recordOf('civil-event', 'marriage-in-siem-reap.json', '5224731827');
    expect(strict.validate(record)).toEqual({
      ok: false,
      errors: [
        {
          path: '/payload/spouse/nationalId',
          rule: 'leading-digit',
          message: '/payload/spouse/nationalId is withdrawn',
        },
      ],
    });
  });

  it('requires the first owner of a land title to be its subject', () => {
    const coOwners = 'married-couple-siem-reap-mortgaged.json';
    expect(issuesOf(recordOf('land-title', coOwners, '7283565536'))).toEqual([
      {
        path: '/payload/owners/0/nationalId',
        rule: 'subject-mismatch',
        message: expect.stringMatching(/^\/payload\/owners\/0\/nationalId must equal \/subjectId/),
      },
    ]);
  });

  it('requires the subject of a business to be one of its owners, whichever', () => {
    const partners = 'general-partnership-two-owners.json';
    for (const owner of ['6837740818', '3782012727']) {
      expect(validator.validate(recordOf('business-registration', partners, owner)).ok).toBe(true);
    }

    const company = 'private-limited-company-siem-reap.json';
    for (const notAnOwner of ['4949196999', '9893468902', '3234567891']) {
      expect(issuesOf(recordOf('business-registration', company, notAnOwner))).toEqual([
        {
          path: '/payload/people',
          rule: 'subject-mismatch',
          message:
            "/payload/people must include the record's subject: the nationalId of a person with the role owner must equal /subjectId",
        },
      ]);
    }
  });

  it('finds the subject of a vehicle in its owner and of a civil event in its subject', () => {
    const car = recordOf('vehicle-registration', 'owner-deceased.json', '3234567891');
    expect(rulesOf(car)).toEqual([{ path: '/payload/owner/nationalId', rule: 'subject-mismatch' }]);
    const death = recordOf('civil-event', 'death-in-kandal.json', '3234567891');
    expect(rulesOf(death)).toEqual([
      { path: '/payload/subject/nationalId', rule: 'subject-mismatch' },
    ]);
  });

  it('reports no mismatch where the payload has an issue on the way to the subject', () => {
    const company = 'private-limited-company-siem-reap.json';
    const noOwner = recordOf('business-registration', company, '8004925083', {
      '/people/0/roles': ['director'],
    });
    expect(rulesOf(noOwner)).toEqual([{ path: '/payload/people', rule: 'contains' }]);
    const noVehicleOwner = recordOf(
      'vehicle-registration',
      'car-in-phnom-penh.json',
      '3234567891',
      {
        '/owner': undefined,
      },
    );
    expect(rulesOf(noVehicleOwner)).toEqual([{ path: '/payload/owner', rule: 'required' }]);
  });
});

describe('RecordValidator messages for event-specific parts', () => {
  function civilEvent(payloadFile: string, changes: Record<string, unknown>) {
    const payload = edited(fixture(`civil-event/ok/${payloadFile}`), changes);
    return {
      recordType: 'civil-event',
      schemaVersion: 1,
      recordId: 'CR-120101-2026-000123',
      subjectId: (payload.subject as { nationalId: string }).nationalId,
      version: 1,
      op: 'upsert',
      source: 'interior',
      occurredAt: '2026-01-21T10:15:00+07:00',
      payload,
    };
  }

  it('says a part is not allowed, and why, when the event type has no such part', () => {
    const { parents } = fixture('civil-event/ok/birth-in-phnom-penh.json');
    expect(issuesOf(civilEvent('death-in-kandal.json', { '/parents': parents }))).toEqual([
      {
        path: '/payload/parents',
        rule: 'not',
        message: '/payload/parents is not allowed: Only a birth has this part.',
      },
    ]);
  });

  it('says a part is required, and why, when the event type needs it', () => {
    expect(issuesOf(civilEvent('birth-in-phnom-penh.json', { '/parents': undefined }))).toEqual([
      {
        path: '/payload/parents',
        rule: 'required',
        message: '/payload/parents is required: A birth names the child and at least one parent.',
      },
    ]);
    expect(issuesOf(civilEvent('divorce.json', { '/spouse': undefined }))).toEqual([
      {
        path: '/payload/spouse',
        rule: 'required',
        message: '/payload/spouse is required: A marriage or divorce names the other spouse.',
      },
    ]);
  });

  it("reports a record of one event type with another type's part as one issue", () => {
    const { newAddress } = fixture('civil-event/ok/change-of-address-to-battambang.json');
    const marriageWithAddress = civilEvent('marriage-in-siem-reap.json', {
      '/newAddress': newAddress,
    });
    expect(rulesOf(marriageWithAddress)).toEqual([{ path: '/payload/newAddress', rule: 'not' }]);
  });

  it('says only that eventType is wrong when it is, whatever parts the record carries', () => {
    const adoption = civilEvent('birth-in-phnom-penh.json', { '/eventType': 'adoption' });
    expect(rulesOf(adoption)).toEqual([{ path: '/payload/eventType', rule: 'enum' }]);
    const untyped = civilEvent('birth-in-phnom-penh.json', { '/eventType': undefined });
    expect(rulesOf(untyped)).toEqual([{ path: '/payload/eventType', rule: 'required' }]);
  });

  it("checks a new address with the address schema's own rules", () => {
    const move = civilEvent('change-of-address-to-battambang.json', {
      '/newAddress/village/code': '0203100',
    });
    expect(issuesOf(move)).toEqual([
      {
        path: '/payload/newAddress/village/code',
        rule: 'pattern',
        message:
          '/payload/newAddress/village/code does not have the required form: 8-digit gazetteer code',
      },
    ]);
  });
});

describe('RecordValidator: depth and characters, for every string and property name', () => {
  const khmerName = (givenName: string): Record<string, unknown> => {
    const record = personRecord();
    (record.payload as { name: { khmer: { givenName: string } } }).name.khmer.givenName = givenName;
    return record;
  };

  it('refuses a record nested deeper than any schema without walking it, however deep', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const record = personRecord();
    // Two equal items under uniqueItems: comparing them would recurse all the way down.
    (record.payload as Record<string, unknown>).parents = [
      { nationalId: '2345678906', role: 'mother', deep },
      { nationalId: '2345678906', role: 'mother', deep },
    ];
    const issues = issuesOf(record);
    expect(issues).toHaveLength(2);
    for (const [i, issue] of issues.entries()) {
      expect(issue.rule).toBe('max-depth');
      expect(issue.path).toMatch(new RegExp(`^/payload/parents/${i}/deep(?:/0)+$`));
      expect(issue.message).toContain('nests deeper than 32 levels');
    }
  });

  it.each([
    ['NUL', 'control-character', '\u0000'],
    ['BEL', 'control-character', '\u0007'],
    ['an ESC sequence', 'control-character', '\u001b[31m'],
    ['a line break', 'control-character', '\n'],
    ['a C1 control', 'control-character', '\u0085'],
    ['a lone high surrogate', 'lone-surrogate', '\ud800'],
    ['a lone low surrogate', 'lone-surrogate', '\udfff'],
    ['RIGHT-TO-LEFT OVERRIDE', 'bidi-control', '\u202e'],
    ['LEFT-TO-RIGHT EMBEDDING', 'bidi-control', '\u202a'],
    ['FIRST STRONG ISOLATE', 'bidi-control', '\u2068'],
    ['RIGHT-TO-LEFT MARK', 'bidi-control', '\u200f'],
    ['ZERO WIDTH SPACE', 'invisible-character', '\u200b'],
    ['ZERO WIDTH JOINER', 'invisible-character', '\u200d'],
    ['a byte order mark', 'invisible-character', '\ufeff'],
  ])('refuses %s in the recordId, at /recordId with rule %s', (_what, rule, character) => {
    const record = { ...personRecord(), recordId: `MOI-P-${character}3234567891` };
    const issues = issuesOf(record);
    // A line break also breaks the recordId's pattern; nothing else is reported.
    expect(issues.map((i) => i.path)).toEqual(issues.map(() => '/recordId'));
    expect(issues.map((i) => i.rule)).toContain(rule);
    const issue = issues.find((i) => i.rule === rule)!;
    expect(issue.message).toMatch(/^\/recordId holds /);
    expect(issue.message).not.toContain(character);
  });

  it.each([
    ['NUL', 'control-character', '\u0000'],
    ['RIGHT-TO-LEFT OVERRIDE', 'bidi-control', '\u202e'],
    ['a lone surrogate', 'lone-surrogate', '\ud83d'],
  ])('refuses %s in free text too, beside what its pattern says', (_what, rule, character) => {
    expect(rulesOf(khmerName(`ដារ៉ា${character}`))).toContainEqual({
      path: '/payload/name/khmer/givenName',
      rule,
    });
  });

  it('lets Khmer free text separate words with zero-width characters, as Khmer is written', () => {
    expect(issuesOf(khmerName('ដារ៉ា\u200bចាន់'))).toEqual([]);
    expect(issuesOf(khmerName('ដារ៉ា\u200cចាន់'))).toEqual([]);
  });

  it('takes a well-formed surrogate pair for what it is: one character', () => {
    // An emoji is no Khmer letter: the pattern refuses it, the surrogate rule does not.
    expect(rulesOf(khmerName('ដារ៉ា😀'))).toEqual([
      { path: '/payload/name/khmer/givenName', rule: 'pattern' },
    ]);
  });

  it.each([
    ['NUL', 'control-character', 's\u0000ex'],
    ['a bidi override', 'bidi-control', 's\u202eex'],
    ['a zero-width space', 'invisible-character', 's\u200bex'],
  ])(
    'refuses %s in a property name at the object holding it, never echoing the name',
    (_what, rule, key) => {
      const record = personRecord();
      const payload = record.payload as Record<string, unknown>;
      payload[key] = payload.sex;
      delete payload.sex;
      const issues = issuesOf(record);
      expect(issues).toContainEqual({
        path: '/payload',
        rule,
        message: expect.stringMatching(/^\/payload has a property name that holds /),
      });
      for (const issue of issues) expect(issue.path + issue.message).not.toContain(key);
      // Its absence under the right name is still reported.
      expect(issues).toContainEqual(
        expect.objectContaining({ path: '/payload/sex', rule: 'required' }),
      );
    },
  );
});

describe('RecordValidator: plausible dates', () => {
  const on = (today: string) =>
    new RecordValidator({ catalog, now: () => new Date(`${today}T12:00:00Z`) });
  const born = (dateOfBirth: string, death?: string): Record<string, unknown> => {
    const record = personRecord();
    const payload = record.payload as Record<string, unknown>;
    payload.dateOfBirth = dateOfBirth;
    if (death !== undefined) Object.assign(payload, { alive: false, dateOfDeath: death });
    return record;
  };
  const rules = (v: RecordValidator, record: unknown) => {
    const result = v.validate(record);
    return result.ok ? [] : result.errors.map(({ path, rule }) => ({ path, rule }));
  };

  it('takes a date of birth up to a day after today (time zones), and refuses a later one', () => {
    const v = on('2026-12-07');
    expect(rules(v, born('2026-12-07'))).toEqual([]);
    expect(rules(v, born('2026-12-08'))).toEqual([]);
    expect(rules(v, born('2026-12-09'))).toEqual([
      { path: '/payload/dateOfBirth', rule: 'date-in-future' },
    ]);
    expect(rules(v, born('2999-01-01'))).toEqual([
      { path: '/payload/dateOfBirth', rule: 'date-in-future' },
    ]);
  });

  it('refuses a year before 1850, year 0000 included, naming the limit', () => {
    for (const date of ['0000-01-01', '1849-12-31']) {
      const result = validator.validate(born(date));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors).toEqual([
        {
          path: '/payload/dateOfBirth',
          rule: 'formatMinimum',
          message: '/payload/dateOfBirth must not be before 1850-01-01',
        },
      ]);
    }
    expect(rules(validator, born('1850-01-01'))).toEqual([]);
  });

  it('refuses a date of death before the date of birth, naming both fields but neither value', () => {
    const result = validator.validate(born('1985-03-14', '1985-03-13'));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '/payload/dateOfDeath',
          rule: 'death-before-birth',
          message:
            '/payload/dateOfDeath must not be before /payload/dateOfBirth: a person cannot die before they are born',
        },
      ],
    });
    expect(rules(validator, born('1985-03-14', '1985-03-14'))).toEqual([]);
  });

  it('refuses a civil event registered before it happened, or registered in the future', () => {
    const event = (date: string, registeredOn: string) =>
      civilEventRecord({ ...fixture('civil-event/ok/death-in-kandal.json'), date, registeredOn });
    const v = on('2026-12-07');
    expect(rules(v, event('2026-01-18', '2026-01-18'))).toEqual([]);
    expect(rules(v, event('2026-01-18', '2026-01-17'))).toEqual([
      { path: '/payload/registeredOn', rule: 'registered-before-event' },
    ]);
    expect(rules(v, event('2026-12-20', '2026-12-21'))).toEqual([
      { path: '/payload/date', rule: 'date-in-future' },
      { path: '/payload/registeredOn', rule: 'date-in-future' },
    ]);
  });

  it('judges no date the schema already refused', () => {
    expect(rules(validator, born('14/03/1985', '1980-01-01'))).toEqual([
      { path: '/payload/dateOfBirth', rule: 'format' },
    ]);
  });
});

function civilEventRecord(payload: Record<string, unknown>): Record<string, unknown> {
  const subjectId = (payload.subject as { nationalId: string }).nationalId;
  return {
    recordType: 'civil-event',
    schemaVersion: 1,
    recordId: 'CE-1',
    subjectId,
    version: 1,
    op: 'upsert',
    source: 'interior',
    occurredAt: '2026-01-20T09:30:00+07:00',
    payload,
  };
}
