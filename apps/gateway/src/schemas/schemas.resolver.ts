// The schema registry over GraphQL: stewards and integrators read it and check
// changes; integrators propose versions; stewards decide on them. Every change
// is recorded with the client that made it and the reason given.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { requireRole, type Principal } from '#spean/access';
import {
  SchemaRegistryException,
  SchemaRegistryExceptionCode,
  type CompatibilityMode,
  type SchemaRegistryService,
  type StoredSchemaVersion,
  type SchemaActor,
} from '#spean/schema-registry';
import { Inject } from '@nestjs/common';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { SCHEMA_REGISTRY } from '../gateway.tokens.js';
import {
  CompatibilityReportModel,
  LineageEntryModel,
  RecordTypeSchemasModel,
  SchemaChangeModel,
  SchemaVersionModel,
} from './models/schema.model.js';
import { SchemaRegistryGraphqlFilter } from './schema-registry-graphql.filter.js';

const READERS = ['steward', 'integrator'] as const;
/**
 * Who may read the registry's versions and its change log: auditors too, who
 * check that every change was made by whom it should be, and why (as they may
 * read schemaDiff). Working tools (checkCompatibility, lineage) stay with
 * stewards and integrators.
 */
const REGISTRY_READERS = ['steward', 'integrator', 'auditor'] as const;

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter, SchemaRegistryGraphqlFilter)
export class SchemasResolver {
  constructor(@Inject(SCHEMA_REGISTRY) private readonly registry: SchemaRegistryService) {}

  @Query(() => [RecordTypeSchemasModel], {
    description: 'Every record type with all its versions (stewards, integrators, auditors).',
  })
  async schemas(
    @Context() context: GatewayContext,
    @Args('recordType', { nullable: true }) recordType?: string,
  ): Promise<RecordTypeSchemasModel[]> {
    requireRole(context.principal, REGISTRY_READERS, 'the schema registry');
    const versions = await this.registry.list(recordType);
    const types = [...new Set(versions.map((row) => row.recordType))];
    return Promise.all(
      types.map(async (type) => ({
        recordType: type,
        compatibility: await this.registry.compatibilityMode(type),
        versions: versions.filter((row) => row.recordType === type).map(toModel),
      })),
    );
  }

  @Query(() => SchemaVersionModel)
  async schema(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<SchemaVersionModel> {
    requireRole(context.principal, REGISTRY_READERS, 'the schema registry');
    return toModel(await this.registry.get(recordType, version));
  }

  @Query(() => CompatibilityReportModel, {
    description: 'A dry run: would this schema be accepted as the next version? Nothing is saved.',
  })
  async checkCompatibility(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('schema', { description: 'The JSON Schema, as JSON text' }) schema: string,
    @Args('mode', {
      nullable: true,
      description: 'Check under this mode instead of the type’s own',
    })
    mode?: string,
  ): Promise<CompatibilityReportModel> {
    requireRole(context.principal, READERS, 'checking compatibility');
    return this.registry.check(
      recordType,
      parseSchema(schema),
      mode as CompatibilityMode | undefined,
    );
  }

  @Query(() => [LineageEntryModel], {
    description: 'Which adapters publish and consume which record types, at which versions.',
  })
  lineage(
    @Context() context: GatewayContext,
    @Args('recordType', { nullable: true }) recordType?: string,
  ) {
    requireRole(context.principal, READERS, 'lineage');
    return this.registry.repository.lineage(recordType);
  }

  @Query(() => [SchemaChangeModel], {
    description:
      'Every change to a record type’s schemas: who, when, why (stewards, integrators, auditors).',
  })
  schemaChanges(@Context() context: GatewayContext, @Args('recordType') recordType: string) {
    requireRole(context.principal, REGISTRY_READERS, 'the schema registry');
    return this.registry.repository.changes(recordType);
  }

  @Mutation(() => SchemaVersionModel, {
    description: 'Propose the next version; refused, with every reason, if it is not compatible.',
  })
  async proposeSchemaVersion(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('schema', { description: 'The JSON Schema, as JSON text' }) schema: string,
    @Args('reason') reason: string,
  ): Promise<SchemaVersionModel> {
    requireRole(context.principal, ['integrator', 'steward'], 'proposing a schema version');
    return toModel(
      await this.registry.propose(
        actor(context.principal),
        recordType,
        parseSchema(schema),
        reason,
      ),
    );
  }

  @Mutation(() => SchemaVersionModel)
  async approveSchemaVersion(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<SchemaVersionModel> {
    requireRole(context.principal, ['steward'], 'approving a schema version');
    return toModel(
      await this.registry.approve(actor(context.principal), recordType, version, reason),
    );
  }

  @Mutation(() => SchemaVersionModel)
  async rejectSchemaVersion(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<SchemaVersionModel> {
    requireRole(context.principal, ['steward'], 'rejecting a schema version');
    return toModel(
      await this.registry.reject(actor(context.principal), recordType, version, reason),
    );
  }

  @Mutation(() => SchemaVersionModel, {
    description: 'Publishers of a deprecated version are warned, not refused, until it is retired.',
  })
  async deprecateSchemaVersion(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<SchemaVersionModel> {
    requireRole(context.principal, ['steward'], 'deprecating a schema version');
    return toModel(
      await this.registry.deprecate(actor(context.principal), recordType, version, reason),
    );
  }

  @Mutation(() => SchemaVersionModel, {
    description: 'A retired version is no longer accepted anywhere.',
  })
  async retireSchemaVersion(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<SchemaVersionModel> {
    requireRole(context.principal, ['steward'], 'retiring a schema version');
    return toModel(
      await this.registry.retire(actor(context.principal), recordType, version, reason),
    );
  }

  @Mutation(() => String, {
    description: 'Set a record type’s compatibility mode; returns the mode.',
  })
  setCompatibility(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('mode') mode: string,
    @Args('reason') reason: string,
  ): Promise<string> {
    requireRole(context.principal, ['steward'], 'setting a compatibility mode');
    return this.registry.setCompatibility(actor(context.principal), recordType, mode, reason);
  }
}

function actor(principal: Principal): SchemaActor {
  return { id: `${principal.agencyId}/${principal.clientId}`, person: principal.person ?? null };
}

function parseSchema(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SchemaRegistryException(
      SchemaRegistryExceptionCode.INVALID_SCHEMA,
      'schema is not valid JSON text',
    );
  }
}

function toModel(row: StoredSchemaVersion): SchemaVersionModel {
  const { schema, fingerprint: _fingerprint, ...rest } = row;
  return { ...rest, schemaJson: JSON.stringify(schema) };
}
