"""Sentences for the codes the core raises, translated at the UI edge."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from consultdesk.domain.problems import Problem

# Marked for extraction here, translated when shown, so a language change takes effect at once.
_MESSAGES: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text
    "rrn_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "This looks like a resident registration number. ConsultDesk never stores one: the law "
        "allows it only with a specific legal basis, and the work does not need it. "
        "Remove it and use the birth date instead.",
    ),
    "name_empty": QT_TRANSLATE_NOOP("Messages", "Enter the name."),
    "name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The name is too long (at most {max} characters)."
    ),
    "date_malformed": QT_TRANSLATE_NOOP(
        "Messages", "Write the date as YYYY-MM-DD, for example 1948-03-05."
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
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Free some space and save again; nothing you typed was lost."
    ),
}


def known_codes() -> set[str]:
    return set(_MESSAGES)


def message_for(code: str, params: dict[str, object] | None = None) -> str:
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
    code = getattr(error, "code", None)
    if isinstance(code, str) and code in _MESSAGES:
        return message_for(code)
    return str(error)
