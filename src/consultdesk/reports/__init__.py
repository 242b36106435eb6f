"""reports layer (no Qt: see tests/test_layers.py).

Pure ReportLab builders for the three documents. Call `register_fonts(fonts_dir)` once at
start-up, fill the content dataclasses, then call a builder with a path or a binary stream.

The builders and fonts are imported on first use (PEP 562): importing ReportLab costs a quarter
of a second, and the app's start-up only needs the content classes.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from consultdesk.reports.content import (
    Adherence,
    ConsentMethod,
    ConsentOnFile,
    ConsultationSummaryContent,
    DoseSchedule,
    DrugProblem,
    FlagEntry,
    FlagKind,
    FlagStatus,
    IncompleteContentError,
    InventoryItem,
    MedicationListContent,
    MedicationListItem,
    MedicationMatter,
    ObservationSeen,
    PharmacistContact,
    Place,
    Present,
    ReferralContent,
    ReferralResident,
    Severity,
    Sex,
    SocialRiskSeen,
    Source,
    SummaryResident,
    VisitInfo,
)
from consultdesk.reports.labels import LANGUAGES, Lang, UnknownLanguageError

if TYPE_CHECKING:
    from consultdesk.reports.fonts import (
        FontFileMissingError,
        FontsNotRegisteredError,
        register_fonts,
    )
    from consultdesk.reports.medlist import build_medication_list_pdf
    from consultdesk.reports.referral import build_referral_pdf
    from consultdesk.reports.summary import build_consultation_summary_pdf

_LAZY = {
    "FontFileMissingError": "consultdesk.reports.fonts",
    "FontsNotRegisteredError": "consultdesk.reports.fonts",
    "register_fonts": "consultdesk.reports.fonts",
    "build_medication_list_pdf": "consultdesk.reports.medlist",
    "build_referral_pdf": "consultdesk.reports.referral",
    "build_consultation_summary_pdf": "consultdesk.reports.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "LANGUAGES",
    "Adherence",
    "ConsentMethod",
    "ConsentOnFile",
    "ConsultationSummaryContent",
    "DoseSchedule",
    "DrugProblem",
    "FlagEntry",
    "FlagKind",
    "FlagStatus",
    "FontFileMissingError",
    "FontsNotRegisteredError",
    "IncompleteContentError",
    "InventoryItem",
    "Lang",
    "MedicationListContent",
    "MedicationListItem",
    "MedicationMatter",
    "ObservationSeen",
    "PharmacistContact",
    "Place",
    "Present",
    "ReferralContent",
    "ReferralResident",
    "Severity",
    "Sex",
    "SocialRiskSeen",
    "Source",
    "SummaryResident",
    "UnknownLanguageError",
    "VisitInfo",
    "build_consultation_summary_pdf",
    "build_medication_list_pdf",
    "build_referral_pdf",
    "register_fonts",
]
