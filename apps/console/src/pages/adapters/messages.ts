// The steward's inbox, adapters, clients, orphans and health, and the
// integrator's own adapters: English and Khmer.
import type { Catalog } from '../../i18n/messages';

export const adaptersMessages = {
  'adapters.nav.inbox': { en: 'Inbox', km: 'ប្រអប់សំណើ' },
  'adapters.nav.adapters': { en: 'Adapters', km: 'អាដាប់ទ័រ' },
  'adapters.nav.mine': { en: 'My adapters', km: 'អាដាប់ទ័ររបស់ខ្ញុំ' },
  'adapters.nav.clients': { en: 'Clients', km: 'ប្រព័ន្ធអតិថិជន' },
  'adapters.nav.orphans': { en: 'Orphan records', km: 'កំណត់ត្រាគ្មានម្ចាស់' },
  'adapters.nav.health': { en: 'Health', km: 'ស្ថានភាពប្រព័ន្ធ' },

  'adapters.anyVersion': { en: '(any version)', km: '(គ្រប់កំណែ)' },
  'adapters.version': { en: 'version {version}', km: 'កំណែ {version}' },
  'adapters.none': { en: 'none', km: 'គ្មាន' },
  'adapters.waiting': { en: 'waiting', km: 'កំពុងរង់ចាំ' },
  'adapters.state': { en: 'State', km: 'ស្ថានភាព' },
  'adapters.state.pending': { en: 'pending', km: 'កំពុងរង់ចាំ' },
  'adapters.state.approved': { en: 'approved', km: 'បានអនុម័ត' },
  'adapters.state.rejected': { en: 'rejected', km: 'បានបដិសេធ' },
  'adapters.state.suspended': { en: 'suspended', km: 'បានផ្អាក' },
  'adapters.state.proposed': { en: 'proposed', km: 'បានស្នើ' },
  'adapters.state.revoked': { en: 'revoked', km: 'បានដកហូត' },
  'adapters.state.active': { en: 'active', km: 'កំពុងប្រើ' },
  'adapters.agency': { en: 'Agency', km: 'ស្ថាប័ន' },
  'adapters.publishes': { en: 'Publishes', km: 'ផ្សាយ' },
  'adapters.consumes': { en: 'Consumes', km: 'ទទួលយក' },
  'adapters.asked': { en: 'Asked for', km: 'បានស្នើសុំ' },
  'adapters.approvedNow': { en: 'Approved now', km: 'បានអនុម័តបច្ចុប្បន្ន' },
  'adapters.by': { en: 'by {who}', km: 'ដោយ {who}' },
  'adapters.registered': { en: 'registered by {who}', km: 'ចុះឈ្មោះដោយ {who}' },
  'adapters.decision': {
    en: 'decided by {who}: “{reason}”',
    km: 'សម្រេចដោយ {who}៖ «{reason}»',
  },
  'adapters.lastDecision': { en: 'Last decision', km: 'ការសម្រេចចុងក្រោយ' },
  'adapters.lag': { en: 'Lag', km: 'ការយឺតយ៉ាវ' },
  'adapters.lag.value': {
    en: '{messages} messages behind, oldest waiting {seconds} s',
    km: 'នៅក្រោយ {messages} សារ សារចាស់បំផុតរង់ចាំ {seconds} វិនាទី',
  },
  'adapters.lag.unknown': { en: 'the bus cannot tell now', km: 'ប្រព័ន្ធសារមិនអាចប្រាប់បានឥឡូវនេះ' },
  'adapters.deadLetters': { en: 'Dead letters', km: 'សារដែលមិនអាចអនុវត្តបាន' },
  'adapters.deadLettersValue': {
    en: '{open} open; {refused} of its records refused',
    km: 'បើកចំហ {open}; កំណត់ត្រារបស់វាត្រូវបានបដិសេធ {refused}',
  },
  'adapters.keys': { en: 'Signing keys', km: 'កូនសោចុះហត្ថលេខា' },
  'adapters.keyUntil': { en: 'verifies until', km: 'ផ្ទៀងផ្ទាត់រហូតដល់' },
  'adapters.overlapHours': {
    en: 'Hours the older keys keep verifying',
    km: 'ចំនួនម៉ោងដែលកូនសោចាស់នៅតែផ្ទៀងផ្ទាត់',
  },
  'adapters.approve': { en: 'Approve', km: 'អនុម័ត' },
  'adapters.reject': { en: 'Reject', km: 'បដិសេធ' },
  'adapters.suspend': { en: 'Suspend', km: 'ផ្អាក' },
  'adapters.revokeKey': { en: 'Revoke key', km: 'ដកហូតកូនសោ' },
  'adapters.approveTitle': { en: 'Approve adapter {name}', km: 'អនុម័តអាដាប់ទ័រ {name}' },
  'adapters.rejectTitle': { en: 'Reject adapter {name}', km: 'បដិសេធអាដាប់ទ័រ {name}' },
  'adapters.rejectNew': {
    en: 'The adapter will not be registered.',
    km: 'អាដាប់ទ័រនេះនឹងមិនត្រូវបានចុះឈ្មោះទេ។',
  },
  'adapters.rejectChange': {
    en: 'Only the change it asks for is rejected; what is approved now stays in force.',
    km: 'មានតែការផ្លាស់ប្តូរដែលវាស្នើសុំប៉ុណ្ណោះត្រូវបានបដិសេធ អ្វីដែលបានអនុម័តនៅតែមានសុពលភាព។',
  },
  'adapters.suspendTitle': { en: 'Suspend adapter {name}', km: 'ផ្អាកអាដាប់ទ័រ {name}' },
  'adapters.suspendWarning': {
    en: 'It stops publishing and consuming within seconds, until a steward approves it again.',
    km: 'វានឹងឈប់ផ្សាយ និងទទួលយកក្នុងរយៈពេលប៉ុន្មានវិនាទី រហូតដល់អ្នកថែរក្សាទិន្នន័យអនុម័តវាម្តងទៀត។',
  },
  'adapters.approveKeyTitle': {
    en: 'Approve a signing key of {adapter}',
    km: 'អនុម័តកូនសោចុះហត្ថលេខារបស់ {adapter}',
  },
  'adapters.revokeKeyTitle': {
    en: 'Revoke a signing key of {adapter}',
    km: 'ដកហូតកូនសោចុះហត្ថលេខារបស់ {adapter}',
  },
  'adapters.refuseKeyTitle': {
    en: 'Refuse the proposed signing key of {adapter}',
    km: 'បដិសេធកូនសោចុះហត្ថលេខាដែលបានស្នើរបស់ {adapter}',
  },
  'adapters.refuseKeyHelp': {
    en: 'The key is revoked and will never verify; the keys approved now stay in force.',
    km: 'កូនសោនេះត្រូវបានដកហូត ហើយនឹងមិនផ្ទៀងផ្ទាត់ឡើយ កូនសោដែលបានអនុម័តបច្ចុប្បន្ននៅតែមានសុពលភាព។',
  },
  'adapters.revokeKeyWarning': {
    en: 'Every record signed with it is refused from now on, for good.',
    km: 'រាល់កំណត់ត្រាដែលចុះហត្ថលេខាដោយវានឹងត្រូវបដិសេធចាប់ពីពេលនេះតទៅ ជារៀងរហូត។',
  },
  'adapters.approveSchemaTitle': {
    en: 'Approve {recordType} version {version}',
    km: 'អនុម័ត {recordType} កំណែ {version}',
  },
  'adapters.rejectSchemaTitle': {
    en: 'Reject {recordType} version {version}',
    km: 'បដិសេធ {recordType} កំណែ {version}',
  },

  'adapters.inbox.title': { en: 'Inbox', km: 'ប្រអប់សំណើ' },
  'adapters.inbox.lead': {
    en: 'Everything waiting for your decision, each beside what is approved now.',
    km: 'អ្វីៗទាំងអស់ដែលកំពុងរង់ចាំការសម្រេចរបស់អ្នក នីមួយៗនៅក្បែរអ្វីដែលបានអនុម័តបច្ចុប្បន្ន។',
  },
  'adapters.inbox.empty': {
    en: 'Nothing is waiting for a decision.',
    km: 'គ្មានអ្វីកំពុងរង់ចាំការសម្រេចទេ។',
  },
  'adapters.inbox.adapters': {
    en: 'Adapters and changes ({count})',
    km: 'អាដាប់ទ័រ និងការផ្លាស់ប្តូរ ({count})',
  },
  'adapters.inbox.keys': { en: 'Signing keys ({count})', km: 'កូនសោចុះហត្ថលេខា ({count})' },
  'adapters.inbox.schemas': {
    en: 'Schema versions proposed ({count})',
    km: 'កំណែគ្រោងការណ៍ដែលបានស្នើ ({count})',
  },
  'adapters.inbox.newAdapter': {
    en: 'New adapter of {agency}, registered by {by}',
    km: 'អាដាប់ទ័រថ្មីរបស់ {agency} ចុះឈ្មោះដោយ {by}',
  },
  'adapters.inbox.changedAdapter': {
    en: 'Change asked for by {by} ({agency})',
    km: 'ការផ្លាស់ប្តូរដែលស្នើដោយ {by} ({agency})',
  },
  'adapters.inbox.compare': {
    en: 'What {name} asks for, beside what is approved now',
    km: 'អ្វីដែល {name} ស្នើសុំ ក្បែរអ្វីដែលបានអនុម័តបច្ចុប្បន្ន',
  },
  'adapters.inbox.keyOf': {
    en: 'New signing key of {adapter}',
    km: 'កូនសោចុះហត្ថលេខាថ្មីរបស់ {adapter}',
  },
  'adapters.inbox.proposedKey': { en: 'Proposed key', km: 'កូនសោដែលបានស្នើ' },
  'adapters.inbox.proposed': { en: 'Proposed', km: 'បានស្នើ' },
  'adapters.inbox.mode': {
    en: '(compatibility: {mode})',
    km: '(ភាពត្រូវគ្នា៖ {mode})',
  },
  'adapters.inbox.compareSchemas': {
    en: 'Compare the versions of {type} on the schemas page',
    km: 'ប្រៀបធៀបកំណែនៃ {type} នៅទំព័រគ្រោងការណ៍',
  },

  'adapters.list.title': { en: 'Adapters', km: 'អាដាប់ទ័រ' },
  'adapters.list.lead': {
    en: 'Every registered adapter: its state, record types, lag, dead letters and signing keys.',
    km: 'អាដាប់ទ័រដែលបានចុះឈ្មោះទាំងអស់៖ ស្ថានភាព ប្រភេទកំណត់ត្រា ការយឺតយ៉ាវ សារដែលមិនអាចអនុវត្តបាន និងកូនសោចុះហត្ថលេខា។',
  },
  'adapters.list.empty': { en: 'No adapter is registered.', km: 'មិនទាន់មានអាដាប់ទ័រចុះឈ្មោះទេ។' },

  'adapters.mine.title': { en: 'My adapters', km: 'អាដាប់ទ័ររបស់ខ្ញុំ' },
  'adapters.mine.lead': {
    en: 'The adapters of your ministry ({agency}): their state, the decisions on them, lag and dead letters.',
    km: 'អាដាប់ទ័ររបស់ក្រសួងអ្នក ({agency})៖ ស្ថានភាព ការសម្រេចលើពួកវា ការយឺតយ៉ាវ និងសារដែលមិនអាចអនុវត្តបាន។',
  },
  'adapters.mine.empty': {
    en: 'Your ministry has no adapter yet: register one.',
    km: 'ក្រសួងរបស់អ្នកមិនទាន់មានអាដាប់ទ័រទេ៖ សូមចុះឈ្មោះមួយ។',
  },
  'adapters.mine.noDecision': { en: 'not decided yet', km: 'មិនទាន់សម្រេច' },
  'adapters.mine.compare': {
    en: 'What {name} asks for, beside what is approved now',
    km: 'អ្វីដែល {name} ស្នើសុំ ក្បែរអ្វីដែលបានអនុម័តបច្ចុប្បន្ន',
  },
  'adapters.mine.register': { en: 'Register an adapter', km: 'ចុះឈ្មោះអាដាប់ទ័រ' },
  'adapters.mine.registerTitle': { en: 'Register an adapter', km: 'ចុះឈ្មោះអាដាប់ទ័រ' },
  'adapters.mine.change': { en: 'Ask for a change', km: 'ស្នើសុំការផ្លាស់ប្តូរ' },
  'adapters.mine.changeTitle': {
    en: 'Ask to change adapter {name}',
    km: 'ស្នើសុំផ្លាស់ប្តូរអាដាប់ទ័រ {name}',
  },
  'adapters.mine.changeHelp': {
    en: 'Record types you add wait for a steward’s approval; what is approved now stays in force meanwhile.',
    km: 'ប្រភេទកំណត់ត្រាដែលអ្នកបន្ថែមនឹងរង់ចាំការអនុម័តពីអ្នកថែរក្សាទិន្នន័យ ចំណែកអ្វីដែលបានអនុម័តរួចនៅតែមានសុពលភាព។',
  },
  'adapters.mine.name': { en: 'Name', km: 'ឈ្មោះ' },
  'adapters.mine.nameHelp': {
    en: '2 to 63 lower-case letters, digits and dashes, e.g. vehicle-inspection',
    km: 'អក្សរតូចឡាតាំង លេខ និងសញ្ញាដក ពី ២ ដល់ ៦៣ តួ ឧ. vehicle-inspection',
  },
  'adapters.mine.adapterTitle': {
    en: 'The ministry system it serves',
    km: 'ប្រព័ន្ធក្រសួងដែលវាបម្រើ',
  },

  'adapters.clients.title': { en: 'Clients', km: 'ប្រព័ន្ធអតិថិជន' },
  'adapters.clients.lead': {
    en: 'Every system that may exchange its id and secret for tokens. Secrets are never shown again after they are issued.',
    km: 'រាល់ប្រព័ន្ធដែលអាចប្តូរលេខសម្គាល់ និងពាក្យសម្ងាត់របស់វាយកថូខឹន។ ពាក្យសម្ងាត់មិនត្រូវបានបង្ហាញម្តងទៀតទេ បន្ទាប់ពីចេញរួច។',
  },
  'adapters.clients.leadOwn': {
    en: 'Your agency’s clients. You may create clients for your approved adapters; a secret is shown only once.',
    km: 'ប្រព័ន្ធអតិថិជនរបស់ស្ថាប័នអ្នក។ អ្នកអាចបង្កើតប្រព័ន្ធអតិថិជនសម្រាប់អាដាប់ទ័រដែលបានអនុម័ត ពាក្យសម្ងាត់បង្ហាញតែម្តងប៉ុណ្ណោះ។',
  },
  'adapters.clients.caption': { en: 'Clients ({count})', km: 'ប្រព័ន្ធអតិថិជន ({count})' },
  'adapters.clients.name': { en: 'Client system', km: 'ប្រព័ន្ធអតិថិជន' },
  'adapters.clients.role': { en: 'Role', km: 'តួនាទី' },
  'adapters.clients.secret': { en: 'Secret', km: 'ពាក្យសម្ងាត់' },
  'adapters.clients.actions': { en: 'Actions', km: 'សកម្មភាព' },
  'adapters.clients.clientId': { en: 'Client id', km: 'លេខសម្គាល់ប្រព័ន្ធ' },
  'adapters.clients.adapter': { en: 'Adapter', km: 'អាដាប់ទ័រ' },
  'adapters.clients.agencyId': { en: 'Agency id', km: 'លេខសម្គាល់ស្ថាប័ន' },
  'adapters.clients.agencyName': {
    en: 'Agency name (for a new agency)',
    km: 'ឈ្មោះស្ថាប័ន (សម្រាប់ស្ថាប័នថ្មី)',
  },
  'adapters.clients.created': { en: 'issued', km: 'បានចេញ' },
  'adapters.clients.rotated': { en: 'rotated', km: 'បានប្តូរ' },
  'adapters.clients.overlapUntil': {
    en: 'the previous secret works until',
    km: 'ពាក្យសម្ងាត់មុននៅតែប្រើបានរហូតដល់',
  },
  'adapters.clients.noOverlap': {
    en: 'the previous secret no longer works',
    km: 'ពាក្យសម្ងាត់មុនលែងប្រើបានហើយ',
  },
  'adapters.clients.previousSecret': { en: 'Previous secret', km: 'ពាក្យសម្ងាត់មុន' },
  'adapters.clients.revoked': {
    en: 'revoked by {who}: “{reason}”',
    km: 'ដកហូតដោយ {who}៖ «{reason}»',
  },
  'adapters.clients.create': { en: 'Create a client', km: 'បង្កើតប្រព័ន្ធអតិថិជន' },
  'adapters.clients.createTitle': { en: 'Create a client', km: 'បង្កើតប្រព័ន្ធអតិថិជន' },
  'adapters.clients.rotate': { en: 'Rotate secret', km: 'ប្តូរពាក្យសម្ងាត់' },
  'adapters.clients.rotateTitle': {
    en: 'Issue a new secret for {name}',
    km: 'ចេញពាក្យសម្ងាត់ថ្មីសម្រាប់ {name}',
  },
  'adapters.clients.overlapHours': {
    en: 'Hours the previous secret keeps working (0 to 168; empty: the default)',
    km: 'ចំនួនម៉ោងដែលពាក្យសម្ងាត់មុននៅតែប្រើបាន (០ ដល់ ១៦៨; ទទេ៖ លំនាំដើម)',
  },
  'adapters.clients.revoke': { en: 'Revoke', km: 'ដកហូត' },
  'adapters.clients.revokeTitle': { en: 'Revoke {name}', km: 'ដកហូត {name}' },
  'adapters.clients.revokeWarning': {
    en: 'At once and for good: no new tokens, and its tokens are refused within seconds.',
    km: 'ភ្លាមៗ និងជារៀងរហូត៖ គ្មានថូខឹនថ្មី ហើយថូខឹនរបស់វានឹងត្រូវបដិសេធក្នុងរយៈពេលប៉ុន្មានវិនាទី។',
  },
  'adapters.clients.secretWarning': {
    en: 'Copy this secret now: it will not be shown again. Hand it to the client system over a secure channel.',
    km: 'សូមចម្លងពាក្យសម្ងាត់នេះឥឡូវនេះ៖ វានឹងមិនត្រូវបានបង្ហាញម្តងទៀតទេ។ ប្រគល់វាទៅប្រព័ន្ធអតិថិជនតាមបណ្តាញសុវត្ថិភាព។',
  },
  'adapters.clients.copy': { en: 'Copy the secret', km: 'ចម្លងពាក្យសម្ងាត់' },
  'adapters.clients.copied': { en: 'Copied.', km: 'បានចម្លង។' },

  'adapters.orphans.title': { en: 'Orphan records', km: 'កំណត់ត្រាគ្មានម្ចាស់' },
  'adapters.orphans.lead': {
    en: 'Records whose citizen the Ministry of Interior does not know yet. They attach to the person as soon as interior publishes them; follow them up with their source ministry by record id.',
    km: 'កំណត់ត្រាដែលក្រសួងមហាផ្ទៃមិនទាន់ស្គាល់ពលរដ្ឋរបស់វា។ វានឹងភ្ជាប់ទៅបុគ្គលនោះភ្លាមៗនៅពេលក្រសួងមហាផ្ទៃផ្សាយ។ សូមតាមដានជាមួយក្រសួងប្រភពតាមលេខកំណត់ត្រា។',
  },
  'adapters.orphans.recordType': { en: 'Record type', km: 'ប្រភេទកំណត់ត្រា' },
  'adapters.orphans.allTypes': { en: 'All record types', km: 'គ្រប់ប្រភេទកំណត់ត្រា' },
  'adapters.orphans.caption': {
    en: 'Orphan records {from}–{to}',
    km: 'កំណត់ត្រាគ្មានម្ចាស់ {from}–{to}',
  },
  'adapters.orphans.record': { en: 'Record id', km: 'លេខកំណត់ត្រា' },
  'adapters.orphans.source': { en: 'Source adapter', km: 'អាដាប់ទ័រប្រភព' },
  'adapters.orphans.appliedAt': { en: 'Received', km: 'បានទទួល' },
  'adapters.orphans.none': { en: 'No orphan records.', km: 'គ្មានកំណត់ត្រាគ្មានម្ចាស់ទេ។' },
  'adapters.orphans.previous': { en: 'Previous page', km: 'ទំព័រមុន' },
  'adapters.orphans.next': { en: 'Next page', km: 'ទំព័របន្ទាប់' },

  'adapters.health.title': { en: 'Health', km: 'ស្ថានភាពប្រព័ន្ធ' },
  'adapters.health.lead': {
    en: 'Every part of the exchange as the gateway observes it: its own readiness, the database, the bus, the read model and each adapter.',
    km: 'គ្រប់ផ្នែកនៃប្រព័ន្ធផ្លាស់ប្តូរទិន្នន័យ តាមអ្វីដែលច្រកទ្វារសង្កេតឃើញ៖ ភាពរួចរាល់របស់ខ្លួន មូលដ្ឋានទិន្នន័យ ប្រព័ន្ធសារ គំរូអាន និងអាដាប់ទ័រនីមួយៗ។',
  },
  'adapters.health.refresh': { en: 'Check again', km: 'ពិនិត្យម្តងទៀត' },
  'adapters.health.allOk': { en: 'Everything is healthy.', km: 'អ្វីៗទាំងអស់ដំណើរការល្អ។' },
  'adapters.health.notOk': {
    en: 'Something needs attention.',
    km: 'មានអ្វីមួយត្រូវការការយកចិត្តទុកដាក់។',
  },
  'adapters.health.checkedAt': { en: 'checked', km: 'បានពិនិត្យ' },
  'adapters.health.caption': {
    en: 'Each component and what is wrong with it',
    km: 'សមាសភាគនីមួយៗ និងបញ្ហារបស់វា',
  },
  'adapters.health.component': { en: 'Component', km: 'សមាសភាគ' },
  'adapters.health.status': { en: 'Status', km: 'ស្ថានភាព' },
  'adapters.health.problems': { en: 'Problems', km: 'បញ្ហា' },
  'adapters.health.ok': { en: 'healthy', km: 'ល្អ' },
  'adapters.health.bad': { en: 'needs attention', km: 'ត្រូវការការយកចិត្តទុកដាក់' },
  'adapters.health.kind.gateway': { en: 'gateway', km: 'ច្រកទ្វារ' },
  'adapters.health.kind.database': { en: 'database', km: 'មូលដ្ឋានទិន្នន័យ' },
  'adapters.health.kind.bus': { en: 'bus', km: 'ប្រព័ន្ធសារ' },
  'adapters.health.kind.read-model': { en: 'read model', km: 'គំរូអាន' },
  'adapters.health.kind.adapter': { en: 'adapter', km: 'អាដាប់ទ័រ' },
} satisfies Catalog;
