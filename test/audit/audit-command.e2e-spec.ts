// `spean audit verify` on a real database: exit 0 and the counts when intact,
// exit 4 and the seq when not. The log mixes entries of systems acting alone
// (spean-audit/1) and of signed-in persons (spean-audit/2).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditLog } from '#spean/audit';
import { auditCommand } from '../../tools/audit-command.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase('audit_command');
  const log = new AuditLog(test.database);
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      log.append({
        kind: 'verification',
        actorClient: 'desk',
        actorAgency: 'mef',
        actorPerson:
          i % 2 === 0
            ? {
                issuer: 'https://login.mef.gov.kh',
                subject: `u${i}`,
                name: 'Sok Dara',
                statedBy: 'session',
              }
            : null,
        subjectId: String(i),
      }),
    ),
  );
});

afterAll(async () => {
  await test.drop();
});

function capture() {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return {
    text: () => ({ out: out.mock.calls.join(''), err: err.mock.calls.join('') }),
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

describe('audit verify', () => {
  it('reports an intact log', async () => {
    const io = capture();
    try {
      expect(await auditCommand(['verify'], test.database)).toBe(0);
      expect(io.text().out).toContain('audit log intact: 30 entries, 0 checkpoints');
    } finally {
      io.restore();
    }
  });

  it('names the problem and the seq, exit 4', async () => {
    await test.owner().query(`DELETE FROM audit_entry WHERE seq = 12`);
    const io = capture();
    try {
      expect(await auditCommand(['verify'], test.database)).toBe(4);
      expect(io.text().err).toContain('removed at seq 12');
    } finally {
      io.restore();
    }
  });

  it('names an entry whose person was taken away, before the later gap, exit 4', async () => {
    await test.owner().query(`UPDATE audit_entry SET actor_person = NULL WHERE seq = 7`);
    const io = capture();
    try {
      expect(await auditCommand(['verify'], test.database)).toBe(4);
      expect(io.text().err).toContain('altered at seq 7');
    } finally {
      io.restore();
    }
  });

  it('refuses an unknown subcommand and a bad --from', async () => {
    const io = capture();
    try {
      expect(await auditCommand(['rewrite'], test.database)).toBe(2);
      expect(await auditCommand(['verify', '--from', 'x'], test.database)).toBe(2);
    } finally {
      io.restore();
    }
  });
});
