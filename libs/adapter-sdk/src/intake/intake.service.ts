// Intake: canonical records in, published to the bus, event ids out.
// A request is all-or-nothing: if any record is invalid nothing is published
// and every problem is listed, so the publisher fixes and resends the whole
// request without wondering which part went through. Before anything else, the
// records must be of record types and versions the adapter is approved to
// publish; a refusal is audited, then answered with 403 and the reason.
import type { Principal } from '#spean/access';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { ApprovalGuard } from '../approval/approval-guard.js';
import type { RecordPublisher } from '../publishing/record-publisher.js';
import { IntakeException, IntakeExceptionCode } from './intake.exception.js';

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

  async accept(principal: Principal, body: unknown): Promise<IntakeResult> {
    this.authorise(principal);
    const inputs = Array.isArray(body) ? body : [body];
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

  authorise(principal: Principal): void {
    if (principal.role !== 'adapter' || principal.adapter !== this.definition.name) {
      throw new IntakeException(
        IntakeExceptionCode.NOT_AN_ADAPTER,
        `only clients of the ${this.definition.name} adapter may publish here`,
      );
    }
  }
}
