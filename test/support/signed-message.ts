// Signs a message as an adapter would, for suites that put records straight
// onto the bus: consumers apply only what an approved adapter key signed.
import type { KeyObject } from 'node:crypto';
import type { OutgoingMessage } from '#spean/bus';
import { recordSigner, signedHeaders } from '#spean/contracts';

export function signedMessage(privateKey: KeyObject, message: OutgoingMessage): OutgoingMessage {
  return {
    ...message,
    headers: signedHeaders(recordSigner(privateKey), message.value, message.headers),
  };
}
