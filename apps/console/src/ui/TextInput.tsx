// A labelled text field as the console's forms write one: its label, the
// input (a one-line input without autocomplete unless told otherwise) and an
// optional description under it.
import type { ReactNode } from 'react';
import { Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

export function TextInput({
  label,
  input = <Input autoComplete="off" />,
  description,
  ...props
}: Omit<TextFieldProps, 'children'> & {
  label: ReactNode;
  input?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <TextField {...props}>
      <Label>{label}</Label>
      {input}
      {description ? <Text slot="description">{description}</Text> : null}
    </TextField>
  );
}
