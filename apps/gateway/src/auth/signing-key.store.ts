// The gateway's token signing key: an Ed25519 key in a file only the service
// user can read, created on first boot. Several gateway instances share it by
// mounting the same file.
import { generateSigningKeyPem, signingKeyFromPem, type SigningKey } from '#spean/access';
import { loadOrCreateKeyFile } from '#spean/config';

export function loadOrCreateSigningKey(file: string): SigningKey {
  return signingKeyFromPem(loadOrCreateKeyFile(file, generateSigningKeyPem));
}
