// What an adapter app declares about itself; everything else is the SDK's.
export interface AdapterDefinition {
  /** Registered adapter name; the `source` of every record it publishes. */
  name: string;
  /** Human name of the ministry system, for logs and health. */
  title: string;
  defaultPort: number;
  /** Record types this adapter may publish at intake. */
  publishes: readonly string[];
}
