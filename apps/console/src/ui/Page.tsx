// One page of the console: its heading (focused on arrival, so a screen
// reader hears where it is), the paragraph that says what it is for, and its
// content.
import { useEffect, useRef, type ReactNode } from 'react';

export function Page({
  title,
  lead,
  actions,
  children,
}: {
  title: ReactNode;
  /** What the page is for, in a paragraph under its heading. */
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="page">
      <header className="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {lead ? <p>{lead}</p> : null}
      {children}
    </section>
  );
}
