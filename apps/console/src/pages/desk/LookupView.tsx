// A lookup's answer, section by section: each with the ministry it comes
// from and the dates the record carries, or "not granted" where the agency
// holds no grant for this purpose (or the gateway refused it). Where the
// agency is not granted the national id itself, the gateway answers the
// agency's own pseudonym, and it is labelled as one.
import { FormattedMessage, useIntl } from 'react-intl';
import type { Answer } from '../../api/graphql';
import type { DeskLookupQuery } from '../../gql/graphql';
import { Facts } from '../../ui/Table';
import { SECTIONS, SOURCE_OF, type Section } from './desk-queries';

type Found = NonNullable<DeskLookupQuery['citizen']>;
type Named = { khmer?: string | null; latin?: string | null } | null | undefined;

const PSEUDONYM = /^P-/;

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

export function LookupView({
  answer,
  purposeTitle,
  granted,
}: {
  answer: Answer<DeskLookupQuery>;
  purposeTitle: string;
  granted: ReadonlySet<string>;
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
        {SECTIONS.map((section) => {
          const refusal = answer.partial.find((p) => p.fieldPath?.startsWith(`citizen.${section}`));
          return (
            <article key={section} className="section-card" aria-labelledby={`section-${section}`}>
              <h3 id={`section-${section}`}>
                <FormattedMessage id={`desk.section.${section}`} />
              </h3>
              <p className="section-source">
                <FormattedMessage id={`desk.source.${SOURCE_OF[section]}`} />
              </p>
              {!granted.has(section) || refusal ? (
                <p className="not-granted">
                  <FormattedMessage id="desk.notGranted" values={{ purpose: purposeTitle }} />
                  {refusal ? <span className="problem-where"> — {refusal.message}</span> : null}
                </p>
              ) : (
                <SectionBody section={section} citizen={citizen} />
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

function None() {
  return (
    <p>
      <FormattedMessage id="desk.noRecords" />
    </p>
  );
}

function PersonFacts({ person }: { person: NonNullable<Found['person']> }) {
  const intl = useIntl();
  const yesNo = (value: boolean) => intl.formatMessage({ id: value ? 'desk.yes' : 'desk.no' });
  return (
    <Facts
      rows={[
        [
          'desk.name',
          <>
            <span lang="km">
              {person.name.khmer.familyName} {person.name.khmer.givenName}
            </span>{' '}
            ({person.name.latin.familyName} {person.name.latin.givenName})
          </>,
        ],
        ['desk.nationalIdOfPerson', <Pseudonymous key="id" id={person.nationalId} />],
        ['desk.dateOfBirth', person.dateOfBirth],
        ['desk.sex', person.sex],
        [
          'desk.claim.alive',
          person.alive ? yesNo(true) : `${yesNo(false)} (${person.dateOfDeath ?? ''})`,
        ],
        ['desk.idCardNumber', person.idCardNumber ?? '—'],
        ['desk.placeOfBirth', place(person.placeOfBirth.province)],
      ]}
    />
  );
}

function AddressFacts({ address }: { address: NonNullable<Found['address']> }) {
  return (
    <Facts
      rows={[
        [
          'desk.addressLine',
          [address.houseNumber, place(address.street), place(address.village)]
            .filter(Boolean)
            .join(', '),
        ],
        ['desk.area', [address.commune, address.district, address.province].map(place).join(', ')],
        ['desk.since', address.since],
      ]}
    />
  );
}

function SectionBody({ section, citizen }: { section: Section; citizen: Found }) {
  const intl = useIntl();
  switch (section) {
    case 'person':
      return citizen.person ? <PersonFacts person={citizen.person} /> : <None />;
    case 'address':
      return citizen.address ? <AddressFacts address={citizen.address} /> : <None />;
    case 'vehicles':
      return (
        <Rows
          items={citizen.vehicles ?? []}
          render={(v) => `${v.plateNumber} · ${v.make} ${v.model} ${v.year} · ${v.status}`}
          date={(v) => v.registrationDate}
        />
      );
    case 'landTitles':
      return (
        <Rows
          items={citizen.landTitles ?? []}
          render={(t) =>
            `${t.titleNumber} · ${intl.formatNumber(t.areaSquareMetres)} m² · ${t.status}`
          }
          date={(t) => t.registrationDate}
        />
      );
    case 'businesses':
      return (
        <Rows
          items={citizen.businesses ?? []}
          render={(b) =>
            `${b.registrationNumber} · ${b.name.khmer} (${b.name.english}) · ${b.legalForm} · ${b.status}`
          }
          date={(b) => b.registrationDate}
        />
      );
    case 'taxpayer': {
      const taxpayer = citizen.taxpayer;
      if (!taxpayer) return <None />;
      return (
        <Facts
          rows={[
            ['desk.tin', taxpayer.tin],
            ['desk.status', `${taxpayer.type} · ${taxpayer.status}`],
            ['desk.registered', taxpayer.registrationDate],
          ]}
        />
      );
    }
    case 'lifeEvents':
      return (
        <Rows
          items={citizen.lifeEvents ?? []}
          render={(e) => `${e.eventType} · ${e.date}`}
          date={(e) => e.registeredOn}
        />
      );
  }
}

function Rows<T>({
  items,
  render,
  date,
}: {
  items: T[];
  render: (item: T) => string;
  date: (item: T) => string;
}) {
  if (items.length === 0) return <None />;
  return (
    <ul className="records">
      {items.map((item, index) => (
        <li key={index}>
          {render(item)}{' '}
          <span className="record-date">
            <FormattedMessage id="desk.registeredOn" values={{ date: date(item) }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
