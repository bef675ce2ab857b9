// The integrator's own adapters: their state and the last decision on them
// (who, when, why), their lag and dead letters; register a new adapter or ask
// to change one, each with a reason.
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import { currentSession } from '../../api/session';
import { AdaptersMineDocument as MINE } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { AdapterDialog } from './AdapterForm';
import {
  AdapterCard,
  AdapterKeys,
  AskedBesideApproved,
  Decision,
  LagAndLetters,
  When,
} from './parts';
import './adapters.css';

export default function MyAdaptersPage() {
  const agencyId = currentSession()?.agencyId;
  const mine = useQuery({ queryKey: ['adapters', 'mine'], queryFn: () => requestAll(MINE) });
  const data = mine.data;
  const own = data?.adapters.filter((adapter) => adapter.agencyId === agencyId) ?? [];
  const recordTypes = data?.schemas.map((schema) => schema.recordType) ?? [];
  return (
    <Page
      title={<FormattedMessage id="adapters.mine.title" />}
      actions={data ? <AdapterDialog recordTypes={recordTypes} /> : null}
      lead={<FormattedMessage id="adapters.mine.lead" values={{ agency: agencyId ?? '' }} />}
    >
      <ErrorBox error={mine.error} />
      {data && own.length === 0 ? (
        <p className="notice">
          <FormattedMessage id="adapters.mine.empty" />
        </p>
      ) : null}
      {own.map((adapter) => {
        const lag = data!.consumerLag.find((group) => group.group === adapter.name);
        const keys = data!.adapterKeys.filter((key) => key.adapter === adapter.name);
        return (
          <AdapterCard
            key={adapter.name}
            adapter={adapter}
            idPrefix="mine"
            state={
              <>
                {' '}
                <FormattedMessage
                  id="adapters.registered"
                  values={{ who: adapter.registeredBy }}
                />{' '}
                <When at={adapter.registeredAt} />
              </>
            }
            facts={
              <>
                <dt>
                  <FormattedMessage id="adapters.lastDecision" />
                </dt>
                <dd>
                  {adapter.decidedAt ? (
                    <Decision of={adapter} />
                  ) : (
                    <FormattedMessage id="adapters.mine.noDecision" />
                  )}
                </dd>
                <LagAndLetters lag={lag} adapter={adapter} />
                <AdapterKeys keys={keys} about={(key) => <Decision of={key} spaced />} />
              </>
            }
          >
            <AskedBesideApproved
              adapter={adapter}
              caption={
                <FormattedMessage id="adapters.mine.compare" values={{ name: adapter.name }} />
              }
            />
            {adapter.state === 'suspended' ? null : (
              <div className="actions">
                <AdapterDialog recordTypes={recordTypes} existing={adapter} />
              </div>
            )}
          </AdapterCard>
        );
      })}
    </Page>
  );
}
