// Every scenario `npm run bench` runs, in order. To add one (ingest,
// propagation …): write bench/scenarios/<name>.scenario.ts exporting a
// Scenario (see bench/harness/scenario.ts) and list it here.
import type { Scenario } from '../harness/scenario.ts';
import { backfillScenario } from './backfill.scenario.ts';
import { consoleScenario } from './console.scenario.ts';
import { ingestScenario } from './ingest.scenario.ts';
import { latencyScenario } from './latency.scenario.ts';
import { lookupScenario } from './lookup.scenario.ts';
import { memoryScenario } from './memory.scenario.ts';
import { propagationScenario } from './propagation.scenario.ts';
import { rateLimitScenario } from './rate-limit.scenario.ts';
import { scaleScenario } from './scale.scenario.ts';
import { signingScenario } from './signing.scenario.ts';
import { verificationScenario } from './verification.scenario.ts';

export const SCENARIOS: readonly Scenario[] = [
  lookupScenario,
  scaleScenario,
  memoryScenario,
  ingestScenario,
  backfillScenario,
  propagationScenario,
  latencyScenario,
  signingScenario,
  verificationScenario,
  consoleScenario,
  rateLimitScenario,
];
