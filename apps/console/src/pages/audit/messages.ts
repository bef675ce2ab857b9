// The auditor's and steward's pages: the audit explorer, the chain, citizens'
// access logs, grants and the preview as an agency, purposes, verification locks.
import type { Catalog } from '../../i18n/messages';

export const audit = {
  'audit.nav.explorer': { en: 'Audit log', km: 'កំណត់ហេតុសវនកម្ម' },
  'audit.nav.chain': { en: 'Chain status', km: 'ស្ថានភាពខ្សែសង្វាក់' },
  'audit.nav.accessLogs': { en: 'Citizens’ access logs', km: 'កំណត់ហេតុចូលមើលរបស់ពលរដ្ឋ' },
  'audit.nav.grants': { en: 'Grants', km: 'សិទ្ធិចូលមើល' },
  'audit.nav.purposes': { en: 'Purposes', km: 'គោលបំណង' },
  'audit.nav.locks': { en: 'Verification locks', km: 'ការចាក់សោការផ្ទៀងផ្ទាត់' },

  'audit.kind.lookup': { en: 'Lookup', km: 'ការស្វែងរក' },
  'audit.kind.lookup-preview': {
    en: 'Steward’s preview of an agency’s lookup',
    km: 'ការមើលជាមុនរបស់អ្នកថែរក្សា',
  },
  'audit.kind.verification': { en: 'Verification of claims', km: 'ការផ្ទៀងផ្ទាត់ការអះអាង' },
  'audit.kind.access-log-read': { en: 'Access log read', km: 'ការអានកំណត់ហេតុចូលមើល' },
  'audit.kind.related-party-disclosure': {
    en: 'Disclosed as a related party',
    km: 'បង្ហាញជាភាគីពាក់ព័ន្ធ',
  },
  'audit.kind.grant-change': { en: 'Grant changed', km: 'ការផ្លាស់ប្តូរសិទ្ធិ' },
  'audit.kind.purpose-change': { en: 'Purpose changed', km: 'ការផ្លាស់ប្តូរគោលបំណង' },
  'audit.kind.credential-change': { en: 'Credential changed', km: 'ការផ្លាស់ប្តូរអត្តសញ្ញាណប័ណ្ណចូលប្រើ' },
  'audit.kind.adapter-registration': { en: 'Adapter registered or decided', km: 'ការចុះបញ្ជីអាដាប់ទ័រ' },
  'audit.kind.adapter-refusal': { en: 'Adapter refused', km: 'អាដាប់ទ័រត្រូវបានបដិសេធ' },
  'audit.kind.schema-change': { en: 'Schema changed', km: 'ការផ្លាស់ប្តូរគ្រោងទិន្នន័យ' },
  'audit.kind.verification-lock-lift': {
    en: 'Verification locks lifted',
    km: 'ការដោះការចាក់សោការផ្ទៀងផ្ទាត់',
  },
  'audit.kind.verification-lock-read': {
    en: 'Verification locks read',
    km: 'ការអានការចាក់សោការផ្ទៀងផ្ទាត់',
  },
  'audit.kind.intake-dry-run': { en: 'Records checked (dry run)', km: 'ការពិនិត្យកំណត់ត្រាសាកល្បង' },
  'audit.kind.audit-read': { en: 'Audit log read', km: 'ការអានកំណត់ហេតុសវនកម្ម' },
  'audit.kind.audit-verification': { en: 'Audit log verified', km: 'ការផ្ទៀងផ្ទាត់កំណត់ហេតុសវនកម្ម' },
  'audit.kind.access-question-asked': { en: 'Citizen’s question asked', km: 'ពលរដ្ឋបានសួរសំណួរ' },
  'audit.kind.access-question-read': { en: 'Citizens’ questions read', km: 'ការអានសំណួររបស់ពលរដ្ឋ' },
  'audit.kind.access-question-answered': {
    en: 'Citizen’s question answered',
    km: 'សំណួររបស់ពលរដ្ឋត្រូវបានឆ្លើយ',
  },
  'audit.kind.dead-letter-replay': {
    en: 'Dead letters replayed',
    km: 'សំបុត្រដែលមិនអាចអនុវត្តត្រូវបានអនុវត្តម្តងទៀត',
  },

  'audit.outcome.returned': { en: 'returned', km: 'បានផ្តល់' },
  'audit.outcome.denied': { en: 'partly denied', km: 'បដិសេធមួយផ្នែក' },
  'audit.outcome.refused': { en: 'refused', km: 'បានបដិសេធ' },

  'audit.explorer.title': { en: 'Audit log', km: 'កំណត់ហេតុសវនកម្ម' },
  'audit.explorer.lead': {
    en: 'Every lookup, verification and change, oldest first. Filter by who acted, what, which citizen and when.',
    km: 'រាល់ការស្វែងរក ការផ្ទៀងផ្ទាត់ និងការផ្លាស់ប្តូរ ចាស់បំផុតមុន។ ត្រងតាមអ្នកធ្វើ សកម្មភាព ពលរដ្ឋ និងពេលវេលា។',
  },
  'audit.explorer.filter': { en: 'Filter', km: 'តម្រង' },
  'audit.explorer.agency': { en: 'Agency (e.g. mef)', km: 'ស្ថាប័ន (ឧ. mef)' },
  'audit.explorer.client': { en: 'Client (system)', km: 'ម៉ាស៊ីនភ្ញៀវ (ប្រព័ន្ធ)' },
  'audit.explorer.citizen': { en: 'Citizen (national id)', km: 'ពលរដ្ឋ (លេខអត្តសញ្ញាណ)' },
  'audit.explorer.kind': { en: 'What happened', km: 'អ្វីដែលបានកើតឡើង' },
  'audit.explorer.outcome': { en: 'Outcome', km: 'លទ្ធផល' },
  'audit.explorer.any': { en: 'Any', km: 'ទាំងអស់' },
  'audit.explorer.from': { en: 'From (day)', km: 'ចាប់ពី (ថ្ងៃ)' },
  'audit.explorer.to': { en: 'Up to (day, included)', km: 'រហូតដល់ (ថ្ងៃ រួមបញ្ចូល)' },
  'audit.explorer.pageSize': { en: 'Entries per page', km: 'ចំនួនធាតុក្នុងមួយទំព័រ' },
  'audit.explorer.search': { en: 'Show entries', km: 'បង្ហាញធាតុ' },
  'audit.explorer.clear': { en: 'Clear the filter', km: 'សម្អាតតម្រង' },
  'audit.explorer.csv': {
    en: 'Download these entries (CSV)',
    km: 'ទាញយកធាតុទាំងនេះ (CSV)',
  },
  'audit.explorer.audited': {
    en: 'Your reading and your downloads are audited: each citizen shown sees that an auditor read their entries.',
    km: 'ការអាន និងការទាញយករបស់អ្នកត្រូវបានកត់ត្រា៖ ពលរដ្ឋដែលបានបង្ហាញនឹងឃើញថាសវនករបានអានធាតុរបស់ពួកគេ។',
  },
  'audit.explorer.caption': {
    en: 'Audit entries, page {page} ({count} shown)',
    km: 'ធាតុសវនកម្ម ទំព័រ {page} (បង្ហាញ {count})',
  },
  'audit.explorer.seq': { en: 'No.', km: 'លេខរៀង' },
  'audit.explorer.when': { en: 'When', km: 'ពេលវេលា' },
  'audit.explorer.who': { en: 'Who', km: 'អ្នកណា' },
  'audit.explorer.what': { en: 'What', km: 'អ្វី' },
  'audit.explorer.subject': { en: 'Citizen', km: 'ពលរដ្ឋ' },
  'audit.explorer.purpose': { en: 'Purpose', km: 'គោលបំណង' },
  'audit.explorer.hash': { en: 'Hash and details', km: 'តម្លៃហាស និងព័ត៌មានលម្អិត' },
  'audit.explorer.detailsOf': { en: 'details of entry {seq}', km: 'ព័ត៌មានលម្អិតនៃធាតុ {seq}' },
  'audit.explorer.via': { en: 'through {client} ({agency})', km: 'តាមរយៈ {client} ({agency})' },
  'audit.explorer.system': {
    en: 'system {client} ({agency})',
    km: 'ប្រព័ន្ធ {client} ({agency})',
  },
  'audit.explorer.none': { en: 'No entry matches.', km: 'គ្មានធាតុត្រូវនឹងតម្រងទេ។' },
  'audit.explorer.pages': { en: 'Pages of entries', km: 'ទំព័រនៃធាតុ' },
  'audit.explorer.previous': { en: 'Previous page', km: 'ទំព័រមុន' },
  'audit.explorer.next': { en: 'Next page (newer)', km: 'ទំព័របន្ទាប់ (ថ្មីជាង)' },
  'audit.explorer.pageNumber': { en: 'Page {page}', km: 'ទំព័រ {page}' },

  'audit.chain.title': { en: 'Chain status', km: 'ស្ថានភាពខ្សែសង្វាក់' },
  'audit.chain.lead': {
    en: 'The audit log is a hash chain; signed checkpoints seal its head. Verifying recomputes every hash and checks every signature.',
    km: 'កំណត់ហេតុសវនកម្មជាខ្សែសង្វាក់ហាស ហើយចំណុចត្រួតពិនិត្យដែលបានចុះហត្ថលេខាបិទត្រាក្បាលរបស់វា។ ការផ្ទៀងផ្ទាត់គណនាហាសនីមួយៗឡើងវិញ និងពិនិត្យហត្ថលេខានីមួយៗ។',
  },
  'audit.chain.checkpoint': {
    en: 'Last signed checkpoint',
    km: 'ចំណុចត្រួតពិនិត្យចុងក្រោយដែលបានចុះហត្ថលេខា',
  },
  'audit.chain.signedAt': { en: 'Signed at', km: 'ចុះហត្ថលេខានៅ' },
  'audit.chain.height': { en: 'Height (entry sealed)', km: 'កម្ពស់ (ធាតុដែលបានបិទត្រា)' },
  'audit.chain.hash': { en: 'Hash sealed', km: 'ហាសដែលបានបិទត្រា' },
  'audit.chain.keyId': { en: 'Signing key', km: 'សោចុះហត្ថលេខា' },
  'audit.chain.noCheckpoint': {
    en: 'No checkpoint has been signed yet.',
    km: 'មិនទាន់មានចំណុចត្រួតពិនិត្យណាមួយបានចុះហត្ថលេខានៅឡើយទេ។',
  },
  'audit.chain.key': {
    en: 'Download the public key (PEM)',
    km: 'ទាញយកសោសាធារណៈ (PEM)',
  },
  'audit.chain.verification': { en: 'Verification', km: 'ការផ្ទៀងផ្ទាត់' },
  'audit.chain.verifyLead': {
    en: 'Runs on the gateway now; the result is kept and the run is audited.',
    km: 'ដំណើរការនៅលើច្រកឥឡូវនេះ លទ្ធផលត្រូវបានរក្សាទុក ហើយការដំណើរការត្រូវបានកត់ត្រាក្នុងសវនកម្ម។',
  },
  'audit.chain.verify': { en: 'Verify the audit log now', km: 'ផ្ទៀងផ្ទាត់កំណត់ហេតុសវនកម្មឥឡូវនេះ' },
  'audit.chain.verifying': { en: 'Verifying…', km: 'កំពុងផ្ទៀងផ្ទាត់…' },
  'audit.chain.ok': {
    en: 'The chain is intact: {entries} entries and {checkpoints} checkpoints checked.',
    km: 'ខ្សែសង្វាក់នៅដដែល៖ បានពិនិត្យធាតុ {entries} និងចំណុចត្រួតពិនិត្យ {checkpoints}។',
  },
  'audit.chain.bad': {
    en: 'The chain does not hold.',
    km: 'ខ្សែសង្វាក់មិនត្រឹមត្រូវទេ។',
  },
  'audit.chain.problem': {
    en: 'Problem: {problem}, first at entry {seq}.',
    km: 'បញ្ហា៖ {problem} ដំបូងនៅធាតុ {seq}។',
  },
  'audit.chain.ranNow': { en: 'Verified just now:', km: 'ទើបតែផ្ទៀងផ្ទាត់៖' },
  'audit.chain.ranAt': { en: 'Last verified:', km: 'ផ្ទៀងផ្ទាត់ចុងក្រោយ៖' },
  'audit.chain.neverVerified': {
    en: 'Nobody has verified the log from here yet.',
    km: 'មិនទាន់មាននរណាផ្ទៀងផ្ទាត់កំណត់ហេតុពីទីនេះនៅឡើយទេ។',
  },

  'audit.accessLogs.title': {
    en: 'Citizens’ access logs',
    km: 'កំណត់ហេតុចូលមើលរបស់ពលរដ្ឋ',
  },
  'audit.accessLogs.banner': {
    en: 'The citizen will see this reading: their access log names you, your agency and the time.',
    km: 'ពលរដ្ឋនឹងឃើញការអាននេះ៖ កំណត់ហេតុចូលមើលរបស់ពួកគេបង្ហាញឈ្មោះអ្នក ស្ថាប័នរបស់អ្នក និងពេលវេលា។',
  },
  'audit.accessLogs.seen': {
    en: 'This reading is now in the citizen’s access log.',
    km: 'ការអាននេះឥឡូវមាននៅក្នុងកំណត់ហេតុចូលមើលរបស់ពលរដ្ឋហើយ។',
  },
  'audit.accessLogs.read': { en: 'Read the access log', km: 'អានកំណត់ហេតុចូលមើល' },
  'audit.accessLogs.of': { en: 'Access log of {id}', km: 'កំណត់ហេតុចូលមើលរបស់ {id}' },
  'audit.accessLogs.none': {
    en: 'Nobody has looked at this citizen’s record.',
    km: 'មិនទាន់មាននរណាមើលកំណត់ត្រារបស់ពលរដ្ឋនេះទេ។',
  },
  'audit.accessLogs.caption': {
    en: 'Who looked, newest first ({count} shown)',
    km: 'អ្នកដែលបានមើល ថ្មីបំផុតមុន (បង្ហាញ {count})',
  },
  'audit.accessLogs.whoLooked': { en: 'Who looked', km: 'អ្នកដែលបានមើល' },
  'audit.accessLogs.sections': { en: 'Sections', km: 'ផ្នែក' },
  'audit.accessLogs.returned': { en: 'shown: {sections}', km: 'បានបង្ហាញ៖ {sections}' },
  'audit.accessLogs.denied': { en: 'refused: {sections}', km: 'បានបដិសេធ៖ {sections}' },
  'audit.accessLogs.reference': { en: 'case {reference}', km: 'សំណុំរឿង {reference}' },
  'audit.accessLogs.newer': { en: 'Newer entries', km: 'ធាតុថ្មីជាង' },
  'audit.accessLogs.older': { en: 'Older entries', km: 'ធាតុចាស់ជាង' },

  'audit.grants.title': { en: 'Grants', km: 'សិទ្ធិចូលមើល' },
  'audit.grants.lead': {
    en: 'What each agency may see of a citizen, section by section, for each legal purpose. Grants end on their date; a warning shows 30 days before.',
    km: 'អ្វីដែលស្ថាប័ននីមួយៗអាចមើលពីពលរដ្ឋ តាមផ្នែកនីមួយៗ សម្រាប់គោលបំណងស្របច្បាប់នីមួយៗ។ សិទ្ធិបញ្ចប់នៅថ្ងៃកំណត់ ហើយមានការព្រមាន ៣០ ថ្ងៃមុន។',
  },
  'audit.grants.agency': { en: 'Agency', km: 'ស្ថាប័ន' },
  'audit.grants.caption': {
    en: 'Grants of {agency}: sections by purpose',
    km: 'សិទ្ធិរបស់ {agency}៖ ផ្នែកតាមគោលបំណង',
  },
  'audit.grants.section': { en: 'Section', km: 'ផ្នែក' },
  'audit.grants.fields': { en: 'Fields: {fields}', km: 'វាល៖ {fields}' },
  'audit.grants.allFields': { en: 'All fields', km: 'គ្រប់វាល' },
  'audit.grants.until': { en: 'until {day}', km: 'រហូតដល់ {day}' },
  'audit.grants.endsSoon': {
    en: 'Ends in {days, plural, one {# day} other {# days}}:',
    km: 'បញ្ចប់ក្នុងរយៈពេល {days} ថ្ងៃ៖',
  },
  'audit.grants.ended': { en: 'Ended:', km: 'បានបញ្ចប់៖' },
  'audit.grants.lastUsed': { en: 'Last used {day}', km: 'ប្រើចុងក្រោយ {day}' },
  'audit.grants.neverUsed': { en: 'Never used', km: 'មិនដែលប្រើ' },
  'audit.grants.officer': {
    en: 'The officer must be named',
    km: 'ត្រូវតែបញ្ជាក់ឈ្មោះមន្ត្រី',
  },
  'audit.grants.grant': { en: 'Grant', km: 'ផ្តល់សិទ្ធិ' },
  'audit.grants.revoke': { en: 'Revoke', km: 'ដកសិទ្ធិ' },
  'audit.grants.cellName': {
    en: '{section} for {purpose}',
    km: '{section} សម្រាប់ {purpose}',
  },
  'audit.grants.cellTitle': {
    en: '{agency}: {section} for {purpose}',
    km: '{agency}៖ {section} សម្រាប់ {purpose}',
  },
  'audit.grants.grantLead': {
    en: 'Grant this section to the agency for this purpose.',
    km: 'ផ្តល់សិទ្ធិមើលផ្នែកនេះដល់ស្ថាប័ន សម្រាប់គោលបំណងនេះ។',
  },
  'audit.grants.revokeLead': {
    en: 'Revoke this grant now: the agency’s next lookup no longer sees the section.',
    km: 'ដកសិទ្ធិនេះឥឡូវ៖ ការស្វែងរកបន្ទាប់របស់ស្ថាប័នលែងឃើញផ្នែកនេះទៀតហើយ។',
  },
  'audit.grants.chooseFields': {
    en: 'Only these fields (none chosen: the whole section)',
    km: 'តែវាលទាំងនេះ (មិនជ្រើសរើស៖ ផ្នែកទាំងមូល)',
  },
  'audit.grants.validUntil': { en: 'Valid until', km: 'មានសុពលភាពរហូតដល់' },
  'audit.grants.requireOfficer': {
    en: 'Lookups must name the officer who asks',
    km: 'ការស្វែងរកត្រូវតែបញ្ជាក់ឈ្មោះមន្ត្រីដែលស្នើ',
  },

  'audit.preview.title': { en: 'Preview as an agency', km: 'មើលជាមុនក្នុងនាមស្ថាប័ន' },
  'audit.preview.lead': {
    en: 'What the agency’s desk would see of a citizen for a purpose, exactly as its lookup would answer. The citizen sees this preview in their access log.',
    km: 'អ្វីដែលបញ្ជររបស់ស្ថាប័ននឹងឃើញពីពលរដ្ឋសម្រាប់គោលបំណងមួយ ដូចការស្វែងរករបស់វាឆ្លើយតបយ៉ាងពិតប្រាកដ។ ពលរដ្ឋនឹងឃើញការមើលជាមុននេះក្នុងកំណត់ហេតុចូលមើលរបស់ពួកគេ។',
  },
  'audit.preview.agency': { en: 'Agency to preview', km: 'ស្ថាប័នដែលត្រូវមើលជាមុន' },
  'audit.preview.purpose': { en: 'Purpose', km: 'គោលបំណង' },
  'audit.preview.run': { en: 'Preview', km: 'មើលជាមុន' },
  'audit.preview.unknown': {
    en: 'No ministry has records of this citizen.',
    km: 'គ្មានក្រសួងណាមានកំណត់ត្រារបស់ពលរដ្ឋនេះទេ។',
  },
  'audit.preview.as': {
    en: 'The agency would see the citizen as {id}:',
    km: 'ស្ថាប័ននឹងឃើញពលរដ្ឋជា {id}៖',
  },
  'audit.preview.shown': { en: 'shown', km: 'បានបង្ហាញ' },
  'audit.preview.refused': { en: 'refused', km: 'បានបដិសេធ' },
  'audit.preview.nothing': { en: 'nothing recorded', km: 'គ្មានកំណត់ត្រា' },
  'audit.preview.records': {
    en: '{count, plural, one {# record} other {# records}}',
    km: 'កំណត់ត្រា {count}',
  },

  'audit.purposes.title': { en: 'Purposes', km: 'គោលបំណង' },
  'audit.purposes.lead': {
    en: 'The legal purposes a lookup may state, each with the law that allows it.',
    km: 'គោលបំណងស្របច្បាប់ដែលការស្វែងរកអាចបញ្ជាក់ ដោយនីមួយៗមានច្បាប់ដែលអនុញ្ញាត។',
  },
  'audit.purposes.caption': { en: 'Registered purposes', km: 'គោលបំណងដែលបានចុះបញ្ជី' },
  'audit.purposes.purpose': { en: 'Purpose', km: 'គោលបំណង' },
  'audit.purposes.legalBasis': { en: 'Legal basis', km: 'មូលដ្ឋានច្បាប់' },
  'audit.purposes.disclosure': {
    en: 'Shown to the citizen',
    km: 'បង្ហាញដល់ពលរដ្ឋ',
  },
  'audit.purposes.state': { en: 'State', km: 'ស្ថានភាព' },
  'audit.purposes.actions': { en: 'Actions', km: 'សកម្មភាព' },
  'audit.purposes.atOnce': { en: 'At once', km: 'ភ្លាមៗ' },
  'audit.purposes.delayed': {
    en: 'After {days} days ({basis})',
    km: 'បន្ទាប់ពី {days} ថ្ងៃ ({basis})',
  },
  'audit.purposes.retired': { en: 'Retired {day}', km: 'បានឈប់ប្រើ {day}' },
  'audit.purposes.since': { en: 'In use since {day}', km: 'កំពុងប្រើតាំងពី {day}' },
  'audit.purposes.register': { en: 'Register a purpose', km: 'ចុះបញ្ជីគោលបំណង' },
  'audit.purposes.code': { en: 'Code', km: 'កូដ' },
  'audit.purposes.codeHelp': {
    en: 'Lower-case letters, digits and dashes, e.g. social-assistance',
    km: 'អក្សរតូច លេខ និងសញ្ញាដក ឧ. social-assistance',
  },
  'audit.purposes.titleField': { en: 'Title', km: 'ចំណងជើង' },
  'audit.purposes.retire': { en: 'Retire', km: 'ឈប់ប្រើ' },
  'audit.purposes.retireTitle': {
    en: 'Retire the purpose {code}',
    km: 'ឈប់ប្រើគោលបំណង {code}',
  },
  'audit.purposes.retireWarning': {
    en: 'It can no longer be stated, and every grant for it stops applying.',
    km: 'វាមិនអាចត្រូវបានបញ្ជាក់ទៀតទេ ហើយរាល់សិទ្ធិសម្រាប់វាឈប់អនុវត្ត។',
  },
  'audit.purposes.setDisclosure': { en: 'Disclosure', km: 'ការបង្ហាញ' },
  'audit.purposes.disclosureTitle': {
    en: 'When lookups under {code} reach the citizen',
    km: 'ពេលណាការស្វែងរកក្រោម {code} ទៅដល់ពលរដ្ឋ',
  },
  'audit.purposes.days': { en: 'Days of delay', km: 'ចំនួនថ្ងៃពន្យារ' },
  'audit.purposes.daysHelp': {
    en: 'Leave empty: the citizen sees lookups at once.',
    km: 'ទុកទទេ៖ ពលរដ្ឋឃើញការស្វែងរកភ្លាមៗ។',
  },
  'audit.purposes.disclosureBasis': {
    en: 'The law that allows the delay',
    km: 'ច្បាប់ដែលអនុញ្ញាតការពន្យារ',
  },

  'audit.locks.title': { en: 'Verification locks', km: 'ការចាក់សោការផ្ទៀងផ្ទាត់' },
  'audit.locks.lead': {
    en: 'Claims about a citizen that are refused after too many wrong ones, until the lock ends or a steward lifts it.',
    km: 'ការអះអាងអំពីពលរដ្ឋដែលត្រូវបានបដិសេធ បន្ទាប់ពីខុសច្រើនដងពេក រហូតដល់ការចាក់សោបញ្ចប់ ឬអ្នកថែរក្សាដោះវាចេញ។',
  },
  'audit.locks.seen': {
    en: 'Each citizen listed sees this reading in their access log.',
    km: 'ពលរដ្ឋដែលបានរាយនាមម្នាក់ៗ នឹងឃើញការអាននេះក្នុងកំណត់ហេតុចូលមើលរបស់ពួកគេ។',
  },
  'audit.locks.find': { en: 'Show this citizen’s locks', km: 'បង្ហាញការចាក់សោរបស់ពលរដ្ឋនេះ' },
  'audit.locks.all': { en: 'Show all locks', km: 'បង្ហាញការចាក់សោទាំងអស់' },
  'audit.locks.none': { en: 'No lock is in force.', km: 'គ្មានការចាក់សោកំពុងអនុវត្តទេ។' },
  'audit.locks.caption': { en: 'Locks on {id}', km: 'ការចាក់សោលើ {id}' },
  'audit.locks.claim': { en: 'Claim', km: 'ការអះអាង' },
  'audit.locks.agency': { en: 'Agency refused', km: 'ស្ថាប័នដែលត្រូវបដិសេធ' },
  'audit.locks.allAgencies': { en: 'all agencies', km: 'គ្រប់ស្ថាប័ន' },
  'audit.locks.failures': { en: 'Wrong claims', km: 'ការអះអាងខុស' },
  'audit.locks.until': { en: 'Locked until', km: 'ចាក់សោរហូតដល់' },
  'audit.locks.only': { en: 'Only this citizen', km: 'តែពលរដ្ឋនេះ' },
  'audit.locks.lift': { en: 'Lift the locks', km: 'ដោះការចាក់សោ' },
  'audit.locks.liftTitle': {
    en: 'Lift every lock on {id}',
    km: 'ដោះរាល់ការចាក់សោលើ {id}',
  },
} satisfies Catalog;
