// One lookup about one citizen: check the id and the purpose,
// decide from the grants what the calling agency may see for that purpose,
// read it all in one query, write the audit entry, then answer. Nothing about
// the citizen leaves before its audit entry is committed, and a refusal is
// audited too — the citizen sees attempts as well as accesses. A steward's
// preview of an agency's view (preview/) runs this same lookup with that
// agency's grants and pseudonyms, audited as the steward's lookup-preview.
import { randomUUID } from 'node:crypto';
import {
  CITIZEN_SECTIONS,
  NATIONAL_ID_GRANT,
  VERIFICATION_GRANT,
  type CitizenSection,
  type Principal,
  type Pseudonymizer,
  type SectionAccess,
} from '#spean/access';
import type { Metrics } from '#spean/observability';
import type { ReadModelRepository, StoredSection } from '../read-model/read-model.repository.js';
import type { AdapterAgencies } from './adapter-agencies.js';
import type { CitizenAccess, PreviewOf } from './citizen-access.js';
import { narrowTo, type Selection } from './granted-fields.js';
import { partiesIn } from './related-parties.js';

export interface CitizenView {
  /** The national id, or the agency's pseudonym for it when not granted the id itself. */
  nationalId: string;
  /** Section name → payload(s); absent when the citizen has none. */
  sections: Map<string, unknown>;
  /** Sections asked for that leave as a refusal instead of data, and why. */
  refused: Map<string, SectionRefusal>;
}

/**
 * Why a section is withheld: no grant for it at all, or fields asked for that
 * the grant does not open (then none of the section leaves).
 */
export type SectionRefusal =
  | { reason: 'section' }
  | { reason: 'fields'; withheld: readonly string[]; granted: readonly string[] };

/** What a lookup asks for: section → the fields selected in it, at every depth. */
export type SectionSelection = ReadonlyMap<string, Selection>;

/**
 * The field of every section item that says where the record came from and
 * when the exchange received it (models/exchanged-section.model.ts). It is
 * the exchange's, not the citizen's: no grant names it, it leaves with the
 * section it describes, and a section's refusal refuses it too.
 */
export const RECORD_FIELD = 'record';

/** What RECORD_FIELD answers for one stored record. */
export interface ExchangeRecord {
  source: string;
  agencyId: string | null;
  receivedAt: Date;
  version: number;
}

/** RECORD_FIELD of one stored record, its adapter's agency given. */
export function exchangeRecordOf(row: StoredSection, agencyId: string | null): ExchangeRecord {
  return {
    source: row.source,
    agencyId,
    receivedAt: row.receivedAt,
    version: Number(row.version),
  };
}

export class CitizenService {
  constructor(
    private readonly records: ReadModelRepository,
    private readonly access: CitizenAccess,
    private readonly pseudonyms: Pseudonymizer,
    private readonly metrics: Metrics,
    private readonly agencies: AdapterAgencies,
  ) {}

  async lookup(
    principal: Principal,
    nationalIdInput: string,
    purposeInput: string,
    requested: SectionSelection,
    referenceInput?: string | null,
    previewOf?: PreviewOf,
  ): Promise<CitizenView | null> {
    const { nationalId, purpose, reference, sections } = await this.access.authorise(
      previewOf ? 'lookup-preview' : 'lookup',
      principal,
      nationalIdInput,
      purposeInput,
      referenceInput,
      (granted) => [...granted.keys()].some((name) => name !== VERIFICATION_GRANT),
      previewOf,
    );
    // Whose view this is: the caller's agency, or the agency a steward previews.
    const viewer = previewOf?.agencyId ?? principal.agencyId;
    // Decided here, once: what is refused is not read, and the audit entry and
    // the answer are both written from this decision.
    const { allowed, refused } = decide(requested, sections);
    const disclosed = sections.has(NATIONAL_ID_GRANT);

    const { view, related, known } = await this.read(
      viewer,
      nationalId,
      allowed,
      requested,
      sections,
      disclosed,
    );
    await this.audit(principal, nationalId, purpose, reference, {
      allowed,
      refused,
      requested,
      sections,
      related,
      known,
      disclosed,
      previewOf,
    });
    this.metrics.lookups.inc({ outcome: known ? 'found' : 'not_found' });
    if (!known) return null;
    return {
      nationalId: this.access.shownId(viewer, nationalId, disclosed),
      sections: view,
      refused,
    };
  }

