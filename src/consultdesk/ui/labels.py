"""Translated names for the core's enumerations.

The words for coded values are not written here: they come from the one table in
reports/coded_words.py (English source texts, context CodedWords), translated through the same
Qt Linguist catalogue the PDFs read, so a screen and a document always say the same word.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from consultdesk.domain.consent import ConsentKind, ConsentMethod, ConsentStatus
from consultdesk.domain.consultation import Status
from consultdesk.reports import coded_words

# Kept in ui/forms.py so the first window need not load the enumerations above.
from consultdesk.ui.forms import dialog_buttons as dialog_buttons


def coded(group: str, value: Enum | str) -> str:
    """The screen's word for one code of a group of reports/coded_words.py."""
    return QCoreApplication.translate(coded_words.CONTEXT, coded_words.english(group, value))


def coded_options(group: str) -> list[tuple[str, str]]:
    """(code, word) for every code of a group, in the table's order (for a combo box)."""
    return [(code, coded(group, code)) for code in coded_words.codes(group)]


def sex_options() -> list[tuple[str, str]]:
    return coded_options("sex")


def living_options() -> list[tuple[str, str]]:
    return coded_options("living")


def option_label(options: list[tuple[str, str]], value: str) -> str:
    return next((label for key, label in options if key == value), value)


def consent_kind(kind: ConsentKind) -> str:
    return coded("consent_kind", kind)


def consent_method(method: ConsentMethod) -> str:
    return coded("consent_method", method)


def consent_status(status: ConsentStatus) -> str:
    return coded("consent_status", status)


def place_options() -> list[tuple[str, str]]:
    return coded_options("place")


def present_options() -> list[tuple[str, str]]:
    return coded_options("present")


def source_options() -> list[tuple[str, str]]:
    return coded_options("source")


def adherence_options() -> list[tuple[str, str]]:
    return coded_options("adherence")


def action_options() -> list[tuple[str, str]]:
    return coded_options("action")


def problem_category_options() -> list[tuple[str, str]]:
    return coded_options("problem_category")


def intervention_options() -> list[tuple[str, str]]:
    return coded_options("intervention")


def status_label(status: Status) -> str:
    return coded("consultation_status", status)


# --- risk flags ---


def severity_label(severity: str) -> str:
    """A flag's severity (rules.flag.Severity value) in words, so it never relies on colour."""
    return coded("severity", severity)


def flag_status_label(status: str) -> str:
    """open / confirmed / dismissed (services.flags)."""
    return coded("flag_status", status)


def dur_kind_label(kind: str) -> str:
    """The Korean DUR lists that can be imported (domain.dur_import.DurKind values)."""
    return coded("dur_kind", kind)


# --- documents and referrals --------------------------------------------------------


def document_kind_label(kind: str) -> str:
    """services.documents.DocumentKind values."""
    return coded("document_kind", kind)


def referral_state_label(state: str) -> str:
    """domain.referral.ReferralState values."""
    return coded("referral_state", state)


def reply_status_options() -> list[tuple[str, str]]:
    """What the case worker ticked on the reply slip (domain.referral.ReplyStatus)."""
    return coded_options("reply_status")


def outcome_options() -> list[tuple[str, str]]:
    """domain.referral.Outcome values."""
    return coded_options("outcome")
