"""Translated names for the core's enumerations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consultdesk.domain.consent import ConsentKind, ConsentMethod, ConsentStatus
from consultdesk.domain.consultation import (
    Action,
    Intervention,
    Place,
    Present,
    ProblemCategory,
    Source,
    Status,
)
from consultdesk.domain.medication import Adherence

# Kept in ui/forms.py so the first window need not load the enumerations above.
from consultdesk.ui.forms import dialog_buttons as dialog_buttons


def sex_options() -> list[tuple[str, str]]:
    return [
        ("", QCoreApplication.translate("Labels", "Not recorded")),
        ("female", QCoreApplication.translate("Labels", "Female")),
        ("male", QCoreApplication.translate("Labels", "Male")),
        ("other", QCoreApplication.translate("Labels", "Other")),
    ]


def living_options() -> list[tuple[str, str]]:
    return [
        ("", QCoreApplication.translate("Labels", "Not recorded")),
        ("alone", QCoreApplication.translate("Labels", "Lives alone")),
        ("spouse", QCoreApplication.translate("Labels", "With spouse")),
        ("family", QCoreApplication.translate("Labels", "With family")),
        ("carer", QCoreApplication.translate("Labels", "With a carer")),
        ("facility", QCoreApplication.translate("Labels", "In a care facility")),
        ("other", QCoreApplication.translate("Labels", "Other")),
    ]


def option_label(options: list[tuple[str, str]], value: str) -> str:
    return next((label for key, label in options if key == value), value)


def consent_kind(kind: ConsentKind) -> str:
    return {
        ConsentKind.HEALTH_INFO: QCoreApplication.translate(
            "Labels", "Consent to collect and use health information"
        ),
        ConsentKind.SHARE_WELFARE: QCoreApplication.translate(
            "Labels", "Consent to share with the welfare centre"
        ),
    }[kind]


def consent_method(method: ConsentMethod) -> str:
    return {
        ConsentMethod.WRITTEN: QCoreApplication.translate("Labels", "Written"),
        ConsentMethod.VERBAL: QCoreApplication.translate("Labels", "Verbal"),
    }[method]


def consent_status(status: ConsentStatus) -> str:
    return {
        ConsentStatus.NONE: QCoreApplication.translate("Labels", "Not recorded"),
        ConsentStatus.GRANTED: QCoreApplication.translate("Labels", "Given"),
        ConsentStatus.REFUSED: QCoreApplication.translate("Labels", "Refused"),
        ConsentStatus.WITHDRAWN: QCoreApplication.translate("Labels", "Withdrawn"),
    }[status]


def place_options() -> list[tuple[str, str]]:
    return [
        (Place.HOME.value, QCoreApplication.translate("Labels", "Home")),
        (Place.WELFARE_CENTRE.value, QCoreApplication.translate("Labels", "Welfare centre")),
        (Place.PHARMACY.value, QCoreApplication.translate("Labels", "Pharmacy")),
        (Place.PHONE.value, QCoreApplication.translate("Labels", "Phone")),
    ]


def present_options() -> list[tuple[str, str]]:
    return [
        (Present.RESIDENT.value, QCoreApplication.translate("Labels", "Resident")),
        (Present.FAMILY.value, QCoreApplication.translate("Labels", "Family")),
        (Present.CARER.value, QCoreApplication.translate("Labels", "Carer")),
        (Present.CASE_WORKER.value, QCoreApplication.translate("Labels", "Case worker")),
    ]


def source_options() -> list[tuple[str, str]]:
    return [
        (Source.PRESCRIPTION.value, QCoreApplication.translate("Labels", "Prescription")),
        (Source.OTC.value, QCoreApplication.translate("Labels", "Over the counter")),
        (Source.SUPPLEMENT.value, QCoreApplication.translate("Labels", "Supplement")),
    ]


def adherence_options() -> list[tuple[str, str]]:
    return [
        (Adherence.AS_PRESCRIBED.value, QCoreApplication.translate("Labels", "As prescribed")),
        (Adherence.MISSES_DOSES.value, QCoreApplication.translate("Labels", "Misses doses")),
        (Adherence.STOPPED_ON_OWN.value, QCoreApplication.translate("Labels", "Stopped on own")),
        (Adherence.TAKES_MORE.value, QCoreApplication.translate("Labels", "Takes more")),
    ]


def action_options() -> list[tuple[str, str]]:
    return [
        (Action.CONTINUE.value, QCoreApplication.translate("Labels", "Continue")),
        (Action.STOP.value, QCoreApplication.translate("Labels", "Stop")),
        (Action.ASK_PRESCRIBER.value, QCoreApplication.translate("Labels", "Ask the prescriber")),
        (Action.DISPOSE.value, QCoreApplication.translate("Labels", "Dispose")),
    ]


def problem_category_options() -> list[tuple[str, str]]:
    return [
        (
            ProblemCategory.EFFECTIVENESS.value,
            QCoreApplication.translate("Labels", "Effectiveness"),
        ),
        (
            ProblemCategory.ADVERSE_EFFECT.value,
            QCoreApplication.translate("Labels", "Adverse effect"),
        ),
        (ProblemCategory.ADHERENCE.value, QCoreApplication.translate("Labels", "Adherence")),
        (ProblemCategory.DUPLICATION.value, QCoreApplication.translate("Labels", "Duplication")),
        (ProblemCategory.INTERACTION.value, QCoreApplication.translate("Labels", "Interaction")),
        (ProblemCategory.STORAGE.value, QCoreApplication.translate("Labels", "Storage")),
        (ProblemCategory.COST.value, QCoreApplication.translate("Labels", "Cost")),
        (ProblemCategory.OTHER.value, QCoreApplication.translate("Labels", "Other")),
    ]


def intervention_options() -> list[tuple[str, str]]:
    return [
        (Intervention.ADVICE.value, QCoreApplication.translate("Labels", "Advice to the resident")),
        (
            Intervention.CONTACT_PRESCRIBER.value,
            QCoreApplication.translate("Labels", "Contact the prescriber"),
        ),
        (
            Intervention.REFER_CASE_WORKER.value,
            QCoreApplication.translate("Labels", "Refer to the case worker"),
        ),
    ]


def status_label(status: Status) -> str:
    return {
        Status.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        Status.FINAL: QCoreApplication.translate("Labels", "Final"),
        Status.AMENDING: QCoreApplication.translate("Labels", "Being amended"),
    }[status]


# --- risk flags ---


def severity_label(severity: str) -> str:
    """A flag's severity (rules.flag.Severity value) in words, so it never relies on colour."""
    return {
        "high": QCoreApplication.translate("Labels", "High"),
        "moderate": QCoreApplication.translate("Labels", "Moderate"),
        "low": QCoreApplication.translate("Labels", "Low"),
    }.get(severity, severity)


