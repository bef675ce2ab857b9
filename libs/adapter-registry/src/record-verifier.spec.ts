import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ConsumedMessage } from '#spean/bus';
import { keyIdOf, publicKeyPem, recordSigner, signedHeaders } from '#spean/contracts';
import type { AdapterKey, AdapterKeyState } from './adapter-key.js';
import type { KnownKey } from './adapter-keys.js';
import type { Permission } from './adapter-registration.js';
import { RecordVerifier, type RecordClaims, type Undecoded } from './record-verifier.js';

const interior = generateKeyPairSync('ed25519').privateKey;
const transport = generateKeyPairSync('ed25519').privateKey;
const stranger = generateKeyPairSync('ed25519').privateKey;

function known(
  adapter: string,
  privateKey: KeyObject,
  state: AdapterKeyState = 'approved',
  notAfter: Date | null = null,
): KnownKey {
  const publicKey = createPublicKey(privateKey);
  const key: AdapterKey = {
    keyId: keyIdOf(publicKey),
    adapter,
    publicKey: publicKeyPem(publicKey),
    state,
    notAfter,
    proposedBy: 'test',
    proposedAt: new Date(),
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  };
  return { key, publicKey };
}

function verifierWith(
  keys: KnownKey[],
  approved: (source: string, recordType: string, version?: number) => boolean = () => true,
): { verifier: RecordVerifier; counted: string[] } {
  const byId = new Map(keys.map((entry) => [entry.key.keyId, entry]));
  const counted: string[] = [];
  const mayPublish = async (
    source: string,
    recordType: string,
    version?: number,
  ): Promise<Permission> =>
    approved(source, recordType, version)
      ? { allowed: true }
      : { allowed: false, reason: `adapter ${source} is not approved to publish ${recordType}` };
  const verifier = new RecordVerifier(
    { find: async (keyId) => byId.get(keyId), findAsOf: async (keyId) => byId.get(keyId) },
    { mayPublish, mayPublishAsOf: mayPublish },
    ({ reason, group }) => counted.push(`${group}:${reason}`),
  );
  return { verifier, counted };
}

const record = (source: string, extra: Record<string, unknown> = {}): Buffer =>
  Buffer.from(
    JSON.stringify({ recordType: 'person', schemaVersion: 1, source, recordId: 'P-1', ...extra }),
  );

function message(value: Buffer, headers: Record<string, string> = {}): ConsumedMessage {
  return {
    topic: 'spean.person',
    partition: 2,
    offset: '17',
    key: '1234567890',
    value,
    headers: { 'record-type': 'person', ...headers },
    timestamp: new Date(),
  };
}

const signed = (privateKey: KeyObject, value: Buffer): ConsumedMessage =>
  message(value, signedHeaders(recordSigner(privateKey), value));

/** The consumer's one decode, here a bare JSON.parse; counts its calls. */
let decodes = 0;
function parsed(message: ConsumedMessage): { ok: true; record: RecordClaims } | Undecoded {
  decodes++;
  try {
    return { ok: true, record: JSON.parse(message.value.toString('utf8')) as RecordClaims };
  } catch {
    return { ok: false, code: 'not-json', reason: 'the message is not valid JSON' };
  }
}

/** Undefined when the record may be applied; otherwise why not. */
async function verify(
  verifier: RecordVerifier,
  each: ConsumedMessage,
): Promise<Undecoded | undefined> {
  const decoded = await verifier.decoderFor('gateway')(each, parsed);
  return decoded.ok ? undefined : decoded;
}

