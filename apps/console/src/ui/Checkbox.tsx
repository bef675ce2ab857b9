// A checkbox as the console draws one.
import type { ReactNode } from 'react';
import { Checkbox, type CheckboxProps } from 'react-aria-components';
import './checkbox.css';

/** A checkbox: a box that shows its state beside the label, the whole row a touch target. */
export function CheckboxField({
  className,
  children,
  ...props
}: Omit<CheckboxProps, 'children' | 'className'> & { className?: string; children: ReactNode }) {
  return (
    <Checkbox {...props} className={className ? `checkbox ${className}` : 'checkbox'}>
      <span className="checkbox-box" aria-hidden="true" />
      {children}
    </Checkbox>
  );
}
