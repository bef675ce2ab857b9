// The watcher's reload rule on its own: a change announced while a reload runs
// is not lost in it. The registry and validator are stand-ins that record calls;
// the watcher itself is real.
import { describe, expect, it } from '@jest/globals';
import type { Database } from '#spean/persistence';
import type { RecordValidator } from '../record-validator.js';
import type { SchemaCatalog } from '../schema-catalog.js';
import { RegistryWatcher } from './registry-watcher.js';
import type { SchemaRegistryService } from './schema-registry.service.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function watcherOver(fingerprints: Array<() => Promise<string>>) {
  const loaded: string[] = [];
  let state = 'v1';
  const registry = {
    repository: {
      stateFingerprint: async () => {
        state = await fingerprints.shift()!();
        return state;
      },
    },
    loadCatalog: async () => ({ state }) as unknown as SchemaCatalog,
  } as unknown as SchemaRegistryService;
  const validator = {
    useCatalog: (catalog: { state: string }) => loaded.push(catalog.state),
  } as unknown as RecordValidator;
  const watcher = new RegistryWatcher(registry, {} as Database, validator, 'v1');
  return { watcher, loaded };
}

describe('RegistryWatcher.reload', () => {
  it('reloads again after a reload that was running when a change was announced', async () => {
    const firstRead = deferred();
    // The first reload reads the registry before the change; the second after it.
    const { watcher, loaded } = watcherOver([
      () => firstRead.promise.then(() => 'v1'),
      async () => 'v2',
    ]);
    const first = watcher.reload();
    const second = watcher.reload(); // the NOTIFY of the change, mid-reload
    firstRead.resolve();
    await Promise.all([first, second]);
    expect(loaded).toEqual(['v2']);
  });

  it('runs one more reload for many requests made during one, not one each', async () => {
    const firstRead = deferred();
    let reads = 0;
    const { watcher } = watcherOver([
      () => firstRead.promise.then(() => `v${++reads}`),
      async () => `v${++reads}`,
    ]);
    const runs = [watcher.reload(), watcher.reload(), watcher.reload(), watcher.reload()];
    firstRead.resolve();
    await Promise.all(runs);
    expect(reads).toBe(2);
  });
});
