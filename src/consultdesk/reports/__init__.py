"""reports layer (no Qt: see tests/test_layers.py).

Pure ReportLab builders for the three documents. Call `register_fonts(fonts_dir)` once at
start-up, fill the content dataclasses, then call a builder with a path or a binary stream.
"""

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
    PharmacistContact,
    Place,
    ReferralContent,
    ReferralResident,
    Sex,
    SocialRiskSeen,
    Source,
    SummaryResident,
    VisitInfo,
)
from consultdesk.reports.fonts import (
    FontFileMissingError,
    FontsNotRegisteredError,
    register_fonts,
)
from consultdesk.reports.labels import LANGUAGES, Lang, UnknownLanguageError
from consultdesk.reports.medlist import build_medication_list_pdf
from consultdesk.reports.referral import build_referral_pdf
from consultdesk.reports.summary import build_consultation_summary_pdf

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
    "PharmacistContact",
    "Place",
    "ReferralContent",
    "ReferralResident",
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
