<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>Welfare centres</source>
        <translation>Welfare centres</translation>
    </message>
    <message>
        <source>Case workers</source>
        <translation>Case workers</translation>
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
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected problem</source>
        <translation>Unexpected problem</translation>
    </message>
    <message>
        <source>Something went wrong. What you saved is safe, and the details were written to the log file in the data folder. You can keep working.</source>
        <translation>Something went wrong. What you saved is safe, and the details were written to the log file in the data folder. You can keep working.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
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
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <source>Welfare centres</source>
        <translation>Welfare centres</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About ConsultDesk</source>
        <translation>&amp;About ConsultDesk</translation>
    </message>
    <message>
        <source>{name} · {count} residents</source>
        <translation>{name} · {count} residents</translation>
    </message>
    <message>
        <source>About ConsultDesk</source>
        <translation>About ConsultDesk</translation>
    </message>
    <message>
        <source>ConsultDesk {version}
Medication consultations for visiting pharmacists.
Residents' data stays encrypted on this computer.
Korean font: Nanum Gothic (SIL Open Font License 1.1).</source>
        <translation>ConsultDesk {version}
Medication consultations for visiting pharmacists.
Residents' data stays encrypted on this computer.
Korean font: Nanum Gothic (SIL Open Font License 1.1).</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This looks like a resident registration number. ConsultDesk never stores one: the law allows it only with a specific legal basis, and the work does not need it. Remove it and use the birth date instead.</source>
        <translation>This looks like a resident registration number. ConsultDesk never stores one: the law allows it only with a specific legal basis, and the work does not need it. Remove it and use the birth date instead.</translation>
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
        <source>Write the date as YYYY-MM-DD, for example 1948-03-05.</source>
        <translation>Write the date as YYYY-MM-DD, for example 1948-03-05.</translation>
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
        <source>The disk is full. Free some space and save again; nothing you typed was lost.</source>
        <translation>The disk is full. Free some space and save again; nothing you typed was lost.</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>Something went wrong ({code}).</translation>
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
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
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
</context>
<context>
    <name>ResidentTableModel</name>
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
    <message>
        <source>{age} years</source>
        <translation>{age} years</translation>
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
    <message>
        <source>Showing {shown} of {total} residents — type to narrow the list</source>
        <translation>Showing {shown} of {total} residents — type to narrow the list</translation>
    </message>
    <message>
        <source>{total} residents</source>
        <translation>{total} residents</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
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
        <source>The window is redrawn in the new language at once.</source>
        <translation>The window is redrawn in the new language at once.</translation>
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
        <source>Pharmacist name</source>
        <translation>Pharmacist name</translation>
    </message>
    <message>
        <source>Pharmacy or organisation</source>
        <translation>Pharmacy or organisation</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
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