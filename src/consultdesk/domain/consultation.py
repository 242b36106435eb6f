"""A 1:1 medication consultation as the pharmacist records it.

Plain values and rules only: what a visit, a medication row and a drug-related problem hold,
which values are allowed, how a new consultation starts from the previous one, and what changed
between two consultations. Storage maps its rows to these; screens fill them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum, StrEnum

from consultdesk.domain.medication import Adherence, Ingredient, MedicationItem
from consultdesk.domain.problems import Problem
from consultdesk.domain.rrn import text_problems


class Place(StrEnum):
    HOME = "home"
    WELFARE_CENTRE = "welfare_centre"
    PHARMACY = "pharmacy"
    PHONE = "phone"


class Present(StrEnum):
    """Who took part in the visit besides the pharmacist."""

    RESIDENT = "resident"
    FAMILY = "family"
    CARER = "carer"
    CASE_WORKER = "case_worker"


class Source(StrEnum):
    PRESCRIPTION = "prescription"  # 처방약
    OTC = "otc"  # 일반의약품
    SUPPLEMENT = "supplement"  # 건강기능식품


class Action(StrEnum):
    """What the pharmacist decided for one medicine."""

    CONTINUE = "continue"
    STOP = "stop"
    ASK_PRESCRIBER = "ask_prescriber"
    DISPOSE = "dispose"


NOT_TAKEN = frozenset({Action.STOP, Action.DISPOSE})
"""Decisions after which a medicine found in the home is no longer taken."""


class ProblemCategory(StrEnum):
    EFFECTIVENESS = "effectiveness"
    ADVERSE_EFFECT = "adverse_effect"
    ADHERENCE = "adherence"
    DUPLICATION = "duplication"
    INTERACTION = "interaction"
    STORAGE = "storage"
    COST = "cost"
    OTHER = "other"


class Intervention(StrEnum):
    ADVICE = "advice"  # advice to the resident
    CONTACT_PRESCRIBER = "contact_prescriber"
    REFER_CASE_WORKER = "refer_case_worker"


class Status(StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    AMENDING = "amending"  # a finalised consultation reopened for a correction


def _coerce_codes(row: object, **kinds: type[Enum]) -> None:
    """A row always holds its codes as enums. The codes are StrEnums, so a plain string (as a
    table cell hands back) passes every ``isinstance(x, str)`` test and then fails where
    ``.value`` is read; an unknown code is refused here, where it is made."""
    for name, kind in kinds.items():
        value = getattr(row, name)
        if not isinstance(value, kind):
            object.__setattr__(row, name, kind(value))


TIMES = ("morning", "noon", "evening", "bedtime", "as_needed")
"""The dose slots of a medication row (아침 / 점심 / 저녁 / 취침 전 / 필요시)."""


@dataclass(frozen=True, slots=True)
class MedicationRow:
    """One item found in the home. Amounts are free text: "1", "½", "10단위"."""

    id: str
    name_as_found: str
    ingredients: tuple[Ingredient, ...] = ()
    strength: str = ""
    form: str = "oral"
    morning: str = ""
    noon: str = ""
    evening: str = ""
    bedtime: str = ""
    as_needed: str = ""
    prescriber: str = ""
    purpose: str = ""
    source: Source = Source.PRESCRIPTION
    adherence: Adherence = Adherence.AS_PRESCRIBED
    storage_problem: str = ""  # expiry, heat, mixed bottles; empty when none
    leftover: str = ""
    action: Action = Action.CONTINUE

    def __post_init__(self) -> None:
        _coerce_codes(self, source=Source, adherence=Adherence, action=Action)

    @property
    def matched(self) -> bool:
        """False when the name is free text that no catalog entry explains."""
        return bool(self.ingredients)

    @property
    def regular(self) -> bool:
        """Taken on a schedule rather than only when needed (counts for polypharmacy)."""
        return any(getattr(self, t) for t in TIMES[:4]) or not self.as_needed

    @property
    def is_blank(self) -> bool:
        return not self.name_as_found.strip()

    @property
    def taken(self) -> bool:
        """False for a medicine the pharmacist stopped or set aside to dispose of: it stays in
        the inventory (it is still in the home) but is not a medicine the resident takes, so
        it counts for no polypharmacy total, duplicate or interaction."""
        return self.action not in NOT_TAKEN

    def timing(self) -> tuple[str, str, str, str, str]:
        return (self.morning, self.noon, self.evening, self.bedtime, self.as_needed)

    def for_rules(self) -> MedicationItem:
        """What the risk-flag engine needs to know about this row."""
        return MedicationItem(
            id=self.id,
            name_as_found=self.name_as_found,
            ingredients=self.ingredients,
            form=self.form,
            regular=self.regular,
            prescriber=self.prescriber if self.source is Source.PRESCRIPTION else "",
            adherence=self.adherence,
            storage_problem=bool(self.storage_problem.strip()),
        )


@dataclass(frozen=True, slots=True)
class ProblemRow:
    id: str
    category: ProblemCategory = ProblemCategory.OTHER
    description: str = ""
    intervention: Intervention = Intervention.ADVICE
    outcome: str = ""

    def __post_init__(self) -> None:
        _coerce_codes(self, category=ProblemCategory, intervention=Intervention)

    @property
    def is_blank(self) -> bool:
        return not self.description.strip()


@dataclass(frozen=True, slots=True)
class Visit:
    visit_date: date
    visit_time: str = ""  # "HH:MM"
    place: Place = Place.HOME
    duration_min: int | None = None
    present: frozenset[Present] = frozenset({Present.RESIDENT})


@dataclass(frozen=True, slots=True)
class ObservedRisk:
    """A social risk the pharmacist saw (e.g. an empty fridge), in their own words."""

    text: str
    severity: str = "moderate"  # rules.flag.Severity value
    services: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConsultationData:
    """Everything the editor shows and saves for one session."""

    id: str
    resident_id: str
    number: int
    visit: Visit
    status: Status = Status.DRAFT
    medications: tuple[MedicationRow, ...] = ()
    problems: tuple[ProblemRow, ...] = ()
    advice: str = ""
    follow_up_plan: str = ""
    next_visit: date | None = None
    observations: str = ""
    # Screening answers: question id -> answer id, or a list of ids for multiple choice.
    screening: dict[str, str | list[str]] = field(default_factory=dict)
    # Social flags the pharmacist raised from what they saw.
    observed: tuple[ObservedRisk, ...] = ()
    amendment_count: int = 0

    @property
    def editable(self) -> bool:
        return self.status is not Status.FINAL

    def items_for_rules(self) -> list[MedicationItem]:
        """The medicines the resident takes: stopped and disposed ones are left out."""
        return [m.for_rules() for m in self.medications if not m.is_blank and m.taken]


_TEXT_FIELDS = ("advice", "follow_up_plan", "observations")
# Every text of a medication row a person types, the dose cells included.
_ROW_TEXT = (
    "name_as_found",
    "prescriber",
    "purpose",
    "storage_problem",
    "leftover",
    "strength",
    "form",
    *TIMES,
)


def validate_consultation(data: ConsultationData, today: date) -> list[Problem]:
    """What must be fixed before a consultation can be finalised (drafts are saved as they are,
    except for registration numbers, which are never stored: see ``refuse_rrn``)."""
    problems = refuse_rrn(data)
    if data.visit.visit_date > today:
        problems.append(Problem("visit_date", "date_in_future", {}, "The visit is in the future."))
    if data.next_visit is not None and data.next_visit < data.visit.visit_date:
        problems.append(
            Problem("next_visit", "next_visit_before_visit", {}, "Next visit before this one.")
        )
    if data.visit.duration_min is not None and not 0 < data.visit.duration_min <= 600:
        problems.append(Problem("duration", "duration_range", {}, "Duration 1–600 minutes."))
    if not any(not m.is_blank for m in data.medications) and not data.advice.strip():
        problems.append(
            Problem("medications", "nothing_recorded", {}, "No medicine and no advice recorded.")
        )
    return problems


def refuse_rrn(data: ConsultationData) -> list[Problem]:
    """A resident registration number (or text that cannot be stored) typed into any text of
    the consultation is refused, through the one check of ``domain.rrn.text_problems``: the visit
    time, every cell of a medication row, the screening answers, the observed risks and the
    problems included."""
    problems = text_problems((name, getattr(data, name)) for name in _TEXT_FIELDS)
    problems += text_problems([("visit_time", data.visit.visit_time)])
    for row in data.medications:
        found = text_problems((name, str(getattr(row, name))) for name in _ROW_TEXT)
        if found:
            problems.append(replace(found[0], field="medications"))
            break
    answers = [
        ("screening", answer)
        for value in data.screening.values()
        for answer in ([value] if isinstance(value, str) else value)
    ]
    found = text_problems(answers) + text_problems(("observed", o.text) for o in data.observed)
    problems += list({p.field: p for p in found}.values())
    for p in data.problems:
        found = text_problems([("problems", p.description), ("problems", p.outcome)])
        if found:
            problems.append(found[0])
            break
    return problems


def carry_forward(previous: ConsultationData | None, new_ids: list[str]) -> list[MedicationRow]:
    """The inventory a new consultation starts from: the previous consultation's medicines that are
    still in the home (not stopped or disposed), with the decision reset to "continue" and the
    leftover count cleared, so the pharmacist only marks what changed. ``new_ids`` gives the
    fresh row ids, in order (rows are new records in the new session)."""
    if previous is None:
        return []
    kept = [m for m in previous.medications if not m.is_blank and m.taken]
    return [
        replace(m, id=new_id, action=Action.CONTINUE, leftover="")
        for m, new_id in zip(kept, new_ids, strict=False)
    ]


# --- comparing two consultations -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MedicationChange:
    name: str
    before: MedicationRow | None
    after: MedicationRow | None
    changes: tuple[str, ...] = ()  # field names that differ


@dataclass(frozen=True, slots=True)
class Comparison:
    added: tuple[MedicationChange, ...]
    stopped: tuple[MedicationChange, ...]
    changed: tuple[MedicationChange, ...]
    problems_resolved: tuple[ProblemRow, ...]
    problems_new: tuple[ProblemRow, ...]


_COMPARED = ("strength", *TIMES, "prescriber", "adherence", "source", "action", "storage_problem")


def _identity(row: MedicationRow) -> str:
    """Rows of two consultations are the same medicine when their ingredients match (or, for
    unmatched free text, their names do)."""
    if row.ingredients:
        return "atc:" + "+".join(sorted(i.atc for i in row.ingredients))
    return "name:" + "".join(row.name_as_found.split()).lower()


def compare(older: ConsultationData, newer: ConsultationData) -> Comparison:
    """Medicines added, stopped and changed between two consultations; problems resolved."""

    def index(data: ConsultationData) -> dict[str, MedicationRow]:
        rows: dict[str, MedicationRow] = {}
        for m in data.medications:
            if not m.is_blank and m.taken:
                rows.setdefault(_identity(m), m)
        return rows

    before, after = index(older), index(newer)
    added = tuple(
        MedicationChange(m.name_as_found, None, m) for k, m in after.items() if k not in before
    )
    stopped = tuple(
        MedicationChange(m.name_as_found, m, None) for k, m in before.items() if k not in after
    )
    changed = []
    for key, now in after.items():
        old = before.get(key)
        if old is None:
            continue
        diffs = tuple(f for f in _COMPARED if getattr(old, f) != getattr(now, f))
        if diffs:
            changed.append(MedicationChange(now.name_as_found, old, now, diffs))

    def problem_key(p: ProblemRow) -> tuple[str, str]:
        return (p.category.value, " ".join(p.description.split()))

    old_problems = {problem_key(p): p for p in older.problems if not p.is_blank}
    new_problems = {problem_key(p): p for p in newer.problems if not p.is_blank}
    resolved = tuple(p for k, p in old_problems.items() if k not in new_problems)
    new = tuple(p for k, p in new_problems.items() if k not in old_problems)
    return Comparison(added, stopped, tuple(changed), resolved, new)


@dataclass(frozen=True, slots=True)
class ConsultationSummary:
    """One consultation on a resident's timeline, with how many medicines and problems it holds."""

    id: str
    number: int
    visit_date: date
    place: str
    status: str
    medicines: int
    problems: int
    next_visit: date | None
    amendment_count: int


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """A resident whose planned next visit is due: one line of the follow-up list."""

    resident_id: str
    resident_name: str
    phone: str
    consultation_id: str
    last_visit: date
    next_visit: date
