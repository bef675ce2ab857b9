// Citizens' questions about their access logs, for data stewards and
// auditors: each question with the citizen's words and the access it is
// about; answering one goes through the change dialog, and the citizen reads
// the answer on that entry of their log.
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { requestAll } from '../../api/graphql';
import {
  QuestionsListDocument as QUESTIONS,
  QuestionsAnswerDocument as ANSWER,
} from '../../gql/graphql';
import type { QuestionsListQuery } from '../../gql/graphql';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Page } from '../../ui/Page';
import { Facts } from '../../ui/Table';
import './questions.css';

type Question = QuestionsListQuery['accessQuestions'][number];

export default function QuestionsPage() {
  const intl = useIntl();
  const [shown, setShown] = useState<'open' | 'answered'>('open');
  return (
    <Page
      title={<FormattedMessage id="questions.title" />}
      lead={<FormattedMessage id="questions.lead" />}
    >
      <Tabs selectedKey={shown} onSelectionChange={(key) => setShown(key as typeof shown)}>
        <TabList className="tabs" aria-label={intl.formatMessage({ id: 'questions.title' })}>
          <Tab id="open" className="tab">
            <FormattedMessage id="questions.open" />
          </Tab>
          <Tab id="answered" className="tab">
            <FormattedMessage id="questions.answeredTab" />
          </Tab>
        </TabList>
        <TabPanel id="open">
          <QuestionList answered={false} />
        </TabPanel>
        <TabPanel id="answered">
          <QuestionList answered />
        </TabPanel>
      </Tabs>
    </Page>
  );
}

function QuestionList({ answered }: { answered: boolean }) {
  const questions = useQuery({
    queryKey: ['questions', 'list', answered],
    queryFn: () => requestAll(QUESTIONS, { answered }),
  });
  const list = questions.data?.accessQuestions ?? [];
  return (
    <>
      <ErrorBox error={questions.error} />
      {questions.data && list.length === 0 ? (
        <p role="status">
          <FormattedMessage id={answered ? 'questions.noneAnswered' : 'questions.none'} />
        </p>
      ) : null}
      <ol className="questions entry-list">
        {list.map((question) => (
          <li key={question.id}>
            <QuestionView question={question} />
          </li>
        ))}
      </ol>
    </>
  );
}

function QuestionView({ question }: { question: Question }) {
  const intl = useIntl();
  const headingId = `question-${question.id}`;
  return (
    <article className="question-card entry-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage
          id="questions.heading"
          values={{
            id: <span className="national-id">{question.nationalId}</span>,
            at: intl.formatDate(question.askedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          }}
        />
      </h2>
      <blockquote className="citizen-words">{question.reason}</blockquote>
      <AccessView question={question} />
      {question.answer ? (
        <p>
          <strong>
            <FormattedMessage
              id="questions.answered"
              values={{
                at: intl.formatDate(question.answeredAt ?? question.askedAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              }}
            />
          </strong>{' '}
          {question.answer}
        </p>
      ) : (
        <ChangeDialog
          label={<FormattedMessage id="questions.answer" />}
          title={<FormattedMessage id="questions.answerTitle" />}
          reasonLabel={<FormattedMessage id="questions.answerLabel" />}
          reasonHelp={<FormattedMessage id="questions.answerHelp" />}
          run={(answer) => requestAll(ANSWER, { id: question.id, answer })}
        >
          <blockquote className="citizen-words">{question.reason}</blockquote>
        </ChangeDialog>
      )}
    </article>
  );
}

/** The access the question is about, as the citizen's log shows it. */
function AccessView({ question }: { question: Question }) {
  const intl = useIntl();
  const entry = question.entry;
  if (!entry)
    return (
      <p className="muted">
        <FormattedMessage id="questions.entry" values={{ entry: question.entryId }} />
      </p>
    );
  const rows: Array<[string, string]> = [
    [
      'questions.access',
      `${entry.agencyName ?? entry.agencyId} · ${entry.kind} · ${entry.outcome} · ${intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}`,
    ],
    [
      'questions.who',
      [entry.person?.name, entry.clientName].filter(Boolean).join(' · ') ||
        intl.formatMessage({ id: 'questions.noOfficer' }),
    ],
    ['questions.purpose', entry.purposeTitle ?? entry.purpose ?? '—'],
    ['questions.reference', entry.reference ?? '—'],
    ['questions.returned', entry.sectionsReturned.join(', ') || '—'],
    ['questions.denied', entry.sectionsDenied.join(', ') || '—'],
  ];
  return <Facts rows={rows} className="access-about" />;
}
