// Intake: canonical records in, published to the bus, event ids out.
// A request is all-or-nothing: if any record is invalid nothing is published
// and every problem is listed, so the publisher fixes and resends the whole
// request without wondering which part went through. The records go through
// the one path of publishing (publish.ts): record types and versions the
// adapter does not declare or is not approved for are refused (audited, 403)
// before validation. A client that is not the adapter's own is refused and
// audited too. Only an authorised client is
// told what is wrong with its body (415 not JSON, 400 empty).
import type { Principal } from '#spean/access';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { ApprovalGuard } from '../approval/approval-guard.js';
import type { Publishing } from '../publishing/publish.js';
import { IntakeException, IntakeExceptionCode, type RecordIssue } from './intake.exception.js';
import { jsonOf, type RequestBody } from './request-body.js';

export interface IntakeResult {
  accepted: number;
  eventIds: string[];
  /** E.g. records written at a deprecated schema version: accepted, but move on. */
  warnings?: string[];
}

export interface IntakeDryRun {
  /** Records that would be accepted. */
  valid: number;
  /** Records with at least one problem. */
  invalid: number;
  issues: RecordIssue[];
}

export class IntakeService {
  constructor(
    private readonly definition: AdapterDefinition,
    private readonly publishing: Publishing,
    private readonly maxRecords: number,
    private readonly approval: ApprovalGuard,
  ) {}

  async accept(principal: Principal, body: RequestBody): Promise<IntakeResult> {
    const inputs = await this.readRecords(principal, body);
    const { published, eventIds } = await this.publishing.publish(
      principal,
      inputs,
      'all-or-nothing',
    );
    const deprecated = [
      ...new Set(
        published
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

  /**
   * Every check of accept(), publishing and keeping nothing: how many records
   * would be accepted, and each problem of the others with its index, path and rule.
   */
  async dryRun(principal: Principal, body: RequestBody): Promise<IntakeDryRun> {
    const inputs = await this.readRecords(principal, body);
    const { ready, issues } = await this.publishing.check(principal, inputs);
    return { valid: ready.length, invalid: new Set(issues.map((i) => i.index)).size, issues };
  }

  private async readRecords(principal: Principal, body: RequestBody): Promise<unknown[]> {
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
    return inputs;
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
