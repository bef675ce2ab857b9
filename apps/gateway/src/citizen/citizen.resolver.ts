// citizen(nationalId, purpose): parse, authorise, one service call. The
// sections asked for are read from the query itself so the service fetches
// them all in one database round trip; the answer is a plain object graphql-js
// reads without further resolvers (see granted-fields.ts).
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { CitizenGraphqlFilter } from './citizen-graphql.filter.js';
import { CitizenExceptionCode } from './citizen.exception.js';
import { SECTION_NAMES } from '#spean/access';
import type { PreviewOf } from './citizen-access.js';
import { CitizenService, type CitizenView, type SectionSelection } from './citizen.service.js';
import { refuse, selectionOf, type SelectionSource } from './granted-fields.js';
import { CitizenModel } from './models/citizen.model.js';
import type { GatewayContext } from '../common/gateway-context.js';

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
  async citizen(
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
  ): Promise<Record<string, unknown> | null> {
    return answerLookup(this.citizens, context, info, { nationalId, purpose, reference });
  }
}

/** A lookup as the Citizen type answers it: the sections the query selects; null for an unknown citizen. */
export async function answerLookup(
  citizens: CitizenService,
  context: GatewayContext,
  info: SelectionSource,
  asked: { nationalId: string; purpose: string; reference?: string | null; previewOf?: PreviewOf },
): Promise<Record<string, unknown> | null> {
  const { nationalId, purpose, reference, previewOf } = asked;
  const requested = sectionsSelected(info);
  const view = await citizens.lookup(
    context.principal,
    nationalId,
    purpose,
    requested,
    reference,
    previewOf,
  );
  return view && toGraphql(view);
}

/**
 * What one field of a document selects, found once: Apollo hands every request
 * sending the same query text the same parsed document, and the selection
 * under a field without @skip or @include depends on nothing else. Only a
 * field answered from one node is kept: the nodes merged into one answer can
 * differ per request (@include with a variable); so is a selection with those
 * directives, which depends on the request's variables.
 */
const selectedUnder = new WeakMap<FieldNode, SectionSelection>();

/** The sections the query selects, each with the fields selected in it. */
export function sectionsSelected(info: SelectionSource): SectionSelection {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined;
  const known = node && selectedUnder.get(node);
  if (known) return known;
  const { selection: selected, conditional } = selectionOf(info);
  const sections: SectionSelection = new Map(
    SECTION_NAMES.filter((name) => selected.has(name)).map((n) => [n, selected.get(n)!]),
  );
  if (node && !conditional) selectedUnder.set(node, sections);
  return sections;
}

/** The view as graphql-js reads it: values, or refusals where the service withheld a section. */
export function toGraphql(view: CitizenView): Record<string, unknown> {
  const source: Record<string, unknown> = { nationalId: view.nationalId };
  for (const name of SECTION_NAMES) {
    const refusal = view.refused.get(name);
    if (!refusal) source[name] = view.sections.get(name) ?? null;
    else if (refusal.reason === 'section') {
      refuse(source, name, `your agency holds no grant to see ${name} for this purpose`, {
        reason: CitizenExceptionCode.SECTION_DENIED,
        section: name,
      });
    } else {
      refuse(
        source,
        name,
        `your agency holds no grant to see ${refusal.withheld.map((f) => `${name}.${f}`).join(', ')} ` +
          `for this purpose; of ${name} it may see ${refusal.granted.join(', ')}`,
        { reason: CitizenExceptionCode.FIELD_DENIED, section: name, fields: refusal.withheld },
      );
    }
  }
  return source;
}
