// The key that signs audit checkpoints: Ed25519, in a file only the gateway's
// service user can read (created on first boot). Auditors verify with its
// public half, which `spean audit verify` derives from the same file or reads
// from a PEM they were handed.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { loadOrCreateKeyFile } from '#spean/config';
import type { AuditSigner } from './audit-entry.js';

export interface AuditKey {
  signer: AuditSigner;
  publicKey: KeyObject;
}

export function auditKeyFromPem(pem: string): AuditKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('The audit signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('base64url')
    .slice(0, 16);
  return { signer: { keyId, sign: (data) => sign(null, data, privateKey) }, publicKey };
}

export function loadOrCreateAuditKey(file: string): AuditKey {
  return auditKeyFromPem(
    loadOrCreateKeyFile(file, () =>
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ),
  );
}
