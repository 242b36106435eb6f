<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ConsultDesk</source>
        <translation>About ConsultDesk</translation>
    </message>
    <message>
        <source>ConsultDesk {version}
Medication consultations for visiting pharmacists.
Residents' data stays encrypted on this computer.

ConsultDesk is free software: you may use, study, change and share it under the GNU General Public License, version 3 or later. The rules, forms and catalogs it ships are data a programme may change (CC BY 4.0 unless a source says otherwise).</source>
        <translation>ConsultDesk {version}
Medication consultations for visiting pharmacists.
Residents' data stays encrypted on this computer.

ConsultDesk is free software: you may use, study, change and share it under the GNU General Public License, version 3 or later. The rules, forms and catalogs it ships are data a programme may change (CC BY 4.0 unless a source says otherwise).</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Third-party notices</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>{name} is missing from this installation.</source>
        <translation>{name} is missing from this installation.</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>view</source>
        <translation>view</translation>
    </message>
    <message>
        <source>create</source>
        <translation>create</translation>
    </message>
    <message>
        <source>change</source>
        <translation>change</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>print</source>
        <translation>print</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>download</source>
        <translation>download</translation>
    </message>
    <message>
        <source>failed unlock</source>
        <translation>failed unlock</translation>
    </message>
    <message>
        <source>amend</source>
        <translation>amend</translation>
    </message>
    <message>
        <source>back up</source>
        <translation>back up</translation>
    </message>
    <message>
        <source>record consent</source>
        <translation>record consent</translation>
    </message>
    <message>
        <source>withdraw consent</source>
        <translation>withdraw consent</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>finish</source>
        <translation>finish</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>decide on a risk flag</source>
        <translation>decide on a risk flag</translation>
    </message>
    <message>
        <source>mark referral sent</source>
        <translation>mark referral sent</translation>
    </message>
    <message>
        <source>record reply</source>
        <translation>record reply</translation>
    </message>
    <message>
        <source>close referral</source>
        <translation>close referral</translation>
    </message>
    <message>
        <source>take a computer out of the team</source>
        <translation>take a computer out of the team</translation>
    </message>
    <message>
        <source>decide a sync conflict</source>
        <translation>decide a sync conflict</translation>
    </message>
    <message>
        <source>change passphrase</source>
        <translation>change passphrase</translation>
    </message>
    <message>
        <source>mark month checked</source>
        <translation>mark month checked</translation>
    </message>
    <message>
        <source>Residents list</source>
        <translation>Residents list</translation>
    </message>
    <message>
        <source>Resident overview</source>
        <translation>Resident overview</translation>
    </message>
    <message>
        <source>Consultations of a resident</source>
        <translation>Consultations of a resident</translation>
    </message>
    <message>
        <source>Consents of a resident</source>
        <translation>Consents of a resident</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Shared measures</source>
        <translation>Shared measures</translation>
    </message>
    <message>
        <source>Pharmacist profile</source>
        <translation>Pharmacist profile</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Referral sheet</source>
        <translation>Referral sheet</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Medication list</translation>
    </message>
    <message>
        <source>Consultation summary</source>
        <translation>Consultation summary</translation>
    </message>
    <message>
        <source>Imported product list</source>
        <translation>Imported product list</translation>
    </message>
    <message>
        <source>Imported DUR file</source>
        <translation>Imported DUR file</translation>
    </message>
    <message>
        <source>Team computer</source>
        <translation>Team computer</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>The access log</source>
        <translation>The access log</translation>
    </message>
    <message>
        <source>Save the access log</source>
        <translation>Save the access log</translation>
    </message>
    <message>
        <source>Access &amp;log…</source>
        <translation>Access &amp;log…</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Mark this month as checked</source>
        <translation>Mark this month as checked</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Save as CSV…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>The log is intact.</source>
        <translation>The log is intact.</translation>
    </message>
    <message>
        <source>The log was changed after it was written: run 'consultdesk verify'.</source>
        <translation>The log was changed after it was written: run 'consultdesk verify'.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{count} rows. {chain} Months checked: {months}.</source>
        <translation>{count} rows. {chain} Months checked: {months}.</translation>
    </message>
    <message>
        <source>Saved {count} rows to {file}.</source>
        <translation>Saved {count} rows to {file}.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend a finished consultation</source>
        <translation>Amend a finished consultation</translation>
    </message>
    <message>
        <source>e.g. the dose of one medicine was written wrong</source>
        <translation>e.g. the dose of one medicine was written wrong</translation>
    </message>
    <message>
        <source>The consultation as it is now is kept as an earlier version. Why is it being corrected?</source>
        <translation>The consultation as it is now is kept as an earlier version. Why is it being corrected?</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Making today's backup…</source>
        <translation>Making today's backup…</translation>
    </message>
    <message>
        <source>That is not the passphrase. Try again.</source>
        <translation>That is not the passphrase. Try again.</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Exporting documents</source>
        <translation>Exporting documents</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n document(s) to {folder}</source>
        <translation>
            <numerusform>Writing %n document to {folder}</numerusform>
            <numerusform>Writing %n documents to {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stopping after the current document…</source>
        <translation>Stopping after the current document…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) written to {folder}.</source>
        <translation>
            <numerusform>%n document written to {folder}.</numerusform>
            <numerusform>%n documents written to {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Stopped before the end.</translation>
    </message>
    <message>
        <source>Not written ({what}): {reason}</source>
        <translation>Not written ({what}): {reason}</translation>
    </message>
</context>
<context>
    <name>CaseWorkerDialog</name>
    <message>
        <source>Case worker</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>CatalogCompleter</name>
    <message>
        <source>Not in the catalog: kept as typed, without ingredient codes.</source>
        <translation>Not in the catalog: kept as typed, without ingredient codes.</translation>
    </message>
</context>
<context>
    <name>CatalogMatchModel</name>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>ATC code</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>External use</source>
        <translation>External use</translation>
    </message>
    <message>
        <source>Inhaled</source>
        <translation>Inhaled</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>Injection</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>Eye</translation>
    </message>
    <message>
        <source>Ear</source>
        <translation>Ear</translation>
    </message>
    <message>
        <source>Nasal</source>
        <translation>Nasal</translation>
    </message>
    <message>
        <source>Rectal</source>
        <translation>Rectal</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>Patch</translation>
    </message>
    <message>
        <source>Other form</source>
        <translation>Other form</translation>
    </message>
</context>
<context>
    <name>CentreDialog</name>
    <message>
        <source>Welfare centre</source>
        <translation>Welfare centre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>CentresView</name>
    <message>
        <source>Add welfare centre…</source>
        <translation>Add welfare centre…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Add case worker…</source>
        <translation>Add case worker…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Delete this welfare centre (only when no resident or case worker belongs to it)</source>
        <translation>Delete this welfare centre (only when no resident or case worker belongs to it)</translation>
    </message>
    <message>
        <source>Delete this case worker (only when no resident has them)</source>
        <translation>Delete this case worker (only when no resident has them)</translation>
    </message>
    <message>
        <source>Welfare centres</source>
        <translation>Welfare centres</translation>
    </message>
    <message>
        <source>Case workers</source>
        <translation>Case workers</translation>
    </message>
    <message>
        <source>Delete welfare centre</source>
        <translation>Delete welfare centre</translation>
    </message>
    <message>
        <source>Delete the welfare centre “{name}”?

It is removed from this computer and, after the next sync, from the team's.</source>
        <translation>Delete the welfare centre “{name}”?

It is removed from this computer and, after the next sync, from the team's.</translation>
    </message>
    <message>
        <source>Delete case worker</source>
        <translation>Delete case worker</translation>
    </message>
    <message>
        <source>Delete the case worker {name}?

They are removed from this computer and, after the next sync, from the team's.</source>
        <translation>Delete the case worker {name}?

They are removed from this computer and, after the next sync, from the team's.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>A backup is made first, under the current passphrase: keep that passphrase too, it is what opens the backup. The new passphrase needs at least {min} characters and no space at the start or end; it cannot be recovered if lost.</source>
        <translation>A backup is made first, under the current passphrase: keep that passphrase too, it is what opens the backup. The new passphrase needs at least {min} characters and no space at the start or end; it cannot be recovered if lost.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>New passphrase again</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Making a backup, then changing the passphrase…</source>
        <translation>Making a backup, then changing the passphrase…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on. The backup made before, under the old passphrase, is {file}.</source>
        <translation>The passphrase is changed. Use the new one from now on. The backup made before, under the old passphrase, is {file}.</translation>
    </message>
    <message>
        <source>The current passphrase is not right. Nothing was changed.</source>
        <translation>The current passphrase is not right. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>passphrases:
  CONSULTDESK_PASSPHRASE       the database's passphrase for headless commands (otherwise they
                               ask on the terminal)
  CONSULTDESK_TEAM_PASSPHRASE  the team's passphrase for `team` and `sync`

examples:
  consultdesk --data-dir ~/cd init --name 박약사
  consultdesk --data-dir ~/cd residents --find 김순
  consultdesk --data-dir ~/cd export referral --resident ID --out 의뢰서.pdf --reason "복지관 연계"
  consultdesk --data-dir ~/cd export medlist --resident ID --out 복약목록.pdf --reason "본인 제공"
  CONSULTDESK_PASSPHRASE=… consultdesk --data-dir ~/cd backup --to /media/usb
  consultdesk --lang en --data-dir ~/cd verify
</source>
        <translation>passphrases:
  CONSULTDESK_PASSPHRASE       the database's passphrase for headless commands (otherwise they
                               ask on the terminal)
  CONSULTDESK_TEAM_PASSPHRASE  the team's passphrase for `team` and `sync`

examples:
  consultdesk --data-dir ~/cd init --name 박약사
  consultdesk --data-dir ~/cd residents --find 김순
  consultdesk --data-dir ~/cd export referral --resident ID --out 의뢰서.pdf --reason "복지관 연계"
  consultdesk --data-dir ~/cd export medlist --resident ID --out 복약목록.pdf --reason "본인 제공"
  CONSULTDESK_PASSPHRASE=… consultdesk --data-dir ~/cd backup --to /media/usb
  consultdesk --lang en --data-dir ~/cd verify
