// The health of every part of the exchange, as the gateway observes it: its
// own readiness, the database, the bus, the read model and each adapter.
import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { AdaptersSystemHealthDocument as HEALTH } from '../../gql/graphql';
import type { AdaptersSystemHealthQuery } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { StateBadge, When } from './parts';
import './adapters.css';

const KINDS = ['gateway', 'database', 'bus', 'read-model', 'adapter'];

export default function HealthPage() {
  const health = useQuery({
    queryKey: ['adapters', 'health'],
    queryFn: () => requestAll(HEALTH),
  });
  const data = health.data?.systemHealth;
  return (
    <Page
      title={<FormattedMessage id="adapters.health.title" />}
      actions={
        <Button
          className="button secondary"
          isDisabled={health.isFetching}
          onPress={() => void health.refetch()}
        >
          <FormattedMessage id="adapters.health.refresh" />
        </Button>
      }
    >
      <p>
        <FormattedMessage id="adapters.health.lead" />
      </p>
      <ErrorBox error={health.error} />
      {data ? (
        <>
          <p className={data.healthy ? 'health-ok' : 'health-bad'}>
            <FormattedMessage
              id={data.healthy ? 'adapters.health.allOk' : 'adapters.health.notOk'}
            />{' '}
            <span className="muted">
              <FormattedMessage id="adapters.health.checkedAt" /> <When at={data.checkedAt} />
            </span>
          </p>
          <Table
            caption={<FormattedMessage id="adapters.health.caption" />}
            columns={[
              'adapters.health.component',
              'adapters.health.status',
              'adapters.lag',
              'adapters.deadLetters',
              'adapters.health.problems',
            ]}
          >
            {data.components.map((component) => (
              <ComponentRow key={`${component.kind}/${component.name}`} component={component} />
            ))}
          </Table>
        </>
      ) : null}
    </Page>
  );
}

type Component = AdaptersSystemHealthQuery['systemHealth']['components'][number];

function ComponentRow({ component }: { component: Component }) {
  const intl = useIntl();
  return (
    <tr>
      <th scope="row">
        <code>{component.name}</code>
        <br />
        <span className="muted">
          {KINDS.includes(component.kind)
            ? intl.formatMessage({ id: `adapters.health.kind.${component.kind}` })
            : component.kind}
        </span>
      </th>
      <td>
        <span className={component.healthy ? 'health-ok' : 'health-bad'}>
          <FormattedMessage id={component.healthy ? 'adapters.health.ok' : 'adapters.health.bad'} />
        </span>
        {component.state ? (
          <>
            <br />
            <StateBadge state={component.state} />
          </>
        ) : null}
      </td>
      <td>
        {component.lagMessages == null && component.lagSeconds == null ? (
          '—'
        ) : (
          <FormattedMessage
            id="adapters.lag.value"
            values={{
              messages: component.lagMessages ?? '?',
              seconds:
                component.lagSeconds == null
                  ? '?'
                  : intl.formatNumber(component.lagSeconds, { maximumFractionDigits: 1 }),
            }}
          />
        )}
      </td>
      <td>{component.deadLetters ?? '—'}</td>
      <td>
        {component.problems.length === 0 ? (
          '—'
        ) : (
          <ul className="record-types">
            {component.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
