// `spean schemas …` on a real database: each subcommand reaches the registry
// and answers with its exit code; an unknown one, whatever its name, gets the help.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SCHEMAS_HELP, schemasCommand } from '../../tools/schemas-command.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const root = path.resolve(import.meta.dirname, '..', '..');
let test: TestDatabase;

async function run(
  args: string[],
): Promise<{ code: number; out: string; err: string; tables: unknown[] }> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const table = jest.spyOn(console, 'table').mockImplementation(() => undefined);
  try {
    const code = await schemasCommand([...args, '--as', 'cli:test'], test.database, 'test');
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
  test = await createTestDatabase('schemas_command');
});

afterAll(async () => {
  await test.drop();
});

describe('spean schemas', () => {
  it('lists the seeded versions and shows one', async () => {
    const listed = await run(['list', '--record-type', 'person']);
    expect(listed.code).toBe(0);
    expect(listed.tables[0]).toEqual([
      expect.objectContaining({ recordType: 'person', version: 1, state: 'active' }),
    ]);
    const shown = await run(['show', 'person', '1']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toEqual(
      JSON.parse(fs.readFileSync(path.join(root, 'schemas/person/1.json'), 'utf8')),
    );
  });

  it('checks a candidate without registering it', async () => {
    const checked = await run(['check', 'person', path.join(root, 'schemas/person/1.json')]);
    expect(checked).toMatchObject({ code: 0, err: '' });
    expect(checked.out).toContain('compatible: would become person version 2');
    expect((await run(['list', '--record-type', 'person'])).tables[0]).toHaveLength(1);
  });

  it('proposes a version and records who moved it on, and why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-command-'));
    const file = path.join(dir, 'person.json');
    fs.copyFileSync(path.join(root, 'schemas/person/1.json'), file);
    const proposed = await run(['propose', 'person', file, '--reason', 'same shape']);
    expect(proposed).toMatchObject({ code: 0, err: '' });
    expect(proposed.out).toContain('proposed person version 2');
    const rejected = await run(['reject', 'person', '2', '--reason', 'nothing new']);
    expect(rejected).toMatchObject({ code: 0, err: '' });
    expect(rejected.out).toContain('person version 2 is now rejected');
    const history = await run(['history', 'person']);
    expect(history.code).toBe(0);
    expect(JSON.stringify(history.tables[0])).toContain('nothing new');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a missing argument with exit code 3 and an unknown command with the help', async () => {
    const missing = await run(['show']);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('missing argument');
    for (const sub of ['frobnicate', 'constructor', 'toString']) {
      const answer = await run([sub]);
      expect(answer.code).toBe(2);
      expect(answer.err).toContain(`unknown schemas command "${sub}"`);
      expect(answer.err).toContain(SCHEMAS_HELP);
    }
  });
});
