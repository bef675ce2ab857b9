// The adapter directory and registration over GraphQL. Integrators register
// their ministry's adapters; stewards decide on them; stewards, integrators
// and auditors read the directory. Stewards approve and revoke adapters'
// signing keys, and see what was refused in an adapter's name. Parse,
// authorise, one service call.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Float, Mutation, Query, Resolver } from '@nestjs/graphql';
import { requireRole, type Principal } from '#spean/access';
import {
  AdapterDirectory,
  AdapterKeyService,
  AdapterRegistryService,
  type AdapterActor,
  type AdapterDirectoryEntry,
  type AdapterKey,
} from '#spean/adapter-registry';
import type { RefusedRecordCount } from '#spean/dead-letters';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { AdapterRegistryGraphqlFilter } from './adapter-registry-graphql.filter.js';
import {
  AdapterKeyModel,
  AdapterModel,
  RefusedRecordsModel,
  RegisterAdapterInput,
} from './models/adapter.model.js';

const READERS = ['steward', 'integrator', 'auditor'] as const;
const REGISTRARS = ['integrator', 'steward'] as const;
const DECIDERS = ['steward'] as const;

@Resolver(() => AdapterModel)
@UseFilters(AccessDeniedGraphqlFilter, AdapterRegistryGraphqlFilter)
export class AdaptersResolver {
  constructor(
    private readonly registry: AdapterRegistryService,
    private readonly directory: AdapterDirectory,
    private readonly keys: AdapterKeyService,
  ) {}

  @Query(() => [AdapterKeyModel], {
    description: 'Adapters’ signing keys, of one adapter or all (stewards, integrators, auditors).',
  })
  adapterKeys(
    @Context() context: GatewayContext,
    @Args('adapter', { type: () => String, nullable: true }) adapter?: string | null,
  ): Promise<AdapterKey[]> {
    requireRole(context.principal, READERS, 'adapter keys');
    return this.keys.list(adapter ?? undefined);
  }

  @Query(() => [RefusedRecordsModel], {
    description:
      'Records refused before being applied (unsigned, forged, not signed by their source’s approved key, or from a source not approved), by claimed source, topic and partition (stewards, integrators, auditors).',
  })
  refusedRecords(@Context() context: GatewayContext): Promise<RefusedRecordCount[]> {
    requireRole(context.principal, READERS, 'refused records');
    return this.directory.refusedRecords();
  }

  @Mutation(() => AdapterKeyModel, {
    description:
      'Approves a proposed signing key. The adapter’s older keys keep verifying for overlapHours (default 24; 0 ends them now), then stop (stewards).',
  })
  approveAdapterKey(
    @Context() context: GatewayContext,
    @Args('keyId') keyId: string,
    @Args('reason') reason: string,
    @Args('overlapHours', { type: () => Float, nullable: true }) overlapHours?: number | null,
  ): Promise<AdapterKey> {
    requireRole(context.principal, DECIDERS, 'approving an adapter key');
    return this.keys.approve(actor(context.principal), keyId, reason, overlapHours ?? undefined);
  }

  @Mutation(() => AdapterKeyModel, {
    description: 'Revokes a signing key: what it signs is refused from now on (stewards).',
  })
  revokeAdapterKey(
    @Context() context: GatewayContext,
    @Args('keyId') keyId: string,
    @Args('reason') reason: string,
  ): Promise<AdapterKey> {
    requireRole(context.principal, DECIDERS, 'revoking an adapter key');
    return this.keys.revoke(actor(context.principal), keyId, reason);
  }

  @Query(() => [AdapterModel], {
    description:
      'Every registered adapter: state, record types, consumer lag and open dead letters (stewards, integrators, auditors).',
  })
  adapters(@Context() context: GatewayContext): Promise<AdapterDirectoryEntry[]> {
    requireRole(context.principal, READERS, 'the adapter directory');
    return this.directory.list();
  }

  @Mutation(() => AdapterModel, {
    description:
      'Registers an adapter, or registers it again. It waits for a steward’s approval; record types added to an ' +
      'approved adapter wait too, while the approved ones stay in force (integrators and stewards).',
  })
  async registerAdapter(
    @Context() context: GatewayContext,
    @Args('input') input: RegisterAdapterInput,
  ): Promise<AdapterDirectoryEntry> {
    requireRole(context.principal, REGISTRARS, 'registering an adapter');
    return this.directory.describe(await this.registry.register(actor(context.principal), input));
  }

  @Mutation(() => AdapterModel, {
    description: 'Approves everything a pending (or suspended) adapter asks for (stewards).',
  })
  async approveAdapter(
    @Context() context: GatewayContext,
    @Args('name') name: string,
    @Args('reason') reason: string,
  ): Promise<AdapterDirectoryEntry> {
    requireRole(context.principal, DECIDERS, 'approving an adapter');
    return this.directory.describe(
      await this.registry.approve(actor(context.principal), name, reason),
    );
  }

  @Mutation(() => AdapterModel, {
    description:
      'Rejects a pending adapter; of an approved adapter, rejects only its pending change (stewards).',
  })
  async rejectAdapter(
    @Context() context: GatewayContext,
    @Args('name') name: string,
    @Args('reason') reason: string,
  ): Promise<AdapterDirectoryEntry> {
    requireRole(context.principal, DECIDERS, 'rejecting an adapter');
    return this.directory.describe(
      await this.registry.reject(actor(context.principal), name, reason),
    );
  }

  @Mutation(() => AdapterModel, {
    description:
      'Stops an adapter publishing and consuming, within seconds, until approved again (stewards).',
  })
  async suspendAdapter(
    @Context() context: GatewayContext,
    @Args('name') name: string,
    @Args('reason') reason: string,
  ): Promise<AdapterDirectoryEntry> {
    requireRole(context.principal, DECIDERS, 'suspending an adapter');
    return this.directory.describe(
      await this.registry.suspend(actor(context.principal), name, reason),
    );
  }
}

function actor(principal: Principal): AdapterActor {
  return {
    clientId: principal.clientId,
    agencyId: principal.agencyId,
    role: principal.role,
    ...(principal.person ? { person: principal.person } : {}),
  };
}
