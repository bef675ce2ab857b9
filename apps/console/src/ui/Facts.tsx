// Labelled facts as a description list: each row a message id and its value.
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

export function Facts({
  rows,
  className = 'facts',
}: {
  rows: ReadonlyArray<readonly [string, ReactNode]>;
  className?: string;
}) {
  return (
    <dl className={className}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>
            <FormattedMessage id={label} />
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
