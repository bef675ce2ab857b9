// What every Spean process does with the registry at boot: seed it from
// schemas/, load the validators from it, and keep them current.
import type { Database } from '#spean/persistence';
import { RecordValidator } from '../record-validator.js';
import { LineageRecorder } from './lineage-recorder.js';
import { RegistryWatcher } from './registry-watcher.js';
import { SchemaRegistryService, type RegistryOptions } from './schema-registry.service.js';

export interface OpenedSchemaRegistry {
  registry: SchemaRegistryService;
  /** Shared by intake and every consumer of the process; its catalog is swapped on change. */
  validator: RecordValidator;
  lineage: LineageRecorder;
  close(): Promise<void>;
}

export async function openSchemaRegistry(
  database: Database,
  options: RegistryOptions,
): Promise<OpenedSchemaRegistry> {
  const registry = new SchemaRegistryService(database, options);
  await registry.bootstrap();
  const fingerprint = await registry.repository.stateFingerprint();
  const validator = new RecordValidator({ catalog: await registry.loadCatalog() });
  // A change between the two reads above is caught by the watcher's next check.
  const watcher = new RegistryWatcher(registry, database, validator, fingerprint, options.log);
  await watcher.start();
  const lineage = new LineageRecorder(registry.repository, options.log);
  return {
    registry,
    validator,
    lineage,
    async close() {
      await watcher.stop();
      await lineage.flush();
    },
  };
}
