// Every change the console makes asks for a reason first, then shows the
// audit entry it made (myAuditEntries: the newest entry this person wrote).
import { useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Label,
  Modal,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useQueryClient } from '@tanstack/react-query';
import { requestAll } from '../api/graphql';
import { MyLastAuditEntryDocument as MY_LAST_ENTRY } from '../gql/graphql';
import { AuditEntryView, type AuditEntryShape } from './AuditEntryView';
import { ErrorBox } from './ErrorBox';

export interface ChangeDialogProps {
  /** The button that opens the dialog. */
  label: ReactNode;
  /** The dialog's heading: what is about to change. */
  title: ReactNode;
  /** More about the change, shown above the reason. */
  children?: ReactNode;
  /** Makes the change; the reason is the person's. Its result is shown by `done`. */
  run: (reason: string) => Promise<unknown>;
  /** What to show of the result beside the audit entry (a secret shown once, say). */
  done?: (result: unknown) => ReactNode;
  variant?: 'primary' | 'danger' | 'secondary';
  isDisabled?: boolean;
  /** Where the text typed is itself the change (a question, an answer): its own label and help. */
  reasonLabel?: ReactNode;
  reasonHelp?: ReactNode;
}

export function ChangeDialog(props: ChangeDialogProps) {
  const queryClient = useQueryClient();
  // The page behind is refreshed once the dialog closes, not while it shows
  // the audit entry: a change that removes its own row from a list (an answered
  // question, a revoked grant) would otherwise unmount the dialog with it.
  const changed = useRef(false);
  return (
    <DialogTrigger
      onOpenChange={(isOpen) => {
        if (isOpen || !changed.current) return;
        changed.current = false;
        void queryClient.invalidateQueries();
      }}
    >
      <Button className={`button ${props.variant ?? 'primary'}`} isDisabled={props.isDisabled}>
        {props.label}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <ChangeForm
              {...props}
              close={close}
              onChanged={() => {
                changed.current = true;
              }}
            />
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function ChangeForm(props: ChangeDialogProps & { close: () => void; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ value: unknown; entry: AuditEntryShape | null } | null>(
    null,
  );

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const value = await props.run(reason.trim());
      props.onChanged();
      const { myAuditEntries } = await requestAll(MY_LAST_ENTRY);
      setResult({ value, entry: myAuditEntries[0] ?? null });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading slot="title">{props.title}</Heading>
      {result ? (
        <div className="change-done">
          {props.done ? props.done(result.value) : null}
          <p>
            <FormattedMessage id="change.done" />
          </p>
          {result.entry ? <AuditEntryView entry={result.entry} /> : null}
          <Button className="button secondary" onPress={props.close} autoFocus>
            <FormattedMessage id="change.close" />
          </Button>
        </div>
      ) : (
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {props.children}
          <TextField
            className="field"
            isRequired
            value={reason}
            onChange={setReason}
            autoFocus
            name="reason"
          >
            <Label>{props.reasonLabel ?? <FormattedMessage id="change.reason" />}</Label>
            <TextArea rows={2} />
            <Text slot="description">
              {props.reasonHelp ?? <FormattedMessage id="change.reasonHelp" />}
            </Text>
          </TextField>
          <ErrorBox error={error} />
          <div className="dialog-actions">
            <Button className="button secondary" onPress={props.close}>
              <FormattedMessage id="change.cancel" />
            </Button>
            <Button
              type="submit"
              className={`button ${props.variant ?? 'primary'}`}
              isDisabled={busy || reason.trim() === ''}
            >
              <FormattedMessage id="change.confirm" />
            </Button>
          </div>
        </Form>
      )}
    </>
  );
}
