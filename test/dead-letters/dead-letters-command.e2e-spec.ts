// `spean dead-letters …` on a real database without letters: what each
// subcommand answers, and the usage errors that name the option at fault.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DEAD_LETTERS_HELP, deadLettersCommand } from '../../tools/dead-letters-command.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await deadLettersCommand(args, test.database);
    return {
      code,
      out: out.mock.calls.map(([chunk]) => String(chunk)).join(''),
      err: err.mock.calls.map(([chunk]) => String(chunk)).join(''),
    };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  test = await createTestDatabase('dead_letters_command');
});

afterAll(async () => {
  await test.drop();
});

describe('spean dead-letters', () => {
  it('lists, counts and replays nothing when there is nothing', async () => {
    expect(await run(['list'])).toEqual({ code: 0, out: 'no open dead letters match\n', err: '' });
    expect(await run(['list', '--status', 'resolved'])).toMatchObject({
      code: 0,
      out: 'no resolved dead letters match\n',
    });
    expect(await run(['counts'])).toEqual({ code: 0, out: 'no open dead letters\n', err: '' });
    expect(await run(['replay', '--all', '--reason', 'retry'])).toEqual({
      code: 0,
      out: 'no open dead letters match: nothing to replay\n',
      err: '',
    });
  });

  it('names what is wrong with a command, with the help', async () => {
    const cases: Array<[string[], string]> = [
      [['list', '--limit', '0'], '--limit must be a whole number above 0'],
      [['replay'], 'replay needs --all, --id <n> or a filter (--group ...)'],
      [['replay', '--all', '--group', 'gateway'], '--all replays every open letter: give it alone'],
      [['frobnicate'], 'unknown dead-letters command "frobnicate"'],
    ];
    for (const [args, problem] of cases) {
      const answer = await run(args);
      expect(answer).toMatchObject({ code: 2, out: '' });
      expect(answer.err).toContain(problem);
      expect(answer.err).toContain(DEAD_LETTERS_HELP);
    }
  });
});
