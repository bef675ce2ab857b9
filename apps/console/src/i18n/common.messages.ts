// The console's shell: sign-in, navigation, the change dialog, errors.
import type { Catalog } from './messages';

export const common = {
  'app.name': { en: 'Spean console', km: 'កុងសូល ស្ពាន' },
  'app.skip': { en: 'Skip to content', km: 'រំលងទៅខ្លឹមសារ' },
  'app.language': { en: 'Language', km: 'ភាសា' },
  'app.signOut': { en: 'Sign out', km: 'ចាកចេញ' },
  'app.signedInAs': { en: 'Signed in as {name} ({role})', km: 'បានចូលជា {name} ({role})' },
  'app.loading': { en: 'Loading…', km: 'កំពុងផ្ទុក…' },
  'app.nav': { en: 'Pages', km: 'ទំព័រ' },
  'app.notFound': { en: 'No such page.', km: 'គ្មានទំព័រនេះទេ។' },
  'app.refused': {
    en: 'This page is not for your role ({role}).',
    km: 'ទំព័រនេះមិនមែនសម្រាប់តួនាទីរបស់អ្នក ({role}) ទេ។',
  },
  'app.idle': {
    en: 'You were signed out after {minutes} minutes without activity. The screen was cleared.',
    km: 'អ្នកត្រូវបានចាកចេញ បន្ទាប់ពីគ្មានសកម្មភាព {minutes} នាទី។ អេក្រង់ត្រូវបានសម្អាត។',
  },
  'app.print': { en: 'Print', km: 'បោះពុម្ព' },
  'role.agency': { en: 'desk officer', km: 'មន្ត្រីបម្រើសេវា' },
  'role.steward': { en: 'data steward', km: 'អ្នកថែរក្សាទិន្នន័យ' },
  'role.integrator': { en: 'integrator', km: 'អ្នករួមបញ្ចូលប្រព័ន្ធ' },
  'role.auditor': { en: 'auditor', km: 'សវនករ' },
  'role.citizen': { en: 'citizen', km: 'ពលរដ្ឋ' },
  'signIn.title': { en: 'Sign in to Spean', km: 'ចូលប្រើ ស្ពាន' },
  'signIn.lead': {
    en: 'Spean lets authorised agencies look a citizen up once, and lets every citizen see who looked and why.',
    km: 'ស្ពាន អនុញ្ញាតឱ្យស្ថាប័នដែលមានសិទ្ធិ ស្វែងរកព័ត៌មានពលរដ្ឋតែម្តង ហើយពលរដ្ឋគ្រប់រូបអាចមើលឃើញថាអ្នកណាបានមើល និងហេតុអ្វី។',
  },
  'signIn.officer': { en: 'Sign in as an officer', km: 'ចូលជាមន្ត្រី' },
  'signIn.citizen': { en: 'Sign in as a citizen', km: 'ចូលជាពលរដ្ឋ' },
  'change.reason': { en: 'Reason', km: 'មូលហេតុ' },
  'change.reasonHelp': {
    en: 'Recorded in the audit log with your name.',
    km: 'កត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម ជាមួយឈ្មោះរបស់អ្នក។',
  },
  'change.confirm': { en: 'Confirm', km: 'បញ្ជាក់' },
  'change.cancel': { en: 'Cancel', km: 'បោះបង់' },
  'change.done': { en: 'Done. The audit log recorded:', km: 'រួចរាល់។ កំណត់ហេតុសវនកម្មបានកត់ត្រា៖' },
  'change.close': { en: 'Close', km: 'បិទ' },
  'audit.entry': {
    en: 'Entry {seq}: {kind} at {at}',
    km: 'ធាតុ {seq}៖ {kind} នៅ {at}',
  },
  'error.title': { en: 'That did not work', km: 'មិនបានសម្រេច' },
  'error.where': { en: '{where}: {rule}', km: '{where}៖ {rule}' },
  'form.required': { en: 'Required', km: 'ត្រូវបំពេញ' },
  'nationalId.label': { en: 'National id', km: 'លេខអត្តសញ្ញាណប័ណ្ណសញ្ជាតិ' },
  'nationalId.help': {
    en: '10 digits; Khmer or Latin digits, spaces and dashes are fine.',
    km: 'លេខ ១០ ខ្ទង់ ជាលេខខ្មែរ ឬឡាតាំង អាចមានដកឃ្លា និងសញ្ញាដក។',
  },
  'nationalId.length': { en: 'A national id has 10 digits.', km: 'លេខអត្តសញ្ញាណមាន ១០ ខ្ទង់។' },
  'nationalId.digits-only': { en: 'Only digits, please.', km: 'សូមបញ្ចូលតែលេខ។' },
  'nationalId.leading-digit': {
    en: 'A national id does not start with 0.',
    km: 'លេខអត្តសញ្ញាណមិនចាប់ផ្តើមដោយ ០ ទេ។',
  },
  'nationalId.check-digit': {
    en: 'The check digit does not match: a digit is mistyped.',
    km: 'លេខផ្ទៀងផ្ទាត់មិនត្រូវគ្នា៖ មានលេខវាយខុស។',
  },
  'nationalId.ok': { en: 'Check digit correct.', km: 'លេខផ្ទៀងផ្ទាត់ត្រឹមត្រូវ។' },
  'activity.title': { en: 'My activity', km: 'សកម្មភាពរបស់ខ្ញុំ' },
  'activity.lead': {
    en: 'What the audit log recorded of your own actions in the last day, newest first.',
    km: 'អ្វីដែលកំណត់ហេតុសវនកម្មបានកត់ត្រាពីសកម្មភាពរបស់អ្នកក្នុងមួយថ្ងៃចុងក្រោយ ថ្មីបំផុតមុន។',
  },
  'activity.none': { en: 'Nothing yet.', km: 'មិនទាន់មានទេ។' },
} satisfies Catalog;
