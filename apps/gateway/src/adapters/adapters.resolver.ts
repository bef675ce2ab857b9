// The adapter directory and registration over GraphQL. Integrators register
// their ministry's adapters; stewards decide on them; stewards, integrators
// and auditors read the directory. Parse, authorise, one service call.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { requireRole, type Principal } from '#spean/access';
import {
  AdapterDirectory,
  AdapterRegistryService,
  type AdapterActor,
  type AdapterDirectoryEntry,
} from '#spean/adapter-registry';
import type { GatewayContext } from '../citizen/citizen.resolver.js';
import { AdapterRegistryGraphqlFilter } from './adapter-registry-graphql.filter.js';
import { AdapterModel, RegisterAdapterInput } from './adapter.models.js';

const READERS = ['steward', 'integrator', 'auditor'] as const;
const REGISTRARS = ['integrator', 'steward'] as const;
const DECIDERS = ['steward'] as const;

@Resolver(() => AdapterModel)
@UseFilters(AdapterRegistryGraphqlFilter)
export class AdaptersResolver {
  constructor(
    private readonly registry: AdapterRegistryService,
    private readonly directory: AdapterDirectory,
  ) {}

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
  return { clientId: principal.clientId, agencyId: principal.agencyId, role: principal.role };
}