  /** The allowed sections in one read, shaped for this agency, and the other citizens they name. */
  private async read(
    viewer: string,
    nationalId: string,
    allowed: readonly CitizenSection[],
    requested: SectionSelection,
    sections: ReadonlyMap<string, SectionAccess>,
    disclosed: boolean,
  ): Promise<{ view: Map<string, unknown>; related: Map<string, string[]>; known: boolean }> {
    const stored = await this.records.sectionsOf(
      nationalId,
      allowed.map((section) => section.recordType),
      allowed.filter((section) => section.match === 'any').map((section) => section.recordType),
    );
    // The adapters' agencies, only when a record's source is asked for (from memory, mostly).
    const agencyOf = allowed.some((section) => requested.get(section.name)!.has(RECORD_FIELD))
      ? await this.agencies.of(stored.map((row) => row.source))
      : new Map<string, string>();
    const view = new Map<string, unknown>();
    // Other citizens whose entries leave in this answer (a spouse, a parent, a
    // co-owner, a director) → the sections they leave in.
    const related = new Map<string, string[]>();
    for (const section of allowed) {
      const access = sections.get(section.name)!;
      const rows = stored.filter((row) => row.recordType === section.recordType);
      for (const row of rows) {
        for (const party of partiesIn(row.payload, requested.get(section.name)!)) {
          if (party === nationalId) continue;
          const inSections = related.get(party) ?? [];
          if (!inSections.includes(section.name)) inSections.push(section.name);
          related.set(party, inSections);
        }
      }
      const described = requested.get(section.name)!.has(RECORD_FIELD);
      const payloads = rows.map((row) => {
        const shaped = this.shape(row.payload, access, disclosed ? undefined : viewer);
        if (!described) return shaped;
        const record = exchangeRecordOf(row, agencyOf.get(row.source) ?? null);
        return { ...(shaped as object), [RECORD_FIELD]: record };
      });
      if (payloads.length > 0) view.set(section.name, section.many ? payloads : payloads[0]);
      else if (section.many) view.set(section.name, []);
    }
    // Only on the not-found path: a citizen with nothing in the sections read may still exist.
    const known = stored.length > 0 || (await this.records.isKnown(nationalId));

    return { view, related, known };
  }

