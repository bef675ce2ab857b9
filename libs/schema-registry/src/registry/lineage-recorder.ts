// Lineage as it really happens: every process notes which record types (at
// which schema versions) it publishes or consumes. Each combination is written
// once per process, in the background, so the hot path costs one Set lookup.
import type { SchemaRegistryRepository } from './schema-registry.repository.js';

export type LineageRole = 'publishes' | 'consumes';

export class LineageRecorder {
  private readonly seen = new Set<string>();
  private pending: Array<{
    party: string;
    role: LineageRole;
    recordType: string;
    schemaVersion: number;
  }> = [];
  private flushing?: Promise<void>;

  constructor(
    private readonly repository: SchemaRegistryRepository,
    private readonly log: { warn(message: string): void } = { warn: () => undefined },
  ) {}

  observe(party: string, role: LineageRole, recordType: string, schemaVersion: number): void {
    const key = `${party}\u0000${role}\u0000${recordType}\u0000${schemaVersion}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ party, role, recordType, schemaVersion });
    this.flushing ??= Promise.resolve().then(() => this.flush());
  }

  /** Writes what was observed; resolves when it is stored (tests and shutdown wait on it). */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.repository.observeLineage(batch);
    } catch (error) {
      // Lineage is a report, not a gate: forget these so they are tried again when seen again.
      for (const entry of batch)
        this.seen.delete(
          `${entry.party}\u0000${entry.role}\u0000${entry.recordType}\u0000${entry.schemaVersion}`,
        );
      this.log.warn(`could not record lineage: ${(error as Error).message}`);
    } finally {
      this.flushing = undefined;
      if (this.pending.length > 0) this.flushing = Promise.resolve().then(() => this.flush());
    }
  }
}
