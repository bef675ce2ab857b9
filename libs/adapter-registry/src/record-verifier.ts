// The one check every consumer makes before it applies a record from the log
// (the gateway's read model and every adapter's reactions, on either bus, live
// and on replay): the record carries a signature (`unsigned`), made by a key
// the registry knows (`unknown-key`), over exactly these bytes
// (`bad-signature`); the key is an approved, unexpired, unrevoked key of the
// adapter the record names as its source (`unknown-key`); and that source is
// approved to publish this record type and schema version now
// (`source-not-approved`). Source, record type and schema version are read
// from the signed value, never from the unsigned headers. A refusal names the
// topic, partition and offset, never a value from the payload.
import type { ConsumedMessage } from '#spean/bus';
import {
  KEY_ID_HEADER,
  SIGNATURE_HEADER,
  signatureHolds,
  type RefusalCode,
} from '#spean/contracts';
import type { AdapterApprovals } from './adapter-approvals.js';
import { keyRefusal } from './adapter-key.js';
import type { AdapterKeys } from './adapter-keys.js';

export interface Refusal {
  code: RefusalCode;
  reason: string;
}

/** Counts refusals by their code and the consumer group that refused. */
export type RefusalCounter = (labels: { reason: RefusalCode; group: string }) => void;

export class RecordVerifier {
  constructor(
    private readonly keys: Pick<AdapterKeys, 'find'>,
    private readonly approvals: Pick<AdapterApprovals, 'mayPublish'>,
    private readonly counted: RefusalCounter = () => undefined,
  ) {}

  /** Undefined when the record may be applied; otherwise why not. */
  async verify(message: ConsumedMessage, group: string): Promise<Refusal | undefined> {
    const refusal = await this.check(message);
    if (refusal) this.counted({ reason: refusal.code, group });
    return refusal;
  }

  private async check(message: ConsumedMessage): Promise<Refusal | undefined> {
    const where = `${message.topic} partition ${message.partition} offset ${message.offset}`;
    const signature = header(message, SIGNATURE_HEADER);
    const keyId = header(message, KEY_ID_HEADER);
    if (signature === undefined || keyId === undefined) {
      return {
        code: 'unsigned',
        reason: `the record at ${where} carries no ${signature === undefined ? SIGNATURE_HEADER : KEY_ID_HEADER} header: only records an approved adapter signed are applied`,
      };
    }
    const known = keyId.length <= 64 ? await this.keys.find(keyId) : undefined;
    if (!known) {
      return {
        code: 'unknown-key',
        reason: `the record at ${where} is signed with key ${printable(keyId)}, which no adapter has registered`,
      };
    }
    if (!signatureHolds(known.publicKey, message.value, signature)) {
      return {
        code: 'bad-signature',
        reason: `the record at ${where} claims key ${keyId} of adapter ${known.key.adapter}, but the signature does not match its bytes (forged or altered)`,
      };
    }
    const expired = keyRefusal(known.key);
    if (expired !== undefined) {
      return { code: 'unknown-key', reason: `the record at ${where} is signed with ${expired}` };
    }
    const claims = claimsOf(message.value);
    if (claims.source !== undefined && claims.source !== known.key.adapter) {
      return {
        code: 'unknown-key',
        reason: `the record at ${where} names source ${printable(claims.source)}, but is signed with key ${keyId} of adapter ${known.key.adapter}`,
      };
    }
    if (claims.source === undefined || claims.recordType === undefined) {
      // Its source's own bytes, but not a readable record: the schema check says what is wrong.
      return undefined;
    }
    const permission = await this.approvals.mayPublish(
      claims.source,
      claims.recordType,
      claims.schemaVersion,
    );
    if (!permission.allowed) {
      return {
        code: 'source-not-approved',
        reason: `the record at ${where} was refused: ${permission.reason}`,
      };
    }
    return undefined;
  }
}

function header(message: ConsumedMessage, name: string): string | undefined {
  const value: unknown = message.headers?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** What the signed value says of itself; each field only if it has the right type. */
function claimsOf(value: Buffer): {
  source?: string;
  recordType?: string;
  schemaVersion?: number;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const { source, recordType, schemaVersion } = parsed as Record<string, unknown>;
  return {
    source: typeof source === 'string' ? source : undefined,
    recordType: typeof recordType === 'string' ? recordType : undefined,
    schemaVersion:
      typeof schemaVersion === 'number' && Number.isInteger(schemaVersion)
        ? schemaVersion
        : undefined,
  };
}

/** Names from a refused message are untrusted: shown short and printable only. */
function printable(text: string): string {
  const cleaned = text.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(cleaned.length > 64 ? `${cleaned.slice(0, 64)}…` : cleaned);
}
