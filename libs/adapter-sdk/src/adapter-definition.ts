// What an adapter app declares about itself; everything else is the SDK's.
import type { CsvMapping } from './import/csv-mapping.js';
import type { Reaction } from './reactions/reaction.js';

export interface AdapterDefinition {
  /** Registered adapter name; the `source` of every record it publishes, and its consumer group. */
  name: string;
  /** Human name of the ministry system, for logs and health. */
  title: string;
  defaultPort: number;
  /**
   * Record types this adapter's code publishes. What it may publish (and
   * consume) is what a steward approved in the adapter registry.
   */
  publishes: readonly string[];
  /** What it does when records of other types (life events) arrive. */
  reactions?: readonly Reaction[];
  /** How the ministry's own CSV export maps to canonical records (for `spean import`). */
  csv?: CsvMapping;
}
