// Records whose citizen the Ministry of Interior does not (yet) know: kept,
// shown in lookups, attached as soon as interior publishes the person. The
// national id is not shown; the steward follows a record up by its id.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { AdaptersOrphansDocument as ORPHANS } from '../../gql/graphql';
import type { AdaptersOrphansQuery } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/fields';
import { Table } from '../../ui/Table';
import { When } from './parts';
import './adapters.css';

const PAGE = 50;

export default function OrphansPage() {
  const intl = useIntl();
  const [offset, setOffset] = useState(0);
  const [recordType, setRecordType] = useState('');
  const orphans = useQuery({
    queryKey: ['adapters', 'orphans', offset, recordType],
    queryFn: () => requestAll(ORPHANS, { first: PAGE, offset, recordType: recordType || null }),
    placeholderData: (previous) => previous,
  });
  const data = orphans.data;
  return (
    <Page
      title={<FormattedMessage id="adapters.orphans.title" />}
      lead={<FormattedMessage id="adapters.orphans.lead" />}
    >
      <SelectField
        id="orphans-type"
        label={<FormattedMessage id="adapters.orphans.recordType" />}
        value={recordType}
        onChange={(value) => {
          setRecordType(value);
          setOffset(0);
        }}
        options={[
          { value: '', label: intl.formatMessage({ id: 'adapters.orphans.allTypes' }) },
          ...(data?.schemas ?? []).map((schema) => ({
            value: schema.recordType,
            label: schema.recordType,
          })),
        ]}
      />
      <ErrorBox error={orphans.error} />
      {data ? <OrphansTable orphans={data.orphans} offset={offset} /> : null}
      {data?.orphans.length === 0 ? (
        <p className="notice">
          <FormattedMessage id="adapters.orphans.none" />
        </p>
      ) : null}
      <div className="actions">
        <Button
          className="button secondary"
          isDisabled={offset === 0}
          onPress={() => setOffset(Math.max(0, offset - PAGE))}
        >
          <FormattedMessage id="adapters.orphans.previous" />
        </Button>
        <Button
          className="button secondary"
          isDisabled={(data?.orphans.length ?? 0) < PAGE}
          onPress={() => setOffset(offset + PAGE)}
        >
          <FormattedMessage id="adapters.orphans.next" />
        </Button>
      </div>
    </Page>
  );
}

function OrphansTable({
  orphans,
  offset,
}: {
  orphans: AdaptersOrphansQuery['orphans'];
  offset: number;
}) {
  return (
    <Table
      caption={
        <FormattedMessage
          id="adapters.orphans.caption"
          values={{ from: offset + 1, to: offset + orphans.length }}
        />
      }
      columns={[
        'adapters.orphans.record',
        'adapters.orphans.recordType',
        'adapters.orphans.source',
        'adapters.orphans.appliedAt',
      ]}
    >
      {orphans.map((orphan) => (
        <tr key={`${orphan.recordType}/${orphan.recordId}`}>
          <th scope="row">
            <code>{orphan.recordId}</code>
          </th>
          <td>{orphan.recordType}</td>
          <td>{orphan.source}</td>
          <td>
            <When at={orphan.appliedAt} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
