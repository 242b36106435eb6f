"""Sentences for the codes the core raises, translated at the UI edge."""

from __future__ import annotations

import errno

from consultdesk.domain.problems import Problem


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a sentence for the catalogue and returns it unchanged. Defined here rather than
    imported from Qt so that the command line can read this table without loading Qt."""
    return text


# Marked for extraction here, translated when shown, so a language change takes effect at once.
_MESSAGES: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text
    "rrn_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "This looks like a resident registration number. ConsultDesk never stores one: the law "
        "allows it only with a specific legal basis, and the work does not need it. "
        "Remove it and use the birth date instead.",
    ),
    "text_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "This text holds a broken character (often left by copying from another program). "
        "Type that part again.",
    ),
    "name_empty": QT_TRANSLATE_NOOP("Messages", "Enter the name."),
    "name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The name is too long (at most {max} characters)."
    ),
    "date_malformed": QT_TRANSLATE_NOOP(
        "Messages",
        "Write the date as YYYY-MM-DD (1948-03-05) or 1948. 3. 5., or choose it in the calendar.",
    ),
    "birth_date_future": QT_TRANSLATE_NOOP("Messages", "The birth date is in the future."),
    "birth_date_absurd": QT_TRANSLATE_NOOP(
        "Messages", "This birth date gives an age over {max}. Check the year."
    ),
    "phone_malformed": QT_TRANSLATE_NOOP(
        "Messages", "The phone number should look like 010-1234-5678 or 02-123-4567."
    ),
    "choice_invalid": QT_TRANSLATE_NOOP("Messages", "Choose one of the values in the list."),
    "case_worker_without_centre": QT_TRANSLATE_NOOP(
        "Messages", "Choose the welfare centre of this case worker first."
    ),
    "centre_unknown": QT_TRANSLATE_NOOP("Messages", "Choose a welfare centre from the list."),
    "case_worker_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Choose a case worker who works at this welfare centre."
    ),
    "resident_gone": QT_TRANSLATE_NOOP(
        "Messages", "This resident has been deleted in the meantime."
    ),
    "date_future": QT_TRANSLATE_NOOP("Messages", "The date is in the future."),
    # shared measures
    "period_order": QT_TRANSLATE_NOOP("Messages", "The end of the period is before its start."),
    "period_too_long": QT_TRANSLATE_NOOP("Messages", "The period is longer than {years} years."),
    "number_range": QT_TRANSLATE_NOOP("Messages", "Enter a number from {min} to {max}."),
    "witness_required": QT_TRANSLATE_NOOP(
        "Messages", "Verbal consent needs the name of the person who witnessed it."
    ),
    "consent_gone": QT_TRANSLATE_NOOP("Messages", "This consent record no longer exists."),
    "withdrawal_before_consent": QT_TRANSLATE_NOOP(
        "Messages", "The withdrawal cannot be dated before the consent."
    ),
    "email_malformed": QT_TRANSLATE_NOOP("Messages", "Check the e-mail address."),
    "passphrase_short": QT_TRANSLATE_NOOP("Messages", "Use at least {min} characters."),
    "passphrase_spaces": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase cannot start or end with a space."
    ),
    "passphrase_mismatch": QT_TRANSLATE_NOOP("Messages", "The two passphrases are not the same."),
    "passphrase_unchanged": QT_TRANSLATE_NOOP(
        "Messages", "The new passphrase is the same as the current one."
    ),
    "too_many_attempts": QT_TRANSLATE_NOOP(
        "Messages",
        "Too many wrong passphrases in a row. Wait {seconds} seconds, then try again.",
    ),
    "database_locked": QT_TRANSLATE_NOOP(
        "Messages", "ConsultDesk is locked. Unlock it with the passphrase to continue."
    ),
    "wrong_passphrase": QT_TRANSLATE_NOOP(
        "Messages",
        "The passphrase is wrong, or the file is not a ConsultDesk database. Nothing was "
        "changed; try again.",
    ),
    "database_missing": QT_TRANSLATE_NOOP("Messages", "The database file is missing."),
    "database_exists": QT_TRANSLATE_NOOP("Messages", "A database already exists in this folder."),
    "migration_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The database could not be upgraded to this version of ConsultDesk. It was left as it "
        "was, and a backup is in the backups folder.",
    ),
    "date_in_future": QT_TRANSLATE_NOOP("Messages", "The visit date is in the future."),
    "next_visit_before_visit": QT_TRANSLATE_NOOP(
        "Messages", "The next visit cannot be before this visit."
    ),
    "duration_range": QT_TRANSLATE_NOOP(
        "Messages", "Write the duration in minutes, between 1 and 600."
    ),
    "nothing_recorded": QT_TRANSLATE_NOOP(
        "Messages",
        "Record at least one medicine or the advice given before finishing the consultation.",
    ),
    "consultation_final": QT_TRANSLATE_NOOP(
        "Messages",
        'This consultation is finished and can no longer be changed. Use "Amend" to correct it; '
        "the earlier version is kept.",
    ),
    "consultation_gone": QT_TRANSLATE_NOOP(
        "Messages", "This consultation has been deleted in the meantime."
    ),
    "reason_required": QT_TRANSLATE_NOOP("Messages", "Write the reason."),
    "export_copy_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is saved on this computer, but its copy could not be put in the team folder "
        "{path}. Check that the shared folder is reachable and save again to copy it.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Free some space and save again; nothing you typed was lost."
    ),
    # --- data safety ---
    "database_busy": QT_TRANSLATE_NOOP(
        "Messages",
        "Another program kept the database busy for more than 5 seconds (is ConsultDesk open "
        "twice on this folder?). Nothing was changed; try again.",
    ),
    "file_not_writable": QT_TRANSLATE_NOOP(
        "Messages", "The file {path} cannot be written ({detail}). Choose another place."
    ),
    "folder_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "ConsultDesk is already open on the data folder {path}, in another window or a "
        "command. Close it there first: two copies on one folder would mix up the team's "
        "changes.",
    ),
    # --- DUR file import: "dur_" + domain.dur_import.DurImportError.reason_code ---
    "dur_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be opened ({detail}). Check that it still exists."
    ),
    "dur_not_csv": QT_TRANSLATE_NOOP(
        "Messages",
        "This is a spreadsheet (Excel) file. Open it in a spreadsheet program, save it as CSV, "
        "and import the CSV file.",
    ),
    "dur_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again in "
        "one of these encodings.",
    ),
    "dur_empty": QT_TRANSLATE_NOOP("Messages", "The file is empty: it has no header row."),
    "dur_bad_csv": QT_TRANSLATE_NOOP(
        "Messages", "Line {line}: this line cannot be read as CSV ({detail})."
    ),
    "dur_duplicate_column": QT_TRANSLATE_NOOP(
        "Messages", "Line {line}: the same column appears twice ({detail})."
    ),
    "dur_field_count": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: the number of fields differs from the header ({detail}). The file may "
        "be cut off or have a stray comma or quote.",
    ),
    "dur_unknown_kind": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: cannot tell which DUR list this file is. Choose the list type and "
        "import again.",
    ),
    "dur_missing_column": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: a required column is missing ({detail}). The README lists the column "
        "titles that are recognised.",
    ),
    "dur_bad_value": QT_TRANSLATE_NOOP("Messages", "Line {line}: unexpected value ({detail})."),
    "dur_wrong_type": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: this row belongs to another DUR list ({detail}). Check the list type.",
    ),
    "dur_missing_value": QT_TRANSLATE_NOOP(
        "Messages", "Line {line}: a required value is empty ({detail})."
    ),
    "dur_no_rules": QT_TRANSLATE_NOOP(
        "Messages",
        "The file was read, but none of its rows gives a usable rule (all are deleted rows or "
        "combination products). Nothing was changed.",
    ),
    "dur_rules_clash": QT_TRANSLATE_NOOP(
        "Messages", "The rules of this file clash with the rules in use ({detail})."
    ),
}


# --- team sync: consultdesk.sync.errors, services.sync, and the reasons a sync report
# gives for a file it skipped (sync.folder.SkippedFile.code) or a laptop it waits for.
_SYNC_MESSAGES: dict[str, object] = {
    "sync_error": QT_TRANSLATE_NOOP("Messages", "Sync failed ({detail})."),
    "share_unavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot reach the shared folder: {path} ({detail}). Nothing was changed on this "
        "computer; the next sync continues where this one stopped.",
    ),
    "team_file_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The team file {path} is damaged or is not a ConsultDesk team file."
    ),
    "team_format_unsupported": QT_TRANSLATE_NOOP(
        "Messages",
        "The team folder was made by a newer version of ConsultDesk. Update ConsultDesk on "
        "this computer.",
    ),
    "wrong_team_passphrase": QT_TRANSLATE_NOOP(
        "Messages", "The team passphrase is wrong. Nothing was changed; try again."
    ),
    "team_passphrase_too_short": QT_TRANSLATE_NOOP(
        "Messages", "The team passphrase needs at least {minimum} characters."
    ),
    "team_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "The folder {path} holds a different team. Nothing was changed; choose this team's folder.",
    ),
    "sync_not_set_up": QT_TRANSLATE_NOOP(
        "Messages", "This computer is not part of a team yet. Set up the team folder first."
    ),
    "no_team_in_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "There is no ConsultDesk team in {path}. Choose the shared folder that holds the "
        "ConsultDesk folder, the ConsultDesk folder itself, or the team's folder inside it (the "
        "one with team.json). If the ConsultDesk folder is there but empty, wait until the "
        "sync program has copied the team to this computer, or create a team.",
    ),
    "several_teams_in_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} holds {teams} teams. Choose the folder of your team, one of these: {detail}.",
    ),
    "cannot_retire_this_computer": QT_TRANSLATE_NOOP(
        "Messages", "This computer cannot retire itself; do it from another laptop of the team."
    ),
    "unknown_device": QT_TRANSLATE_NOOP("Messages", "No computer {detail} is in the team folder."),
    "conflict_gone": QT_TRANSLATE_NOOP(
        "Messages", "This conflict was already resolved, or its record is no longer here."
    ),
    "conflict_value_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This value does not fit the field ({detail})."
    ),
    "export_name_invalid": QT_TRANSLATE_NOOP(
        "Messages", "{detail} cannot be used as a file name in the shared folder."
    ),
    "bundle_exists": QT_TRANSLATE_NOOP(
        "Messages",
        "This computer's next change file is already in the shared folder, and files there are "
        "never overwritten. Was this computer's database restored from a backup? Nothing was "
        "sent; ask for help before syncing again.",
    ),
    "bundle_write_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The changes could not be written to the shared folder ({detail}). They stay on this "
        "computer and are sent next time.",
    ),
    # A file the report skipped, and why. The file stays where it is; nothing was deleted.
    "bundle_invalid": QT_TRANSLATE_NOOP("Messages", "The file cannot be read."),
    "truncated": QT_TRANSLATE_NOOP(
        "Messages", "The file is incomplete; it may still be uploading. It is tried again later."
    ),
    "bad_magic": QT_TRANSLATE_NOOP("Messages", "The file is not a ConsultDesk change file."),
    "unsupported_version": QT_TRANSLATE_NOOP(
        "Messages",
        "The file was written by a newer version of ConsultDesk. Update ConsultDesk on this "
        "computer.",
    ),
    "other_team": QT_TRANSLATE_NOOP("Messages", "The file belongs to another team."),
    "authentication_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The file was changed after it was written, or was written with another team "
        "passphrase. Nothing of it was used.",
    ),
    "malformed_payload": QT_TRANSLATE_NOOP(
        "Messages", "The content of the file is not a valid list of changes."
    ),
    "misplaced": QT_TRANSLATE_NOOP(
        "Messages", "The file is in the wrong place: its name or folder does not match its content."
    ),
    "chain_broken": QT_TRANSLATE_NOOP(
        "Messages",
        "The file does not follow the previous file of the same computer; it may have been "
        "replaced.",
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The file could not be read from the shared folder. It is tried again later."
    ),
    "system_file": QT_TRANSLATE_NOOP(
        "Messages", "A file the operating system keeps in folders; ignored."
    ),
    "conflict_copy": QT_TRANSLATE_NOOP(
        "Messages", "A copy made by the file sync program; ignored, the original is used."
    ),
    "partial_file": QT_TRANSLATE_NOOP(
        "Messages", "A file still being copied or uploaded; ignored for now."
    ),
    "unknown_file": QT_TRANSLATE_NOOP("Messages", "A file ConsultDesk did not write; ignored."),
    "unknown_folder": QT_TRANSLATE_NOOP("Messages", "A folder ConsultDesk did not make; ignored."),
    "gap": QT_TRANSLATE_NOOP(
        "Messages", "An earlier file of this computer has not arrived yet; waiting for it."
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "The file is far larger than any change file ConsultDesk writes; it was not read.",
    ),
    # A change of an imported file that was not stored (rrn_refused and text_unreadable as
    # for typed text, above).
    "value_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The value does not fit any field ConsultDesk has (too large or too nested)."
    ),
}
_MESSAGES.update(_SYNC_MESSAGES)


# --- product list import: services.catalog.PROBLEM_CODES, that is "product_" + the
# reason of domain.product_import.ProductImportError; {content} quotes the line of the file.
_PRODUCT_MESSAGES: dict[str, object] = {
    "product_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be opened ({detail}). Check that it still exists."
    ),
    "product_empty_file": QT_TRANSLATE_NOOP("Messages", "The file is empty."),
    "product_undecodable": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again as CSV "
        "in one of these encodings.",
    ),
    "product_bad_csv": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: this line cannot be read as CSV, for example a quote that is never "
        "closed. Save the file again as CSV from the spreadsheet program.",
    ),
    "product_missing_column": QT_TRANSLATE_NOOP(
        "Messages",
        "The title row (line 1) has no column for the product name or for the ATC code: "
        "{content}. Name the columns 제품명 and ATC코드 (the README lists other titles).",
    ),
    "product_duplicate_column": QT_TRANSLATE_NOOP(
        "Messages",
        "The title row (line 1) has two columns for the same thing: {content}. Delete or "
        "rename one of them.",
    ),
    "product_too_many_fields": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line} has more values than the title row has columns: {content}. A name with "
        "a comma must be in quotes.",
    ),
    "product_missing_product_name": QT_TRANSLATE_NOOP(
        "Messages", "Line {line} has no product name: {content}."
    ),
    "product_bad_atc_code": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line}: the ATC code is not a WHO ATC code of 7 characters like C08CA01: {content}.",
    ),
    "product_no_products": QT_TRANSLATE_NOOP(
        "Messages", "The file has a title row but no products."
    ),
}
_MESSAGES.update(_PRODUCT_MESSAGES)


# --- documents and referrals: services.referrals.BLOCK_MESSAGES, domain.referral.
_DOCUMENT_MESSAGES: dict[str, object] = {
    # Consent first (PIPA art. 23): domain.consent.HEALTH_INFO_BLOCKS.
    "health_consent_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "No consent to collect and use health information is recorded for this resident. "
        "Record it first.",
    ),
    "health_consent_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "The resident refused consent to collect and use health information, so no new health "
        "information can be recorded. Earlier records stay readable.",
    ),
    "health_consent_withdrawn": QT_TRANSLATE_NOOP(
        "Messages",
        "The resident withdrew consent to collect and use health information, so no new "
        "consultation can be recorded. Earlier records stay readable.",
    ),
    "consent_to_share_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "No consent to share with the welfare centre is recorded. Record the resident's consent "
        "first.",
    ),
    "consent_to_share_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "The resident refused to share information with the welfare centre, so no referral "
        "sheet can be made.",
    ),
    "consent_to_share_withdrawn": QT_TRANSLATE_NOOP(
        "Messages",
        "The resident withdrew consent to share with the welfare centre, so no referral sheet "
        "can be made or sent.",
    ),
    "referral_needs_centre": QT_TRANSLATE_NOOP(
        "Messages", "Choose the resident's welfare centre first: a referral needs an addressee."
    ),
    "referral_needs_birth_date": QT_TRANSLATE_NOOP(
        "Messages", "Enter the resident's birth date first: the referral sheet shows the age."
    ),
    "referral_gone": QT_TRANSLATE_NOOP("Messages", "This referral no longer exists."),
    "referral_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "No referral has the code {reference} on this computer. Check the code, or sync first "
        "if a teammate wrote it.",
    ),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Messages", "The backup is damaged ({detail}). Nothing was changed; choose another copy."
    ),
    "backup_older_than_database": QT_TRANSLATE_NOOP(
        "Messages",
        "The database on this computer has changes newer than the backup. Nothing was changed.",
    ),
    "backup_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup was made by a newer version of ConsultDesk. Update ConsultDesk first.",
    ),
    "restore_passphrase_differs": QT_TRANSLATE_NOOP(
        "Messages",
        "The database on this computer has another passphrase than the backup (it was changed "
        "after the backup was made). Nothing was changed.",
    ),
    "referral_state": QT_TRANSLATE_NOOP(
        "Messages",
        "This step does not fit the referral as it stands now; the list was refreshed.",
    ),
    "referral_date_order": QT_TRANSLATE_NOOP(
        "Messages", "The date cannot be before {date}, the date of the step before."
    ),
    "outcome_required": QT_TRANSLATE_NOOP("Messages", "Choose resolved or not resolved."),
    "no_consultation": QT_TRANSLATE_NOOP(
        "Messages", "This resident has no consultation yet: record one first."
    ),
    "document_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "The document cannot be made as it is ({detail})."
    ),
}
_MESSAGES.update(_DOCUMENT_MESSAGES)


# Issue 10: deleting from the GUI, refused while something still refers to the record.
_DELETE_MESSAGES: dict[str, object] = {
    "centre_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” cannot be deleted: it is still the welfare centre of {resident_names} "
        "({residents} in all). Give them another welfare centre first.",
    ),
    "centre_has_case_workers": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” cannot be deleted: its case workers are still listed ({case_worker_names}). "
        "Delete them first.",
    ),
    "case_worker_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} cannot be deleted: they are still the case worker of {resident_names} "
        "({residents} in all). Give them another case worker first.",
    ),
    "final_not_deletable": QT_TRANSLATE_NOOP(
        "Messages",
        "A finished consultation is never deleted: it stays in the record. Amend it if something "
        "needs correcting.",
    ),
    "draft_has_referral": QT_TRANSLATE_NOOP(
        "Messages",
        "This consultation cannot be deleted: the referral {reference} was made from it.",
    ),
}
_MESSAGES.update(_DELETE_MESSAGES)


def known_codes() -> set[str]:
    return set(_MESSAGES)


def message_for(code: str, params: dict[str, object] | None = None) -> str:
    from PySide6.QtCore import QCoreApplication

    source = _MESSAGES.get(code)
    if source is None:
        return QCoreApplication.translate("Messages", "Something went wrong ({code}).").format(
            code=code
        )
    text = QCoreApplication.translate("Messages", str(source))
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError):
        return text


def problem_text(problem: Problem) -> str:
    return message_for(problem.code, problem.params)


def error_text(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno is not None:
        # A file being written: a full disk, a folder that is a file, no permission.
        if error.errno == errno.ENOSPC:
            return message_for("disk_full")
        detail = error.strerror or type(error).__name__
        return message_for("file_not_writable", {"path": error.filename or "", "detail": detail})
    code = getattr(error, "code", None)
    if isinstance(code, str) and code in _MESSAGES:
        # Sync errors carry the values their message names (the folder, the reason).
        context = getattr(error, "context", None)
        return message_for(code, context if isinstance(context, dict) else None)
    return str(error)
