// An adapter's own Ed25519 signing key: read from its file, or made on the
// adapter's first start and written there (mode 0600, in a 0700 directory),
// so a restart signs with the same key and the key a steward approved stays
// valid. The file is the adapter's alone; only its public half leaves it.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The default place of an adapter's key under the data directory. */
export function signingKeyPath(dataDir: string, adapter: string): string {
  return path.join(dataDir, 'keys', `${adapter}.ed25519.pem`);
}

export async function loadOrCreateSigningKey(file: string): Promise<KeyObject> {
  let pem: string | undefined;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (pem === undefined) {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      // 'wx': two processes starting at once do not overwrite each other's key.
      await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      pem = await readFile(file, 'utf8');
    }
    await chmod(file, 0o600);
  }
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `the adapter signing key in ${file} must be Ed25519, not ${key.asymmetricKeyType}`,
    );
  }
  return key;
}
