// Citizens' questions about their access log: a citizen questions an entry of
// their own log (a refused attempt at another's is audited), stewards and
// auditors list the open questions (each citizen listed gets an entry, as a
// reading of their data) and answer them; the answer shows on the entry in the
// citizen's log. The texts obey the input rules every record obeys (no
// control or direction characters) and a length.
import { randomUUID } from 'node:crypto';
import { auditActor, requireRole, type Principal } from '#spean/access';
import type { AuditKind, AuditLog, JsonValue } from '#spean/audit';
import { checkInput } from '#spean/schema-registry';
import type { AccessLogRepository } from '../access-log/access-log.repository.js';
import { accessLogEntryModel } from '../access-log/access-log.service.js';
import type { AccessLogEntryModel } from '../access-log/models/access-log.model.js';
import {
  AccessQuestionException,
  AccessQuestionExceptionCode as Code,
} from './access-question.exception.js';
import type { AccessQuestion, AccessQuestionRepository } from './access-question.repository.js';

const MAX_REASON = 1000;
const MAX_ANSWER = 2000;
const MAX_LISTED = 500;
const MAX_ANSWERED_LISTED = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AccessQuestionService {
  constructor(
    private readonly questions: AccessQuestionRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly audit: AuditLog,
  ) {}

  async ask(
    principal: Principal,
    entryInput: string,
    reasonInput: string,
  ): Promise<AccessQuestion> {
    requireRole(principal, ['citizen'], 'questioning an entry of an access log');
    const subjectId = principal.nationalId!;
    if (!/^\d{1,15}$/.test(entryInput))
      invalid('entry', 'pattern', 'entry must be the entryId of an entry of your access log');
    const entrySeq = Number(entryInput);
    const reason = checkText(reasonInput, 'reason', MAX_REASON);
    const record = (details: { [key: string]: JsonValue }) =>
      this.append('access-question-asked', principal, subjectId, { entrySeq, ...details });
    if (!(await this.accessLog.shows(subjectId, entrySeq, new Date()))) {
      await record({ outcome: 'refused', reason: 'not-own-entry' });
      throw new AccessQuestionException(
        Code.NOT_OWN_ENTRY,
        'a citizen may question entries of their own access log only',
      );
    }
    const id = randomUUID();
    const question = await this.questions.insert({
      id,
      entrySeq,
      subjectId,
      askedBy: principal.clientId,
      reason,
    });
    if (!question)
      throw new AccessQuestionException(Code.ALREADY_ASKED, 'this entry was questioned already', {
        field: 'entry',
      });
    await record({ outcome: 'asked', questionId: id });
    return question;
  }

  /**
   * Open questions, oldest first, or the answered ones, newest answer first
   * (stewards and auditors); each citizen listed gets an entry first.
   */
  async list(principal: Principal, answered = false): Promise<AccessQuestion[]> {
    requireRole(principal, ['steward', 'auditor'], 'the list of citizens’ questions');
    const open = answered
      ? await this.questions.answered(MAX_ANSWERED_LISTED)
      : await this.questions.open(MAX_LISTED);
    const bySubject = new Map<string, string[]>();
    for (const question of open)
      bySubject.set(question.subjectId, [
        ...(bySubject.get(question.subjectId) ?? []),
        question.id,
      ]);
    await Promise.all(
      [...bySubject].map(([subjectId, questionIds]) =>
        this.append('access-question-read', principal, subjectId, { questionIds }),
      ),
    );
    return open;
  }

  /**
   * The entry a question is about, as the citizen's log shows it: to the
   * citizen who asked (their own, once disclosed), and to the stewards and
   * auditors who answer (whose reading of the list is audited). Null to anyone
   * else, and for an entry the log no longer shows.
   */
  async entryOf(
    principal: Principal,
    question: { subjectId: string; entrySeq: number },
  ): Promise<AccessLogEntryModel | null> {
    const own = principal.role === 'citizen' && principal.nationalId === question.subjectId;
    if (!own && principal.role !== 'steward' && principal.role !== 'auditor') return null;
    const [entry] = await this.accessLog.page(
      question.subjectId,
      question.entrySeq + 1,
      1,
      own ? new Date() : null,
    );
    return entry?.seq === question.entrySeq ? accessLogEntryModel(entry) : null;
  }

  async answer(
    principal: Principal,
    idInput: string,
    answerInput: string,
  ): Promise<AccessQuestion> {
    requireRole(principal, ['steward', 'auditor'], 'answering a citizen’s question');
    if (!UUID.test(idInput)) invalid('id', 'format', 'id must be the id of a question (a UUID)');
    const answer = checkText(answerInput, 'answer', MAX_ANSWER);
    const answered = await this.questions.answer(idInput, answer, principal.clientId);
    if (!answered) {
      const existing = await this.questions.find(idInput);
      throw existing
        ? new AccessQuestionException(Code.ALREADY_ANSWERED, 'this question was answered already', {
            field: 'id',
          })
        : new AccessQuestionException(Code.NOT_FOUND, 'there is no question with this id', {
            field: 'id',
          });
    }
    await this.append('access-question-answered', principal, answered.subjectId, {
      questionId: answered.id,
      entrySeq: answered.entrySeq,
    });
    return answered;
  }

  private async append(
    kind: AuditKind,
    principal: Principal,
    subjectId: string,
    details: { [key: string]: JsonValue },
  ): Promise<void> {
    await this.audit.append({
      kind,
      ...auditActor(principal),
      subjectId,
      details,
    });
  }
}

/** Free text as stored (NFC, trimmed), under the input rules and a length. */
function checkText(input: string, field: string, max: number): string {
  const text = input.normalize('NFC').trim();
  if (text.length === 0) invalid(field, 'minLength', `${field} must not be empty`);
  if (text.length > max) invalid(field, 'maxLength', `${field} must be at most ${max} characters`);
  const [issue] = checkInput({ [field]: text }).issues;
  if (issue) invalid(field, issue.rule, issue.message);
  return text;
}

function invalid(field: string, rule: string, message: string): never {
  throw new AccessQuestionException(Code.INVALID_INPUT, message, { field, rule });
}
