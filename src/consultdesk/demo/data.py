"""The demo's tables, read once from resources/demo/*.json: who the fictional residents are,
what they take, and the words of their sessions and referrals. Data a programme may change
without touching the code (resources/demo/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from consultdesk.domain.consultation import Source
from consultdesk.paths import resource_path


@dataclass(frozen=True, slots=True)
class Med:
    """A medicine as a prescription or a shelf holds it. ``key`` is the ATC code of a catalog
    row, or the Korean name of a catalog row that has no code (e.g. 홍삼)."""

    key: str
    strength: str
    purpose: str
    clinic: str  # internal / ortho / neuro / uro / "" (bought, not prescribed)
    morning: str = ""
    noon: str = ""
    evening: str = ""
    bedtime: str = ""
    as_needed: str = ""
    source: Source = Source.PRESCRIPTION


def _med(entry: dict[str, str], source: Source = Source.PRESCRIPTION) -> Med:
    return Med(
        entry["key"],
        entry.get("strength", ""),
        entry.get("purpose", ""),
        entry.get("clinic", ""),
        entry.get("morning", ""),
        entry.get("noon", ""),
        entry.get("evening", ""),
        entry.get("bedtime", ""),
        entry.get("as_needed", ""),
        Source(entry.get("source", source.value)),
    )


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path(f"demo/{name}").read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class People:
    surnames: str
    given: str
    districts: tuple[str, ...]
    centres: tuple[str, ...]
    prevalence: dict[str, float]  # condition → share of residents, in the file's order
    men_only: frozenset[str]
    allergies: tuple[str, ...]
    notes: tuple[str, ...]
    living: tuple[str, ...]

    @property
    def conditions(self) -> tuple[str, ...]:
        return tuple(self.prevalence)


@dataclass(frozen=True)
class Medicines:
    # condition → (probability, alternatives) slots; one alternative is taken per slot
    profiles: dict[str, tuple[tuple[float, tuple[Med, ...]], ...]]
    otc: tuple[Med, ...]
    supplements: tuple[Med, ...]
    unmatched: tuple[str, ...]  # things found in the home that nobody could name
    clinics: dict[str, tuple[str, ...]]
    sedatives: frozenset[str]
    nsaids: tuple[str, ...]  # ATC prefixes
    anticoagulants: tuple[str, ...]


@dataclass(frozen=True)
class Showcase:
    name: str
    birth_date: str
    sex: str
    living: str
    conditions: tuple[str, ...]
    notes: str
    clinics: dict[str, str]
    medicines: tuple[Med, ...]
    screening: dict[str, str | list[str]]
    sessions: tuple[dict[str, Any], ...]


@cache
def people() -> People:
    d = _read("people.json")
    return People(
        d["surnames"],
        d["given_syllables"],
        tuple(d["districts"]),
        tuple(d["centres"]),
        {str(k): float(v) for k, v in d["conditions"].items()},
        frozenset(d["men_only"]),
        tuple(d["allergies"]),
        tuple(d["notes"]),
        tuple(d["living"]),
    )


@cache
def medicines() -> Medicines:
    d = _read("medicines.json")
    return Medicines(
        {
            condition: tuple(
                (float(slot["chance"]), tuple(_med(m) for m in slot["choices"])) for slot in slots
            )
            for condition, slots in d["profiles"].items()
        },
        tuple(_med(m, Source.OTC) for m in d["otc"]),
        tuple(_med(m, Source.SUPPLEMENT) for m in d["supplements"]),
        tuple(d["unmatched"]),
        {k: tuple(v) for k, v in d["clinics"].items()},
        frozenset(d["sedatives"]),
        tuple(d["nsaids"]),
        tuple(d["anticoagulants"]),
    )


@cache
def sessions() -> dict[str, Any]:
    """Storage problems, advice, follow-up plans, observations and problem sentences."""
    return _read("sessions.json")


@cache
def referrals() -> dict[str, Any]:
    return _read("referrals.json")


@cache
def showcase() -> Showcase:
    d = _read("showcase.json")
    return Showcase(
        d["name"],
        d["birth_date"],
        d["sex"],
        d["living"],
        tuple(d["conditions"]),
        d["notes"],
        dict(d["clinics"]),
        tuple(_med(m) for m in d["medicines"]),
        dict(d["screening"]),
        tuple(d["sessions"]),
    )
