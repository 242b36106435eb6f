"""Translated names for the core's enumerations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from consultdesk.domain.consent import ConsentKind, ConsentMethod, ConsentStatus


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


def dialog_buttons(ok_text: str | None = None) -> QDialogButtonBox:
    """Save/Cancel (or `ok_text`/Cancel) buttons with translated texts."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(
        ok_text or QCoreApplication.translate("Labels", "Save")
    )
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Labels", "Cancel")
    )
    return box