</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>invalid %(type)s value: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>not allowed with argument %s</translation>
    </message>
    <message>
        <source>Cannot write{where}: a file of that name is in the way where a folder is needed. Choose another place with --out.</source>
        <translation>Cannot write{where}: a file of that name is in the way where a folder is needed. Choose another place with --out.</translation>
    </message>
    <message>
        <source>Cannot write{where}: {reason}.</source>
        <translation>Cannot write{where}: {reason}.</translation>
    </message>
    <message>
        <source>Set {variable} or run in a terminal to type the passphrase.</source>
        <translation>Set {variable} or run in a terminal to type the passphrase.</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>Passphrase: </translation>
    </message>
    <message>
        <source>Passphrase again: </source>
        <translation>Passphrase again: </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <source>--residents must be between 0 and {max}.</source>
        <translation>--residents must be between 0 and {max}.</translation>
    </message>
    <message>
        <source>--sessions must be between 0 and {max}.</source>
        <translation>--sessions must be between 0 and {max}.</translation>
    </message>
    <message>
        <source>{folder} already holds a database; demo data goes into a new one.</source>
        <translation>{folder} already holds a database; demo data goes into a new one.</translation>
    </message>
    <message>
        <source>Created {residents} fictional residents with {sessions} consultations ({medicines} medicines) in {folder} in {seconds} s</source>
        <translation>Created {residents} fictional residents with {sessions} consultations ({medicines} medicines) in {folder} in {seconds} s</translation>
    </message>
    <message>
        <source>{folder} already holds a database.</source>
        <translation>{folder} already holds a database.</translation>
    </message>
    <message>
        <source>Created an encrypted database for {name} in {folder}.</source>
        <translation>Created an encrypted database for {name} in {folder}.</translation>
    </message>
    <message>
        <source>… {count} more; narrow it with --find</source>
        <translation>… {count} more; narrow it with --find</translation>
    </message>
    <message>
        <source>Set {variable} or run in a terminal to type the team passphrase.</source>
        <translation>Set {variable} or run in a terminal to type the team passphrase.</translation>
    </message>
    <message>
        <source>Team passphrase: </source>
        <translation>Team passphrase: </translation>
    </message>
    <message>
        <source>Team passphrase again: </source>
        <translation>Team passphrase again: </translation>
    </message>
    <message>
        <source>The two team passphrases are not the same.</source>
        <translation>The two team passphrases are not the same.</translation>
    </message>
    <message>
        <source>{folder} holds no ConsultDesk database; start the app once first.</source>
        <translation>{folder} holds no ConsultDesk database; start the app once first.</translation>
    </message>
    <message>
        <source>Updating the database for this version of ConsultDesk, after a backup: with many records this takes a few minutes.</source>
        <translation>Updating the database for this version of ConsultDesk, after a backup: with many records this takes a few minutes.</translation>
    </message>
    <message>
        <source>Created team {name} in {folder}</source>
        <translation>Created team {name} in {folder}</translation>
    </message>
    <message>
        <source>Joined team {name} in {folder}; run 'consultdesk sync' next.</source>
        <translation>Joined team {name} in {folder}; run 'consultdesk sync' next.</translation>
    </message>
    <message>
        <source>Retired computer {device}: its changes stay, nobody waits for it.</source>
        <translation>Retired computer {device}: its changes stay, nobody waits for it.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>retired {day}</source>
        <translation>retired {day}</translation>
    </message>
    <message>
        <source>Synced: sent {sent} changes in {written} bundles, read {read} bundles ({applied} changes applied), {conflicts} new conflicts, {skipped} files skipped.</source>
        <translation>Synced: sent {sent} changes in {written} bundles, read {read} bundles ({applied} changes applied), {conflicts} new conflicts, {skipped} files skipped.</translation>
    </message>
    <message>
        <source>{summary} Nothing could be sent: {reason}</source>
        <translation>{summary} Nothing could be sent: {reason}</translation>
    </message>
    <message>
        <source>--reference names a referral: use 'export referral --reference CODE'.</source>
        <translation>--reference names a referral: use 'export referral --reference CODE'.</translation>
    </message>
    <message>
        <source>Give --resident ID (or, for a referral, --reference CODE).</source>
        <translation>Give --resident ID (or, for a referral, --reference CODE).</translation>
    </message>
    <message>
        <source>No resident has the id {id}; 'consultdesk residents --find NAME' lists the ids.</source>
        <translation>No resident has the id {id}; 'consultdesk residents --find NAME' lists the ids.</translation>
    </message>
    <message>
        <source>Wrote {file} ({reference})</source>
        <translation>Wrote {file} ({reference})</translation>
    </message>
    <message>
        <source>This file holds personal data: give the reason for the download with --reason (for example --reason "복지관 연계", "본인 제공", "처방의 전달" or your own words). It is kept in the access log.</source>
        <translation>This file holds personal data: give the reason for the download with --reason (for example --reason "복지관 연계", "본인 제공", "처방의 전달" or your own words). It is kept in the access log.</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Backed up to {file}</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file} is not a file.</translation>
    </message>
    <message>
        <source>Restore with --force to replace it anyway (it is kept in backups/ first).</source>
        <translation>Restore with --force to replace it anyway (it is kept in backups/ first).</translation>
    </message>
    <message>
        <source>Restored {file}; the database it replaced is kept as {kept}. Run 'consultdesk sync' to get the team's changes.</source>
        <translation>Restored {file}; the database it replaced is kept as {kept}. Run 'consultdesk sync' to get the team's changes.</translation>
    </message>
    <message>
        <source>Restored {file}. Run 'consultdesk sync' to get the team's changes.</source>
        <translation>Restored {file}. Run 'consultdesk sync' to get the team's changes.</translation>
    </message>
    <message>
        <source>Set {variable} or run in a terminal to type it.</source>
        <translation>Set {variable} or run in a terminal to type it.</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>New passphrase: </translation>
    </message>
    <message>
        <source>New passphrase again: </source>
        <translation>New passphrase again: </translation>
    </message>
    <message>
        <source>Backed up to {file} (old passphrase). Changing the passphrase…</source>
        <translation>Backed up to {file} (old passphrase). Changing the passphrase…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on.</source>
        <translation>The passphrase is changed. Use the new one from now on.</translation>
    </message>
    <message>
        <source>{text} is not a date like 2026-12-01</source>
        <translation>{text} is not a date like 2026-12-01</translation>
    </message>
    <message>
        <source>Marked the access log of {month} as checked.</source>
        <translation>Marked the access log of {month} as checked.</translation>
    </message>
    <message>
        <source>Wrote {count} rows to {file}</source>
        <translation>Wrote {count} rows to {file}</translation>
    </message>
    <message>
        <source>{count} rows. Months checked: {months}.</source>
        <translation>{count} rows. Months checked: {months}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{device}: {count} rows</source>
        <translation>{device}: {count} rows</translation>
    </message>
    <message>
        <source>Access log: {devices}; {count} rows from before the chain.</source>
        <translation>Access log: {devices}; {count} rows from before the chain.</translation>
    </message>
    <message>
        <source>no chained rows</source>
        <translation>no chained rows</translation>
    </message>
    <message>
        <source>device {device} row {row}: {reason}</source>
        <translation>device {device} row {row}: {reason}</translation>
    </message>
    <message>
        <source>database integrity check: {result}</source>
        <translation>database integrity check: {result}</translation>
    </message>
    <message>
        <source>The access log was changed after it was written: {problems}</source>
        <translation>The access log was changed after it was written: {problems}</translation>
    </message>
    <message>
        <source>The access log chain and the database are intact.</source>
        <translation>The access log chain and the database are intact.</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>reordered</translation>
    </message>
    <message>
        <source>truncated (rows removed at the end)</source>
        <translation>truncated (rows removed at the end)</translation>
    </message>
    <message>
        <source>Choose --format xlsx, csv, pdf or json (or an --out file ending so).</source>
        <translation>Choose --format xlsx, csv, pdf or json (or an --out file ending so).</translation>
    </message>
    <message>
        <source>Not combined: {reason}</source>
        <translation>Not combined: {reason}</translation>
    </message>
    <message>
        <source>Give --from DATE and --to DATE (YYYY-MM-DD), or --combine FILES.</source>
        <translation>Give --from DATE and --to DATE (YYYY-MM-DD), or --combine FILES.</translation>
    </message>
    <message>
        <source>Write dates as YYYY-MM-DD.</source>
        <translation>Write dates as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Wrote {file}</source>
        <translation>Wrote {file}</translation>
    </message>
    <message>
        <source>why this personal data is downloaded, kept in the access log: 복지관 연계 (welfare referral), 본인 제공 (resident), 처방의 전달 (prescriber), or your own words</source>
        <translation>why this personal data is downloaded, kept in the access log: 복지관 연계 (welfare referral), 본인 제공 (resident), 처방의 전달 (prescriber), or your own words</translation>
    </message>
    <message>
        <source>복약상담 데스크 ConsultDesk. Without a command it opens the app.</source>
        <translation>복약상담 데스크 ConsultDesk. Without a command it opens the app.</translation>
    </message>
    <message>
        <source>folder of the local database (default: the user data folder)</source>
        <translation>folder of the local database (default: the user data folder)</translation>
    </message>
    <message>
        <source>language of the window and of what the commands say (default: the app's setting, else the system's)</source>
        <translation>language of the window and of what the commands say (default: the app's setting, else the system's)</translation>
    </message>
    <message>
        <source>first-time set-up: a new encrypted database</source>
        <translation>first-time set-up: a new encrypted database</translation>
    </message>
    <message>
        <source>the pharmacist's name</source>
        <translation>the pharmacist's name</translation>
    </message>
    <message>
        <source>pharmacy or organisation</source>
        <translation>pharmacy or organisation</translation>
    </message>
    <message>
        <source>phone printed on the documents</source>
        <translation>phone printed on the documents</translation>
    </message>
    <message>
        <source>list residents with their ids</source>
        <translation>list residents with their ids</translation>
    </message>
    <message>
        <source>name, initials (ㄱㅁ) or phone digits</source>
        <translation>name, initials (ㄱㅁ) or phone digits</translation>
    </message>
    <message>
        <source>create a new database filled with fictional residents</source>
        <translation>create a new database filled with fictional residents</translation>
    </message>
    <message>
        <source>consultations in total (≤ 50,000, ≤ 8 per resident; default: 1 to 8 per resident)</source>
        <translation>consultations in total (≤ 50,000, ≤ 8 per resident; default: 1 to 8 per resident)</translation>
    </message>
    <message>
        <source>create or join the team that syncs through a shared folder</source>
        <translation>create or join the team that syncs through a shared folder</translation>
    </message>
    <message>
        <source>start a team in a shared folder</source>
        <translation>start a team in a shared folder</translation>
    </message>
    <message>
        <source>the shared folder</source>
        <translation>the shared folder</translation>
    </message>
    <message>
        <source>the team's name, shown when joining</source>
        <translation>the team's name, shown when joining</translation>
    </message>
    <message>
        <source>join the team in a shared folder</source>
        <translation>join the team in a shared folder</translation>
    </message>
    <message>
        <source>the shared or team folder</source>
        <translation>the shared or team folder</translation>
    </message>
    <message>
        <source>list the team's computers: id, pharmacist, last file, retired</source>
        <translation>list the team's computers: id, pharmacist, last file, retired</translation>
    </message>
    <message>
        <source>take a lost or replaced computer out of the team (its changes stay)</source>
        <translation>take a lost or replaced computer out of the team (its changes stay)</translation>
    </message>
    <message>
        <source>the computer's id, or its last 8 characters</source>
        <translation>the computer's id, or its last 8 characters</translation>
    </message>
    <message>
        <source>send this computer's changes and import the team's</source>
        <translation>send this computer's changes and import the team's</translation>
    </message>
    <message>
        <source>where the team folder is now (if it moved)</source>
        <translation>where the team folder is now (if it moved)</translation>
    </message>
    <message>
        <source>write a referral sheet, medication list or summary</source>
        <translation>write a referral sheet, medication list or summary</translation>
    </message>
    <message>
        <source>the resident's id</source>
        <translation>the resident's id</translation>
    </message>
    <message>
        <source>a referral's reference code (reprints that sheet)</source>
        <translation>a referral's reference code (reprints that sheet)</translation>
    </message>
    <message>
        <source>the consultation's id (default: the latest)</source>
        <translation>the consultation's id (default: the latest)</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>the PDF file to write</translation>
    </message>
    <message>
        <source>document language</source>
        <translation>document language</translation>
    </message>
    <message>
        <source>print the phone number</source>
        <translation>print the phone number</translation>
    </message>
    <message>
        <source>print the district</source>
        <translation>print the district</translation>
    </message>
    <message>
        <source>an encrypted copy of the database</source>
        <translation>an encrypted copy of the database</translation>
    </message>
    <message>
        <source>folder for the copy (default: DATA_DIR/backups)</source>
        <translation>folder for the copy (default: DATA_DIR/backups)</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>replace the database with a backup</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>the backup file</translation>
    </message>
    <message>
        <source>even if the database here is newer than the backup</source>
        <translation>even if the database here is newer than the backup</translation>
    </message>
    <message>
        <source>shared measures for a period (XLSX, CSV, PDF or de-identified JSON)</source>
        <translation>shared measures for a period (XLSX, CSV, PDF or de-identified JSON)</translation>
    </message>
    <message>
        <source>first day, YYYY-MM-DD</source>
        <translation>first day, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>last day, YYYY-MM-DD</source>
        <translation>last day, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>only this welfare centre's residents</source>
        <translation>only this welfare centre's residents</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>the file to write</translation>
    </message>
    <message>
        <source>no names, small numbers suppressed</source>
        <translation>no names, small numbers suppressed</translation>
    </message>
    <message>
        <source>add several teams' de-identified JSON reports into one</source>
        <translation>add several teams' de-identified JSON reports into one</translation>
    </message>
    <message>
        <source>report language</source>
        <translation>report language</translation>
    </message>
    <message>
        <source>(not for --deidentified or JSON)</source>
        <translation>(not for --deidentified or JSON)</translation>
    </message>
    <message>
        <source>re-encrypt the database under a new passphrase (after a backup)</source>
        <translation>re-encrypt the database under a new passphrase (after a backup)</translation>
    </message>
    <message>
        <source>who viewed, changed, printed or exported what</source>
        <translation>who viewed, changed, printed or exported what</translation>
    </message>
    <message>
        <source>from this date (YYYY-MM-DD)</source>
        <translation>from this date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>only this resident's id</source>
        <translation>only this resident's id</translation>
    </message>
    <message>
        <source>only this laptop's rows (its device id, or the 8 characters shown)</source>
        <translation>only this laptop's rows (its device id, or the 8 characters shown)</translation>
    </message>
    <message>
        <source>only the rows of this pharmacist</source>
        <translation>only the rows of this pharmacist</translation>
    </message>
    <message>
        <source>write the rows to this CSV file</source>
        <translation>write the rows to this CSV file</translation>
    </message>
    <message>
        <source>(with --csv)</source>
        <translation>(with --csv)</translation>
    </message>
    <message>
        <source>record this month's inspection of the log</source>
        <translation>record this month's inspection of the log</translation>
    </message>
    <message>
        <source>check the access log's chain and the database</source>
        <translation>check the access log's chain and the database</translation>
    </message>
