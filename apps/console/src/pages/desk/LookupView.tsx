// A lookup's answer, section by section: each record with the ministry it
// came from and the date the exchange received it (as the gateway says, per
// record), or "not granted" where the agency holds no grant for this purpose
// (or the gateway refused it). A section whose grant is narrowed to some
// fields shows those, and says the others are not granted. Where the agency
// is not granted the national id itself, the gateway answers the agency's own
// pseudonym, and it is labelled as one.
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Answer } from '../../api/graphql';
import type { DeskLookupQuery } from '../../gql/graphql';
import { Facts } from '../../ui/Table';
import { narrowed, SECTIONS, type Section, type SectionGrant } from './desk-queries';

type Found = NonNullable<DeskLookupQuery['citizen']>;
type Named = { khmer?: string | null; latin?: string | null } | null | undefined;
type Exchanged = NonNullable<Found['person']>['record'];

const PSEUDONYM = /^P-/;
/** The agencies whose names the desk has in both languages; another is shown by its id. */
const NAMED_AGENCIES = new Set(['moi', 'mpwt', 'mlmupc', 'moc', 'gdt']);

export function Pseudonymous({ id }: { id: string }) {
  return PSEUDONYM.test(id) ? (
    <span className="pseudonym">
      <FormattedMessage id="desk.pseudonym" values={{ id }} />
    </span>
  ) : (
    <span className="national-id">{id}</span>
  );
}

function place(named: Named): string {
  if (!named) return '';
  return [named.khmer, named.latin].filter(Boolean).join(' / ');
}

/** The parts of a line that were answered (a narrowed grant leaves some out), joined. */
function line(parts: ReadonlyArray<string | number | null | undefined>, by = ' · '): string {
  return parts.filter((part) => part !== undefined && part !== null && part !== '').join(by);
}

export function LookupView({
  answer,
  purposeTitle,
  granted,
}: {
  answer: Answer<DeskLookupQuery>;
  purposeTitle: string;
  granted: ReadonlyMap<Section, SectionGrant>;
}) {
  const citizen = answer.data.citizen;
  if (!citizen)
    return (
      <p className="notice">
        <FormattedMessage id="desk.notFound" />
      </p>
    );
  return (
    <section className="lookup" aria-labelledby="desk-lookup">
      <h2 id="desk-lookup">
        <FormattedMessage id="desk.record" />
      </h2>
      <p>
        <FormattedMessage id="nationalId.label" />: <Pseudonymous id={citizen.nationalId} />
      </p>
      <div className="sections">
        {SECTIONS.map((section) => (
          <SectionCard
            key={section}
            section={section}
            citizen={citizen}
            grant={granted.get(section)}
            refusal={answer.partial.find((p) => p.fieldPath?.startsWith(`citizen.${section}`))}
            purposeTitle={purposeTitle}
          />
        ))}
      </div>
    </section>
  );
}

function SectionCard({
  section,
  citizen,
  grant,
  refusal,
  purposeTitle,
}: {
  section: Section;
  citizen: Found;
  grant: SectionGrant | undefined;
  refusal: { message: string } | undefined;
  purposeTitle: string;
}) {
  return (
    <article className="section-card" aria-labelledby={`section-${section}`}>
      <h3 id={`section-${section}`}>
        <FormattedMessage id={`desk.section.${section}`} />
      </h3>
      {!grant || refusal ? (
        <p className="not-granted">
          <FormattedMessage id="desk.notGranted" values={{ purpose: purposeTitle }} />
          {refusal ? <span className="problem-where"> — {refusal.message}</span> : null}
        </p>
      ) : (
        <>
          <SectionBody section={section} citizen={citizen} />
          {narrowed(section, grant) ? (
            <p className="fields-not-granted">
              <FormattedMessage id="desk.fieldsNotGranted" values={{ purpose: purposeTitle }} />
            </p>
          ) : null}
        </>
      )}
    </article>
  );
}

