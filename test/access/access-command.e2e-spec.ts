// `spean purposes …` and `spean grants …` on a real database: each subcommand
// reaches the access-control service and answers with its exit code; bad or
// unknown input gets a message and exit code 2.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ClientRepository } from '#spean/access';
import { ACCESS_HELP, accessCommand } from '../../tools/access-command.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;
const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

async function run(
  noun: 'purposes' | 'grants',
  args: string[],
): Promise<{ code: number; out: string; err: string; tables: unknown[] }> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const table = jest.spyOn(console, 'table').mockImplementation(() => undefined);
  try {
    const code = await accessCommand(noun, [...args, '--as', 'cli:test'], test.database);
    return {
      code,
      out: out.mock.calls.map(([chunk]) => String(chunk)).join(''),
      err: err.mock.calls.map(([chunk]) => String(chunk)).join(''),
      tables: table.mock.calls.map(([rows]) => rows),
    };
  } finally {
    out.mockRestore();
    err.mockRestore();
    table.mockRestore();
  }
}

beforeAll(async () => {
  test = await createTestDatabase('access_command');
  await new ClientRepository(test.database).upsertAgency({ id: 'mef', name: 'Economy' });
});

afterAll(async () => {
  await test.drop();
});

describe('spean purposes', () => {
  it('adds, lists and retires a purpose', async () => {
    const added = await run('purposes', [
      'add',
      'tax-audit',
      '--title',
      'Tax audit',
      '--legal-basis',
      'Law on Taxation, art. 1',
    ]);
    expect(added).toMatchObject({ code: 0, err: '', out: 'registered purpose tax-audit\n' });
    const listed = await run('purposes', ['list']);
    expect(listed.tables[0]).toEqual([
      { code: 'tax-audit', title: 'Tax audit', legalBasis: 'Law on Taxation, art. 1', retired: '' },
    ]);
    const retired = await run('purposes', ['retire', 'tax-audit', '--reason', 'law repealed']);
    expect(retired).toMatchObject({ code: 0, out: 'retired purpose tax-audit\n' });
  });

  it('names a missing option, and answers an unknown command with the help', async () => {
    const missing = await run('purposes', ['add', 'x-ray', '--title', 'X']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('legal-basis');
    const unknown = await run('purposes', ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown purposes command "frobnicate"');
    expect(unknown.err).toContain(ACCESS_HELP);
  });
});

describe('spean grants', () => {
  it('lists the sections, then grants, lists and revokes', async () => {
    await run('purposes', ['add', 'benefits', '--title', 'Benefits', '--legal-basis', 'Law 2']);
    const sections = await run('grants', ['sections']);
    expect(sections.code).toBe(0);
    expect(sections.out).toMatch(/^person: .*nationalId/m);
    const granted = await run('grants', [
      'add',
      '--agency',
      'mef',
      '--section',
      'person',
      '--purpose',
      'benefits',
      '--until',
      inAYear,
      '--reason',
      'statute',
    ]);
    expect(granted).toMatchObject({ code: 0, err: '' });
    const id = /granted (\S+)/.exec(granted.out)![1]!;
    const listed = await run('grants', ['list', '--agency', 'mef']);
    expect(listed.tables[0]).toEqual([
      expect.objectContaining({ id, agency: 'mef', section: 'person', purpose: 'benefits' }),
    ]);
    const revoked = await run('grants', ['revoke', id, '--reason', 'no longer needed']);
    expect(revoked).toMatchObject({ code: 0, out: `revoked grant ${id}\n` });
    expect((await run('grants', ['list', '--agency', 'mef'])).out).toBe('(none)\n');
  });

  it('makes a grant that requires the officer who asks (--requires-officer)', async () => {
    const granted = await run('grants', [
      'add',
      '--agency',
      'mef',
      '--section',
      'address',
      '--purpose',
      'benefits',
      '--until',
      inAYear,
      '--reason',
      'statute',
      '--requires-officer',
    ]);
    expect(granted).toMatchObject({ code: 0, err: '' });
    expect(granted.tables[0]).toEqual([
      expect.objectContaining({ section: 'address', officer: 'required' }),
    ]);
    const plain = await run('grants', ['list', '--agency', 'mef']);
    expect(plain.tables[0]).toEqual([expect.objectContaining({ officer: 'required' })]);
  });

  it('names a bad date, and answers an unknown command with the help', async () => {
    const bad = await run('grants', [
      'add',
      '--agency',
      'mef',
      '--section',
      'person',
      '--purpose',
      'benefits',
      '--until',
      'someday',
      '--reason',
      'r',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('until');
    const unknown = await run('grants', ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown grants command "frobnicate"');
  });
});