describe('RecordVerifier', () => {
  it('admits a record its source signed with an approved key', async () => {
    const { verifier, counted } = verifierWith([known('interior', interior)]);
    await expect(verify(verifier, signed(interior, record('interior')))).resolves.toBe(undefined);
    expect(counted).toEqual([]);
  });

  it('refuses an unsigned record, naming where it was read, and counts it', async () => {
    const { verifier, counted } = verifierWith([known('interior', interior)]);
    const refusal = await verify(verifier, message(record('interior')));
    expect(refusal?.code).toBe('unsigned');
    expect(refusal?.reason).toContain('spean.person partition 2 offset 17');
    expect(counted).toEqual(['gateway:unsigned']);
  });

  it('refuses a signature with no key id, or a key id with no signature, as unsigned', async () => {
    const { verifier } = verifierWith([known('interior', interior)]);
    const value = record('interior');
    const headers = signedHeaders(recordSigner(interior), value);
    const halves: Array<Record<string, string>> = [
      { signature: headers.signature! },
      { 'key-id': headers['key-id']! },
    ];
    for (const only of halves) {
      await expect(verify(verifier, message(value, only))).resolves.toMatchObject({
        code: 'unsigned',
      });
    }
  });

  it('refuses a key nobody registered as unknown-key', async () => {
    const { verifier } = verifierWith([known('interior', interior)]);
    await expect(verify(verifier, signed(stranger, record('interior')))).resolves.toMatchObject({
      code: 'unknown-key',
    });
  });

  it('refuses a forged signature and one over altered bytes as bad-signature', async () => {
    const { verifier } = verifierWith([known('interior', interior)]);
    const value = record('interior');
    const real = signedHeaders(recordSigner(interior), value);
    const forged = message(value, {
      'key-id': real['key-id']!,
      signature: Buffer.alloc(64, 7).toString('base64url'),
    });
    const altered = message(record('interior', { recordId: 'P-2' }), real);
    const garbage = message(value, { 'key-id': real['key-id']!, signature: 'not base64 at all!' });
    for (const each of [forged, altered, garbage]) {
      await expect(verify(verifier, each)).resolves.toMatchObject({
        code: 'bad-signature',
      });
    }
  });

  it("refuses a real signature by another adapter's key as unknown-key (the key is not the source's)", async () => {
    const { verifier } = verifierWith([known('interior', interior), known('transport', transport)]);
    const refusal = await verify(verifier, signed(transport, record('interior')));
    expect(refusal?.code).toBe('unknown-key');
    expect(refusal?.reason).toContain('of adapter transport');
  });

  it('refuses a proposed, revoked or replaced key as unknown-key', async () => {
    for (const entry of [
      known('interior', interior, 'proposed'),
      known('interior', interior, 'revoked'),
      known('interior', interior, 'approved', new Date(Date.now() - 1000)),
    ]) {
      const { verifier } = verifierWith([entry]);
      await expect(verify(verifier, signed(interior, record('interior')))).resolves.toMatchObject({
        code: 'unknown-key',
      });
    }
    const { verifier } = verifierWith([
      known('interior', interior, 'approved', new Date(Date.now() + 60_000)),
    ]);
    await expect(verify(verifier, signed(interior, record('interior')))).resolves.toBeUndefined();
  });

  it('refuses a record its source is not approved to publish as source-not-approved', async () => {
    const { verifier } = verifierWith(
      [known('interior', interior)],
      (source, type, version) => !(type === 'person' && version === 1),
    );
    await expect(verify(verifier, signed(interior, record('interior')))).resolves.toMatchObject({
      code: 'source-not-approved',
    });
  });

  it("leaves its source's signed bytes that are no record to the decoder, whose refusal is not the verifier's", async () => {
    const { verifier, counted } = verifierWith([known('interior', interior)]);
    await expect(
      verify(verifier, signed(interior, Buffer.from('{"not": json'))),
    ).resolves.toMatchObject({ code: 'not-json' });
    expect(counted).toEqual([]);
  });

  it('decodes a message once, and only after its signature holds', async () => {
    const { verifier } = verifierWith([known('interior', interior)]);
    decodes = 0;
    await verify(verifier, signed(interior, record('interior')));
    expect(decodes).toBe(1);
    await verify(verifier, message(record('interior')));
    await verify(verifier, signed(stranger, record('interior')));
    expect(decodes).toBe(1);
  });
});
