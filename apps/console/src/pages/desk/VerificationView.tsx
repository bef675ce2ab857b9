// The answer to a verification: per claim asked, yes, no, or why it could
// not be answered (not granted, or locked after too many wrong claims).
import { FormattedMessage } from 'react-intl';
import type { Answer } from '../../api/graphql';
import type { DeskVerifyQuery } from '../../gql/graphql';
import { Pseudonymous } from './LookupView';
import { Table } from '../../ui/Table';

type Claim = 'name' | 'dateOfBirth' | 'alive' | 'idCardNumber';

export function VerificationView({
  answer,
  claims,
}: {
  answer: Answer<DeskVerifyQuery>;
  claims: {
    familyName: string;
    givenName: string;
    dateOfBirth: string;
    alive: boolean;
    idCardNumber: string;
  };
}) {
  const result = answer.data.verifyCitizen;
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
            const value = result[claim];
            const problem = problemOf(claim);
            return (
              <tr key={claim}>
                <th scope="row">
                  <FormattedMessage id={`desk.claim.${claim}`} />
                </th>
                <td>{claimed || <FormattedMessage id="desk.alive" />}</td>
                <td>
                  {value === true ? (
                    <strong className="answer-yes">
                      <span aria-hidden="true">✓ </span>
                      <FormattedMessage id="desk.yes" />
                    </strong>
                  ) : value === false ? (
                    <strong className="answer-no">
                      <span aria-hidden="true">✗ </span>
                      <FormattedMessage id="desk.no" />
                    </strong>
                  ) : (
                    <span className="answer-refused">
                      <FormattedMessage
                        id={
                          problem?.code === 'VERIFICATION_LOCKED'
                            ? 'desk.locked'
                            : 'desk.notAnswered'
                        }
                      />
                      {problem ? <span className="problem-where"> — {problem.message}</span> : null}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}
