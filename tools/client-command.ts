// `spean client …`: client systems' and citizens' credentials, on the server.
// The same service as the GraphQL mutations, so the same rules and the same
// audit entries; changes are recorded as made by cli:<login> (or --as <name>)
// of the pseudo-agency "operator", who may do what a steward may.
import { Console } from 'node:console';
import { parseArgs } from 'node:util';
import {
  AccessDeniedException,
  ClientAdministrationService,
  ClientException,
  MAX_SECRET_OVERLAP_HOURS,
  readCredentialSettings,
  ROLES,
  type ClientSummary,
  type CredentialActor,
  type CredentialAuditLog,
  type CredentialSettings,
} from '#spean/access';
import { AuditLog } from '#spean/audit';
import { EnvReader } from '#spean/config';
import { getNationalIdScheme, type NationalIdScheme } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { cliActor } from './cli-actor.js';

export const CLIENT_HELP = `  client create                 Register a client and print its secret (shown once, stored only hashed).
      --role <role>             One of: ${ROLES.join(', ')}
      --name <name>             The client system, e.g. "Business registration desk"
      --agency <id>             Agency id, e.g. mef (not for role citizen)
      [--agency-name <name>]    Needed when the agency is new; renames an existing one
      [--adapter <name>]        For role adapter: the adapter it publishes as, e.g. interior
      [--national-id <id>]      For role citizen: the citizen's national id, checked in person first
  client list [--agency <id>]   Registered clients, never their secrets; citizens' ids masked.
  client rotate <clientId>      Issue a new secret (shown once); the previous one keeps working for
      [--overlap-hours <n>]     n hours, 0 to ${MAX_SECRET_OVERLAP_HOURS} (default CLIENT_SECRET_OVERLAP_HOURS, 24).
  client revoke <clientId>      Revoke at once: no new tokens, issued ones refused within seconds.
      --reason <text>           Why (required for revoke; recorded for create and rotate too).
      [--as <name>]             Record a change under this name (default cli:<login>).
`;

export interface ClientCommandContext {
  db: Database;
  audit: CredentialAuditLog;
  settings: CredentialSettings;
  nationalIds?: NationalIdScheme;
  /** Where results go (default stdout); secrets are written only here. */
  out?: NodeJS.WritableStream;
  /** Where problems go (default stderr). */
  err?: NodeJS.WritableStream;
}

/** For spean.ts: settings from the environment, and an audit log of its own. */
export async function runClientCommand(args: string[], db: Database): Promise<number> {
  const env = new EnvReader();
  const settings = readCredentialSettings(env);
  env.done();
  const audit = new AuditLog(db);
  try {
    return await clientCommand(args, { db, audit, settings });
  } finally {
    await audit.close();
  }
}