</context>
<context>
    <name>CloseReferralDialog</name>
    <message>
        <source>Close the referral</source>
        <translation>Close the referral</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Needed when it was not resolved</source>
        <translation>Needed when it was not resolved</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CodedWords</name>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>Lives alone</translation>
    </message>
    <message>
        <source>With spouse</source>
        <translation>With spouse</translation>
    </message>
    <message>
        <source>With family</source>
        <translation>With family</translation>
    </message>
    <message>
        <source>With a carer</source>
        <translation>With a carer</translation>
    </message>
    <message>
        <source>In a care facility</source>
        <translation>In a care facility</translation>
    </message>
    <message>
        <source>Consent to collect and use health information</source>
        <translation>Consent to collect and use health information</translation>
    </message>
    <message>
        <source>Consent to share with the welfare centre</source>
        <translation>Consent to share with the welfare centre</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>Welfare centre</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>The resident</source>
        <translation>The resident</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Carer</source>
        <translation>Carer</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <source>Over the counter</source>
        <translation>Over the counter</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <source>As prescribed</source>
        <translation>As prescribed</translation>
    </message>
    <message>
        <source>Often misses</source>
        <translation>Often misses</translation>
    </message>
    <message>
        <source>Stopped on own</source>
        <translation>Stopped on own</translation>
    </message>
    <message>
        <source>Takes more</source>
        <translation>Takes more</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Ask the prescriber</source>
        <translation>Ask the prescriber</translation>
    </message>
    <message>
        <source>Dispose</source>
        <translation>Dispose</translation>
    </message>
    <message>
        <source>Effectiveness</source>
        <translation>Effectiveness</translation>
    </message>
    <message>
        <source>Adverse effect</source>
        <translation>Adverse effect</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Adherence</translation>
    </message>
    <message>
        <source>Duplication</source>
        <translation>Duplication</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Advice to the resident</source>
        <translation>Advice to the resident</translation>
    </message>
    <message>
        <source>Contact the prescriber</source>
        <translation>Contact the prescriber</translation>
    </message>
    <message>
        <source>Refer to the case worker</source>
        <translation>Refer to the case worker</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Being amended</source>
        <translation>Being amended</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderate</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Reply received</source>
        <translation>Reply received</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Not ticked</source>
        <translation>Not ticked</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Could not link</source>
        <translation>Could not link</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Not resolved</translation>
    </message>
    <message>
        <source>Referral sheet</source>
        <translation>Referral sheet</translation>
    </message>
    <message>
        <source>Personal medication list</source>
        <translation>Personal medication list</translation>
    </message>
    <message>
        <source>Consultation summary</source>
        <translation>Consultation summary</translation>
    </message>
    <message>
        <source>Contraindicated combinations</source>
        <translation>Contraindicated combinations</translation>
    </message>
    <message>
        <source>Caution in older adults</source>
        <translation>Caution in older adults</translation>
    </message>
    <message>
        <source>Same efficacy group</source>
        <translation>Same efficacy group</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <source>What changed between the two consultations</source>
        <translation>What changed between the two consultations</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>strength</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>morning</translation>
    </message>
    <message>
        <source>noon</source>
        <translation>noon</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>evening</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>bedtime</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>as needed</translation>
    </message>
    <message>
        <source>prescriber</source>
        <translation>prescriber</translation>
    </message>
    <message>
        <source>how it is taken</source>
        <translation>how it is taken</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>action</source>
        <translation>action</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>storage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Medicines added</source>
        <translation>Medicines added</translation>
    </message>
    <message>
        <source>Medicines stopped or no longer found</source>
        <translation>Medicines stopped or no longer found</translation>
    </message>
    <message>
        <source>Medicines changed</source>
        <translation>Medicines changed</translation>
    </message>
    <message>
        <source>Problems resolved</source>
        <translation>Problems resolved</translation>
    </message>
    <message>
        <source>New problems</source>
        <translation>New problems</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Shown now</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>A safety field: a person must decide.</source>
        <translation>A safety field: a person must decide.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Decide</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Shown now</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Use this value</translation>
    </message>
    <message>
        <source>Or type the right value, e.g. both combined</source>
        <translation>Or type the right value, e.g. both combined</translation>
    </message>
    <message>
        <source>Save this value</source>
        <translation>Save this value</translation>
    </message>
    <message>
        <source>Conflicts to decide: {count}</source>
        <translation>Conflicts to decide: {count}</translation>
    </message>
    <message>
        <source>No conflicts to decide.</source>
        <translation>No conflicts to decide.</translation>
    </message>
    <message>
        <source>{about} — one laptop deleted this record while another changed it. Keep the record, or delete it?</source>
        <translation>{about} — one laptop deleted this record while another changed it. Keep the record, or delete it?</translation>
    </message>
    <message>
        <source>{about} — {what} was changed on two laptops. This is a safety field: check with the resident or the prescription, then choose.</source>
        <translation>{about} — {what} was changed on two laptops. This is a safety field: check with the resident or the prescription, then choose.</translation>
    </message>
    <message>
        <source>{about} — {what} was changed on two laptops. Which is right?</source>
        <translation>{about} — {what} was changed on two laptops. Which is right?</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Delete the record</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>Keep the record</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>Consent refused</translation>
    </message>
    <message>
        <source>Needed for verbal consent</source>
        <translation>Needed for verbal consent</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
</context>
<context>
    <name>ConsentFirstPrompt</name>
    <message>
        <source>Consent to health information</source>
        <translation>Consent to health information</translation>
    </message>
    <message>
        <source>A consultation records the resident's medicines and health. Ask for consent now (written, or verbal with a witness), record it, and the consultation starts.</source>
        <translation>A consultation records the resident's medicines and health. Ask for consent now (written, or verbal with a witness), record it, and the consultation starts.</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>ConsentWithdrawnNotice</name>
    <message>
        <source>No new consultation</source>
        <translation>No new consultation</translation>
    </message>
    <message>
        <source>If the resident gives consent again, record it under the resident's consents first; then a new consultation can start.</source>
        <translation>If the resident gives consent again, record it under the resident's consents first; then a new consultation can start.</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <source>Save a copy of the consultation</source>
        <translation>Save a copy of the consultation</translation>
    </message>
    <message>
        <source>Consultation copy (*.json)</source>
        <translation>Consultation copy (*.json)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finish consultation</source>
        <translation>Finish consultation</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation>Earlier versions…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Add medicine (Enter)</source>
        <translation>Add medicine (Enter)</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Enter: next medicine · Tab: next cell · type to search the catalog; names that match nothing stay as written, marked “unmatched”.</source>
        <translation>Enter: next medicine · Tab: next cell · type to search the catalog; names that match nothing stay as written, marked “unmatched”.</translation>
    </message>
    <message>
        <source>Add problem</source>
        <translation>Add problem</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <source>What I observed</source>
        <translation>What I observed</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>Follow-up plan</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>Drug-related problems</source>
        <translation>Drug-related problems</translation>
    </message>
    <message>
        <source>Social risks</source>
        <translation>Social risks</translation>
    </message>
    <message>
        <source>Visit and advice</source>
        <translation>Visit and advice</translation>
    </message>
    <message>
        <source>Show their version instead</source>
        <translation>Show their version instead</translation>
    </message>
    <message>
        <source>Replaces what is on screen here with their version</source>
        <translation>Replaces what is on screen here with their version</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>{name} — visit {n}</source>
        <translation>{name} — visit {n}</translation>
    </message>
    <message>
        <source>This consultation was deleted on another laptop. What is on screen is kept here until you close it; save a copy if it is still needed.</source>
        <translation>This consultation was deleted on another laptop. What is on screen is kept here until you close it; save a copy if it is still needed.</translation>
    </message>
    <message>
        <source>This consultation was changed on another laptop while you were editing it. Your edits stay on screen and are saved over theirs; to keep theirs instead, show their version.</source>
        <translation>This consultation was changed on another laptop while you were editing it. Your edits stay on screen and are saved over theirs; to keep theirs instead, show their version.</translation>
    </message>
    <message numerus="yes">
        <source>%n medicine(s)</source>
        <translation>
            <numerusform>%n medicine</numerusform>
            <numerusform>%n medicines</numerusform>
        </translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>Understood</translation>
    </message>
    <message>
        <source>Updated from another laptop</source>
        <translation>Updated from another laptop</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>Not saved yet…</translation>
    </message>
    <message>
        <source>An unexpected error stopped the save; the details are in the log file in the data folder.</source>
        <translation>An unexpected error stopped the save; the details are in the log file in the data folder.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>Saving is tried again every few seconds.</source>
        <translation>Saving is tried again every few seconds.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Finished and saved</source>
        <translation>Finished and saved</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Choose in the calendar</source>
        <translation>Choose in the calendar</translation>
    </message>
    <message>
        <source>Choose the date in a calendar (Alt+↓)</source>
        <translation>Choose the date in a calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>For example 2026-11-21 or 2026. 11. 21.</source>
        <translation>For example 2026-11-21 or 2026. 11. 21.</translation>
    </message>
</context>
<context>
    <name>DismissFlagDialog</name>
    <message>
        <source>Dismiss flag</source>
        <translation>Dismiss flag</translation>
    </message>
    <message>
        <source>The prescriber knows and wants both</source>
        <translation>The prescriber knows and wants both</translation>
    </message>
    <message>
        <source>Short-term use only</source>
        <translation>Short-term use only</translation>
    </message>
    <message>
        <source>Already handled during this visit</source>
        <translation>Already handled during this visit</translation>
    </message>
    <message>
        <source>Does not apply to this resident</source>
        <translation>Does not apply to this resident</translation>
    </message>
    <message>
        <source>Why is this flag not a problem here?</source>
        <translation>Why is this flag not a problem here?</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Reason for dismissing</source>
        <translation>Reason for dismissing</translation>
    </message>
</context>
<context>
    <name>DocumentsBar</name>
    <message>
        <source>Export documents…</source>
        <translation>Export documents…</translation>
    </message>
    <message>
        <source>Documents can be made once a consultation is recorded.</source>
        <translation>Documents can be made once a consultation is recorded.</translation>
    </message>
    <message>
        <source>Referral sheet not available: {reason} The medication list and the summary can still be exported.</source>
        <translation>Referral sheet not available: {reason} The medication list and the summary can still be exported.</translation>
    </message>
</context>
<context>
    <name>DownloadReason</name>
    <message>
        <source>Referral to the welfare centre</source>
        <translation>Referral to the welfare centre</translation>
    </message>
    <message>
        <source>Given to the resident</source>
        <translation>Given to the resident</translation>
    </message>
    <message>
        <source>Sent to the prescriber</source>
        <translation>Sent to the prescriber</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>DownloadReasonDialog</name>
    <message>
        <source>Reason for the download</source>
        <translation>Reason for the download</translation>
    </message>
    <message>
        <source>{what} holds personal data. Why is it being saved? The reason is kept in the access log with the download.</source>
        <translation>{what} holds personal data. Why is it being saved? The reason is kept in the access log with the download.</translation>
    </message>
    <message>
        <source>To whom, what for (needed for Other)</source>
        <translation>To whom, what for (needed for Other)</translation>
    </message>
    <message>
        <source>Confirm the reason</source>
        <translation>Confirm the reason</translation>
    </message>
    <message>
        <source>Choose the reason for the download.</source>
        <translation>Choose the reason for the download.</translation>
    </message>
