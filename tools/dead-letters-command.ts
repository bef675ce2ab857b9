// `spean dead-letters …`: the dead letters of every consumer group (gateway
// and adapters, either transport), for stewards on the server. Listings show
// metadata only, never a payload. A replay only marks letters: the running
// consumers of their groups replay them within seconds (a stopped consumer on
// its next start), so this command never applies a record itself.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import {
  DeadLetterException,
  DeadLetterRepository,
  DeadLetterService,
  type DeadLetterSummary,
} from '#spean/dead-letters';
import type { Database } from '#spean/persistence';
import { say, usageOf } from './cli-output.js';

export const DEAD_LETTERS_HELP = `  dead-letters list             Messages a consumer could not apply, newest failure first (no payloads).
      [--group <g>]             Consumer group: gateway or an adapter's name
      [--record-type <t>] [--code <c>] [--source <adapter>]
      [--status open|resolved]  Default open.
      [--limit <n>]             Default 100, at most 1000.
  dead-letters counts           Open dead letters by group and code.
  dead-letters replay           Ask the consumers to apply open dead letters again (after the fix);
      --all | --id <n> ...      every open letter, or these ids (--id may be repeated),
      | --group <g> [--record-type <t>] [--code <c>] [--source <adapter>]
                                or those matching the filters. Letters applied become resolved;
                                letters that fail again stay open with the new reason.
`;

const usage = usageOf(DEAD_LETTERS_HELP);

export async function deadLettersCommand(args: string[], db: Database): Promise<number> {
  const [sub, ...rest] = args;
  let values: Values;
  try {
    ({ values } = parse(rest));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const service = new DeadLetterService(new DeadLetterRepository(db));
  const filter: Filter = {
    group: values.group,
    recordType: values['record-type'],
    code: values.code,
    source: values.source,
  };
  try {
    switch (sub) {
      case 'list': {
        const limit = values.limit === undefined ? 100 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1)
          return usage('--limit must be a whole number above 0');
        const letters = await service.list({ ...filter, status: values.status, first: limit });
        if (letters.length === 0) say(`no ${values.status ?? 'open'} dead letters match`);
        else console.table(letters.map(row));
        return 0;
      }
      case 'counts': {
        const counts = await service.counts();
        if (counts.length === 0) say('no open dead letters');
        else console.table(counts);
        return 0;
      }
      case 'replay':
        return await replay(service, values, filter);
      default:
        return usage(`unknown dead-letters command "${sub ?? ''}": use list, counts or replay`);
    }
  } catch (error) {
    if (!(error instanceof DeadLetterException)) throw error;
    process.stderr.write(`spean: ${error.message}\n`);
    return 2;
  }
}

type Values = ReturnType<typeof parse>['values'];
type Filter = Pick<Values, 'group' | 'code' | 'source'> & { recordType: string | undefined };

/** Marks letters for replay: all of them, some by id, or those the filters match. */
async function replay(service: DeadLetterService, values: Values, filter: Filter): Promise<number> {
  const ids = values.id;
  const filtered = Object.values(filter).some((value) => value !== undefined);
  if (values.all && (ids || filtered))
    return usage('--all replays every open letter: give it alone');
  if (!values.all && !ids && !filtered)
    return usage('replay needs --all, --id <n> or a filter (--group ...)');
  const result = await service.requestReplay({
    ...filter,
    ids,
    all: values.all,
    actor: `cli:${userInfo().username}`,
    reason: values.reason ?? '',
  });
  if (result.requested === 0) {
    say('no open dead letters match: nothing to replay');
    return 0;
  }
  say(
    `replay requested for ${result.requested} dead letter(s): ` +
      result.groups.map((group) => `${group.group} ${group.requested}`).join(', '),
  );
  say(
    "each group's running consumer replays them within seconds (a stopped one when it starts); " +
      'follow with `dead-letters list --status resolved` and `dead-letters list`',
  );
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      reason: { type: 'string' },
      group: { type: 'string' },
      'record-type': { type: 'string' },
      code: { type: 'string' },
      source: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean' },
    },
  });
}

/** One table row: what a steward acts on, short enough to read in a terminal. */
function row(letter: DeadLetterSummary): Record<string, string | number> {
  return {
    id: letter.id,
    group: letter.group,
    recordType: letter.recordType,
    schemaVersion: letter.schemaVersion ?? '',
    source: letter.source ?? '',
    recordId: letter.recordId ?? '',
    eventId: letter.eventId ?? '',
    code: letter.code,
    attempts: letter.attempts,
    lastFailedAt: letter.lastFailedAt.toISOString(),
    replay: letter.replayRequestedAt ? 'pending' : '',
    ...(letter.resolvedAt ? { resolvedAt: letter.resolvedAt.toISOString() } : {}),
    reason: letter.reason,
  };
}
