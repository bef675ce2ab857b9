import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { recordSigner, signatureHolds } from './record-signature.js';
import { WorkerSigner } from './worker-signer.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

describe('signing on a worker thread', () => {
  const signer = new WorkerSigner(privateKey);
  afterAll(() => signer.close());

  it("makes recordSigner's signatures, in order, for batches sent side by side", async () => {
    const values = Array.from({ length: 300 }, (_, i) => Buffer.from(`{"recordId":"R-${i}"}`));
    const [first, second] = await Promise.all([
      signer.sign(values.slice(0, 150)),
      signer.sign(values.slice(150)),
    ]);
    const signatures = [...first, ...second];
    const expected = recordSigner(privateKey);
    expect(signatures).toEqual(values.map((value) => expected.sign(value)));
    await expect(signatureHolds(publicKey, values[7]!, signatures[7]!)).resolves.toBe(true);
    await expect(signatureHolds(publicKey, values[8]!, signatures[7]!)).resolves.toBe(false);
  });

  it('fails what is waiting once the worker is gone', async () => {
    const stopped = new WorkerSigner(privateKey);
    await stopped.close();
    await expect(stopped.sign([Buffer.from('{}')])).rejects.toThrow();
  });
});
