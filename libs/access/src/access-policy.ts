// The policy every lookup is decided by, held in memory: the registered
// purposes and every grant in force or yet to start. Deny by default: a section
// is visible only through a grant naming this agency, this section and this
// purpose, whose validity period covers the moment of the lookup. The policy
// reloads when any process announces a change (NOTIFY), and every half minute
// in case an announcement was missed; a process that made the change reloads
// before reporting it done.
import { ChannelListener, type Database } from '#spean/persistence';
import { AccessControlRepository, type Grant } from './access-control.repository.js';

export const ACCESS_CONTROL_CHANNEL = 'spean_access_control';

/** What a grant opens of a section: all of it, or these top-level fields. */
export type SectionAccess = 'all' | ReadonlySet<string>;

export interface AccessDecision {
  /** The purpose is registered and not retired. */
  purposeRegistered: boolean;
  /** Sections this agency may see for this purpose now; empty when it holds no grant for it. */
  sections: ReadonlyMap<string, SectionAccess>;
  /** A grant in force for this purpose requires the officer who asks to be named. */
  officerRequired: boolean;
}

export class AccessPolicy {
  /** Registered purposes in use → days until their lookups are disclosed to the citizen (null: at once). */
  private purposes = new Map<string, number | null>();
  /** agency → purpose → grants. */
  private grants = new Map<string, Map<string, Grant[]>>();
  private readonly listener: ChannelListener;
  private timer?: NodeJS.Timeout;
  private loading?: Promise<void>;
  private queued?: Promise<void>;

  constructor(
    private readonly database: Database,
    private readonly log: { warn(message: string): void } = { warn: () => undefined },
  ) {
    this.listener = new ChannelListener(
      database,
      ACCESS_CONTROL_CHANNEL,
      () => void this.reload(),
      {
        name: 'access policy',
        log,
      },
    );
  }

  /** Loads the policy and follows changes. */
  async start(): Promise<void> {
    await this.listener.connect();
    await this.reload();
    // Also reconnects a lost listener; the reload catches what it missed.
    this.timer = setInterval(() => {
      if (!this.listener.connected) void this.listener.connect();
      void this.reload();
    }, 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.loading;
    await this.listener.close();
  }

  /** Nest's shutdown hook: an application providing the policy stops it as it closes. */
  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /**
   * Reads purposes and grants again. A reload asked for while one runs starts
   * after it, so a change committed before the call is always seen.
   */
  reload(): Promise<void> {
    if (this.loading) {
      this.queued ??= this.loading.then(() => {
        this.queued = undefined;
        return this.reload();
      });
      return this.queued;
    }
    this.loading = this.load()
      .catch((error: unknown) =>
        this.log.warn(`access policy reload failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** For a purpose disclosed later, when an access at `at` reaches the citizen's log; else null. */
  discloseAfter(purpose: string, at = new Date()): Date | null {
    const days = this.purposes.get(purpose);
    return days ? new Date(at.getTime() + days * 86_400_000) : null;
  }

  decide(agencyId: string, purpose: string, at = new Date()): AccessDecision {
    const sections = new Map<string, SectionAccess>();
    const registered = this.purposes.has(purpose);
    if (!registered) return { purposeRegistered: false, sections, officerRequired: false };
    const time = at.getTime();
    let officerRequired = false;
    for (const grant of this.grants.get(agencyId)?.get(purpose) ?? []) {
      if (grant.validFrom.getTime() > time || grant.validUntil.getTime() <= time) continue;
      officerRequired ||= grant.requiresOfficer;
      const held = sections.get(grant.section);
      if (held === 'all' || grant.fields === null) {
        sections.set(grant.section, 'all');
      } else {
        sections.set(grant.section, new Set([...(held ?? []), ...grant.fields]));
      }
    }
    return { purposeRegistered: true, sections, officerRequired };
  }

  private async load(): Promise<void> {
    const repository = new AccessControlRepository(this.database);
    const [purposes, grants] = await Promise.all([
      repository.purposes(),
      repository.grantsInForce(),
    ]);
    const byAgency = new Map<string, Map<string, Grant[]>>();
    for (const grant of grants) {
      let byPurpose = byAgency.get(grant.agencyId);
      if (!byPurpose) byAgency.set(grant.agencyId, (byPurpose = new Map()));
      const list = byPurpose.get(grant.purpose);
      if (list) list.push(grant);
      else byPurpose.set(grant.purpose, [grant]);
    }
    this.purposes = new Map(
      purposes.filter((p) => !p.retiredAt).map((p) => [p.code, p.discloseAfterDays]),
    );
    this.grants = byAgency;
  }
}
