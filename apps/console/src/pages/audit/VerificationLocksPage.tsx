// Verification locks in force (stewards and auditors read them; each citizen
// listed gets an entry in their access log): claims of one kind about one
// citizen that verifyCitizen refuses after too many wrong ones. Stewards lift
// a chosen citizen's locks through the change dialog; auditors only read.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  AuditVerificationLocksDocument as LOCKS,
  AuditLiftVerificationLockDocument as LIFT,
} from '../../gql/graphql';
import type { AuditVerificationLocksQuery } from '../../gql/graphql';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { checkNationalId, NationalIdField } from '../../ui/NationalIdField';
import { Page } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { useRole, When } from './parts';
import './audit.css';

export default function VerificationLocksPage() {
  const role = useRole();
  const [typed, setTyped] = useState('');
  const [only, setOnly] = useState<string | null>(null);
  const locks = useQuery({
    queryKey: ['audit', 'locks', only],
    queryFn: () => requestAll(LOCKS, { nationalId: only ?? undefined }),
  });
  const valid = checkNationalId(typed).rule === undefined;
  const list = locks.data?.verificationLocks ?? [];
  const citizens = [...new Set(list.map((lock) => lock.nationalId))];
  return (
    <Page
      title={<FormattedMessage id="audit.locks.title" />}
      lead={<FormattedMessage id="audit.locks.lead" />}
    >
      <p role="note" className="audit-banner">
        <FormattedMessage id="audit.locks.seen" />
      </p>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) setOnly(checkNationalId(typed).id);
        }}
      >
        <NationalIdField value={typed} onChange={setTyped} />
        <div className="audit-actions">
          <Button type="submit" className="button primary" isDisabled={!valid}>
            <FormattedMessage id="audit.locks.find" />
          </Button>
          <Button
            className="button secondary"
            onPress={() => {
              setTyped('');
              setOnly(null);
            }}
          >
            <FormattedMessage id="audit.locks.all" />
          </Button>
        </div>
      </Form>
      {role === 'steward' && only !== null ? (
        // Kept mounted while the citizen is chosen, so the dialog can show its
        // audit entry after the list, refreshed, has no lock left.
        <LiftLocks nationalId={only} isDisabled={!list.some((lock) => lock.nationalId === only)} />
      ) : null}
      <ErrorBox error={locks.error} />
      {locks.data && list.length === 0 ? (
        <p>
          <FormattedMessage id="audit.locks.none" />
        </p>
      ) : null}
      {citizens.map((nationalId) => (
        <LockGroup
          key={nationalId}
          nationalId={nationalId}
          locks={list.filter((lock) => lock.nationalId === nationalId)}
          onOnly={
            only === null
              ? () => {
                  setTyped(nationalId);
                  setOnly(nationalId);
                }
              : null
          }
        />
      ))}
    </Page>
  );
}

function LiftLocks({ nationalId, isDisabled }: { nationalId: string; isDisabled: boolean }) {
  return (
    <ChangeDialog
      variant="danger"
      isDisabled={isDisabled}
      label={
        <>
          <FormattedMessage id="audit.locks.lift" />
          <span className="visually-hidden"> {nationalId}</span>
        </>
      }
      title={<FormattedMessage id="audit.locks.liftTitle" values={{ id: nationalId }} />}
      run={(reason) => requestAll(LIFT, { nationalId, reason })}
    />
  );
}

type Lock = AuditVerificationLocksQuery['verificationLocks'][number];

/** One citizen's locks, and (while no citizen is chosen) the button that chooses this one. */
function LockGroup({
  nationalId,
  locks,
  onOnly,
}: {
  nationalId: string;
  locks: Lock[];
  onOnly: (() => void) | null;
}) {
  return (
    <section className="lock-group" aria-labelledby={`lock-${nationalId}`}>
      <h2 id={`lock-${nationalId}`} className="national-id">
        {nationalId}
      </h2>
      <Table
        scroll="audit-scroll"
        caption={<FormattedMessage id="audit.locks.caption" values={{ id: nationalId }} />}
        columns={[
          'audit.locks.claim',
          'audit.locks.agency',
          'audit.locks.failures',
          'audit.locks.until',
        ]}
      >
        {locks.map((lock) => (
          <tr key={`${lock.claim}-${lock.agencyId ?? 'all'}`}>
            <th scope="row">{lock.claim}</th>
            <td>{lock.agencyId ?? <FormattedMessage id="audit.locks.allAgencies" />}</td>
            <td>{lock.failures}</td>
            <td>
              <When at={lock.lockedUntil} />
            </td>
          </tr>
        ))}
      </Table>
      {onOnly ? (
        <Button className="button secondary" onPress={onOnly}>
          <FormattedMessage id="audit.locks.only" />
          <span className="visually-hidden"> {nationalId}</span>
        </Button>
      ) : null}
    </section>
  );
}
