// `spean audit …`: checks of the tamper-evident audit log, for auditors and
// stewards on the server. Prints seqs and problems only, never an entry's
// content (it names citizens).
import fs from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { parseArgs } from 'node:util';
import { verifyAuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { say, usageOf } from './cli-output.js';

export const AUDIT_HELP = `  audit verify                  Check the audit log's hash chain and signed checkpoints; exit 4 names
                                the first altered, removed or reordered entry.
      [--public-key <file>]     PEM Ed25519 public (or the private signing) key to check checkpoint
                                signatures with; default: the gateway's key file
                                (AUDIT_SIGNING_KEY_FILE, $DATA_DIR/keys/audit-signing-key.pem) if present.
      [--from <seq>]            Start at this entry, trusting the one before it (default 1).
`;

const usage = usageOf(AUDIT_HELP);

export async function auditCommand(
  args: string[],
  db: Database,
  /** The gateway's checkpoint signing key file, used when --public-key is not given. */
  defaultKeyFile?: string,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') return usage(`unknown audit command "${sub ?? ''}": use verify`);
  let values: { 'public-key'?: string; from?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { 'public-key': { type: 'string' }, from: { type: 'string' } },
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const from = values.from === undefined ? 1 : Number(values.from);
  if (!Number.isInteger(from) || from < 1) return usage('--from must be a whole number above 0');
  let publicKey: KeyObject | undefined;
  const keyFile =
    values['public-key'] ??
    (defaultKeyFile && fs.existsSync(defaultKeyFile) ? defaultKeyFile : undefined);
  if (keyFile !== undefined) {
    try {
      publicKey = createPublicKey(fs.readFileSync(keyFile));
    } catch (error) {
      return usage(
        `cannot read the public key: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const result = await verifyAuditLog(db, { publicKey, from });
  if (result.ok) {
    say(`audit log intact: ${result.entries} entries, ${result.checkpoints} checkpoints`);
    if (!publicKey) say('checkpoint signatures not checked: give --public-key to check them');
    return 0;
  }
  process.stderr.write(
    `audit log NOT intact: ${result.problem} at seq ${result.seq}: ${result.message}\n`,
  );
  return 4;
}
