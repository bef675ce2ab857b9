// Intake: canonical records in, published to the bus, event ids out.
// A request is all-or-nothing: if any record is invalid nothing is published
// and every problem is listed, so the publisher fixes and resends the whole
// request without wondering which part went through. Before anything else, the
// records must be of record types and versions the adapter is approved to
// publish; a refusal is audited, then answered with 403 and the reason — and
// so is a client that is not the adapter's own. Only an authorised client is
// told what is wrong with its body (415 not JSON, 400 empty).
import type { Principal } from '#spean/access';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { ApprovalGuard } from '../approval/approval-guard.js';
import type { RecordPublisher } from '../publishing/record-publisher.js';
import { IntakeException, IntakeExceptionCode } from './intake.exception.js';
import { jsonOf, type RequestBody } from './request-body.js';

export interface IntakeResult {
  accepted: number;
  eventIds: string[];
  /** E.g. records written at a deprecated schema version: accepted, but move on. */
  warnings?: string[];
}

export class IntakeService {
  constructor(
    private readonly definition: AdapterDefinition,
    private readonly publisher: RecordPublisher,
    private readonly maxRecords: number,
    private readonly approval: ApprovalGuard,
  ) {}

  async accept(principal: Principal, body: RequestBody): Promise<IntakeResult> {
    await this.authorise(principal);
    const json = jsonOf(body, 'a canonical record or an array of them');
    const inputs = Array.isArray(json) ? json : [json];
    if (inputs.length === 0) {
      throw new IntakeException(IntakeExceptionCode.EMPTY_BATCH, 'the request holds no records');
    }
    if (inputs.length > this.maxRecords) {
      throw new IntakeException(
        IntakeExceptionCode.TOO_MANY_RECORDS,
        `a request may carry at most ${this.maxRecords} records; split it`,
      );
    }
    await this.approval.checkPublish(principal, inputs);
    const { ready, issues } = this.publisher.prepare(inputs);
    const refused = issues.find((issue) => issue.rule === 'publishes');
    if (refused) {
      throw new IntakeException(
        IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED,
        `record ${refused.index}: ${refused.message}`,
      );
    }
    if (issues.length > 0) {
      const invalid = new Set(issues.map((issue) => issue.index)).size;
      throw new IntakeException(
        IntakeExceptionCode.INVALID_RECORDS,
        `${invalid} of ${inputs.length} record(s) are invalid; nothing was published`,
        issues,
      );
    }
    const eventIds = await this.publisher.publish(ready);
    const deprecated = [
      ...new Set(
        ready
          .filter((r) => r.deprecated)
          .map((r) => `${r.record.recordType} schema version ${r.record.schemaVersion}`),
      ),
    ];
    if (deprecated.length === 0) return { accepted: eventIds.length, eventIds };
    return {
      accepted: eventIds.length,
      eventIds,
      warnings: deprecated.map(
        (what) => `${what} is deprecated: accepted until it is retired; move to the active version`,
      ),
    };
  }

  /** Refuses (403, after auditing) any client that is not one of this adapter's own. */
  async authorise(principal: Principal): Promise<void> {
    if (principal.role === 'adapter' && principal.adapter === this.definition.name) return;
    const reason = `only clients of the ${this.definition.name} adapter may publish here`;
    await this.approval.record(principal, 'publish', [
      {
        recordType: null,
        schemaVersion: null,
        reason: `${principal.role} client refused: ${reason}`,
      },
    ]);
    throw new IntakeException(IntakeExceptionCode.NOT_AN_ADAPTER, reason);
  }
}
