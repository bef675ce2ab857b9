// `spean verification …`: the stewards' view of verification locks on the
// server — which citizens' claims verifyCitizen refuses to whom after too many
// wrong ones — and lifting them with a reason (audited as cli:<login>, or
// --as <name>). Takes effect at once in every gateway: the counts are rows.
import { parseArgs } from 'node:util';
import { AuditLog } from '#spean/audit';
import { EnvReader } from '#spean/config';
import { checkTypedNationalId, getNationalIdScheme } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { CitizenException } from '../apps/gateway/src/citizen/citizen.exception.js';
import {
  readVerificationLimits,
  type VerificationLimits,
} from '../apps/gateway/src/verification-lock/verification-limits.config.js';
import {
  VerificationLockRepository,
  type VerificationLock,
} from '../apps/gateway/src/verification-lock/verification-lock.repository.js';
import { VerificationLockService } from '../apps/gateway/src/verification-lock/verification-lock.service.js';
import { cliActor } from './cli-actor.js';
import { say, usageOf, subcommandOr, refusalsExit } from './cli-output.js';

export const VERIFICATION_HELP = `  verification locks            Verification locks in force: citizens whose claims of one kind are
      [--national-id <id>]      refused after too many wrong ones, to one agency or to all.
  verification lift <national id> --reason <text>
                                Lift the citizen's locks and clear their counts of wrong claims.
      [--as <name>]             Record the change under this name (default cli:<login>).
`;

const usage = usageOf(VERIFICATION_HELP);

/** The limits come from the same settings the gateway reads (VERIFICATION_FAILURES_PER_AGENCY …). */
export async function verificationCommand(
  args: string[],
  db: Database,
  limits: VerificationLimits = readVerificationLimits(new EnvReader({})),
): Promise<number> {
  const parsed = subcommandOr(args, parse, usage);
  if (typeof parsed === 'number') return parsed;
  const { sub, values, positionals } = parsed;
  const audit = new AuditLog(db);
  const scheme = getNationalIdScheme();
  const service = new VerificationLockService(
    new VerificationLockRepository(db, limits),
    audit,
    (input) => {
      const { id, check } = checkTypedNationalId(scheme, input);
      if (!check.valid) throw new UsageError(`national id ${check.message}`);
      return id;
    },
  );
  return refusalsExit(
    async () => {
      switch (sub) {
        case 'locks': {
          const locks = await service.listAs(cliActor(values.as), values['national-id']);
          if (locks.length === 0) say('no verification locks in force');
          else print(locks);
          return 0;
        }
        case 'lift': {
          const [nationalId] = positionals;
          if (!nationalId) return usage('verification lift needs a national id');
          if (!values.reason) return usage('verification lift needs --reason <text>');
          const lifted = await service.liftAs(cliActor(values.as), nationalId, values.reason);
          say(
            lifted.length === 0
              ? 'no lock was in force; any counts of wrong claims were cleared'
              : `lifted ${lifted.length} lock(s)`,
          );
          if (lifted.length > 0) print(lifted);
          return 0;
        }
        default:
          return usage(`unknown verification command "${sub ?? ''}": use locks or lift`);
      }
    },
    [CitizenException, UsageError],
    { close: () => audit.close() },
  );
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      'national-id': { type: 'string' },
      reason: { type: 'string' },
      as: { type: 'string' },
    },
  });
}

function print(locks: VerificationLock[]): void {
  say('national id  agency            claim         failures  locked until');
  for (const lock of locks) {
    say(
      [
        lock.nationalId.padEnd(11),
        (lock.agencyId ?? '(all agencies)').padEnd(17),
        lock.claim.padEnd(13),
        String(lock.failures).padEnd(9),
        lock.lockedUntil.toISOString(),
      ].join(' '),
    );
  }
}

class UsageError extends Error {}
