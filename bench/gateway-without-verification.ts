// BENCH ONLY. The gateway exactly as apps/gateway/src/main.ts runs it (the
// same platform, keys, dependencies and consumer), except that its read model
// applies records without verifying their signatures. It exists to measure
// what verification costs ingest ("verification off" beside "on", scenario
// verification); production code has no setting that turns verification off,
// and must never get one: the switch is a method of the consumer that only
// this file calls, before the app starts.
import { Logger } from '@nestjs/common';
import { fromDist } from './harness/dist.ts';

const { openGatewayPlatform, serveGateway } = await fromDist<
  typeof import('../apps/gateway/src/gateway.process.ts')
>('apps/gateway/src/gateway.process.js');
const { ReadModelConsumer } = await fromDist<
  typeof import('../apps/gateway/src/read-model/read-model.consumer.ts')
>('apps/gateway/src/read-model/read-model.consumer.js');

const gateway = await openGatewayPlatform();
await serveGateway(gateway, gateway.dependencies, (app) =>
  app.get(ReadModelConsumer).skipVerificationForBench(),
);
const { config } = gateway;
new Logger('gateway').warn(
  `BENCH gateway WITHOUT RECORD VERIFICATION on http://${config.host}:${config.port} — never run this outside the benchmark`,
);
