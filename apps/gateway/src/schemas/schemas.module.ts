// The stewards' view of the canonical schemas: the registry's versions and
// compatibility, and the read model's orphaned records.
import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module.js';
import { OrphansResolver } from '../stewardship/orphans.resolver.js';
import { SchemasResolver } from './schemas.resolver.js';

@Module({
  imports: [ReadModelModule],
  providers: [SchemasResolver, OrphansResolver],
})
export class SchemasModule {}
