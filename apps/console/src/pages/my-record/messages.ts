// The citizen's page: who looked at my record, and my questions about it.
import type { Catalog } from '../../i18n/messages';

export const myRecord = {
  'myRecord.nav': { en: 'Who looked at my record', km: 'អ្នកណាបានមើលកំណត់ត្រារបស់ខ្ញុំ' },
  'myRecord.title': { en: 'Who looked at my record', km: 'អ្នកណាបានមើលកំណត់ត្រារបស់ខ្ញុំ' },
  'myRecord.lead': {
    en: 'Every agency that looked at your record or checked what you told it, which officer, when and why. If an access looks wrong to you, question it: a data steward or an auditor answers here.',
    km: 'ស្ថាប័នទាំងអស់ដែលបានមើលកំណត់ត្រារបស់អ្នក ឬបានផ្ទៀងផ្ទាត់អ្វីដែលអ្នកបានប្រាប់ មន្ត្រីណា ពេលណា និងហេតុអ្វី។ បើការចូលមើលណាមួយហាក់ដូចជាមិនត្រឹមត្រូវ សូមសួរអំពីវា៖ អ្នកថែរក្សាទិន្នន័យ ឬសវនករនឹងឆ្លើយនៅទីនេះ។',
  },
  'myRecord.print': { en: 'Print statement', km: 'បោះពុម្ពរបាយការណ៍' },
  'myRecord.statement': {
    en: 'Statement of accesses to the record of national id {id}, printed {date}',
    km: 'របាយការណ៍នៃការចូលមើលកំណត់ត្រា លេខអត្តសញ្ញាណ {id} បោះពុម្ពនៅ {date}',
  },
  'myRecord.filters': { en: 'Filter the list', km: 'ត្រងបញ្ជី' },
  'myRecord.filtersOn': { en: 'filters on', km: 'កំពុងត្រង' },
  'myRecord.filterAgency': { en: 'Agency', km: 'ស្ថាប័ន' },
  'myRecord.filterKind': { en: 'Kind of access', km: 'ប្រភេទនៃការចូលមើល' },
  'myRecord.filterPeriod': { en: 'Period', km: 'រយៈពេល' },
  'myRecord.allAgencies': { en: 'All agencies', km: 'ស្ថាប័នទាំងអស់' },
  'myRecord.allKinds': { en: 'All kinds', km: 'គ្រប់ប្រភេទ' },
  'myRecord.period.all': { en: 'Any time', km: 'គ្រប់ពេល' },
  'myRecord.period.7': { en: 'Last 7 days', km: '៧ ថ្ងៃចុងក្រោយ' },
  'myRecord.period.30': { en: 'Last 30 days', km: '៣០ ថ្ងៃចុងក្រោយ' },
  'myRecord.period.365': { en: 'Last year', km: 'មួយឆ្នាំចុងក្រោយ' },
  'myRecord.count': {
    en: '{shown} of {loaded} accesses shown.',
    km: 'បង្ហាញការចូលមើល {shown} ក្នុងចំណោម {loaded}។',
  },
  'myRecord.older': { en: 'Show older accesses', km: 'បង្ហាញការចូលមើលចាស់ៗ' },
  'myRecord.kind.lookup': { en: 'looked at your record', km: 'បានមើលកំណត់ត្រារបស់អ្នក' },
  'myRecord.kind.verification': {
    en: 'checked what you told it',
    km: 'បានផ្ទៀងផ្ទាត់អ្វីដែលអ្នកបានប្រាប់',
  },
  'myRecord.kind.access-log-read': {
    en: 'read this list',
    km: 'បានអានបញ្ជីនេះ',
  },
  'myRecord.kind.related-party-disclosure': {
    en: 'saw you named in another person’s record',
    km: 'បានឃើញឈ្មោះអ្នកក្នុងកំណត់ត្រារបស់អ្នកផ្សេង',
  },
  'myRecord.kind.lookup-preview': {
    en: 'a data steward previewed an agency’s view',
    km: 'អ្នកថែរក្សាទិន្នន័យបានមើលជាមុននូវអ្វីដែលស្ថាប័នមួយនឹងឃើញ',
  },
  'myRecord.kind.audit-read': {
    en: 'an auditor read the audit log about you',
    km: 'សវនករបានអានកំណត់ហេតុសវនកម្មអំពីអ្នក',
  },
  'myRecord.kind.access-question-read': {
    en: 'read your question',
    km: 'បានអានសំណួររបស់អ្នក',
  },
  'myRecord.outcome.found': { en: 'answered', km: 'បានឆ្លើយ' },
  'myRecord.outcome.not-found': { en: 'nothing found', km: 'រកមិនឃើញ' },
  'myRecord.outcome.refused': {
    en: 'refused: nothing was shown',
    km: 'ត្រូវបានបដិសេធ៖ គ្មានអ្វីត្រូវបានបង្ហាញទេ',
  },
  'myRecord.officer': { en: 'Officer', km: 'មន្ត្រី' },
  'myRecord.noOfficer': {
    en: 'No officer named (a system acting alone)',
    km: 'គ្មានឈ្មោះមន្ត្រី (ប្រព័ន្ធធ្វើការដោយខ្លួនឯង)',
  },
  'myRecord.statedBy.session': {
    en: '(signed in in person)',
    km: '(បានចូលប្រើដោយផ្ទាល់)',
  },
  'myRecord.statedBy.client': {
    en: '(named by the agency’s system)',
    km: '(ដាក់ឈ្មោះដោយប្រព័ន្ធរបស់ស្ថាប័ន)',
  },
  'myRecord.system': { en: 'System', km: 'ប្រព័ន្ធ' },
  'myRecord.purpose': { en: 'Purpose', km: 'គោលបំណង' },
  'myRecord.basis': { en: 'legal basis: {basis}', km: 'មូលដ្ឋានច្បាប់៖ {basis}' },
  'myRecord.reference': { en: 'Case reference', km: 'លេខយោងករណី' },
  'myRecord.returned': { en: 'Shown', km: 'បានបង្ហាញ' },
  'myRecord.denied': { en: 'Refused', km: 'ត្រូវបានបដិសេធ' },
  'myRecord.claimsFailed': { en: 'Claims that were wrong', km: 'ការអះអាងដែលខុស' },
  'myRecord.claimsLocked': {
    en: 'Claims locked after too many wrong ones',
    km: 'ការអះអាងដែលត្រូវចាក់សោ ដោយសារខុសច្រើនដង',
  },
  'myRecord.previewOf': { en: 'Preview of the view of', km: 'ការមើលជាមុនសម្រាប់' },
  'myRecord.disclosedLater': {
    en: 'Shown to you from (disclosed later by law)',
    km: 'បង្ហាញជូនអ្នកចាប់ពី (បង្ហាញពេលក្រោយតាមច្បាប់)',
  },
  'myRecord.asked': { en: 'You asked ({at}):', km: 'អ្នកបានសួរ ({at})៖' },
  'myRecord.answered': { en: 'Answer ({at}):', km: 'ចម្លើយ ({at})៖' },
  'myRecord.awaiting': {
    en: 'Waiting for an answer from a data steward or an auditor.',
    km: 'កំពុងរង់ចាំចម្លើយពីអ្នកថែរក្សាទិន្នន័យ ឬសវនករ។',
  },
  'myRecord.question': { en: 'Question this access', km: 'សួរអំពីការចូលមើលនេះ' },
  'myRecord.questionTitle': { en: 'Question this access', km: 'សួរអំពីការចូលមើលនេះ' },
  'myRecord.questionLead': {
    en: 'Your question about the access by {agency} on {at} goes to the data stewards and auditors. Write it in your own words below.',
    km: 'សំណួររបស់អ្នកអំពីការចូលមើលដោយ {agency} នៅ {at} នឹងផ្ញើទៅអ្នកថែរក្សាទិន្នន័យ និងសវនករ។ សូមសរសេរវាដោយពាក្យរបស់អ្នកខាងក្រោម។',
  },
  'myRecord.yourQuestion': { en: 'Your question', km: 'សំណួររបស់អ្នក' },
  'myRecord.yourQuestionHelp': {
    en: 'Up to 1000 characters, in Khmer or English. Recorded in the audit log.',
    km: 'មិនលើស ១០០០ តួអក្សរ ជាភាសាខ្មែរ ឬអង់គ្លេស។ កត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។',
  },
} satisfies Catalog;
