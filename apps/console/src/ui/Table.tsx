// Data as the console shows it: a table (scrolled sideways on a narrow
// screen, with its caption and a heading for each column, then its rows), and
// labelled facts as a description list.
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

export function Table({
  caption,
  columns,
  className,
  scroll,
  busy,
  children,
}: {
  caption: ReactNode;
  /** The columns' headings as message ids; a false one is left out (a steward's column, say). */
  columns: ReadonlyArray<string | false>;
  className?: string;
  /** A class the scrolling wrapper adds to `table-wrap`. */
  scroll?: string;
  /** Whether the rows are being fetched again. */
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={scroll ? `table-wrap ${scroll}` : 'table-wrap'}>
      <table className={className} aria-busy={busy}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((id) =>
              id === false ? null : (
                <th scope="col" key={id}>
                  <FormattedMessage id={id} />
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Labelled facts: each row a message id and its value. */
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
