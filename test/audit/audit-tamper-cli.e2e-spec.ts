// `npm run spean -- audit verify` against the log the running system writes:
// real lookups through the gateway, checkpoints signed by the gateway's key,
// then entries altered, removed and reordered directly in the database (as the
// schema owner — the services' role cannot). Each time the command exits 4 and
// names the first tampered entry; after each undo it says the log is intact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { auditCommand } from '../../tools/audit-command.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

let stack: SpeanStack;
let keyFile: string;
let target: number;

beforeAll(async () => {
  stack = await startStack('embedded', 'audit_tamper_cli');
  const nationalId = newNationalId();
  // The lookups below read only the taxpayer section.
  await publishFullCitizen(stack, nationalId, ['taxpayer']);
  const token = await stack.token(stack.agency);
  for (let i = 0; i < 40; i += 1) {
    await stack.graphql(
      token,
      `query($id: ID!) { citizen(nationalId: $id, purpose: "tax-administration") { taxpayer { tin } } }`,
      { id: nationalId },
    );
  }
  await stack.audit.seal();
  keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spean-audit-')), 'audit.pub.pem');
  fs.writeFileSync(keyFile, stack.auditKey.publicKey.export({ format: 'pem', type: 'spki' }));
  const [row] = await stack.db.database.query<{ seq: string }>(
    `SELECT seq FROM audit_entry WHERE kind = 'lookup' ORDER BY seq DESC OFFSET 10 LIMIT 1`,
  );
  target = Number(row!.seq);
}, 120_000);

afterAll(async () => {
  await stack?.close();
  if (keyFile) fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
});

async function verify(): Promise<{ status: number; out: string; err: string }> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const status = await auditCommand(['verify'], stack.db.database, keyFile);
    return { status, out: out.mock.calls.join(''), err: err.mock.calls.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const owner = (sql: string, params: unknown[] = []) => stack.db.owner().query(sql, params);

describe('audit verify on the running system’s log', () => {
  it('proves the untouched log intact, checkpoint signatures included', async () => {
    const result = await verify();
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/audit log intact: \d+ entries, [1-9]\d* checkpoints/);
    expect(result.out).not.toMatch(/not checked/);
  });

  it('names an altered entry', async () => {
    await owner(
      `UPDATE audit_entry SET details = jsonb_set(details, '{sectionsReturned}', '[]') WHERE seq = $1`,
      [target],
    );
    const result = await verify();
    await owner(
      `UPDATE audit_entry SET details = jsonb_set(details, '{sectionsReturned}', '["taxpayer"]') WHERE seq = $1`,
      [target],
    );
    expect(result.status).toBe(4);
    expect(result.err).toContain(`altered at seq ${target}`);
    expect((await verify()).status).toBe(0);
  });

  it('names a removed entry', async () => {
    const [saved] = await owner(`SELECT * FROM audit_entry WHERE seq = $1`, [target]);
    await owner(`DELETE FROM audit_entry WHERE seq = $1`, [target]);
    const result = await verify();
    await owner(
      `INSERT INTO audit_entry SELECT * FROM jsonb_populate_record(NULL::audit_entry, $1::jsonb)`,
      [JSON.stringify(saved)],
    );
    expect(result.status).toBe(4);
    expect(result.err).toContain(`removed at seq ${target}`);
    expect((await verify()).status).toBe(0);
  });

  it('names reordered entries', async () => {
    const parked = 1_000_000_000;
    const swap = async () => {
      await owner(`UPDATE audit_entry SET seq = $1 WHERE seq = $2`, [parked, target]);
      await owner(`UPDATE audit_entry SET seq = $1 WHERE seq = $2`, [target, target + 1]);
      await owner(`UPDATE audit_entry SET seq = $1 WHERE seq = $2`, [target + 1, parked]);
    };
    await swap();
    const result = await verify();
    await swap();
    expect(result.status).toBe(4);
    expect(result.err).toContain(`reordered at seq ${target}`);
    expect((await verify()).status).toBe(0);
  });
});
