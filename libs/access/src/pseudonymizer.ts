// Per-agency pseudonyms for national ids (as MOSIP's partner tokens): an agency
// not granted the national id itself sees, wherever a national id would be, a
// stable token that is the same on every lookup it makes and different for
// every other agency, so two agencies cannot join their data on it. The token
// is an HMAC under a key derived from one secret and the agency id; it cannot
// be turned back into the national id without that secret.
import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export class Pseudonymizer {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('The pseudonym secret must be at least 32 bytes');
  }

  /** E.g. "P-7Q2M-9XKD-4TRW-HB3N": never a valid national id, so it cannot be mistaken for one. */
  pseudonym(agencyId: string, nationalId: string): string {
    const digest = createHmac('sha256', this.keyOf(agencyId)).update(nationalId).digest();
    let text = '';
    for (let index = 0; index < 16; index += 1) text += ALPHABET[digest[index]! & 31];
    return `P-${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}`;
  }

  private keyOf(agencyId: string): Buffer {
    let key = this.keys.get(agencyId);
    if (!key) {
      key = createHmac('sha256', this.secret).update(`spean-pseudonym:${agencyId}`).digest();
      this.keys.set(agencyId, key);
    }
    return key;
  }
}
