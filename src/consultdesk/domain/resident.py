"""A resident (내담자) as the pharmacist types them in, and the checks before anything is stored.

Least data that does the job (PIPA's minimisation principle): no registration number, address
only to district level.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from consultdesk.domain.dates import parse_date
from consultdesk.domain.phone import format_phone
from consultdesk.domain.problems import Problem
from consultdesk.domain.rrn import text_problems

OLDEST_AGE = 120


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = ""


class LivingSituation(StrEnum):
    ALONE = "alone"
    SPOUSE = "spouse"
    FAMILY = "family"
    CARER = "carer"
    FACILITY = "facility"
    OTHER = "other"
    UNKNOWN = ""


@dataclass(frozen=True)
class ResidentDraft:
    """What the form holds, as text where the person types freely."""

    name: str
    birth_date: str = ""
    sex: str = ""
    phone: str = ""
    district: str = ""
    living_situation: str = ""
    centre_id: str | None = None
    case_worker_id: str | None = None
    chronic_conditions: str = ""
    allergies: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ResidentData:
    """A validated, normalised resident ready to store."""

    name: str
    birth_date: date | None
    sex: str
    phone: str
    district: str
    living_situation: str
    centre_id: str | None
    case_worker_id: str | None
    chronic_conditions: str
    allergies: str
    notes: str
    # Only the year is known (registered birthdays of older Koreans are often not the real
    # ones): birth_date is then 1 July of that year, and ages are "about".
    birth_approximate: bool = False


# "1944", "1944년", "1944년생", "약 1944", "about 1944", "~1944": a birth year on its own.
_BIRTH_YEAR = re.compile(r"^\s*(?:약|about|ca\.?|~)?\s*(\d{4})\s*(?:년생|년)?\s*$", re.I)


def birth_year_only(text: str) -> int | None:
    match = _BIRTH_YEAR.match(unicodedata.normalize("NFKC", text))  # ～１９４４ too
    return int(match.group(1)) if match else None


def birth_text(birth: date | None, approximate: bool) -> str:
    """What the birth date field shows for a stored value (the year alone when approximate)."""
    if birth is None:
        return ""
    return str(birth.year) if approximate else birth.isoformat()


TEXT_FIELDS = tuple(
    f.name for f in fields(ResidentDraft) if f.name not in ("centre_id", "case_worker_id")
)


def validate_resident(
    draft: ResidentDraft, today: date
) -> tuple[ResidentData | None, list[Problem]]:
    # A registration number (or a broken character) is refused wherever it was typed.
    problems: list[Problem] = text_problems((name, getattr(draft, name)) for name in TEXT_FIELDS)
    name = " ".join(draft.name.split())
    if not name:
        problems.append(Problem("name", "name_empty", default_message="Enter the name."))
    elif len(name) > 60:
        problems.append(Problem("name", "name_too_long", {"max": 60}, "The name is too long."))
    birth: date | None = None
    approximate = False
    if draft.birth_date.strip():
        year = birth_year_only(draft.birth_date)
        approximate = year is not None
        birth = date(year, 7, 1) if year is not None and year >= 1 else parse_date(draft.birth_date)
        if approximate and birth is not None and birth > today and birth.year == today.year:
            birth = date(today.year, 1, 1)  # born this year: never a birthday in the future
        if birth is None:
            problems.append(
                Problem(
                    "birth_date",
                    "date_malformed",
                    {"text": draft.birth_date.strip()},
                    "Write the birth date as 1948-03-05 or 1948. 3. 5.",
                )
            )
        elif birth > today:
            problems.append(
                Problem("birth_date", "birth_date_future", {}, "The birth date is in the future.")
            )
        elif today.year - birth.year > OLDEST_AGE:
            problems.append(
                Problem(
                    "birth_date",
                    "birth_date_absurd",
                    {"max": OLDEST_AGE},
                    f"The birth date gives an age over {OLDEST_AGE}.",
                )
            )
    phone = ""
    if draft.phone.strip() and not any(p.field == "phone" for p in problems):
        formatted = format_phone(draft.phone)
        if formatted is None:
            problems.append(
                Problem(
                    "phone",
                    "phone_malformed",
                    {"text": draft.phone.strip()},
                    "The phone number should look like 010-1234-5678.",
                )
            )
        else:
            phone = formatted
    if draft.sex not in {s.value for s in Sex}:
        problems.append(Problem("sex", "choice_invalid", default_message="Choose a value."))
    if draft.living_situation not in {s.value for s in LivingSituation}:
        problems.append(
            Problem("living_situation", "choice_invalid", default_message="Choose a value.")
        )
    if draft.case_worker_id and not draft.centre_id:
        problems.append(
            Problem(
                "case_worker_id",
                "case_worker_without_centre",
                default_message="Choose the welfare centre of this case worker first.",
            )
        )
    if problems:
        return None, problems
    return (
        ResidentData(
            name=name,
            birth_date=birth,
            sex=draft.sex,
            phone=phone,
            district=draft.district.strip(),
            living_situation=draft.living_situation,
            centre_id=draft.centre_id or None,
            case_worker_id=draft.case_worker_id or None,
            chronic_conditions=draft.chronic_conditions.strip(),
            allergies=draft.allergies.strip(),
            notes=draft.notes.strip(),
            birth_approximate=approximate,
        ),
        [],
    )


@dataclass(frozen=True)
class ResidentRow:
    """One line of the residents list (a search result)."""

    id: str
    name: str
    birth_date: date | None
    sex: str
    phone: str
    district: str
    centre_name: str
    living_situation: str
