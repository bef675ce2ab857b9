// schemaDiff over GraphQL; reads the schema registry only.
import { Module, type DynamicModule } from '@nestjs/common';
import type { SchemaRegistryService } from '#spean/schema-registry';
import { SCHEMA_REGISTRY } from '../gateway.tokens.js';
import { SchemaDiffResolver } from './schema-diff.resolver.js';

@Module({})
export class SchemaDiffModule {
  static register(deps: { schemaRegistry: SchemaRegistryService }): DynamicModule {
    return {
      module: SchemaDiffModule,
      providers: [{ provide: SCHEMA_REGISTRY, useValue: deps.schemaRegistry }, SchemaDiffResolver],
    };
  }
}