</context>
<context>
    <name>DurImportDialog</name>
    <message>
        <source>Import DUR files</source>
        <translation>Import DUR files</translation>
    </message>
    <message>
        <source>Import the DUR ingredient lists you downloaded (contraindicated combinations, caution in older adults, same efficacy group) as CSV files in CP949 or UTF-8. Their rules are used next to the bundled ones, labelled with the file name. A newer file of the same list replaces the older one.</source>
        <translation>Import the DUR ingredient lists you downloaded (contraindicated combinations, caution in older adults, same efficacy group) as CSV files in CP949 or UTF-8. Their rules are used next to the bundled ones, labelled with the file name. A newer file of the same list replaces the older one.</translation>
    </message>
    <message>
        <source>Recognise from the file</source>
        <translation>Recognise from the file</translation>
    </message>
    <message>
        <source>Save unmatched rows as CSV…</source>
        <translation>Save unmatched rows as CSV…</translation>
    </message>
    <message>
        <source>The rows whose ingredient is not in the medicines catalog, with their line in the file, to check the names against the catalog.</source>
        <translation>The rows whose ingredient is not in the medicines catalog, with their line in the file, to check the names against the catalog.</translation>
    </message>
    <message>
        <source>Stop using this file</source>
        <translation>Stop using this file</translation>
    </message>
    <message>
        <source>List type</source>
        <translation>List type</translation>
    </message>
    <message>
        <source>DUR files in use</source>
        <translation>DUR files in use</translation>
    </message>
    <message>
        <source>Choose a DUR file</source>
        <translation>Choose a DUR file</translation>
    </message>
    <message>
        <source>{list}: {rules} from {rows} of {file} ({encoding}).</source>
        <translation>{list}: {rules} from {rows} of {file} ({encoding}).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rule(s)</source>
        <translation>
            <numerusform>%Ln rule</numerusform>
            <numerusform>%Ln rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) skipped (deleted, or combination products that cannot be matched by name).</source>
        <translation>
            <numerusform>%Ln row skipped (deleted, or combination products that cannot be matched by name).</numerusform>
            <numerusform>%Ln rows skipped (deleted, or combination products that cannot be matched by name).</numerusform>
        </translation>
    </message>
    <message>
        <source>It replaces the file of this list imported before.</source>
        <translation>It replaces the file of this list imported before.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>Columns not used: {columns}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) name an ingredient the medicines catalog does not know: their rules fire only on a medicine typed with exactly that name.</source>
        <translation>
            <numerusform>%n row name an ingredient the medicines catalog does not know: their rules fire only on a medicine typed with exactly that name.</numerusform>
            <numerusform>%n rows name an ingredient the medicines catalog does not know: their rules fire only on a medicine typed with exactly that name.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save unmatched rows</source>
        <translation>Save unmatched rows</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved in {file}.</source>
        <translation>
            <numerusform>%n row saved in {file}.</numerusform>
            <numerusform>%n rows saved in {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be saved: {detail}</source>
        <translation>The list could not be saved: {detail}</translation>
    </message>
    <message>
        <source>Stop using {file} ({list})? The bundled rules stay.</source>
        <translation>Stop using {file} ({list})? The bundled rules stay.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected problem</source>
        <translation>Unexpected problem</translation>
    </message>
    <message>
        <source>Something went wrong, and the details were written to the log file in the data folder. Your last edits are NOT saved yet: keep the app open; the consultation's header says whether saving has gone through.</source>
        <translation>Something went wrong, and the details were written to the log file in the data folder. Your last edits are NOT saved yet: keep the app open; the consultation's header says whether saving has gone through.</translation>
    </message>
    <message>
        <source>Something went wrong. What you saved is safe, and the details were written to the log file in the data folder. You can keep working.</source>
        <translation>Something went wrong. What you saved is safe, and the details were written to the log file in the data folder. You can keep working.</translation>
    </message>
    <message>
        <source>ConsultDesk could not start. What was saved before is safe, and the details were written to the log file in the data folder. Close this message and start ConsultDesk again; if it happens again, send the log file to whoever supports you.</source>
        <translation>ConsultDesk could not start. What was saved before is safe, and the details were written to the log file in the data folder. Close this message and start ConsultDesk again; if it happens again, send the log file to whoever supports you.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Visit {number} · {date}</source>
        <translation>Visit {number} · {date}</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Print the phone number</source>
        <translation>Print the phone number</translation>
    </message>
    <message>
        <source>Print the district</source>
        <translation>Print the district</translation>
    </message>
    <message>
        <source>Add a service from the list…</source>
        <translation>Add a service from the list…</translation>
    </message>
    <message>
        <source>Or write a service in your own words</source>
        <translation>Or write a service in your own words</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Your opinion for the case worker (optional)</source>
        <translation>Your opinion for the case worker (optional)</translation>
    </message>
    <message>
        <source>Referral sheet</source>
        <translation>Referral sheet</translation>
    </message>
    <message>
        <source>Name, age and sex are always printed; phone and district only if ticked.</source>
        <translation>Name, age and sex are always printed; phone and district only if ticked.</translation>
    </message>
    <message>
        <source>Services requested (tick each one to ask for)</source>
        <translation>Services requested (tick each one to ask for)</translation>
    </message>
    <message>
        <source>Pharmacist's opinion</source>
        <translation>Pharmacist's opinion</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Keep referral as draft</source>
        <translation>Keep referral as draft</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>No consultation to print yet: record one first.</source>
        <translation>No consultation to print yet: record one first.</translation>
    </message>
    <message>
        <source>Language of the documents</source>
        <translation>Language of the documents</translation>
    </message>
    <message>
        <source>Documents (tick to save; click to preview)</source>
        <translation>Documents (tick to save; click to preview)</translation>
    </message>
    <message>
        <source>The referral sheet is not available: {reason}</source>
        <translation>The referral sheet is not available: {reason}</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>{document} · {code} · pages: {pages}</source>
        <translation>{document} · {code} · pages: {pages}</translation>
    </message>
    <message>
        <source>Saved: {files}</source>
        <translation>Saved: {files}</translation>
    </message>
    <message>
        <source>Printed: {document}</source>
        <translation>Printed: {document}</translation>
    </message>
    <message>
        <source>The referral was kept as a draft.</source>
        <translation>The referral was kept as a draft.</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>Save document</translation>
    </message>
    <message>
        <source>Save documents in</source>
        <translation>Save documents in</translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message>
        <source>Risk flags</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>Medication ({count})</source>
        <translation>Medication ({count})</translation>
    </message>
    <message>
        <source>Social risks ({count})</source>
        <translation>Social risks ({count})</translation>
    </message>
    <message>
        <source>{count} dismissed</source>
        <translation>{count} dismissed</translation>
    </message>
    <message>
        <source>Medicines involved</source>
        <translation>Medicines involved</translation>
    </message>
    <message>
        <source>Imported DUR file: {source}</source>
        <translation>Imported DUR file: {source}</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Hide source</source>
        <translation>Hide source</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>No flags.</translation>
    </message>
    <message>
        <source>Suggested services</source>
        <translation>Suggested services</translation>
    </message>
    <message>
        <source>{status} — reason: {reason}</source>
        <translation>{status} — reason: {reason}</translation>
    </message>
    <message>
        <source>{status} — note: {reason}</source>
        <translation>{status} — note: {reason}</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Show resident</source>
        <translation>Show resident</translation>
    </message>
    <message>
        <source>Follow-up visits: overdue and due this week</source>
        <translation>Follow-up visits: overdue and due this week</translation>
    </message>
    <message>
        <source>{overdue} overdue · {week} due this week</source>
        <translation>{overdue} overdue · {week} due this week</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>Version {n} — replaced on {when}</source>
        <translation>Version {n} — replaced on {when}</translation>
    </message>
    <message>
        <source>Reason for the correction:</source>
        <translation>Reason for the correction:</translation>
    </message>
    <message>
        <source>Medicines (morning / noon / evening / bedtime / as needed):</source>
        <translation>Medicines (morning / noon / evening / bedtime / as needed):</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>Advice:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IgnoredFilesDialog</name>
    <message>
        <source>Files we ignore</source>
        <translation>Files we ignore</translation>
    </message>
    <message>
        <source>These files are in the team folder but are not ConsultDesk change files, or cannot be used yet. Sync leaves them where they are and does not mention them again. Copies that a sync program made of this computer's own files can be removed here; nothing else is ever deleted.</source>
        <translation>These files are in the team folder but are not ConsultDesk change files, or cannot be used yet. Sync leaves them where they are and does not mention them again. Copies that a sync program made of this computer's own files can be removed here; nothing else is ever deleted.</translation>
    </message>
    <message>
        <source>Remove this computer's duplicate copies</source>
        <translation>Remove this computer's duplicate copies</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>(a duplicate of this computer's own file; can be removed)</source>
        <translation>(a duplicate of this computer's own file; can be removed)</translation>
    </message>
    <message>
        <source>No files are being ignored.</source>
        <translation>No files are being ignored.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate cop(y|ies).</source>
        <translation>
            <numerusform>Removed %n duplicate copy.</numerusform>
            <numerusform>Removed %n duplicate copies.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose file and import…</source>
        <translation>Choose file and import…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportedSetsModel</name>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>cannot be read</translation>
    </message>
    <message>
        <source>This file can no longer be read and its rules are not used: {error}</source>
        <translation>This file can no longer be read and its rules are not used: {error}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>ConsultDesk is locked</source>
        <translation>ConsultDesk is locked</translation>
    </message>
    <message>
        <source>Nothing is shown while you are away. Enter the passphrase to continue.</source>
        <translation>Nothing is shown while you are away. Enter the passphrase to continue.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ConsultDesk — medication consultation desk</source>
        <translation>ConsultDesk — medication consultation desk</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Shared measures</source>
        <translation>Shared measures</translation>
    </message>
    <message>
        <source>Welfare centres</source>
        <translation>Welfare centres</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Pharmacist &amp;profile…</source>
        <translation>Pharmacist &amp;profile…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Import &amp;DUR files…</source>
        <translation>Import &amp;DUR files…</translation>
    </message>
    <message>
        <source>Import &amp;product list…</source>
        <translation>Import &amp;product list…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Open the &amp;data folder</translation>
    </message>
    <message>
        <source>Open the &amp;log</source>
        <translation>Open the &amp;log</translation>
    </message>
    <message>
        <source>&amp;About ConsultDesk</source>
        <translation>&amp;About ConsultDesk</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>New consultation</translation>
    </message>
    <message numerus="yes">
        <source>{name} · %Ln resident(s)</source>
        <translation>
            <numerusform>{name} · %Ln resident</numerusform>
            <numerusform>{name} · %Ln residents</numerusform>
        </translation>
    </message>
    <message>
        <source>ConsultDesk</source>
        <translation>ConsultDesk</translation>
    </message>
    <message>
        <source>Nothing could open {path}. It is on this computer at that place.</source>
        <translation>Nothing could open {path}. It is on this computer at that place.</translation>
    </message>
</context>
<context>
    <name>MarkSentDialog</name>
    <message>
        <source>Referral sent</source>
        <translation>Referral sent</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
</context>
<context>
    <name>MeasuresModel</name>
    <message>
        <source>People and visits</source>
        <translation>People and visits</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>Problems and flags</source>
        <translation>Problems and flags</translation>
    </message>
    <message>
        <source>Social risks</source>
        <translation>Social risks</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <source>Click to list them</source>
        <translation>Click to list them</translation>
    </message>
    <message>
        <source>Hidden as well, so that a "&lt;{k}" beside it cannot be worked out from a total minus the others</source>
        <translation>Hidden as well, so that a "&lt;{k}" beside it cannot be worked out from a total minus the others</translation>
    </message>
    <message>
        <source>Fewer than {k} residents: hidden when de-identified</source>
        <translation>Fewer than {k} residents: hidden when de-identified</translation>
    </message>
</context>
<context>
    <name>MeasuresView</name>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>By quarter</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>By year</translation>
    </message>
    <message>
        <source>By welfare centre</source>
        <translation>By welfare centre</translation>
    </message>
    <message>
        <source>By pharmacist</source>
        <translation>By pharmacist</translation>
    </message>
    <message>
        <source>By age band</source>
        <translation>By age band</translation>
    </message>
    <message>
        <source>By sex</source>
        <translation>By sex</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>De-identified</translation>
    </message>
    <message>
        <source>As a funder gets it: small numbers suppressed, no names behind the numbers</source>
        <translation>As a funder gets it: small numbers suppressed, no names behind the numbers</translation>
    </message>
    <message>
        <source>De-identified cells resting on fewer residents than this are suppressed (a setting of this laptop)</source>
        <translation>De-identified cells resting on fewer residents than this are suppressed (a setting of this laptop)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Consultations and residents by month</source>
        <translation>Consultations and residents by month</translation>
    </message>
    <message>
        <source>{start} to {end}: {sessions} consultations, {residents} residents</source>
        <translation>{start} to {end}: {sessions} consultations, {residents} residents</translation>
    </message>
    <message numerus="yes">
        <source>{indicator}: %Ln referral(s)</source>
        <translation>
            <numerusform>{indicator}: %Ln referral</numerusform>
            <numerusform>{indicator}: %Ln referrals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{indicator}: %Ln resident(s)</source>
        <translation>
            <numerusform>{indicator}: %Ln resident</numerusform>
            <numerusform>{indicator}: %Ln residents</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress towards the goals</source>
        <translation>Progress towards the goals</translation>
    </message>
    <message>
        <source>Click a number to see who is behind it.</source>
        <translation>Click a number to see who is behind it.</translation>
    </message>
    <message>
        <source>Shared measures</source>
        <translation>Shared measures</translation>
    </message>
    <message>
        <source>All welfare centres</source>
        <translation>All welfare centres</translation>
    </message>
    <message>
        <source>All pharmacists</source>
        <translation>All pharmacists</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>De-identified: no lists behind the numbers.</source>
        <translation>De-identified: no lists behind the numbers.</translation>
    </message>
    <message>
        <source>% of the goal for the period</source>
        <translation>% of the goal for the period</translation>
    </message>
    <message>
        <source>{indicator} — {part}</source>
        <translation>{indicator} — {part}</translation>
    </message>
    <message>
        <source>The measures report</source>
        <translation>The measures report</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Saved: {file}</translation>
    </message>
</context>
<context>
    <name>MedicationTable</name>
    <message>
        <source>unmatched</source>
        <translation>unmatched</translation>
    </message>
    <message>
        <source>Name as found</source>
        <translation>Name as found</translation>
    </message>
    <message>
        <source>Ingredient (ATC)</source>
        <translation>Ingredient (ATC)</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Noon</source>
        <translation>Noon</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>Bedtime</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>As needed</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriber</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>How it is taken</source>
        <translation>How it is taken</translation>
    </message>
    <message>
        <source>Storage / expiry</source>
        <translation>Storage / expiry</translation>
    </message>
    <message>
        <source>Left over</source>
        <translation>Left over</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This looks like a resident registration number. ConsultDesk never stores one: the law allows it only with a specific legal basis, and the work does not need it. Remove it and use the birth date instead.</source>
        <translation>This looks like a resident registration number. ConsultDesk never stores one: the law allows it only with a specific legal basis, and the work does not need it. Remove it and use the birth date instead.</translation>
    </message>
    <message>
        <source>This text holds a broken character (often left by copying from another program). Type that part again.</source>
        <translation>This text holds a broken character (often left by copying from another program). Type that part again.</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>Enter the name.</translation>
    </message>
    <message>
        <source>The name is too long (at most {max} characters).</source>
        <translation>The name is too long (at most {max} characters).</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (1948-03-05) or 1948. 3. 5., or choose it in the calendar.</source>
        <translation>Write the date as YYYY-MM-DD (1948-03-05) or 1948. 3. 5., or choose it in the calendar.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>The birth date is in the future.</translation>
    </message>
    <message>
        <source>This birth date gives an age over {max}. Check the year.</source>
        <translation>This birth date gives an age over {max}. Check the year.</translation>
    </message>
    <message>
        <source>The phone number should look like 010-1234-5678 or 02-123-4567.</source>
        <translation>The phone number should look like 010-1234-5678 or 02-123-4567.</translation>
    </message>
    <message>
        <source>Choose one of the values in the list.</source>
        <translation>Choose one of the values in the list.</translation>
    </message>
    <message>
        <source>Choose the welfare centre of this case worker first.</source>
        <translation>Choose the welfare centre of this case worker first.</translation>
    </message>
    <message>
        <source>Choose a welfare centre from the list.</source>
        <translation>Choose a welfare centre from the list.</translation>
    </message>
    <message>
        <source>Choose a case worker who works at this welfare centre.</source>
        <translation>Choose a case worker who works at this welfare centre.</translation>
    </message>
    <message>
        <source>This resident has been deleted in the meantime.</source>
        <translation>This resident has been deleted in the meantime.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>The date is in the future.</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>The period is longer than {years} years.</source>
        <translation>The period is longer than {years} years.</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>Enter a number from {min} to {max}.</translation>
    </message>
    <message>
        <source>Verbal consent needs the name of the person who witnessed it.</source>
        <translation>Verbal consent needs the name of the person who witnessed it.</translation>
    </message>
    <message>
        <source>This consent record no longer exists.</source>
        <translation>This consent record no longer exists.</translation>
    </message>
    <message>
        <source>The withdrawal cannot be dated before the consent.</source>
        <translation>The withdrawal cannot be dated before the consent.</translation>
    </message>
    <message>
        <source>Check the e-mail address.</source>
        <translation>Check the e-mail address.</translation>
    </message>
    <message>
        <source>Use at least {min} characters.</source>
        <translation>Use at least {min} characters.</translation>
    </message>
    <message>
        <source>The passphrase cannot start or end with a space.</source>
        <translation>The passphrase cannot start or end with a space.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>The new passphrase is the same as the current one.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases in a row. Wait {seconds} seconds, then try again.</source>
        <translation>Too many wrong passphrases in a row. Wait {seconds} seconds, then try again.</translation>
    </message>
    <message>
        <source>ConsultDesk is locked. Unlock it with the passphrase to continue.</source>
        <translation>ConsultDesk is locked. Unlock it with the passphrase to continue.</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or the file is not a ConsultDesk database. Nothing was changed; try again.</source>
        <translation>The passphrase is wrong, or the file is not a ConsultDesk database. Nothing was changed; try again.</translation>
    </message>
    <message>
        <source>The database file is missing.</source>
        <translation>The database file is missing.</translation>
    </message>
    <message>
        <source>A database already exists in this folder.</source>
        <translation>A database already exists in this folder.</translation>
    </message>
    <message>
        <source>The database could not be upgraded to this version of ConsultDesk. It was left as it was, and a backup is in the backups folder.</source>
        <translation>The database could not be upgraded to this version of ConsultDesk. It was left as it was, and a backup is in the backups folder.</translation>
    </message>
    <message>
        <source>The visit date is in the future.</source>
        <translation>The visit date is in the future.</translation>
    </message>
    <message>
        <source>The next visit cannot be before this visit.</source>
        <translation>The next visit cannot be before this visit.</translation>
    </message>
    <message>
        <source>Write the duration in minutes, between 1 and 600.</source>
        <translation>Write the duration in minutes, between 1 and 600.</translation>
    </message>
    <message>
        <source>Record at least one medicine or the advice given before finishing the consultation.</source>
        <translation>Record at least one medicine or the advice given before finishing the consultation.</translation>
    </message>
    <message>
        <source>This consultation is finished and can no longer be changed. Use "Amend" to correct it; the earlier version is kept.</source>
        <translation>This consultation is finished and can no longer be changed. Use "Amend" to correct it; the earlier version is kept.</translation>
    </message>
    <message>
        <source>This consultation has been deleted in the meantime.</source>
        <translation>This consultation has been deleted in the meantime.</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>Write the reason.</translation>
    </message>
    <message>
        <source>{file} is saved on this computer, but its copy could not be put in the team folder {path}. Check that the shared folder is reachable and save again to copy it.</source>
        <translation>{file} is saved on this computer, but its copy could not be put in the team folder {path}. Check that the shared folder is reachable and save again to copy it.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and save again; nothing you typed was lost.</source>
        <translation>The disk is full. Free some space and save again; nothing you typed was lost.</translation>
    </message>
    <message>
        <source>Another program kept the database busy for more than 5 seconds (is ConsultDesk open twice on this folder?). Nothing was changed; try again.</source>
        <translation>Another program kept the database busy for more than 5 seconds (is ConsultDesk open twice on this folder?). Nothing was changed; try again.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({detail}). Choose another place.</source>
        <translation>The file {path} cannot be written ({detail}). Choose another place.</translation>
    </message>
    <message>
        <source>ConsultDesk is already open on the data folder {path}, in another window or a command. Close it there first: two copies on one folder would mix up the team's changes.</source>
        <translation>ConsultDesk is already open on the data folder {path}, in another window or a command. Close it there first: two copies on one folder would mix up the team's changes.</translation>
    </message>
    <message>
        <source>The file cannot be opened ({detail}). Check that it still exists.</source>
        <translation>The file cannot be opened ({detail}). Check that it still exists.</translation>
    </message>
    <message>
        <source>This is a spreadsheet (Excel) file. Open it in a spreadsheet program, save it as CSV, and import the CSV file.</source>
        <translation>This is a spreadsheet (Excel) file. Open it in a spreadsheet program, save it as CSV, and import the CSV file.</translation>
    </message>
    <message>
        <source>Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again in one of these encodings.</source>
        <translation>Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again in one of these encodings.</translation>
    </message>
    <message>
        <source>The file is empty: it has no header row.</source>
        <translation>The file is empty: it has no header row.</translation>
    </message>
    <message>
        <source>Line {line}: this line cannot be read as CSV ({detail}).</source>
        <translation>Line {line}: this line cannot be read as CSV ({detail}).</translation>
    </message>
    <message>
        <source>Line {line}: the same column appears twice ({detail}).</source>
        <translation>Line {line}: the same column appears twice ({detail}).</translation>
    </message>
    <message>
        <source>Line {line}: the number of fields differs from the header ({detail}). The file may be cut off or have a stray comma or quote.</source>
        <translation>Line {line}: the number of fields differs from the header ({detail}). The file may be cut off or have a stray comma or quote.</translation>
    </message>
    <message>
        <source>Line {line}: cannot tell which DUR list this file is. Choose the list type and import again.</source>
        <translation>Line {line}: cannot tell which DUR list this file is. Choose the list type and import again.</translation>
    </message>
    <message>
        <source>Line {line}: a required column is missing ({detail}). The README lists the column titles that are recognised.</source>
        <translation>Line {line}: a required column is missing ({detail}). The README lists the column titles that are recognised.</translation>
    </message>
    <message>
        <source>Line {line}: unexpected value ({detail}).</source>
        <translation>Line {line}: unexpected value ({detail}).</translation>
    </message>
    <message>
        <source>Line {line}: this row belongs to another DUR list ({detail}). Check the list type.</source>
        <translation>Line {line}: this row belongs to another DUR list ({detail}). Check the list type.</translation>
    </message>
    <message>
        <source>Line {line}: a required value is empty ({detail}).</source>
        <translation>Line {line}: a required value is empty ({detail}).</translation>
    </message>
    <message>
        <source>The file was read, but none of its rows gives a usable rule (all are deleted rows or combination products). Nothing was changed.</source>
        <translation>The file was read, but none of its rows gives a usable rule (all are deleted rows or combination products). Nothing was changed.</translation>
    </message>
    <message>
        <source>The rules of this file clash with the rules in use ({detail}).</source>
        <translation>The rules of this file clash with the rules in use ({detail}).</translation>
    </message>
    <message>
        <source>Sync failed ({detail}).</source>
        <translation>Sync failed ({detail}).</translation>
    </message>
    <message>
        <source>Cannot reach the shared folder: {path} ({detail}). Nothing was changed on this computer; the next sync continues where this one stopped.</source>
        <translation>Cannot reach the shared folder: {path} ({detail}). Nothing was changed on this computer; the next sync continues where this one stopped.</translation>
    </message>
    <message>
        <source>The team file {path} is damaged or is not a ConsultDesk team file.</source>
        <translation>The team file {path} is damaged or is not a ConsultDesk team file.</translation>
    </message>
    <message>
        <source>The team folder was made by a newer version of ConsultDesk. Update ConsultDesk on this computer.</source>
        <translation>The team folder was made by a newer version of ConsultDesk. Update ConsultDesk on this computer.</translation>
    </message>
    <message>
        <source>The team passphrase is wrong. Nothing was changed; try again.</source>
        <translation>The team passphrase is wrong. Nothing was changed; try again.</translation>
    </message>
    <message>
        <source>The team passphrase needs at least {minimum} characters.</source>
        <translation>The team passphrase needs at least {minimum} characters.</translation>
    </message>
    <message>
        <source>The folder {path} holds a different team. Nothing was changed; choose this team's folder.</source>
        <translation>The folder {path} holds a different team. Nothing was changed; choose this team's folder.</translation>
    </message>
    <message>
        <source>This computer is not part of a team yet. Set up the team folder first.</source>
        <translation>This computer is not part of a team yet. Set up the team folder first.</translation>
    </message>
    <message>
        <source>There is no ConsultDesk team in {path}. Choose the shared folder that holds the ConsultDesk folder, the ConsultDesk folder itself, or the team's folder inside it (the one with team.json). If the ConsultDesk folder is there but empty, wait until the sync program has copied the team to this computer, or create a team.</source>
        <translation>There is no ConsultDesk team in {path}. Choose the shared folder that holds the ConsultDesk folder, the ConsultDesk folder itself, or the team's folder inside it (the one with team.json). If the ConsultDesk folder is there but empty, wait until the sync program has copied the team to this computer, or create a team.</translation>
    </message>
    <message>
        <source>{path} holds {teams} teams. Choose the folder of your team, one of these: {detail}.</source>
        <translation>{path} holds {teams} teams. Choose the folder of your team, one of these: {detail}.</translation>
    </message>
    <message>
        <source>This computer cannot retire itself; do it from another laptop of the team.</source>
        <translation>This computer cannot retire itself; do it from another laptop of the team.</translation>
    </message>
    <message>
        <source>No computer {detail} is in the team folder.</source>
        <translation>No computer {detail} is in the team folder.</translation>
    </message>
    <message>
        <source>This conflict was already resolved, or its record is no longer here.</source>
        <translation>This conflict was already resolved, or its record is no longer here.</translation>
    </message>
    <message>
        <source>This value does not fit the field ({detail}).</source>
        <translation>This value does not fit the field ({detail}).</translation>
    </message>
    <message>
        <source>{detail} cannot be used as a file name in the shared folder.</source>
        <translation>{detail} cannot be used as a file name in the shared folder.</translation>
    </message>
    <message>
        <source>This computer's next change file is already in the shared folder, and files there are never overwritten. Was this computer's database restored from a backup? Nothing was sent; ask for help before syncing again.</source>
        <translation>This computer's next change file is already in the shared folder, and files there are never overwritten. Was this computer's database restored from a backup? Nothing was sent; ask for help before syncing again.</translation>
    </message>
    <message>
        <source>The changes could not be written to the shared folder ({detail}). They stay on this computer and are sent next time.</source>
        <translation>The changes could not be written to the shared folder ({detail}). They stay on this computer and are sent next time.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>The file is incomplete; it may still be uploading. It is tried again later.</source>
        <translation>The file is incomplete; it may still be uploading. It is tried again later.</translation>
    </message>
    <message>
        <source>The file is not a ConsultDesk change file.</source>
        <translation>The file is not a ConsultDesk change file.</translation>
    </message>
    <message>
        <source>The file was written by a newer version of ConsultDesk. Update ConsultDesk on this computer.</source>
        <translation>The file was written by a newer version of ConsultDesk. Update ConsultDesk on this computer.</translation>
    </message>
    <message>
        <source>The file belongs to another team.</source>
        <translation>The file belongs to another team.</translation>
    </message>
    <message>
        <source>The file was changed after it was written, or was written with another team passphrase. Nothing of it was used.</source>
        <translation>The file was changed after it was written, or was written with another team passphrase. Nothing of it was used.</translation>
    </message>
    <message>
        <source>The content of the file is not a valid list of changes.</source>
        <translation>The content of the file is not a valid list of changes.</translation>
    </message>
    <message>
        <source>The file is in the wrong place: its name or folder does not match its content.</source>
        <translation>The file is in the wrong place: its name or folder does not match its content.</translation>
    </message>
    <message>
        <source>The file does not follow the previous file of the same computer; it may have been replaced.</source>
        <translation>The file does not follow the previous file of the same computer; it may have been replaced.</translation>
    </message>
    <message>
        <source>The file could not be read from the shared folder. It is tried again later.</source>
        <translation>The file could not be read from the shared folder. It is tried again later.</translation>
    </message>
    <message>
        <source>A file the operating system keeps in folders; ignored.</source>
        <translation>A file the operating system keeps in folders; ignored.</translation>
    </message>
    <message>
        <source>A copy made by the file sync program; ignored, the original is used.</source>
        <translation>A copy made by the file sync program; ignored, the original is used.</translation>
    </message>
    <message>
        <source>A file still being copied or uploaded; ignored for now.</source>
        <translation>A file still being copied or uploaded; ignored for now.</translation>
    </message>
    <message>
        <source>A file ConsultDesk did not write; ignored.</source>
        <translation>A file ConsultDesk did not write; ignored.</translation>
    </message>
    <message>
        <source>A folder ConsultDesk did not make; ignored.</source>
        <translation>A folder ConsultDesk did not make; ignored.</translation>
    </message>
    <message>
        <source>An earlier file of this computer has not arrived yet; waiting for it.</source>
        <translation>An earlier file of this computer has not arrived yet; waiting for it.</translation>
    </message>
    <message>
        <source>The file is far larger than any change file ConsultDesk writes; it was not read.</source>
        <translation>The file is far larger than any change file ConsultDesk writes; it was not read.</translation>
    </message>
    <message>
        <source>The value does not fit any field ConsultDesk has (too large or too nested).</source>
        <translation>The value does not fit any field ConsultDesk has (too large or too nested).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again as CSV in one of these encodings.</source>
        <translation>Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again as CSV in one of these encodings.</translation>
    </message>
    <message>
        <source>Line {line}: this line cannot be read as CSV, for example a quote that is never closed. Save the file again as CSV from the spreadsheet program.</source>
        <translation>Line {line}: this line cannot be read as CSV, for example a quote that is never closed. Save the file again as CSV from the spreadsheet program.</translation>
    </message>
    <message>
        <source>The title row (line 1) has no column for the product name or for the ATC code: {content}. Name the columns 제품명 and ATC코드 (the README lists other titles).</source>
        <translation>The title row (line 1) has no column for the product name or for the ATC code: {content}. Name the columns 제품명 and ATC코드 (the README lists other titles).</translation>
    </message>
    <message>
        <source>The title row (line 1) has two columns for the same thing: {content}. Delete or rename one of them.</source>
        <translation>The title row (line 1) has two columns for the same thing: {content}. Delete or rename one of them.</translation>
    </message>
    <message>
        <source>Line {line} has more values than the title row has columns: {content}. A name with a comma must be in quotes.</source>
        <translation>Line {line} has more values than the title row has columns: {content}. A name with a comma must be in quotes.</translation>
    </message>
    <message>
        <source>Line {line} has no product name: {content}.</source>
        <translation>Line {line} has no product name: {content}.</translation>
    </message>
    <message>
        <source>Line {line}: the ATC code is not a WHO ATC code of 7 characters like C08CA01: {content}.</source>
        <translation>Line {line}: the ATC code is not a WHO ATC code of 7 characters like C08CA01: {content}.</translation>
    </message>
    <message>
        <source>The file has a title row but no products.</source>
        <translation>The file has a title row but no products.</translation>
    </message>
    <message>
        <source>No consent to collect and use health information is recorded for this resident. Record it first.</source>
        <translation>No consent to collect and use health information is recorded for this resident. Record it first.</translation>
    </message>
    <message>
        <source>The resident refused consent to collect and use health information, so no new health information can be recorded. Earlier records stay readable.</source>
        <translation>The resident refused consent to collect and use health information, so no new health information can be recorded. Earlier records stay readable.</translation>
    </message>
    <message>
        <source>The resident withdrew consent to collect and use health information, so no new consultation can be recorded. Earlier records stay readable.</source>
        <translation>The resident withdrew consent to collect and use health information, so no new consultation can be recorded. Earlier records stay readable.</translation>
    </message>
    <message>
        <source>No consent to share with the welfare centre is recorded. Record the resident's consent first.</source>
        <translation>No consent to share with the welfare centre is recorded. Record the resident's consent first.</translation>
    </message>
    <message>
        <source>The resident refused to share information with the welfare centre, so no referral sheet can be made.</source>
        <translation>The resident refused to share information with the welfare centre, so no referral sheet can be made.</translation>
    </message>
    <message>
        <source>The resident withdrew consent to share with the welfare centre, so no referral sheet can be made or sent.</source>
        <translation>The resident withdrew consent to share with the welfare centre, so no referral sheet can be made or sent.</translation>
    </message>
    <message>
        <source>Choose the resident's welfare centre first: a referral needs an addressee.</source>
        <translation>Choose the resident's welfare centre first: a referral needs an addressee.</translation>
    </message>
    <message>
        <source>Enter the resident's birth date first: the referral sheet shows the age.</source>
        <translation>Enter the resident's birth date first: the referral sheet shows the age.</translation>
    </message>
    <message>
        <source>This referral no longer exists.</source>
        <translation>This referral no longer exists.</translation>
    </message>
    <message>
        <source>No referral has the code {reference} on this computer. Check the code, or sync first if a teammate wrote it.</source>
        <translation>No referral has the code {reference} on this computer. Check the code, or sync first if a teammate wrote it.</translation>
    </message>
    <message>
        <source>The backup is damaged ({detail}). Nothing was changed; choose another copy.</source>
        <translation>The backup is damaged ({detail}). Nothing was changed; choose another copy.</translation>
    </message>
    <message>
        <source>The database on this computer has changes newer than the backup. Nothing was changed.</source>
        <translation>The database on this computer has changes newer than the backup. Nothing was changed.</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of ConsultDesk. Update ConsultDesk first.</source>
        <translation>The backup was made by a newer version of ConsultDesk. Update ConsultDesk first.</translation>
    </message>
    <message>
        <source>The database on this computer has another passphrase than the backup (it was changed after the backup was made). Nothing was changed.</source>
        <translation>The database on this computer has another passphrase than the backup (it was changed after the backup was made). Nothing was changed.</translation>
    </message>
    <message>
        <source>This step does not fit the referral as it stands now; the list was refreshed.</source>
        <translation>This step does not fit the referral as it stands now; the list was refreshed.</translation>
    </message>
    <message>
        <source>The date cannot be before {date}, the date of the step before.</source>
        <translation>The date cannot be before {date}, the date of the step before.</translation>
    </message>
    <message>
        <source>Choose resolved or not resolved.</source>
        <translation>Choose resolved or not resolved.</translation>
    </message>
    <message>
        <source>This resident has no consultation yet: record one first.</source>
        <translation>This resident has no consultation yet: record one first.</translation>
    </message>
    <message>
        <source>A finished consultation is never deleted: it stays in the record. Amend it if something needs correcting.</source>
        <translation>A finished consultation is never deleted: it stays in the record. Amend it if something needs correcting.</translation>
    </message>
    <message>
        <source>This consultation cannot be deleted: the referral {reference} was made from it.</source>
        <translation>This consultation cannot be deleted: the referral {reference} was made from it.</translation>
    </message>
    <message>
        <source>The document cannot be made as it is ({detail}).</source>
        <translation>The document cannot be made as it is ({detail}).</translation>
    </message>
    <message>
        <source>“{name}” cannot be deleted: it is still the welfare centre of {resident_names} ({residents} in all). Give them another welfare centre first.</source>
        <translation>“{name}” cannot be deleted: it is still the welfare centre of {resident_names} ({residents} in all). Give them another welfare centre first.</translation>
    </message>
    <message>
        <source>“{name}” cannot be deleted: its case workers are still listed ({case_worker_names}). Delete them first.</source>
        <translation>“{name}” cannot be deleted: its case workers are still listed ({case_worker_names}). Delete them first.</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: they are still the case worker of {resident_names} ({residents} in all). Give them another case worker first.</source>
        <translation>{name} cannot be deleted: they are still the case worker of {resident_names} ({residents} in all). Give them another case worker first.</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>Something went wrong ({code}).</translation>
    </message>
</context>
<context>
    <name>ObservedRow</name>
    <message>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Change the words, the severity or the services</source>
        <translation>Change the words, the severity or the services</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>OpenFlagsSummary</name>
    <message>
        <source>No consultation recorded yet.</source>
        <translation>No consultation recorded yet.</translation>
    </message>
    <message>
        <source>No open risk flags in the latest consultation.</source>
        <translation>No open risk flags in the latest consultation.</translation>
    </message>
    <message>
        <source>Open risk flags in the latest consultation: {count}</source>
        <translation>Open risk flags in the latest consultation: {count}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>and {count} more</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <source>Import a product list</source>
        <translation>Import a product list</translation>
    </message>
    <message>
        <source>Import a product list you downloaded (for example the HIRA drug master or an MFDS product list) as a CSV file in CP949 or UTF-8. The medicine search then also finds product names, and a product fills in all its ingredients. The file needs a product name column (제품명) and an ATC code column (ATC코드). A product imported again is replaced by the newer file.</source>
        <translation>Import a product list you downloaded (for example the HIRA drug master or an MFDS product list) as a CSV file in CP949 or UTF-8. The medicine search then also finds product names, and a product fills in all its ingredients. The file needs a product name column (제품명) and an ATC code column (ATC코드). A product imported again is replaced by the newer file.</translation>
    </message>
    <message>
        <source>Remove imported products</source>
        <translation>Remove imported products</translation>
    </message>
    <message>
        <source>Products imported: {count}.</source>
        <translation>Products imported: {count}.</translation>
    </message>
    <message numerus="yes">
        <source>No product list imported yet: the search finds the %Ln ingredient(s) of the bundled catalog.</source>
        <translation>
            <numerusform>No product list imported yet: the search finds the %Ln ingredient of the bundled catalog.</numerusform>
            <numerusform>No product list imported yet: the search finds the %Ln ingredients of the bundled catalog.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %Ln imported product(s)? The search then finds the ingredients of the bundled catalog only. Medicines already recorded keep their names and ingredients.</source>
        <translation>
            <numerusform>Remove the %Ln imported product? The search then finds the ingredients of the bundled catalog only. Medicines already recorded keep their names and ingredients.</numerusform>
            <numerusform>Remove the %Ln imported products? The search then finds the ingredients of the bundled catalog only. Medicines already recorded keep their names and ingredients.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a product list</source>
        <translation>Choose a product list</translation>
    </message>
    <message numerus="yes">
        <source>{file}: {products} imported from %Ln row(s).</source>
        <translation>
            <numerusform>{file}: {products} imported from %Ln row.</numerusform>
            <numerusform>{file}: {products} imported from %Ln rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows merged because the product name came again: {merged}. Combination products (several ingredients): {combinations}.</source>
        <translation>Rows merged because the product name came again: {merged}. Combination products (several ingredients): {combinations}.</translation>
    </message>
    <message>
        <source>Products that replace the same name from an earlier list: {n}.</source>
        <translation>Products that replace the same name from an earlier list: {n}.</translation>
    </message>
    <message>
        <source>Products without an ATC code: {n}. They are found by name, but the risk checks cannot see their ingredients.</source>
        <translation>Products without an ATC code: {n}. They are found by name, but the risk checks cannot see their ingredients.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>Columns not used: {columns}.</translation>
    </message>
    <message>
        <source>Nothing was imported; the products imported before stay.</source>
        <translation>Nothing was imported; the products imported before stay.</translation>
    </message>
    <message>
        <source>The imported products were removed.</source>
        <translation>The imported products were removed.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Pharmacist profile</source>
        <translation>Pharmacist profile</translation>
    </message>
    <message>
        <source>Your name and contact appear on the documents you print and name you in the access log. They are kept on this computer only.</source>
        <translation>Your name and contact appear on the documents you print and name you in the access log. They are kept on this computer only.</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Leave this question unanswered</source>
        <translation>Leave this question unanswered</translation>
    </message>
</context>
<context>
    <name>RecoverPrompt</name>
    <message>
        <source>Unfinished consultation</source>
        <translation>Unfinished consultation</translation>
    </message>
    <message>
        <source>ConsultDesk stopped while a consultation was open: {name}, visit {n} ({day}). Everything typed until a second before was saved. Continue it now?</source>
        <translation>ConsultDesk stopped while a consultation was open: {name}, visit {n} ({day}). Everything typed until a second before was saved. Continue it now?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Welfare centre · case worker</source>
        <translation>Welfare centre · case worker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message numerus="yes">
        <source>No reply for more than %n day(s): call the case worker</source>
        <translation>
            <numerusform>No reply for more than %n day: call the case worker</numerusform>
            <numerusform>No reply for more than %n days: call the case worker</numerusform>
        </translation>
    </message>
    <message>
        <source>{outcome}: {reason}</source>
        <translation>{outcome}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <source>Referrals to welfare centres</source>
        <translation>Referrals to welfare centres</translation>
    </message>
    <message>
        <source>Open referrals</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>Closed referrals</source>
        <translation>Closed referrals</translation>
    </message>
    <message>
        <source>All referrals</source>
        <translation>All referrals</translation>
    </message>
    <message>
        <source>Which referrals to list</source>
        <translation>Which referrals to list</translation>
    </message>
    <message>
        <source>Find by reference, resident or centre</source>
        <translation>Find by reference, resident or centre</translation>
    </message>
    <message>
        <source>Mark sent…</source>
        <translation>Mark sent…</translation>
    </message>
    <message>
        <source>Record reply…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Export sheets…</source>
        <translation>Export sheets…</translation>
    </message>
    <message>
        <source>Write the referral sheets of the selected rows (or of all drafts) at once</source>
        <translation>Write the referral sheets of the selected rows (or of all drafts) at once</translation>
    </message>
    <message numerus="yes">
        <source>%n open referral(s)</source>
        <translation>
            <numerusform>%n open referral</numerusform>
            <numerusform>%n open referrals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{overdue} without a reply after %n day(s)</source>
        <translation>
            <numerusform>{overdue} without a reply after %n day</numerusform>
            <numerusform>{overdue} without a reply after %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the draft referral {reference}? It was never sent.</source>
        <translation>Discard the draft referral {reference}? It was never sent.</translation>
    </message>
    <message>
        <source>Save the sheets in</source>
        <translation>Save the sheets in</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply from the case worker</source>
        <translation>Reply from the case worker</translation>
    </message>
    <message>
        <source>Needed when it could not be linked</source>
        <translation>Needed when it could not be linked</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Why it could not be linked</source>
        <translation>Why it could not be linked</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Case worker</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>New resident</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>Edit resident</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>1948-03-05, or the year alone: 1944</source>
        <translation>1948-03-05, or the year alone: 1944</translation>
    </message>
    <message>
        <source>When the registered birthday is not the real one, type only the birth year (about): the age is then counted from the middle of that year.</source>
        <translation>When the registered birthday is not the real one, type only the birth year (about): the age is then counted from the middle of that year.</translation>
    </message>
    <message>
        <source>e.g. Seoul Gwanak-gu (district only)</source>
        <translation>e.g. Seoul Gwanak-gu (district only)</translation>
    </message>
    <message>
        <source>e.g. hypertension, diabetes</source>
        <translation>e.g. hypertension, diabetes</translation>
    </message>
    <message>
        <source>Allergies and past adverse reactions</source>
        <translation>Allergies and past adverse reactions</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Living situation</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>Welfare centre</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>About {age} (only the birth year is known)</source>
        <translation>About {age} (only the birth year is known)</translation>
    </message>
    <message>
        <source>Age {age} (full years, 만 나이)</source>
        <translation>Age {age} (full years, 만 나이)</translation>
    </message>
</context>
<context>
    <name>ResidentPanel</name>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Delete this resident (Delete key in the list)</source>
        <translation>Delete this resident (Delete key in the list)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Choose a resident in the list, or add a new one.</source>
        <translation>Choose a resident in the list, or add a new one.</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>born about {year} (age about {age})</source>
        <translation>born about {year} (age about {age})</translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date} (age {age})</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Living situation</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>Welfare centre</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>witness: {name}</source>
        <translation>witness: {name}</translation>
    </message>
    <message>
        <source>withdrawn {date}</source>
        <translation>withdrawn {date}</translation>
    </message>
    <message>
        <source>{name} (born {date})</source>
        <translation>{name} (born {date})</translation>
    </message>
    <message>
        <source>Delete the resident {who}?

