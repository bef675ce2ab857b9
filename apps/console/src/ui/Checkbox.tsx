// A checkbox as the console draws one: a box that shows its state beside the
// label, the whole row a touch target.
import type { ReactNode } from 'react';
import { Checkbox, type CheckboxProps } from 'react-aria-components';
import './checkbox.css';

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
