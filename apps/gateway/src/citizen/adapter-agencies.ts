// Which agency (ministry) each adapter belongs to, for the `record.agencyId`
// of a lookup's answer. An adapter's agency is fixed by its first
// registration — the registry refuses to move it and never deletes one — so
// what is learnt holds for the life of the process: a lookup asks the
// database only the first time it meets an adapter, never per section.
import type { AdapterRegistryRepository } from '#spean/adapter-registry';

export class AdapterAgencies {
  private readonly known = new Map<string, string>();

  constructor(private readonly registry: Pick<AdapterRegistryRepository, 'agenciesOf'>) {}

  /** Adapter → agency for these adapters, those registered; one query for any not met before. */
  async of(adapters: Iterable<string>): Promise<ReadonlyMap<string, string>> {
    const unknown = [...new Set(adapters)].filter((adapter) => !this.known.has(adapter));
    if (unknown.length > 0) {
      for (const [adapter, agency] of await this.registry.agenciesOf(unknown))
        this.known.set(adapter, agency);
    }
    return this.known;
  }
}
