// The gateway process.
import { Logger } from '@nestjs/common';
import { runGatewayProcess } from './gateway.process.js';

const { config, bus } = await runGatewayProcess();
new Logger('gateway').log(
  `gateway listening on http://${config.host}:${config.port}/graphql (${bus.transport} bus)`,
);