export async function clientCommand(
  args: string[],
  context: ClientCommandContext,
): Promise<number> {
  const out = context.out ?? process.stdout;
  const err = context.err ?? process.stderr;
  const usage = (problem: string): number => {
    err.write(`${problem}\n\n${CLIENT_HELP}`);
    return 2;
  };
  const [sub, ...rest] = args;
  let parsed: Parsed;
  try {
    parsed = parse(rest);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const run: Invocation = {
    ...parsed,
    service: new ClientAdministrationService(
      context.db,
      context.audit,
      context.nationalIds ?? getNationalIdScheme(),
      context.settings,
    ),
    actor: { kind: 'operator', name: cliActor(parsed.values.as).clientId },
    out,
    err,
    say: (line) => void out.write(`${line}\n`),
    usage,
  };
  const subcommand =
    sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!subcommand)
    return usage(`unknown client command "${sub ?? ''}": use create, list, rotate or revoke`);
  try {
    return await subcommand(run);
  } catch (error) {
    if (error instanceof ClientException) {
      const option = error.field ? OPTIONS[error.field] : undefined;
      err.write(`spean: ${error.message}${option ? ` (${option})` : ''}\n`);
      return 2;
    }
    if (error instanceof AccessDeniedException) {
      err.write(`spean: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

type Parsed = ReturnType<typeof parse>;

/** One parsed `spean client …` command, with the service and the operator it acts as. */
interface Invocation extends Parsed {
  service: ClientAdministrationService;
  actor: CredentialActor;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  say(line: string): void;
  /** Writes the problem and the help; returns the exit code 2. */
  usage(problem: string): number;
}

const SUBCOMMANDS: Record<string, (run: Invocation) => Promise<number>> = {
  create,
  list,
  rotate,
  revoke,
};

async function create({ service, actor, values, say, usage }: Invocation): Promise<number> {
  if (!values.role) return usage('client create needs --role');
  if (!values.name) return usage('client create needs --name');
  const created = await service.create(actor, {
    role: values.role,
    name: values.name,
    agencyId: values.agency,
    agencyName: values['agency-name'],
    adapter: values.adapter,
    nationalId: values['national-id'],
    reason: values.reason,
  });
  say(JSON.stringify({ clientId: created.clientId, clientSecret: created.clientSecret }, null, 2));
  say('The secret is shown only now: hand it to the client over a secure channel.');
  return 0;
}

async function list({ service, actor, values, say, out, err }: Invocation): Promise<number> {
  const rows = await service.list(actor, values.agency);
  if (rows.length === 0) say('(none)');
  else new Console({ stdout: out, stderr: err }).table(rows.map(tableRow));
  return 0;
}

async function rotate(run: Invocation): Promise<number> {
  const { service, actor, values, positionals, say, usage } = run;
  const clientId = positionals[0];
  if (!clientId) return usage('client rotate needs the client id');
  let overlapHours: number | undefined;
  if (values['overlap-hours'] !== undefined) {
    overlapHours = Number(values['overlap-hours']);
    if (values['overlap-hours'].trim() === '' || !Number.isInteger(overlapHours))
      return usage(`--overlap-hours must be a whole number from 0 to ${MAX_SECRET_OVERLAP_HOURS}`);
  }
  const rotated = await service.rotate(actor, clientId, { overlapHours, reason: values.reason });
  say(JSON.stringify({ clientId: rotated.clientId, clientSecret: rotated.clientSecret }, null, 2));
  say(
    rotated.previousSecretValidUntil
      ? `The previous secret keeps working until ${rotated.previousSecretValidUntil.toISOString()}.`
      : 'The previous secret no longer works.',
  );
  say('The new secret is shown only now: hand it to the client over a secure channel.');
  return 0;
}

async function revoke({
  service,
  actor,
  values,
  positionals,
  say,
  usage,
}: Invocation): Promise<number> {
  const clientId = positionals[0];
  if (!clientId) return usage('client revoke needs the client id');
  if (!values.reason) return usage('client revoke needs --reason');
  const revoked = await service.revoke(actor, clientId, values.reason);
  say(
    `revoked ${revoked.clientId} at ${revoked.revokedAt?.toISOString()}: it gets no new tokens, ` +
      'and its unexpired ones are refused within seconds',
  );
  return 0;
}

/** The CLI option behind each input field a service error may name. */
const OPTIONS: Record<string, string> = {
  agencyId: '--agency',
  agencyName: '--agency-name',
  name: '--name',
  role: '--role',
  adapter: '--adapter',
  nationalId: '--national-id',
  overlapHours: '--overlap-hours',
  reason: '--reason',
  clientId: 'the client id',
};

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      'agency-name': { type: 'string' },
      adapter: { type: 'string' },
      'national-id': { type: 'string' },
      'overlap-hours': { type: 'string' },
      reason: { type: 'string' },
      as: { type: 'string' },
    },
  });
}

function tableRow(client: ClientSummary) {
  return {
    clientId: client.clientId,
    agency: client.agencyId,
    name: client.name,
    role: client.role,
    adapter: client.adapter ?? '',
    nationalId: client.maskedNationalId ?? '',
    created: client.createdAt.toISOString(),
    rotated: client.rotatedAt?.toISOString() ?? '',
    previousUntil: client.previousSecretValidUntil?.toISOString() ?? '',
    revoked: client.revokedAt?.toISOString() ?? '',
    revokedBy: client.revokedBy ?? '',
    revokeReason: client.revokeReason ?? '',
  };
}