def flag_status_label(status: str) -> str:
    """open / confirmed / dismissed (services.flags)."""
    return {
        "open": QCoreApplication.translate("Labels", "To review"),
        "confirmed": QCoreApplication.translate("Labels", "Confirmed"),
        "dismissed": QCoreApplication.translate("Labels", "Dismissed"),
    }.get(status, status)


def dur_kind_label(kind: str) -> str:
    """The Korean DUR lists that can be imported (domain.dur_import.DurKind values)."""
    return {
        "combination": QCoreApplication.translate("Labels", "Contraindicated combinations"),
        "older_adults": QCoreApplication.translate("Labels", "Caution in older adults"),
        "same_group": QCoreApplication.translate("Labels", "Same efficacy group"),
    }.get(kind, kind)


# --- documents and referrals --------------------------------------------------------


def document_kind_label(kind: str) -> str:
    """services.documents.DocumentKind values."""
    return {
        "referral": QCoreApplication.translate("Labels", "Referral sheet"),
        "medlist": QCoreApplication.translate("Labels", "Personal medication list"),
        "summary": QCoreApplication.translate("Labels", "Consultation summary"),
    }.get(kind, kind)


def referral_state_label(state: str) -> str:
    """domain.referral.ReferralState values."""
    return {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "sent": QCoreApplication.translate("Labels", "Sent"),
        "acknowledged": QCoreApplication.translate("Labels", "Reply received"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
    }.get(state, state)


def reply_status_options() -> list[tuple[str, str]]:
    """What the case worker ticked on the reply slip (domain.referral.ReplyStatus)."""
    return [
        ("", QCoreApplication.translate("Labels", "Not ticked")),
        ("linked", QCoreApplication.translate("Labels", "Linked")),
        ("in_progress", QCoreApplication.translate("Labels", "In progress")),
        ("could_not_link", QCoreApplication.translate("Labels", "Could not link")),
    ]


def outcome_options() -> list[tuple[str, str]]:
    """domain.referral.Outcome values."""
    return [
        ("resolved", QCoreApplication.translate("Labels", "Resolved")),
        ("not_resolved", QCoreApplication.translate("Labels", "Not resolved")),
    ]
