// `spean purposes …` and `spean grants …`: the stewards' register of legal
// purposes and of who may see what, on the server. Every change is audited
// (as cli:<login>, or --as <name>) and takes effect in every gateway within
// moments (they reload on NOTIFY).
import { parseArgs } from 'node:util';
import {
  AccessControlException,
  AccessControlService,
  type Actor,
  type Grant,
} from '#spean/access';
import { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { grantableSections } from '#spean/access';
import { cliActor } from './cli-actor.js';
import { say, usageOf, subcommandOr, refusalsExit } from './cli-output.js';

export const ACCESS_HELP = `  purposes list                 The registered legal purposes a lookup may state.
  purposes add <code>           Register a purpose (code: lower-case letters, digits, dashes).
      --title <text> --legal-basis <text>
  purposes retire <code>        Retire a purpose: it can no longer be stated, its grants stop applying.
      --reason <text>
  grants list [--agency <id>]   Grants in force (--all: also revoked and expired ones).
  grants sections               What a grant may name, and the fields each section may be narrowed to.
  grants add                    Grant an agency a section for a purpose, for a period.
      --agency <id> --section <name> --purpose <code> --until <date> --reason <text>
      [--fields <a,b,…>]        Only these fields of the section (default: all of it).
      [--from <date>]           Start later than now.
      [--requires-officer]      Lookups under it must name the officer who asks (signed in, or X-Spean-Officer).
  grants revoke <id> --reason <text>
                                Revoke a grant at once.
      [--as <name>]             Record a change under this name (default cli:<login>).
`;

const usage = usageOf(ACCESS_HELP);

export async function accessCommand(
  noun: 'purposes' | 'grants',
  args: string[],
  db: Database,
): Promise<number> {
  const parsed = subcommandOr(args, parse, usage);
  if (typeof parsed === 'number') return parsed;
  const { sub, values, positionals } = parsed;
  const audit = new AuditLog(db);
  const service = new AccessControlService(db, audit, grantableSections(defaultSchemaCatalog()));
  const run: Invocation = { service, actor: cliActor(values.as), sub, values, positionals };
  return refusalsExit(
    () => (noun === 'purposes' ? purposesCommand(run) : grantsCommand(run)),
    [AccessControlException, UsageError],
    { close: () => audit.close() },
  );
}

/** One parsed `spean purposes|grants …` command, with the service and the operator it acts as. */
interface Invocation {
  service: AccessControlService;
  actor: Actor;
  sub: string | undefined;
  values: ReturnType<typeof parse>['values'];
  positionals: string[];
}

async function purposesCommand(run: Invocation): Promise<number> {
  const { service, actor, sub, values, positionals } = run;
  switch (sub) {
    case 'list':
      print(
        (await service.purposes()).map((p) => ({
          code: p.code,
          title: p.title,
          legalBasis: p.legalBasis,
          retired: p.retiredAt?.toISOString() ?? '',
        })),
      );
      return 0;
    case 'add': {
      const purpose = await service.registerPurpose(actor, {
        code: positionals[0] ?? '',
        title: required(values.title, 'title'),
        legalBasis: required(values['legal-basis'], 'legal-basis'),
      });
      say(`registered purpose ${purpose.code}`);
      return 0;
    }
    case 'retire':
      await service.retirePurpose(actor, positionals[0] ?? '', required(values.reason, 'reason'));
      say(`retired purpose ${positionals[0]}`);
      return 0;
    default:
      return usage(`unknown purposes command "${sub ?? ''}": use list, add or retire`);
  }
}

async function grantsCommand(run: Invocation): Promise<number> {
  const { service, actor, sub, values, positionals } = run;
  switch (sub) {
    case 'list':
      print((await service.grants({ agencyId: values.agency, includeEnded: values.all })).map(row));
      return 0;
    case 'sections':
      for (const [name, { fields }] of grantableSections(defaultSchemaCatalog()))
        say(`${name}${fields ? `: ${fields.join(', ')}` : ''}`);
      return 0;
    case 'add': {
      const grant = await service.grant(actor, {
        agencyId: required(values.agency, 'agency'),
        section: required(values.section, 'section'),
        purpose: required(values.purpose, 'purpose'),
        fields: values.fields
          ?.split(',')
          .map((field) => field.trim())
          .filter(Boolean),
        validFrom: values.from ? date(values.from, 'from') : undefined,
        validUntil: date(required(values.until, 'until'), 'until'),
        reason: required(values.reason, 'reason'),
        requiresOfficer: values['requires-officer'],
      });
      say(`granted ${grant.id}`);
      print([row(grant)]);
      return 0;
    }
    case 'revoke':
      await service.revoke(actor, positionals[0] ?? '', required(values.reason, 'reason'));
      say(`revoked grant ${positionals[0]}`);
      return 0;
    default:
      return usage(`unknown grants command "${sub ?? ''}": use list, sections, add or revoke`);
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      'legal-basis': { type: 'string' },
      reason: { type: 'string' },
      agency: { type: 'string' },
      section: { type: 'string' },
      purpose: { type: 'string' },
      fields: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      all: { type: 'boolean', default: false },
      'requires-officer': { type: 'boolean', default: false },
      as: { type: 'string' },
    },
  });
}

class UsageError extends Error {}

function required(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`--${option} is required`);
  return value;
}

function date(value: string, option: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new UsageError(
      `--${option} must be a date, e.g. 2027-12-31 or 2027-12-31T17:00:00+07:00`,
    );
  return parsed;
}

function row(grant: Grant) {
  return {
    id: grant.id,
    agency: grant.agencyId,
    section: grant.section,
    fields: grant.fields?.join(',') ?? '(all)',
    purpose: grant.purpose,
    officer: grant.requiresOfficer ? 'required' : '',
    from: grant.validFrom.toISOString(),
    until: grant.validUntil.toISOString(),
    by: grant.grantedBy,
    revoked: grant.revokedAt?.toISOString() ?? '',
  };
}

function print(rows: object[]): void {
  if (rows.length === 0) say('(none)');
  else console.table(rows);
}
