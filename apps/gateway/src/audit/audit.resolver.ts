// auditEntries / auditStatus / verifyAuditLog: parse, authorise, one service call.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { AuditExplorerGraphqlFilter } from './audit-explorer-graphql.filter.js';
import type { ExploredEntry } from './audit-explorer.repository.js';
import { AuditExplorerService } from './audit-explorer.service.js';
import { AuditFilterInput } from './dto/audit-filter.input.js';
import { AuditEntryModel, AuditEntryPageModel } from './models/audit-entry-page.model.js';
import { AuditStatusModel, AuditVerificationModel } from './models/audit-status.model.js';

@Resolver()
@UseFilters(AuditExplorerGraphqlFilter, AccessDeniedGraphqlFilter)
export class AuditResolver {
  constructor(private readonly explorer: AuditExplorerService) {}

  @Query(() => AuditEntryPageModel, {
    description:
      'Entries of the audit log, oldest first, a page at a time (auditors). Each citizen a page shows ' +
      'gets an audit-read entry, which they see in their access log. The same filter as CSV: ' +
      'GET /v1/audit/entries.csv.',
  })
  async auditEntries(
    @Context() context: GatewayContext,
    @Args('filter', { type: () => AuditFilterInput, nullable: true }) filter?: AuditFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50, description: '1 to 500' }) first = 50,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'nextCursor of the previous page',
    })
    after?: string,
  ): Promise<AuditEntryPageModel> {
    const page = await this.explorer.page(context.principal, filter, first, after);
    return {
      entries: page.entries.map(entryModel),
      nextCursor: page.nextCursor,
    };
  }

  @Query(() => [AuditEntryModel], {
    description:
      'The newest audit entries you made yourself in the last day, newest first (any caller): ' +
      'what a change just wrote. Not audited: it tells you nothing you did not do.',
  })
  async myAuditEntries(
    @Context() context: GatewayContext,
    @Args('first', { type: () => Int, defaultValue: 5, description: '1 to 20' }) first = 5,
  ): Promise<AuditEntryModel[]> {
    const entries = await this.explorer.ownRecent(context.principal, first);
    return entries.map(entryModel);
  }

  @Query(() => AuditStatusModel, {
    description:
      'The audit log’s last signed checkpoint, last verification and public key (auditors).',
  })
  auditStatus(@Context() context: GatewayContext): Promise<AuditStatusModel> {
    return this.explorer.status(context.principal);
  }

  @Mutation(() => AuditVerificationModel, {
    description:
      'Verify the whole audit log now — every hash, link and checkpoint signature (auditors). ' +
      'The result is kept (auditStatus) and audited.',
  })
  verifyAuditLog(@Context() context: GatewayContext): Promise<AuditVerificationModel> {
    return this.explorer.verify(context.principal);
  }
}

function entryModel(entry: ExploredEntry): AuditEntryModel {
  return {
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    outcome: entry.outcome,
    agencyId: entry.actorAgency,
    clientId: entry.actorClient,
    person: entry.actorPerson,
    subjectId: entry.subjectId,
    purpose: entry.purpose,
    details: JSON.stringify(entry.details),
    hash: entry.hash,
  };
}
