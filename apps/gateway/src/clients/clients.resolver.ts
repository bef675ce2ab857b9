// clients, createClient, rotateClientSecret, revokeClient: the life of a
// credential over GraphQL. Who may do what is decided in libs/access
// (client-policy.ts): stewards everything; integrators their own agency's
// adapter clients; every client may rotate or revoke itself; auditors, agency
// and integrator clients list. Parse, authorise, one service call.
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ClientAdministrationService,
  type ClientSummary,
  type CredentialActor,
  type IssuedSecret,
} from '#spean/access';
import type { GatewayContext } from '../common/gateway-context.js';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import { ClientGraphqlFilter } from './client-graphql.filter.js';
import { NewClientInput } from './dto/new-client.input.js';
import { ClientSecretModel } from './models/client-secret.model.js';
import { ClientModel } from './models/client.model.js';

@Resolver(() => ClientModel)
@UseFilters(AccessDeniedGraphqlFilter, ClientGraphqlFilter)
export class ClientsResolver {
  constructor(private readonly administration: ClientAdministrationService) {}

  @Query(() => [ClientModel], {
    description:
      'Registered clients, oldest first, never their secrets (stewards and auditors: any agency; ' +
      'agency and integrator clients: their own agency).',
  })
  clients(
    @Context() context: GatewayContext,
    @Args('agencyId', { nullable: true }) agencyId?: string,
  ): Promise<ClientSummary[]> {
    return this.administration.list(actorOf(context), agencyId);
  }

  @Mutation(() => ClientSecretModel, {
    description:
      'Registers a client and returns its secret, shown only this once (stewards; an integrator may ' +
      'create adapter clients for its own agency’s approved adapters).',
  })
  createClient(
    @Context() context: GatewayContext,
    @Args('input') input: NewClientInput,
  ): Promise<IssuedSecret> {
    return this.administration.create(actorOf(context), input);
  }

  @Mutation(() => ClientSecretModel, {
    description:
      'Issues a new secret, shown only this once; the previous one keeps working for overlapHours ' +
      '(default CLIENT_SECRET_OVERLAP_HOURS, 0 to 168). Rotating again during an overlap ends the ' +
      'older secret at once. Stewards, or the client itself.',
  })
  rotateClientSecret(
    @Context() context: GatewayContext,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('overlapHours', { type: () => Int, nullable: true }) overlapHours?: number,
    @Args('reason', { nullable: true }) reason?: string,
  ): Promise<IssuedSecret> {
    return this.administration.rotate(actorOf(context), clientId, { overlapHours, reason });
  }

  @Mutation(() => ClientModel, {
    description:
      'Revokes a client at once and for good: no new tokens, and its unexpired tokens are refused ' +
      'within seconds everywhere. Stewards, or the client itself.',
  })
  revokeClient(
    @Context() context: GatewayContext,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('reason', { description: 'Why: recorded with who revoked' }) reason: string,
  ): Promise<ClientSummary> {
    return this.administration.revoke(actorOf(context), clientId, reason);
  }
}

function actorOf(context: GatewayContext): CredentialActor {
  return { kind: 'client', principal: context.principal };
}
