// Purposes disclosed later (setPurposeDisclosure): see disclosure.resolver.ts.
// The delay itself is applied where entries are written (citizen-access.ts)
// and read (access-log/).
import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from '../config/gateway.config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { DisclosureResolver } from './disclosure.resolver.js';

@Module({})
export class DisclosureModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: DisclosureModule,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, DisclosureResolver],
    };
  }
}
