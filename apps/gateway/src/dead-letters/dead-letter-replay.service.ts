// Replays asked for over GraphQL: counted first when the person wants to know
// how many (dryRun: nothing marked, nothing recorded), otherwise marked by the
// dead-letter store and written to the audit log with who asked and why, so
// the console can show the entry the replay made.
import { auditActor, type Principal } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import type { DeadLetterService, ReplayRequested } from '#spean/dead-letters';

export interface ReplaySelection {
  /** Only these adapters' letters (an integrator's own); every letter when undefined. */
  adapters?: readonly string[];
  ids?: string[];
  group?: string;
  recordType?: string;
  code?: string;
  source?: string;
  reason?: string;
  dryRun: boolean;
}

export class DeadLetterReplayService {
  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly audit: AuditLog,
  ) {}

  async replay(principal: Principal, selection: ReplaySelection): Promise<ReplayRequested> {
    const { dryRun, reason, adapters, ...filter } = selection;
    const result = await this.deadLetters.requestReplay({
      ...filter,
      adapters,
      actor: dryRun ? undefined : `${principal.agencyId}/${principal.clientId}`,
      reason: reason ?? '',
      dryRun,
    });
    if (dryRun) return result;
    await this.audit.append({
      kind: 'dead-letter-replay',
      ...auditActor(principal),
      details: {
        selection: {
          ...(filter.ids ? { ids: filter.ids } : {}),
          ...(filter.group !== undefined ? { group: filter.group } : {}),
          ...(filter.recordType !== undefined ? { recordType: filter.recordType } : {}),
          ...(filter.code !== undefined ? { code: filter.code } : {}),
          ...(filter.source !== undefined ? { source: filter.source } : {}),
          // An integrator's replay reaches its own adapters' letters only.
          ...(adapters !== undefined ? { adapters: [...adapters] } : {}),
        },
        requested: result.requested,
        groups: result.groups.map((entry) => entry.group),
        reason: reason ?? '',
      },
    });
    return result;
  }
}
