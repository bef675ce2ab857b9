// citizen(nationalId, purpose): parse, authorise, one service call. The
// sections asked for are read from the query itself so the service fetches
// them all in one database round trip.
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  GraphQLError,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Principal } from '#spean/access';
import { CitizenGraphqlFilter } from './citizen-graphql.filter.js';
import { CitizenExceptionCode } from './citizen.exception.js';
import { SECTION_NAMES } from './citizen.sections.js';
import { CitizenService, type CitizenView } from './citizen.service.js';
import { AddressModel } from './models/address.model.js';
import { BusinessModel } from './models/business.model.js';
import { CitizenModel } from './models/citizen.model.js';
import { LandTitleModel } from './models/land-title.model.js';
import { LifeEventModel } from './models/life-event.model.js';
import { PersonModel } from './models/person.model.js';
import { TaxpayerModel } from './models/taxpayer.model.js';
import { VehicleModel } from './models/vehicle.model.js';

export interface GatewayContext {
  principal: Principal;
}

@Resolver(() => CitizenModel)
@UseFilters(CitizenGraphqlFilter)
export class CitizenResolver {
  constructor(private readonly citizens: CitizenService) {}

  @Query(() => CitizenModel, {
    nullable: true,
    description:
      'Look a citizen up by national id, stating the registered purpose (see `purposes`). Only the sections ' +
      'your agency is granted for that purpose are returned; others are null with a FORBIDDEN error. Every ' +
      'lookup is in the audit log with its purpose and sections, and the citizen can see it (`accessLog`). ' +
      'Null when no ministry has records of this citizen.',
  })
  citizen(
    @Args('nationalId', {
      type: () => ID,
      description: '10-digit national id (spaces and dashes are ignored)',
    })
    nationalId: string,
    @Args('purpose', {
      description: 'The code of a registered legal purpose, e.g. "business-registration"',
    })
    purpose: string,
    @Context() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Args('reference', {
      type: () => String,
      nullable: true,
      description: 'Your case or file number, kept in the audit log, e.g. "BR-2026-0042"',
    })
    reference?: string,
  ): Promise<CitizenView | null> {
    return this.citizens.lookup(
      context.principal,
      nationalId,
      purpose,
      requestedFields(info),
      reference,
    );
  }

  @ResolveField('nationalId', () => ID)
  nationalId(@Parent() citizen: CitizenView): string {
    return citizen.nationalId;
  }

  @ResolveField('person', () => PersonModel, { nullable: true })
  person(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'person');
  }

  @ResolveField('address', () => AddressModel, { nullable: true })
  address(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'address');
  }

  @ResolveField('vehicles', () => [VehicleModel], { nullable: true })
  vehicles(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'vehicles');
  }

  @ResolveField('landTitles', () => [LandTitleModel], { nullable: true })
  landTitles(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'landTitles');
  }

  @ResolveField('businesses', () => [BusinessModel], { nullable: true })
  businesses(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'businesses');
  }

  @ResolveField('taxpayer', () => TaxpayerModel, { nullable: true })
  taxpayer(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'taxpayer');
  }

  @ResolveField('lifeEvents', () => [LifeEventModel], { nullable: true })
  lifeEvents(@Parent() citizen: CitizenView): unknown {
    return section(citizen, 'lifeEvents');
  }
}

function section(citizen: CitizenView, name: string): unknown {
  if (citizen.denied.has(name)) {
    // Field resolvers run without Nest's exception filters (fast path): the GraphQL error is built here.
    throw new GraphQLError(`your agency holds no grant to see ${name} for this purpose`, {
      extensions: { code: 'FORBIDDEN', reason: CitizenExceptionCode.SECTION_DENIED, section: name },
    });
  }
  return citizen.sections.get(name) ?? null;
}

/** Names of the section fields selected under citizen, through fragments too. */
function requestedFields(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) visit(node.selectionSet);
  return SECTION_NAMES.filter((name) => names.has(name));
}
