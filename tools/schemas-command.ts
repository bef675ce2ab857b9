// `spean schemas …` and `spean lineage`: the schema registry from the command
// line, for stewards and integrators working on the server. Changes are
// recorded as made by `cli:<login>` (or --as <name>) with the reason given.
import fs from 'node:fs';
import os from 'node:os';
import { AuditLog } from '#spean/audit';
import { parseArgs } from 'node:util';
import type { Database } from '#spean/persistence';
import {
  SchemaRegistryException,
  SchemaRegistryService,
  type CompatibilityMode,
  type Incompatibility,
} from '#spean/schema-registry';
import { say } from './cli-output.js';

export const SCHEMAS_HELP = `  schemas list [--record-type <t>]            Every record type, its compatibility mode and versions.
  schemas show <type> <version>               One version's JSON Schema.
  schemas check <type> <schema.json> [--mode <m>]
                                              Dry run: would it be accepted as the next version?
  schemas propose <type> <schema.json> --reason "<why>"
  schemas approve|reject|deprecate|retire <type> <version> --reason "<why>"
  schemas compatibility <type> <mode> --reason "<why>"
                                              BACKWARD, FORWARD, FULL (each also _TRANSITIVE) or NONE.
  schemas history <type>                      Every change: who, when, why.
  lineage [--record-type <t>]                 Who publishes and consumes which record types, at which versions.
      [--as <name>]                           Record changes under this name (default cli:<login>).
`;

export async function schemasCommand(
  args: string[],
  db: Database,
  environment: 'development' | 'production' | 'test',
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'record-type': { type: 'string' },
      reason: { type: 'string' },
      mode: { type: 'string' },
      as: { type: 'string' },
    },
  });
  const audit = new AuditLog(db);
  const registry = new SchemaRegistryService(db, { environment, audit });
  // On a fresh database no app may have seeded the registry from schemas/ yet.
  await registry.bootstrap();
  const [sub, type, third] = positionals;
  const run: Invocation = {
    registry,
    actor: values.as ?? `cli:${os.userInfo().username}`,
    sub: sub ?? '',
    type,
    third,
    reason: values.reason ?? '',
    recordType: values['record-type'],
    mode: values.mode as CompatibilityMode | undefined,
  };
  try {
    if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) {
      process.stderr.write(`unknown schemas command "${sub ?? ''}"\n\n${SCHEMAS_HELP}`);
      return 2;
    }
    return await SUBCOMMANDS[sub]!(run);
  } catch (error) {
    if (!(error instanceof SchemaRegistryException)) throw error;
    process.stderr.write(`spean: ${error.message}\n`);
    printIncompatibilities(error.incompatibilities);
    return 3;
  } finally {
    await audit.close();
  }
}

/** One parsed `spean schemas …` command: `<sub> <type> <third>` and the options. */
interface Invocation {
  registry: SchemaRegistryService;
  actor: string;
  sub: string;
  type: string | undefined;
  /** A version, a schema file or a compatibility mode, by subcommand. */
  third: string | undefined;
  reason: string;
  recordType: string | undefined;
  mode: CompatibilityMode | undefined;
}

const SUBCOMMANDS: Record<string, (run: Invocation) => Promise<number>> = {
  list,
  show: async ({ registry, type, third }) => {
    const { schema } = await registry.get(need(type), Number(third));
    process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    return 0;
  },
  check,
  propose: async ({ registry, actor, type, third, reason }) => {
    const proposed = await registry.propose(actor, need(type), readJson(third), reason);
    say(
      `proposed ${proposed.recordType} version ${proposed.version}; a steward approves or rejects it`,
    );
    return 0;
  },
  approve: move,
  reject: move,
  deprecate: move,
  retire: move,
  compatibility: async ({ registry, actor, type, third, reason }) => {
    say(
      `${need(type)}: ${await registry.setCompatibility(actor, need(type), need(third), reason)}`,
    );
    return 0;
  },
  history: async ({ registry, type }) => {
    console.table(await registry.repository.changes(need(type)));
    return 0;
  },
  lineage: async ({ registry, recordType }) => {
    console.table(await registry.repository.lineage(recordType));
    return 0;
  },
};

async function list({ registry, recordType }: Invocation): Promise<number> {
  const rows = await registry.list(recordType);
  console.table(
    rows.map((row) => ({
      recordType: row.recordType,
      version: row.version,
      state: row.state,
      proposedBy: row.proposedBy,
      decidedBy: row.decidedBy ?? '',
      decidedAt: row.decidedAt?.toISOString() ?? '',
    })),
  );
  return 0;
}

/** Dry run: exit 0 when the schema would be accepted as the next version, 3 when not. */
async function check({ registry, type, third, mode }: Invocation): Promise<number> {
  const report = await registry.check(need(type), readJson(third), mode);
  say(
    report.compatible
      ? `compatible: would become ${report.recordType} version ${report.version} (${report.mode}, checked against ${report.checkedAgainst.join(', ') || 'nothing'})`
      : `NOT compatible under ${report.mode}:`,
  );
  printIncompatibilities(report.incompatibilities);
  return report.compatible ? 0 : 3;
}

/** A steward moves a version on: approve, reject, deprecate or retire. */
async function move({ registry, actor, sub, type, third, reason }: Invocation): Promise<number> {
  const step = sub as 'approve' | 'reject' | 'deprecate' | 'retire';
  const moved = await registry[step](actor, need(type), Number(third), reason);
  say(`${moved.recordType} version ${moved.version} is now ${moved.state}`);
  return 0;
}

function printIncompatibilities(list: readonly Incompatibility[]): void {
  for (const item of list)
    say(
      `  - ${item.path || '/'} [${item.rule}, ${item.direction}, vs version ${item.against}]: ${item.message}`,
    );
}

function need(value: string | undefined): string {
  if (!value)
    throw new SchemaRegistryException(
      'INVALID_INPUT' as never,
      'missing argument: see npm run spean -- help',
    );
  return value;
}

function readJson(file: string | undefined): unknown {
  const path = need(file);
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SchemaRegistryException(
      'INVALID_SCHEMA' as never,
      `${path}: ${(error as Error).message}`,
    );
  }
}
