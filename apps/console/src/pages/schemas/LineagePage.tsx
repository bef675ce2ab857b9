// Lineage: which adapter publishes which record type at which version, and
// who consumes it, with when each was last seen. The diagram is for the eye
// (hidden from assistive technology); the table says the same to everyone.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { SchemasLineageDocument as LINEAGE } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import './schemas.css';

interface Party {
  party: string;
  lastSeen: string;
}
interface Flow {
  key: string;
  recordType: string;
  version: number;
  publishers: Party[];
  consumers: Party[];
}

/** The lineage's entries as flows: one per record type and version, its publishers and consumers. */
function flowsOf(
  entries: ReadonlyArray<{
    recordType: string;
    schemaVersion: number;
    role: string;
    party: string;
    lastSeen: string;
  }>,
): Flow[] {
  const byKey = new Map<string, Flow>();
  for (const entry of entries) {
    const key = `${entry.recordType}@${entry.schemaVersion}`;
    const flow = byKey.get(key) ?? {
      key,
      recordType: entry.recordType,
      version: entry.schemaVersion,
      publishers: [],
      consumers: [],
    };
    (entry.role === 'publishes' ? flow.publishers : flow.consumers).push({
      party: entry.party,
      lastSeen: entry.lastSeen,
    });
    byKey.set(key, flow);
  }
  return [...byKey.values()].sort((a, b) =>
    a.recordType === b.recordType
      ? a.version - b.version
      : a.recordType.localeCompare(b.recordType),
  );
}

export default function LineagePage() {
  const lineage = useQuery({
    queryKey: ['schemas', 'lineage'],
    queryFn: () => requestAll(LINEAGE),
  });
  const entries = lineage.data?.lineage;
  const flows = useMemo(() => flowsOf(entries ?? []), [entries]);
  return (
    <Page
      title={<FormattedMessage id="schemas.lineage.title" />}
      lead={<FormattedMessage id="schemas.lineage.lead" />}
    >
      <ErrorBox error={lineage.error} />
      {entries && entries.length === 0 ? (
        <p>
          <FormattedMessage id="schemas.lineage.none" />
        </p>
      ) : null}
      {flows.length > 0 ? (
        <>
          <LineageDiagram flows={flows} />
          <LineageTable flows={flows} />
        </>
      ) : null}
    </Page>
  );
}

/** For the eye only: hidden from assistive technology, which reads the table. */
function LineageDiagram({ flows }: { flows: Flow[] }) {
  return (
    <div className="lineage-diagram" aria-hidden="true">
      <div className="lineage-head">
        <FormattedMessage id="schemas.lineage.publishers" />
      </div>
      <div className="lineage-head">
        <FormattedMessage id="schemas.lineage.recordType" />
      </div>
      <div className="lineage-head">
        <FormattedMessage id="schemas.lineage.consumers" />
      </div>
      {flows.map((flow) => (
        <div className="lineage-row" key={flow.key}>
          <ul className="lineage-parties publishers">
            {flow.publishers.map((party) => (
              <li key={party.party}>{party.party}</li>
            ))}
          </ul>
          <div className="lineage-type">
            {flow.recordType}
            <span>@{flow.version}</span>
          </div>
          <ul className="lineage-parties consumers">
            {flow.consumers.map((party) => (
              <li key={party.party}>{party.party}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function LineageTable({ flows }: { flows: Flow[] }) {
  const intl = useIntl();
  const when = (at: string) => intl.formatDate(at, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Table
      className="lineage-table"
      caption={<FormattedMessage id="schemas.lineage.caption" />}
      columns={[
        'schemas.lineage.recordType',
        'schemas.lineage.publishers',
        'schemas.lineage.consumers',
      ]}
    >
      {flows.map((flow) => (
        <tr key={flow.key}>
          <th scope="row">
            {flow.recordType}@{flow.version}
          </th>
          <td>
            <PartyList parties={flow.publishers} when={when} />
          </td>
          <td>
            <PartyList parties={flow.consumers} when={when} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

function PartyList({ parties, when }: { parties: Party[]; when: (at: string) => string }) {
  if (parties.length === 0) return <>—</>;
  return (
    <ul className="plain">
      {parties.map((party) => (
        <li key={party.party}>
          <FormattedMessage
            id="schemas.lineage.party"
            values={{ party: party.party, at: when(party.lastSeen) }}
          />
        </li>
      ))}
    </ul>
  );
}
