import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { keyIdOf } from '#spean/contracts';
import { loadOrCreateSigningKey, signingKeyPath } from './signing-key.js';

describe('an adapter signing key file', () => {
  const dirs: string[] = [];
  const tempDir = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spean-key-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('is made on first start under keys/, readable by its owner only, and the same key after', async () => {
    const dataDir = await tempDir();
    const file = signingKeyPath(dataDir, 'interior');
    expect(file).toBe(path.join(dataDir, 'keys', 'interior.ed25519.pem'));
    const first = await loadOrCreateSigningKey(file);
    expect(first.asymmetricKeyType).toBe('ed25519');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const again = await loadOrCreateSigningKey(file);
    expect(keyIdOf(createPublicKey(again))).toBe(keyIdOf(createPublicKey(first)));
  });

  it('refuses a key file that is not an Ed25519 key, naming the file', async () => {
    const file = path.join(await tempDir(), 'rsa.pem');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    await writeFile(file, rsa.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    await expect(loadOrCreateSigningKey(file)).rejects.toThrow(`${file} must be Ed25519, not rsa`);
  });
});
