// An adapter's own Ed25519 signing key: read from its file, or made on the
// adapter's first start and written there (mode 0600, in a 0700 directory),
// so a restart signs with the same key and the key a steward approved stays
// valid. The file is the adapter's alone; only its public half leaves it.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { loadOrCreateKeyFile } from '#spean/config';

/** The default place of an adapter's key under the data directory. */
export function signingKeyPath(dataDir: string, adapter: string): string {
  return path.join(dataDir, 'keys', `${adapter}.ed25519.pem`);
}

export async function loadOrCreateSigningKey(file: string): Promise<KeyObject> {
  const key = createPrivateKey(
    loadOrCreateKeyFile(file, () =>
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ),
  );
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `the adapter signing key in ${file} must be Ed25519, not ${key.asymmetricKeyType}`,
    );
  }
  return Promise.resolve(key);
}
