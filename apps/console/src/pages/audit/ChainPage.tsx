// The audit chain's status for auditors: the last signed checkpoint, the last
// verification, a verification run now, and the checkpoints' public key as a
// file for verifying offline. verifyAuditLog changes nothing and takes no
// reason (the gateway audits the run itself), so it is a plain button.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  AuditChainStatusDocument as STATUS,
  AuditChainVerifyDocument as VERIFY,
} from '../../gql/graphql';
import type { AuditChainStatusQuery } from '../../gql/graphql';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { When } from './parts';
import './audit.css';

interface Verification {
  ok: boolean;
  verifiedAt: string;
  entries?: number | null;
  checkpoints?: number | null;
  problem?: string | null;
  seq?: number | null;
  message?: string | null;
}

export default function ChainPage() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['audit', 'status'], queryFn: () => requestAll(STATUS) });
  const verify = useMutation({
    mutationFn: () => requestAll(VERIFY),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit', 'status'] }),
  });
  const checkpoint = status.data?.auditStatus.lastCheckpoint;
  const last = status.data?.auditStatus.lastVerification;
  return (
    <Page
      title={<FormattedMessage id="audit.chain.title" />}
      lead={<FormattedMessage id="audit.chain.lead" />}
    >
      <ErrorBox error={status.error} />
      {status.data ? (
        <>
          <section aria-labelledby="chain-checkpoint">
            <h2 id="chain-checkpoint">
              <FormattedMessage id="audit.chain.checkpoint" />
            </h2>
            {checkpoint ? (
              <CheckpointFacts checkpoint={checkpoint} />
            ) : (
              <p>
                <FormattedMessage id="audit.chain.noCheckpoint" />
              </p>
            )}
            {status.data.auditStatus.publicKey ? (
              <p>
                <a className="button secondary" href="/v1/audit/checkpoint-key.pem" download>
                  <FormattedMessage id="audit.chain.key" />
                </a>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="chain-verification">
            <h2 id="chain-verification">
              <FormattedMessage id="audit.chain.verification" />
            </h2>
            <p>
              <FormattedMessage id="audit.chain.verifyLead" />
            </p>
            <Button
              className="button primary"
              isDisabled={verify.isPending}
              onPress={() => verify.mutate()}
            >
              <FormattedMessage
                id={verify.isPending ? 'audit.chain.verifying' : 'audit.chain.verify'}
              />
            </Button>
            <ErrorBox error={verify.error} />
            <div role="status" aria-live="polite">
              {verify.data ? <VerificationView result={verify.data.verifyAuditLog} now /> : null}
            </div>
            {!verify.data && last ? <VerificationView result={last} /> : null}
            {!verify.data && !last ? (
              <p>
                <FormattedMessage id="audit.chain.neverVerified" />
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </Page>
  );
}

type Checkpoint = NonNullable<AuditChainStatusQuery['auditStatus']['lastCheckpoint']>;

function CheckpointFacts({ checkpoint }: { checkpoint: Checkpoint }) {
  return (
    <dl className="audit-facts">
      <dt>
        <FormattedMessage id="audit.chain.signedAt" />
      </dt>
      <dd>
        <When at={checkpoint.signedAt} />
      </dd>
      <dt>
        <FormattedMessage id="audit.chain.height" />
      </dt>
      <dd>{checkpoint.seq}</dd>
      <dt>
        <FormattedMessage id="audit.chain.hash" />
      </dt>
      <dd>
        <code className="details">{checkpoint.hash}</code>
      </dd>
      <dt>
        <FormattedMessage id="audit.chain.keyId" />
      </dt>
      <dd>
        <code className="details">{checkpoint.keyId}</code>
      </dd>
    </dl>
  );
}

function VerificationView({ result, now }: { result: Verification; now?: boolean }) {
  return (
    <div className={`audit-verdict ${result.ok ? 'audit-verdict-ok' : 'audit-verdict-bad'}`}>
      <p className="audit-verdict-title">
        <FormattedMessage
          id={result.ok ? 'audit.chain.ok' : 'audit.chain.bad'}
          values={{ entries: result.entries ?? 0, checkpoints: result.checkpoints ?? 0 }}
        />
      </p>
      {!result.ok ? (
        <p>
          <FormattedMessage
            id="audit.chain.problem"
            values={{ problem: result.problem ?? '?', seq: result.seq ?? '?' }}
          />
          {result.message ? ` ${result.message}` : ''}
        </p>
      ) : null}
      <p>
        <FormattedMessage id={now ? 'audit.chain.ranNow' : 'audit.chain.ranAt'} />{' '}
        <When at={result.verifiedAt} />
      </p>
    </div>
  );
}
