// Citizens' questions about their access logs, for stewards and auditors.
import type { Catalog } from '../../i18n/messages';

export const questions = {
  'questions.nav': { en: 'Citizens’ questions', km: 'សំណួររបស់ពលរដ្ឋ' },
  'questions.title': { en: 'Citizens’ questions', km: 'សំណួររបស់ពលរដ្ឋ' },
  'questions.lead': {
    en: 'Citizens question accesses to their records here. Answer in plain words: the citizen reads your answer on the access they questioned. Reading this list is logged for each citizen in it.',
    km: 'ពលរដ្ឋសួរអំពីការចូលមើលកំណត់ត្រារបស់ពួកគេនៅទីនេះ។ សូមឆ្លើយដោយពាក្យសាមញ្ញ៖ ពលរដ្ឋអានចម្លើយរបស់អ្នកនៅលើការចូលមើលដែលពួកគេបានសួរ។ ការអានបញ្ជីនេះត្រូវបានកត់ត្រាសម្រាប់ពលរដ្ឋម្នាក់ៗក្នុងបញ្ជី។',
  },
  'questions.none': { en: 'No question is waiting.', km: 'គ្មានសំណួរណាកំពុងរង់ចាំទេ។' },
  'questions.heading': {
    en: 'Citizen {id} asked on {at}',
    km: 'ពលរដ្ឋ {id} បានសួរនៅ {at}',
  },
  'questions.entry': {
    en: 'About entry {entry} of their access log.',
    km: 'អំពីធាតុ {entry} នៃកំណត់ហេតុចូលមើលរបស់ពួកគេ។',
  },
  'questions.answered': { en: 'Answered {at}:', km: 'បានឆ្លើយ {at}៖' },
  'questions.open': { en: 'Waiting for an answer', km: 'កំពុងរង់ចាំចម្លើយ' },
  'questions.answeredTab': { en: 'Answered', km: 'បានឆ្លើយ' },
  'questions.noneAnswered': { en: 'No question answered yet.', km: 'មិនទាន់មានសំណួរដែលបានឆ្លើយទេ។' },
  'questions.access': { en: 'Access', km: 'ការចូលមើល' },
  'questions.who': { en: 'Officer and system', km: 'មន្ត្រី និងប្រព័ន្ធ' },
  'questions.noOfficer': { en: 'no officer named', km: 'គ្មានឈ្មោះមន្ត្រី' },
  'questions.purpose': { en: 'Purpose', km: 'គោលបំណង' },
  'questions.reference': { en: 'Case reference', km: 'លេខយោងករណី' },
  'questions.returned': { en: 'Shown', km: 'បានបង្ហាញ' },
  'questions.denied': { en: 'Refused', km: 'ត្រូវបានបដិសេធ' },
  'questions.answer': { en: 'Answer', km: 'ឆ្លើយ' },
  'questions.answerTitle': { en: 'Answer the citizen', km: 'ឆ្លើយទៅពលរដ្ឋ' },
  'questions.answerLabel': { en: 'Your answer', km: 'ចម្លើយរបស់អ្នក' },
  'questions.answerHelp': {
    en: 'Up to 2000 characters. The citizen reads it; the audit log records it with your name. It cannot be changed once given.',
    km: 'មិនលើស ២០០០ តួអក្សរ។ ពលរដ្ឋអានវា ហើយកំណត់ហេតុសវនកម្មកត់ត្រាវាជាមួយឈ្មោះរបស់អ្នក។ មិនអាចកែប្រែបានទេ បន្ទាប់ពីបានឆ្លើយ។',
  },
} satisfies Catalog;
