"""What goes on each document: frozen inputs the service layer fills from the database.

The builders print exactly these fields and nothing else, so what a case worker receives is
decided here: only what the case worker needs. Coded values are StrEnums
whose values are the label keys' suffixes in labels.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# The coded values the core already defines are used as they are, so a consultation's values
# reach the documents without a translation table.
from consultdesk.domain.consent import ConsentMethod
from consultdesk.domain.consultation import Place as Place
from consultdesk.domain.consultation import Present as Present
from consultdesk.domain.consultation import Source as Source
from consultdesk.domain.medication import Adherence
from consultdesk.domain.resident import Sex
from consultdesk.domain.rules.flag import Severity as Severity


class FlagKind(StrEnum):
    MEDICATION = "medication"
    SOCIAL = "social"


class FlagStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class IncompleteContentError(ValueError):
    """The document would be misleading with this content (message says what is missing)."""


@dataclass(frozen=True)
class PharmacistContact:
    name: str
    organisation: str
    phone: str


@dataclass(frozen=True)
class ConsentOnFile:
    """Consent to share with the welfare centre (개인정보 제3자 제공 동의), as printed.

    Not the core's ConsentOnFile: only the three facts the case worker needs to see."""

    given_on: date
    method: ConsentMethod
    witness: str | None = None


@dataclass(frozen=True)
class DoseSchedule:
    """How much is taken at each time of day, as the pharmacist writes it ("1", "½", "10단위").

    Free text because real amounts are fractions, units and ranges; empty means "not then".
    """

    morning: str = ""
    noon: str = ""
    evening: str = ""
    bedtime: str = ""
    as_needed: str = ""

    def slots(self) -> tuple[tuple[str, str], ...]:
        """(slot key, amount) in the order of the day; the keys are labels' "slot.*" suffixes."""
        return (
            ("morning", self.morning),
            ("noon", self.noon),
            ("evening", self.evening),
            ("bedtime", self.bedtime),
            ("as_needed", self.as_needed),
        )


# --- referral sheet (연계 의뢰서)


@dataclass(frozen=True)
class ReferralResident:
    """Who is referred. `phone` and `district` are set only when the pharmacist ticked them."""

    name: str
    sex: Sex
    birth_year: int | None = None
    age_years: int | None = None  # 만 나이
    phone: str | None = None
    district: str | None = None

    def __post_init__(self) -> None:
        if self.birth_year is None and self.age_years is None:
            raise IncompleteContentError("A referral needs the resident's birth year or age.")


@dataclass(frozen=True)
class SocialRiskSeen:
    """A social risk in plain words ("혼자 지내며 며칠씩 대화할 사람이 없음") and what was seen."""

    risk: str
    observation: str


@dataclass(frozen=True)
class MedicationMatter:
    """A medication problem a case worker can act on, e.g. "약 12종, 병원 3곳"."""

    situation: str
    help_needed: str = ""


@dataclass(frozen=True)
class ReferralContent:
    reference_code: str
    referred_on: date
    welfare_centre: str
    case_worker: str
    pharmacist: PharmacistContact
    resident: ReferralResident
    # Required: a referral without consent to share must never be printed (PIPA, job 2).
    consent: ConsentOnFile
    social_risks: tuple[SocialRiskSeen, ...] = ()
    medication_matters: tuple[MedicationMatter, ...] = ()
    services_requested: tuple[str, ...] = ()
    pharmacist_opinion: str = ""

    def __post_init__(self) -> None:
        if self.consent.given_on > self.referred_on:
            raise IncompleteContentError(
                "Consent to share is dated after the referral; record consent first."
            )
        if not self.reference_code.strip():
            raise IncompleteContentError("A referral needs a reference code.")


# --- personal medication list (나의 복약 목록)


@dataclass(frozen=True)
class MedicationListItem:
    name: str  # as the resident knows it, with strength: "아모잘탄정 5/50mg"
    purpose: str  # in the resident's words: "혈압약"
    schedule: DoseSchedule
    how_to_take: str = ""  # "식후 30분", "물과 함께 삼키세요"


@dataclass(frozen=True)
class MedicationListContent:
    resident_name: str
    prepared_on: date
    pharmacist: PharmacistContact
    items: tuple[MedicationListItem, ...] = ()
    allergies: tuple[str, ...] = ()
    reference_code: str | None = None


# --- consultation summary (복약상담 기록)


@dataclass(frozen=True)
class VisitInfo:
    visit_number: int
    visit_date: date
    place: Place
    visit_time: str = ""  # as recorded ("14:30" when the session was started); "" = none
    duration_minutes: int | None = None
    present: tuple[Present, ...] = ()  # who took part besides the pharmacist; () = not recorded


@dataclass(frozen=True)
class SummaryResident:
    name: str
    sex: Sex
    birth_year: int | None = None
    age_years: int | None = None
    living_situation: str = ""
    welfare_centre: str = ""
    case_worker: str = ""
    conditions: tuple[str, ...] = ()
    allergies: tuple[str, ...] = ()


@dataclass(frozen=True)
class InventoryItem:
    name: str  # as found: product or ingredient
    strength: str
    schedule: DoseSchedule
    purpose: str = ""
    prescriber: str = ""  # clinic or "자가 구입"
    source: Source = Source.PRESCRIPTION
    adherence: Adherence = Adherence.AS_PRESCRIBED
    storage_problem: str = ""  # expiry, heat, mixed bottles
    action: str = ""


@dataclass(frozen=True)
class FlagEntry:
    kind: FlagKind
    title: str
    why: str  # which items, which rule, which source
    status: FlagStatus = FlagStatus.OPEN
    dismiss_reason: str = ""

    def __post_init__(self) -> None:
        if self.status is FlagStatus.DISMISSED and not self.dismiss_reason.strip():
            raise IncompleteContentError(f"Flag {self.title!r} is dismissed without a reason.")


@dataclass(frozen=True)
class ObservationSeen:
    """Something the pharmacist saw in the home (약사 관찰), how serious they judged it, and the
    services they ticked for it (already in the document's language)."""

    text: str
    severity: Severity = Severity.MODERATE
    services: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrugProblem:
    problem: str
    intervention: str
    outcome: str = ""


@dataclass(frozen=True)
class ConsultationSummaryContent:
    reference_code: str
    pharmacist: PharmacistContact
    resident: SummaryResident
    visit: VisitInfo
    inventory: tuple[InventoryItem, ...] = ()
    flags: tuple[FlagEntry, ...] = ()
    # 약사 관찰: the pharmacist's own notes and the risks they observed.
    observations: str = ""
    observed: tuple[ObservationSeen, ...] = ()
    problems: tuple[DrugProblem, ...] = ()
    advice: tuple[str, ...] = ()
    follow_up_plan: str = ""
    next_visit: date | None = None

    def prescriber_count(self) -> int:
        """Distinct clinics among prescription items (OTC "bought myself" is not a prescriber)."""
        return len(
            {
                i.prescriber.strip()
                for i in self.inventory
                if i.source is Source.PRESCRIPTION and i.prescriber.strip()
            }
        )
