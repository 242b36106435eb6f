"""A risk flag: what fired, on which medicines, why, and according to whom."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

KIND_MEDICATION = "medication"
KIND_SOCIAL = "social"


class Severity(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for the most severe, so that sorting by rank puts it first."""
        return _RANK[self]


_RANK = {Severity.HIGH: 0, Severity.MODERATE: 1, Severity.LOW: 2}


@dataclass(frozen=True, slots=True)
class RiskFlag:
    """One finding shown to the pharmacist, who may confirm or dismiss it.

    `subject` tells two flags of one rule on the same medicines apart (e.g. two identical
    combination products duplicate two ingredients); it is part of `key`.
    """

    kind: str
    rule_id: str
    severity: Severity
    item_ids: tuple[str, ...]
    reason_ko: str
    reason_en: str
    source: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False, compare=True)
    services: tuple[str, ...] = ()
    subject: str = ""

    def __post_init__(self) -> None:
        # Sorted ids make the key independent of the order the medicines were entered in;
        # a read-only params view keeps the frozen promise.
        object.__setattr__(self, "item_ids", tuple(sorted(self.item_ids)))
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @property
    def key(self) -> str:
        """Stable identity used to remember that the pharmacist dismissed this flag."""
        base = f"{self.rule_id}|{','.join(self.item_ids)}"
        return f"{base}|{self.subject}" if self.subject else base


def sort_flags(flags: list[RiskFlag]) -> list[RiskFlag]:
    """Most severe first, then a fixed order so the same input always gives the same list."""
    return sorted(flags, key=lambda f: (f.severity.rank, f.kind, f.rule_id, f.item_ids, f.subject))