  /** The lookup's audit entry and one for each related party, written from what leaves. */
  private async audit(
    principal: Principal,
    nationalId: string,
    purpose: string,
    reference: string | null,
    lookup: {
      allowed: readonly CitizenSection[];
      refused: ReadonlyMap<string, SectionRefusal>;
      requested: SectionSelection;
      sections: ReadonlyMap<string, SectionAccess>;
      related: ReadonlyMap<string, string[]>;
      known: boolean;
      disclosed: boolean;
      previewOf: PreviewOf | undefined;
    },
  ): Promise<void> {
    const { allowed, refused, requested, sections, related, known, disclosed, previewOf } = lookup;
    const preview: { previewOf?: string } = previewOf ? { previewOf: previewOf.agencyId } : {};
    // Of a section narrowed to fields, the fields that left: those selected (all within the grant).
    const fieldsReturned: Record<string, string[]> = {};
    // The sections whose records' source and date left with them.
    const recordsDescribed: string[] = [];
    for (const section of allowed) {
      const selected = requested.get(section.name)!;
      if (selected.has(RECORD_FIELD)) recordsDescribed.push(section.name);
      if (sections.get(section.name) === 'all') continue;
      fieldsReturned[section.name] = [...selected.keys()].filter(isDataField).sort();
    }
    const fieldsDenied: Record<string, string[]> = {};
    for (const [name, refusal] of refused) {
      if (refusal.reason === 'fields') fieldsDenied[name] = [...refusal.withheld];
    }
    // One entry for the lookup and one for each related party, linked by an id
    // of the lookup; a related party's entry does not name the citizen looked
    // up, nor the agency's case reference (the case is not theirs).
    const lookupId = related.size > 0 ? randomUUID() : undefined;
    const kind = previewOf ? 'lookup-preview' : 'lookup';
    const lookupEntry = this.access.record(kind, principal, nationalId, purpose, {
      ...preview,
      ...(lookupId ? { lookupId, relatedParties: related.size } : {}),
      outcome: known ? 'found' : 'not-found',
      sectionsReturned: known ? allowed.map((section) => section.name) : [],
      sectionsDenied: [...refused.keys()],
      ...(known && Object.keys(fieldsReturned).length > 0 ? { fieldsReturned } : {}),
      ...(known && recordsDescribed.length > 0 ? { recordsDescribed } : {}),
      ...(Object.keys(fieldsDenied).length > 0 ? { fieldsDenied } : {}),
      nationalId: disclosed ? 'disclosed' : 'pseudonym',
      ...(reference ? { reference } : {}),
    });
    const relatedEntries = [...related].map(([party, inSections]) =>
      this.access.record('related-party-disclosure', principal, party, purpose, {
        ...preview,
        outcome: 'found',
        sectionsReturned: inSections,
        nationalId: disclosed ? 'disclosed' : 'pseudonym',
        lookupId: lookupId!,
      }),
    );
    // Queued together, so they commit in one batch of the audit log.
    await Promise.all([lookupEntry, ...relatedEntries]);
  }

  /** Narrowed to the granted fields; national ids replaced by the agency's pseudonyms when asked. */
  private shape(payload: unknown, access: SectionAccess, pseudonymFor?: string): unknown {
    const shaped = pseudonymFor ? this.pseudonymise(payload, pseudonymFor) : payload;
    return access === 'all' ? shaped : narrowTo(shaped as Record<string, unknown>, access);
  }

  /** Every `nationalId` in a canonical payload — subject, parents, co-owners, directors — by the schemas' convention. */
  private pseudonymise(value: unknown, agencyId: string): unknown {
    if (Array.isArray(value)) return value.map((item) => this.pseudonymise(item, agencyId));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] =
        key === 'nationalId' && typeof item === 'string'
          ? this.pseudonyms.pseudonym(agencyId, item)
          : this.pseudonymise(item, agencyId);
    }
    return copy;
  }
}

/** Of the sections asked for, those the grants open and those refused, and why. */
function decide(
  requested: SectionSelection,
  sections: ReadonlyMap<string, SectionAccess>,
): { allowed: CitizenSection[]; refused: Map<string, SectionRefusal> } {
  const refused = new Map<string, SectionRefusal>();
  const allowed: CitizenSection[] = [];
  for (const section of CITIZEN_SECTIONS) {
    const selected = requested.get(section.name);
    if (!selected) continue;
    const access = sections.get(section.name);
    if (!access) {
      refused.set(section.name, { reason: 'section' });
      continue;
    }
    if (access !== 'all') {
      const withheld = [...selected.keys()]
        .filter((field) => isDataField(field) && !access.has(field))
        .sort();
      if (withheld.length > 0) {
        refused.set(section.name, { reason: 'fields', withheld, granted: [...access].sort() });
        continue;
      }
    }
    allowed.push(section);
  }
  return { allowed, refused };
}

/** A field of a section that a grant may name: not the type name, not the exchange's record. */
function isDataField(field: string): boolean {
  return field !== '__typename' && field !== RECORD_FIELD;
}
