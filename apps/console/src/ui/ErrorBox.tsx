// What went wrong, in the gateway's words: each problem with the field it
// names and the rule it broke, announced to screen readers.
import { FormattedMessage } from 'react-intl';
import { ApiError, type ApiProblem } from '../api/graphql';

function problemsOf(error: unknown): ApiProblem[] {
  if (error instanceof ApiError) return error.problems;
  return [{ message: error instanceof Error ? error.message : String(error) }];
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const problems = problemsOf(error);
  return (
    <div role="alert" className="error-box">
      <p className="error-title">
        <FormattedMessage id="error.title" />
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.message}
            {problem.where || problem.rule ? (
              <span className="problem-where">
                {' '}
                ({[problem.where, problem.rule].filter(Boolean).join(' · ')})
              </span>
            ) : null}
            {problem.issues?.length ? (
              <ul className="issues">
                {problem.issues.map((issue, at) => (
                  <li key={at}>
                    <code>{issue.path ?? '/'}</code> <strong>{issue.rule}</strong> {issue.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
