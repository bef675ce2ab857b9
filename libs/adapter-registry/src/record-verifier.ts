// The one check every consumer makes before it applies a record from the log
// (the gateway's read model and every adapter's reactions, on either bus, live
// and on replay), in two steps around the consumer's one decode of the value.
// On the raw bytes and headers, before anything is parsed: the record carries
// a signature (`unsigned`), made by a key the registry knows (`unknown-key`),
// over exactly these bytes (`bad-signature`), and the key is approved,
// unexpired and unrevoked (`unknown-key`). On the decoded record: the key is
// one of the adapter it names as its source (`unknown-key`), and that source
// is approved to publish this record type and schema version now
// (`source-not-approved`). Source, record type and schema version are read
// from the signed value, never from the unsigned headers; a value that does
// not decode is refused by the decoder (the schema check says what is wrong).
// A refusal names the topic, partition and offset, never a value from the
// payload.
import type { ConsumedMessage } from '#spean/bus';
import {
  KEY_ID_HEADER,
  PROOF_HEADER,
  SIGNATURE_HEADER,
  signatureHolds,
  type RefusalCode,
} from '#spean/contracts';
import type { AdapterApprovals } from './adapter-approvals.js';
import { keyRefusal } from './adapter-key.js';
import type { AdapterKeys, KnownKey } from './adapter-keys.js';

export interface Refusal {
  code: RefusalCode;
  reason: string;
}

/** Counts refusals by their code and the consumer group that refused. */
export type RefusalCounter = (labels: { reason: RefusalCode; group: string }) => void;

/** What a decoded record claims of itself, and the verifier checks. */
export interface RecordClaims {
  source: string;
  recordType: string;
  schemaVersion: number;
}

/** A message that did not decode, or was refused: a dead letter with this code. */
export interface Undecoded {
  ok: false;
  code: string;
  reason: string;
}

type Decoding = { ok: true; record: RecordClaims } | Undecoded;

/**
 * How a consumer decodes each message it consumes: `decode` (parsing and
 * validating the value) is called at most once, and its record is returned
 * only if it may be applied.
 */
export type CheckedDecoder = <D extends Decoding>(
  message: ConsumedMessage,
  decode: (message: ConsumedMessage) => D,
) => Promise<D | Undecoded>;

export class RecordVerifier {
  constructor(
    private readonly keys: Pick<AdapterKeys, 'find' | 'findAsOf'>,
    private readonly approvals: Pick<AdapterApprovals, 'mayPublish' | 'mayPublishAsOf'>,
    private readonly counted: RefusalCounter = () => undefined,
  ) {}

  /** A consumer group's decoder: the signature on the bytes, one decode, then the claims. */
  decoderFor(group: string): CheckedDecoder {
    return async <D extends Decoding>(
      message: ConsumedMessage,
      decode: (message: ConsumedMessage) => D,
    ): Promise<D | Undecoded> => {
      const signer = await this.checkSignature(message);
      if ('code' in signer) return this.refused(signer, group);
      const decoded: Decoding = decode(message);
      if (!decoded.ok) return decoded;
      const refusal = await this.checkClaims(message, signer, decoded.record);
      return refusal ? this.refused(refusal, group) : (decoded as D);
    };
  }

  /** The key that signed exactly these bytes, approved now; or why not. Parses nothing. */
  async checkSignature(message: ConsumedMessage): Promise<KnownKey | Refusal> {
    const where = whereOf(message);
    const signature = header(message, SIGNATURE_HEADER);
    const keyId = header(message, KEY_ID_HEADER);
    if (signature === undefined || keyId === undefined) {
      return {
        code: 'unsigned',
        reason: `the record at ${where} carries no ${signature === undefined ? SIGNATURE_HEADER : KEY_ID_HEADER} header: only records an approved adapter signed are applied`,
      };
    }
    let known = keyId.length <= 64 ? await this.keys.find(keyId) : undefined;
    // About to refuse: not on what was loaded before the record was published.
    if (
      keyId.length <= 64 &&
      (!known || keyRefusal(known.key) !== undefined) &&
      isDate(message.timestamp)
    )
      known = await this.keys.findAsOf(keyId, message.timestamp);
    if (!known) {
      return {
        code: 'unknown-key',
        reason: `the record at ${where} is signed with key ${printable(keyId)}, which no adapter has registered`,
      };
    }
    const proof = header(message, PROOF_HEADER);
    if (!(await signatureHolds(known.publicKey, message.value, signature, proof))) {
      return {
        code: 'bad-signature',
        reason: `the record at ${where} claims key ${keyId} of adapter ${known.key.adapter}, but the signature does not match its bytes (forged or altered)`,
      };
    }
    const expired = keyRefusal(known.key);
    if (expired !== undefined) {
      return { code: 'unknown-key', reason: `the record at ${where} is signed with ${expired}` };
    }
    return known;
  }

  /** Whether the decoded record's source owns the key that signed it, and may publish it now. */
  async checkClaims(
    message: ConsumedMessage,
    signer: KnownKey,
    claims: RecordClaims,
  ): Promise<Refusal | undefined> {
    const where = whereOf(message);
    if (claims.source !== signer.key.adapter) {
      return {
        code: 'unknown-key',
        reason: `the record at ${where} names source ${printable(claims.source)}, but is signed with key ${signer.key.keyId} of adapter ${signer.key.adapter}`,
      };
    }
    let permission = await this.approvals.mayPublish(
      claims.source,
      claims.recordType,
      claims.schemaVersion,
    );
    // About to refuse: not on a registration read before the record was published.
    if (!permission.allowed && isDate(message.timestamp))
      permission = await this.approvals.mayPublishAsOf(
        claims.source,
        claims.recordType,
        claims.schemaVersion,
        message.timestamp,
      );
    if (!permission.allowed) {
      return {
        code: 'source-not-approved',
        reason: `the record at ${where} was refused: ${permission.reason}`,
      };
    }
    return undefined;
  }

  private refused(refusal: Refusal, group: string): Undecoded {
    this.counted({ reason: refusal.code, group });
    return { ok: false, ...refusal };
  }
}

function whereOf(message: ConsumedMessage): string {
  return `${message.topic} partition ${message.partition} offset ${message.offset}`;
}

function header(message: ConsumedMessage, name: string): string | undefined {
  const value: unknown = message.headers?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Names from a refused message are untrusted: shown short and printable only. */
function printable(text: string): string {
  const cleaned = text.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(cleaned.length > 64 ? `${cleaned.slice(0, 64)}…` : cleaned);
}

function isDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