/** Which ministry a record came from and when the exchange received it. */
function RecordSource({ record }: { record: Exchanged }) {
  const intl = useIntl();
  const { agencyId, source, receivedAt } = record;
  const agency =
    agencyId && NAMED_AGENCIES.has(agencyId)
      ? intl.formatMessage({ id: `desk.agency.${agencyId}` })
      : (agencyId ?? source);
  return (
    <FormattedMessage
      id="desk.from"
      values={{
        agency,
        date: (
          <time dateTime={receivedAt}>
            {intl.formatDate(receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        ),
      }}
    />
  );
}

/** A section of one record: its facts under the line saying where it came from. */
function Single<T extends { record: Exchanged }>({
  item,
  children,
}: {
  item: T | null | undefined;
  children: (item: T) => ReactNode;
}) {
  if (!item) return <None />;
  return (
    <>
      <p className="section-source">
        <RecordSource record={item.record} />
      </p>
      {children(item)}
    </>
  );
}

function None() {
  return (
    <p>
      <FormattedMessage id="desk.noRecords" />
    </p>
  );
}

type Row = readonly [string, ReactNode];

/** The rows whose value was answered: a field a narrowed grant leaves out is not asked, so not shown. */
function answered(rows: ReadonlyArray<readonly [string, ReactNode | undefined]>): Row[] {
  return rows.filter((row): row is Row => row[1] !== undefined);
}

function PersonFacts({ person }: { person: NonNullable<Found['person']> }) {
  const intl = useIntl();
  const yesNo = (value: boolean) => intl.formatMessage({ id: value ? 'desk.yes' : 'desk.no' });
  const { name, alive } = person;
  return (
    <Facts
      rows={answered([
        [
          'desk.name',
          name && (
            <>
              <span lang="km">
                {name.khmer.familyName} {name.khmer.givenName}
              </span>{' '}
              ({name.latin.familyName} {name.latin.givenName})
            </>
          ),
        ],
        [
          'desk.nationalIdOfPerson',
          person.nationalId && <Pseudonymous key="id" id={person.nationalId} />,
        ],
        ['desk.dateOfBirth', person.dateOfBirth],
        ['desk.sex', person.sex],
        [
          'desk.claim.alive',
          alive === undefined
            ? undefined
            : alive
              ? yesNo(true)
              : line([yesNo(false), person.dateOfDeath && `(${person.dateOfDeath})`], ' '),
        ],
        [
          'desk.idCardNumber',
          person.idCardNumber === undefined ? undefined : (person.idCardNumber ?? '—'),
        ],
        ['desk.placeOfBirth', person.placeOfBirth && place(person.placeOfBirth.province)],
      ])}
    />
  );
}

function AddressFacts({ address }: { address: NonNullable<Found['address']> }) {
  const street = line([address.houseNumber, place(address.street), place(address.village)], ', ');
  const area = line([address.commune, address.district, address.province].map(place), ', ');
  return (
    <Facts
      rows={answered([
        ['desk.addressLine', street || undefined],
        ['desk.area', area || undefined],
        ['desk.since', address.since],
      ])}
    />
  );
}

function TaxpayerFacts({ taxpayer }: { taxpayer: NonNullable<Found['taxpayer']> }) {
  return (
    <Facts
      rows={answered([
        ['desk.tin', taxpayer.tin],
        ['desk.status', line([taxpayer.type, taxpayer.status]) || undefined],
        ['desk.registered', taxpayer.registrationDate],
      ])}
    />
  );
}

function SectionBody({ section, citizen }: { section: Section; citizen: Found }) {
  const intl = useIntl();
  const { person, address, taxpayer } = citizen;
  switch (section) {
    case 'person':
      return <Single item={person}>{(p) => <PersonFacts person={p} />}</Single>;
    case 'address':
      return <Single item={address}>{(a) => <AddressFacts address={a} />}</Single>;
    case 'taxpayer':
      return <Single item={taxpayer}>{(t) => <TaxpayerFacts taxpayer={t} />}</Single>;
    case 'vehicles':
      return (
        <Rows
          items={citizen.vehicles ?? []}
          render={(v) => line([v.plateNumber, line([v.make, v.model, v.year], ' '), v.status])}
          date={(v) => v.registrationDate}
        />
      );
    case 'landTitles':
      return (
        <Rows
          items={citizen.landTitles ?? []}
          render={(t) =>
            line([
              t.titleNumber,
              t.areaSquareMetres === undefined
                ? undefined
                : `${intl.formatNumber(t.areaSquareMetres)} m²`,
              t.status,
            ])
          }
          date={(t) => t.registrationDate}
        />
      );
    case 'businesses':
      return (
        <Rows
          items={citizen.businesses ?? []}
          render={(b) =>
            line([
              b.registrationNumber,
              b.name && `${b.name.khmer} (${b.name.english})`,
              b.legalForm,
              b.status,
            ])
          }
          date={(b) => b.registrationDate}
        />
      );
    case 'lifeEvents':
      return (
        <Rows
          items={citizen.lifeEvents ?? []}
          render={(e) => line([e.eventType, e.date])}
          date={(e) => e.registeredOn}
        />
      );
  }
}

/** A section of many records: each with its own dates and where it came from. */
function Rows<T extends { record: Exchanged }>({
  items,
  render,
  date,
}: {
  items: T[];
  render: (item: T) => string;
  date: (item: T) => string | undefined;
}) {
  if (items.length === 0) return <None />;
  return (
    <ul className="records">
      {items.map((item, index) => {
        const registered = date(item);
        return (
          <li key={index}>
            {render(item)}{' '}
            {registered === undefined ? null : (
              <span className="record-date">
                <FormattedMessage id="desk.registeredOn" values={{ date: registered }} />
              </span>
            )}
            <span className="record-source">
              <RecordSource record={item.record} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
