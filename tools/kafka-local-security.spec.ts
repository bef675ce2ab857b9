// kafka-local's secured mode refuses users and passwords it cannot hand to
// Kafka's storage tool and JAAS configuration, before anything starts.
import os from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { startKafka, startKafkaCluster } from './kafka-local.ts';

const dataDir = os.tmpdir();

describe('kafka-local --secure', () => {
  it('needs a password for the admin user', async () => {
    await expect(
      startKafka({ dataDir, security: { users: { gateway: 'gateway-pw-123' } } }),
    ).rejects.toThrow('A secured Kafka needs a password for the "admin" user.');
  });

  it('refuses a password that would break the SCRAM or JAAS syntax, naming the user and the rule', async () => {
    const error = await startKafka({
      dataDir,
      security: { users: { admin: 'admin-pw-123', tax: 'has,comma]and"quote' } },
    }).then(
      () => null,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toBe(
      'The password of Kafka user "tax" must be 8 to 128 letters, digits or . _ ~ @ % + -.',
    );
    expect(error?.message).not.toContain('has,comma');
  });

  it('refuses a user name that is not a plain lower-case name, for a cluster too', async () => {
    await expect(
      startKafkaCluster({
        dataDir,
        nodes: 3,
        security: { users: { admin: 'admin-pw-123', 'User:x': 'some-password' } },
      }),
    ).rejects.toThrow(/Kafka user "User:x" must be lower-case letters, digits and dashes/);
  });
});
