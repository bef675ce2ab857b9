// The answer to a verification: per claim asked, yes, no, or why it could
// not be answered (not granted, or locked after too many wrong claims).
import { FormattedMessage } from 'react-intl';
import type { Answer, ApiProblem } from '../../api/graphql';
import type { DeskVerifyQuery } from '../../gql/graphql';
import { Pseudonymous } from './LookupView';
import { Table } from '../../ui/Table';

type Claim = 'name' | 'dateOfBirth' | 'alive' | 'idCardNumber';

/** What the officer claims about the citizen, as typed. */
export interface Claims {
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  alive: boolean;
  idCardNumber: string;
}

/** The claims the officer asked about, each with what was claimed ("alive" claims nothing to show). */
function claimsAsked(claims: Claims): Array<{ claim: Claim; claimed: string }> {
  const asked: Array<{ claim: Claim; claimed: string }> = [];
  if (claims.familyName.trim() && claims.givenName.trim())
    asked.push({
      claim: 'name',
      claimed: `${claims.familyName.trim()} ${claims.givenName.trim()}`,
    });
  if (claims.dateOfBirth.trim())
    asked.push({ claim: 'dateOfBirth', claimed: claims.dateOfBirth.trim() });
  if (claims.idCardNumber.trim())
    asked.push({ claim: 'idCardNumber', claimed: claims.idCardNumber.trim() });
  if (claims.alive) asked.push({ claim: 'alive', claimed: '' });
  return asked;
}

export function VerificationView({
  answer,
  claims,
}: {
  answer: Answer<DeskVerifyQuery>;
  claims: Claims;
}) {
  const result = answer.data.verifyCitizen;
  const asked = claimsAsked(claims);
  const problemOf = (claim: Claim) =>
    answer.partial.find((problem) => problem.fieldPath === `verifyCitizen.${claim}`);
  return (
    <section className="verification" aria-labelledby="desk-verification">
      <h2 id="desk-verification">
        <FormattedMessage id="desk.verification" />
      </h2>
      <p className={result.known ? 'answer-yes' : 'answer-no'}>
        <FormattedMessage id={result.known ? 'desk.known' : 'desk.unknown'} />{' '}
        <Pseudonymous id={result.nationalId} />
      </p>
      {asked.length === 0 ? (
        <p>
          <FormattedMessage id="desk.noClaims" />
        </p>
      ) : (
        <Table
          caption={<FormattedMessage id="desk.claimsAnswered" />}
          columns={['desk.claim', 'desk.claimed', 'desk.answer']}
        >
          {asked.map(({ claim, claimed }) => {
            return (
              <tr key={claim}>
                <th scope="row">
                  <FormattedMessage id={`desk.claim.${claim}`} />
                </th>
                <td>{claimed || <FormattedMessage id="desk.alive" />}</td>
                <td>
                  <ClaimAnswer value={result[claim]} problem={problemOf(claim)} />
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}

/** Yes, no, or why the claim was not answered (not granted, or locked after too many wrong claims). */
function ClaimAnswer({
  value,
  problem,
}: {
  value: boolean | null | undefined;
  problem: ApiProblem | undefined;
}) {
  if (value === true)
    return (
      <strong className="answer-yes">
        <span aria-hidden="true">✓ </span>
        <FormattedMessage id="desk.yes" />
      </strong>
    );
  if (value === false)
    return (
      <strong className="answer-no">
        <span aria-hidden="true">✗ </span>
        <FormattedMessage id="desk.no" />
      </strong>
    );
  return (
    <span className="answer-refused">
      <FormattedMessage
        id={problem?.code === 'VERIFICATION_LOCKED' ? 'desk.locked' : 'desk.notAnswered'}
      />
      {problem ? <span className="problem-where"> — {problem.message}</span> : null}
    </span>
  );
}