Their consultations, consents and referrals will no longer be listed, on this computer and, after the next sync, on the team's.</source>
        <translation>Delete the resident {who}?

Their consultations, consents and referrals will no longer be listed, on this computer and, after the next sync, on the team's.</translation>
    </message>
    <message>
        <source>Delete resident</source>
        <translation>Delete resident</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Living situation</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>Welfare centre</translation>
    </message>
</context>
<context>
    <name>ResidentsView</name>
    <message>
        <source>Search by name, phone or initials (ㄱㅁㅅ)  —  Ctrl+F</source>
        <translation>Search by name, phone or initials (ㄱㅁㅅ)  —  Ctrl+F</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>New resident</translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln resident(s) — type to narrow the list</source>
        <translation>
            <numerusform>Showing {shown} of %Ln resident — type to narrow the list</numerusform>
            <numerusform>Showing {shown} of %Ln residents — type to narrow the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln resident(s)</source>
        <translation>
            <numerusform>%Ln resident</numerusform>
            <numerusform>%Ln residents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>This replaces the database on this computer ({residents} residents, last changed {changed}) with the backup {file} (made {made}). Everything recorded here after that backup was made is no longer on this computer; what was sent to the team comes back with the next sync. The current database is kept in the backups folder first. ConsultDesk closes when the restore is done: start it again.</source>
        <translation>This replaces the database on this computer ({residents} residents, last changed {changed}) with the backup {file} (made {made}). Everything recorded here after that backup was made is no longer on this computer; what was sent to the team comes back with the next sync. The current database is kept in the backups folder first. ConsultDesk closes when the restore is done: start it again.</translation>
    </message>
    <message>
        <source>The backup's passphrase</source>
        <translation>The backup's passphrase</translation>
    </message>
    <message>
        <source>Replace it even if this computer has newer changes</source>
        <translation>Replace it even if this computer has newer changes</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>The passphrase in use when the backup was made.</source>
        <translation>The passphrase in use when the backup was made.</translation>
    </message>
    <message>
        <source>Enter the backup's passphrase.</source>
        <translation>Enter the backup's passphrase.</translation>
    </message>
    <message>
        <source>ConsultDesk backups (*.db)</source>
        <translation>ConsultDesk backups (*.db)</translation>
    </message>
    <message>
        <source>Restored from {file}. The database it replaced is kept as {kept}. ConsultDesk closes now: start it again, then sync to get the team's changes.</source>
        <translation>Restored from {file}. The database it replaced is kept as {kept}. ConsultDesk closes now: start it again, then sync to get the team's changes.</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <source>Ask in your own words; any question may be skipped. Form: {title} ({version})</source>
        <translation>Ask in your own words; any question may be skipped. Form: {title} ({version})</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Food</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Money</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Utilities</translation>
    </message>
    <message>
        <source>Transport to care</source>
        <translation>Transport to care</translation>
    </message>
    <message>
        <source>Social contact</source>
        <translation>Social contact</translation>
    </message>
    <message>
        <source>Loneliness</source>
        <translation>Loneliness</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Help at home</source>
        <translation>Help at home</translation>
    </message>
    <message>
        <source>Reading and understanding</source>
        <translation>Reading and understanding</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Cost of medicines</source>
        <translation>Cost of medicines</translation>
    </message>
    <message>
        <source>What I observed</source>
        <translation>What I observed</translation>
    </message>
    <message>
        <source>e.g. the fridge was empty; the stairs have no handrail</source>
        <translation>e.g. the fridge was empty; the stairs have no handrail</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Keep the observation as it was</source>
        <translation>Keep the observation as it was</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Services to suggest (optional)</source>
        <translation>Services to suggest (optional)</translation>
    </message>
    <message>
        <source>This observation is already listed.</source>
        <translation>This observation is already listed.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Backed up to {file}.</source>
        <translation>Backed up to {file}.</translation>
    </message>
    <message>
        <source>A copy is in {file} too.</source>
        <translation>A copy is in {file} too.</translation>
    </message>
    <message>
        <source>The second backup folder {folder} is not there (is the USB stick plugged in?), so it got no copy.</source>
        <translation>The second backup folder {folder} is not there (is the USB stick plugged in?), so it got no copy.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Edit pharmacist profile…</source>
        <translation>Edit pharmacist profile…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>The window is redrawn in the new language at once.</source>
        <translation>The window is redrawn in the new language at once.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>After this many minutes without a key or mouse, ConsultDesk locks itself.</source>
        <translation>After this many minutes without a key or mouse, ConsultDesk locks itself.</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>None (only the data folder's backups)</source>
        <translation>None (only the data folder's backups)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <source>A USB stick, for example: each backup, and the daily one when ConsultDesk closes, is copied there too while it is plugged in.</source>
        <translation>A USB stick, for example: each backup, and the daily one when ConsultDesk closes, is copied there too while it is plugged in.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on. The backup made before, under the old passphrase, is {file}.</source>
        <translation>The passphrase is changed. Use the new one from now on. The backup made before, under the old passphrase, is {file}.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>Chan&amp;ge passphrase…</source>
        <translation>Chan&amp;ge passphrase…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on.</source>
        <translation>The passphrase is changed. Use the new one from now on.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up ConsultDesk</source>
        <translation>Set up ConsultDesk</translation>
    </message>
    <message>
        <source>Welcome. ConsultDesk keeps residents' health information encrypted on this computer. Choose a passphrase: it opens the data, and it cannot be recovered if it is lost.</source>
        <translation>Welcome. ConsultDesk keeps residents' health information encrypted on this computer. Choose a passphrase: it opens the data, and it cannot be recovered if it is lost.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>ConsultDesk</source>
        <translation>ConsultDesk</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>Welfare centre</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Drug-related problem</source>
        <translation>Drug-related problem</translation>
    </message>
    <message>
        <source>Risk flag decision</source>
        <translation>Risk flag decision</translation>
    </message>
    <message>
        <source>Earlier version of a consultation</source>
        <translation>Earlier version of a consultation</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>Dose in the morning</source>
        <translation>Dose in the morning</translation>
    </message>
    <message>
        <source>Dose at noon</source>
        <translation>Dose at noon</translation>
    </message>
    <message>
        <source>Dose in the evening</source>
        <translation>Dose in the evening</translation>
    </message>
    <message>
        <source>Dose at bedtime</source>
        <translation>Dose at bedtime</translation>
    </message>
    <message>
        <source>Dose when needed</source>
        <translation>Dose when needed</translation>
    </message>
    <message>
        <source>Medicine name</source>
        <translation>Medicine name</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Date of the decision</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>How consent was given</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Kind of consent</source>
        <translation>Kind of consent</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Living situation</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>Follow-up plan</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriber</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Adherence</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Pharmacist's opinion</source>
        <translation>Pharmacist's opinion</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The record was deleted</source>
        <translation>The record was deleted</translation>
    </message>
    <message>
        <source>{field} was changed to: {value}</source>
        <translation>{field} was changed to: {value}</translation>
    </message>
    <message>
        <source>this computer, {time}</source>
        <translation>this computer, {time}</translation>
    </message>
    <message>
        <source>computer {device}, {time}</source>
        <translation>computer {device}, {time}</translation>
    </message>
</context>
<context>
    <name>SyncReportDialog</name>
    <message>
        <source>Sync report</source>
        <translation>Sync report</translation>
    </message>
    <message>
        <source>The sync did not run: {reason}</source>
        <translation>The sync did not run: {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Sent: {changes} in {bundles}.</source>
        <translation>Sent: {changes} in {bundles}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message>
        <source>Received: {bundles} from the team, {changes} applied.</source>
        <translation>Received: {bundles} from the team, {changes} applied.</translation>
    </message>
    <message>
        <source>New conflicts to look at: {count}.</source>
        <translation>New conflicts to look at: {count}.</translation>
    </message>
    <message>
        <source>Files skipped: {count} (nothing was deleted).</source>
        <translation>Files skipped: {count} (nothing was deleted).</translation>
    </message>
    <message>
        <source>Files ignored as before: {count} (see Files we ignore).</source>
        <translation>Files ignored as before: {count} (see Files we ignore).</translation>
    </message>
    <message>
        <source>This computer had been away so long that the team folder no longer held everything it missed. It caught up from a team snapshot (computer {device}); the changes made here that were not sent yet were kept and sent.</source>
        <translation>This computer had been away so long that the team folder no longer held everything it missed. It caught up from a team snapshot (computer {device}); the changes made here that were not sent yet were kept and sent.</translation>
    </message>
    <message>
        <source>This computer started from a team snapshot (computer {device}): {records} taken from it.</source>
        <translation>This computer started from a team snapshot (computer {device}): {records} taken from it.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>The team folder no longer holds everything this computer missed. It waits for a team snapshot to catch up from; nothing made here is lost. Keep the other computers syncing, or ask one to sync now.</source>
        <translation>The team folder no longer holds everything this computer missed. It waits for a team snapshot to catch up from; nothing made here is lost. Keep the other computers syncing, or ask one to sync now.</translation>
    </message>
    <message>
        <source>Nothing was sent: {reason}</source>
        <translation>Nothing was sent: {reason}</translation>
    </message>
    <message>
        <source>Everything was already up to date.</source>
        <translation>Everything was already up to date.</translation>
    </message>
    <message>
        <source>Skipped {file}: {reason}</source>
        <translation>Skipped {file}: {reason}</translation>
    </message>
    <message>
        <source>Computer {device}, file {seq}: a change to {field} was not kept: {reason}</source>
        <translation>Computer {device}, file {seq}: a change to {field} was not kept: {reason}</translation>
    </message>
    <message>
        <source>Computer {device}: its file {seq} and some after it were cleared from the team folder; waiting for a team snapshot.</source>
        <translation>Computer {device}: its file {seq} and some after it were cleared from the team folder; waiting for a team snapshot.</translation>
    </message>
    <message>
        <source>Computer {device}: waiting for its file {seq}.</source>
        <translation>Computer {device}: waiting for its file {seq}.</translation>
    </message>
    <message>
        <source>Removed {count} of this computer's own files from the team folder: every other computer has them.</source>
        <translation>Removed {count} of this computer's own files from the team folder: every other computer has them.</translation>
    </message>
    <message>
        <source>The folder of computer {device} is missing or empty. Nothing was deleted here; check the shared folder.</source>
        <translation>The folder of computer {device} is missing or empty. Nothing was deleted here; check the shared folder.</translation>
    </message>
    <message>
        <source>Computer {device} made changes dated in the future. Check its date and time settings.</source>
        <translation>Computer {device} made changes dated in the future. Check its date and time settings.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Not syncing with a team</source>
        <translation>Not syncing with a team</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <source>shared folder not reachable</source>
        <translation>shared folder not reachable</translation>
    </message>
    <message>
        <source>last sync failed</source>
        <translation>last sync failed</translation>
    </message>
    <message>
        <source>{count} waiting to be sent</source>
        <translation>{count} waiting to be sent</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Set up the team folder…</source>
        <translation>Set up the team folder…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Files we ignore…</source>
        <translation>Files we ignore…</translation>
    </message>
    <message>
        <source>Computers in the team…</source>
        <translation>Computers in the team…</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>This computer is not part of a team. Set up the team folder to share.</source>
        <translation>This computer is not part of a team. Set up the team folder to share.</translation>
    </message>
    <message>
        <source>Team {name} · folder {folder}</source>
        <translation>Team {name} · folder {folder}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Last successful sync: {time}</source>
        <translation>Last successful sync: {time}</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}</source>
        <translation>Changes waiting to be sent: {count}</translation>
    </message>
    <message>
        <source>Open conflicts: {count} (a decision is needed for {person})</source>
        <translation>Open conflicts: {count} (a decision is needed for {person})</translation>
    </message>
</context>
<context>
    <name>TeamDevicesDialog</name>
    <message>
        <source>Computers in the team</source>
        <translation>Computers in the team</translation>
    </message>
    <message>
        <source>Retire a computer that was lost, stolen or replaced: its changes stay, its folder stays, and no computer of the team waits for it any more. Its own database stays protected by its own passphrase. If it may be in someone else's hands, also start a new team folder with a new team passphrase.</source>
        <translation>Retire a computer that was lost, stolen or replaced: its changes stay, its folder stays, and no computer of the team waits for it any more. Its own database stays protected by its own passphrase. If it may be in someone else's hands, also start a new team folder with a new team passphrase.</translation>
    </message>
    <message>
        <source>Retire this computer…</source>
        <translation>Retire this computer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>name not known yet</source>
        <translation>name not known yet</translation>
    </message>
    <message>
        <source>Computer {device} ({who})</source>
        <translation>Computer {device} ({who})</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>files up to {seq}</source>
        <translation>files up to {seq}</translation>
    </message>
    <message>
        <source>retired on {day}</source>
        <translation>retired on {day}</translation>
    </message>
    <message>
        <source>Retire a computer</source>
        <translation>Retire a computer</translation>
    </message>
    <message>
        <source>Retire computer {device}? Its changes stay on every laptop, and no computer of the team waits for it or reports its folder missing any more.</source>
        <translation>Retire computer {device}? Its changes stay on every laptop, and no computer of the team waits for it or reports its folder missing any more.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>Computer {device} is retired.</source>
        <translation>Computer {device} is retired.</translation>
    </message>
</context>
<context>
    <name>TeamSetupDialog</name>
    <message>
        <source>Team shared folder</source>
        <translation>Team shared folder</translation>
    </message>
    <message>
        <source>Laptops of one team exchange their changes through a shared folder (a NAS, OneDrive, Google Drive, Syncthing…). Only encrypted files go there; the database stays on this computer.</source>
        <translation>Laptops of one team exchange their changes through a shared folder (a NAS, OneDrive, Google Drive, Syncthing…). Only encrypted files go there; the database stays on this computer.</translation>
    </message>
    <message>
        <source>Join the team in this folder</source>
        <translation>Join the team in this folder</translation>
    </message>
    <message>
        <source>Start a new team in this folder</source>
        <translation>Start a new team in this folder</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>Team name</translation>
    </message>
    <message>
        <source>Team passphrase</source>
        <translation>Team passphrase</translation>
    </message>
    <message>
        <source>Team passphrase again</source>
        <translation>Team passphrase again</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Choose the shared folder.</source>
        <translation>Choose the shared folder.</translation>
    </message>
    <message>
        <source>Give the team a name.</source>
        <translation>Give the team a name.</translation>
    </message>
    <message>
        <source>Checking the team passphrase…</source>
        <translation>Checking the team passphrase…</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>New consultation</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Compare two…</source>
        <translation>Compare two…</translation>
    </message>
    <message>
        <source>Select two consultations (Ctrl+click) to compare</source>
        <translation>Select two consultations (Ctrl+click) to compare</translation>
    </message>
    <message>
        <source>Delete the selected unfinished consultation (a finished one is amended instead)</source>
        <translation>Delete the selected unfinished consultation (a finished one is amended instead)</translation>
    </message>
    <message>
        <source>{date} · visit {n} · {place} · {medicines}, {problems} · {status}</source>
        <translation>{date} · visit {n} · {place} · {medicines}, {problems} · {status}</translation>
    </message>
    <message>
        <source>Delete this unfinished consultation?

{session}

Its medicines, problems and flag decisions go with it, on this computer and, after the next sync, on the team's.</source>
        <translation>Delete this unfinished consultation?

{session}

Its medicines, problems and flag decisions go with it, on this computer and, after the next sync, on the team's.</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message numerus="yes">
        <source>%n medicine(s)</source>
        <translation>
            <numerusform>%n medicine</numerusform>
            <numerusform>%n medicines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>(amended)</source>
        <translation>(amended)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock ConsultDesk</source>
        <translation>Unlock ConsultDesk</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Enter the passphrase to open the residents' records.</source>
        <translation>Enter the passphrase to open the residents' records.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>Updating the database for this version of ConsultDesk, after a backup. With many records this takes a few minutes. If ConsultDesk is closed meanwhile, nothing is lost: the update starts again the next time.</source>
        <translation>Updating the database for this version of ConsultDesk, after a backup. With many records this takes a few minutes. If ConsultDesk is closed meanwhile, nothing is lost: the update starts again the next time.</translation>
    </message>
</context>
<context>
    <name>UnreviewedFlagsPrompt</name>
    <message>
        <source>Finish consultation</source>
        <translation>Finish consultation</translation>
    </message>
    <message>
        <source>Some risk flags have not been reviewed yet.</source>
        <translation>Some risk flags have not been reviewed yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n high</source>
        <translation>
            <numerusform>%n high</numerusform>
            <numerusform>%n high</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moderate</source>
        <translation>
            <numerusform>%n moderate</numerusform>
            <numerusform>%n moderate</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reviewed: {counts}. Finish the consultation anyway?</source>
        <translation>Not reviewed: {counts}. Finish the consultation anyway?</translation>
    </message>
    <message>
        <source>Finish anyway</source>
        <translation>Finish anyway</translation>
    </message>
    <message>
        <source>Go back and review</source>
        <translation>Go back and review</translation>
    </message>
</context>
<context>
    <name>UnsavedPrompt</name>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>The last edits of this consultation are not saved.</source>
        <translation>The last edits of this consultation are not saved.</translation>
    </message>
    <message>
        <source>If the consultation is closed now, these edits are lost. Try again, keep it open and fix what the message says, or save a copy to a file.</source>
        <translation>If the consultation is closed now, these edits are lost. Try again, keep it open and fix what the message says, or save a copy to a file.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Keep it open</translation>
    </message>
    <message>
        <source>Save a copy to a file…</source>
        <translation>Save a copy to a file…</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>From this date on, nothing is shared on the basis of this consent.</source>
        <translation>From this date on, nothing is shared on the basis of this consent.</translation>
    </message>
</context>
</TS>