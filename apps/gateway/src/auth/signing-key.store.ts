// The gateway's token signing key: an Ed25519 key in a file only the service
// user can read, created on first boot. Several gateway instances share it by
// mounting the same file.
import fs from 'node:fs';
import path from 'node:path';
import { generateSigningKeyPem, signingKeyFromPem, type SigningKey } from '#spean/access';

export function loadOrCreateSigningKey(file: string): SigningKey {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // wx: two instances booting at once must not overwrite each other's key.
    try {
      fs.writeFileSync(file, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return signingKeyFromPem(fs.readFileSync(file, 'utf8'));
}
