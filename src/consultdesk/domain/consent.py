"""Consent (동의): to collect and use health information, and to share with the welfare centre.

PIPA Art. 23 makes health information sensitive: it needs its own consent, separate from other
consent; Art. 17 makes giving data to a third party (제3자 제공) need its own consent too. The
latest record of each kind decides; a withdrawal ends a grant from its date on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from consultdesk.domain.problems import Problem


class ConsentKind(StrEnum):
    HEALTH_INFO = "health_info"  # 민감정보 수집·이용
    SHARE_WELFARE = "share_welfare"  # 개인정보 제3자 제공 (복지관)


class ConsentMethod(StrEnum):
    WRITTEN = "written"
    VERBAL = "verbal"


class ConsentStatus(StrEnum):
    NONE = "none"
    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ConsentRecord:
    id: str
    kind: ConsentKind
    granted: bool
    decided_on: date
    method: ConsentMethod
    witness: str = ""
    withdrawn_on: date | None = None
    recorded_at: str = ""  # HLC or timestamp: orders records given on the same day


def status_of(
    records: Iterable[ConsentRecord], kind: ConsentKind
) -> tuple[ConsentStatus, ConsentRecord | None]:
    relevant = sorted(
        (r for r in records if r.kind == kind), key=lambda r: (r.decided_on, r.recorded_at)
    )
    if not relevant:
        return ConsentStatus.NONE, None
    latest = relevant[-1]
    if not latest.granted:
        return ConsentStatus.REFUSED, latest
    if latest.withdrawn_on is not None:
        return ConsentStatus.WITHDRAWN, latest
    return ConsentStatus.GRANTED, latest


HEALTH_INFO_BLOCKS = {
    ConsentStatus.NONE: "health_consent_missing",
    ConsentStatus.REFUSED: "health_consent_refused",
    ConsentStatus.WITHDRAWN: "health_consent_withdrawn",
}


def health_info_block(records: Iterable[ConsentRecord]) -> str | None:
    """None when health information may be recorded (PIPA art. 23: sensitive information needs
    its own consent), else a code saying why not: none recorded, refused, or withdrawn."""
    status, _ = status_of(records, ConsentKind.HEALTH_INFO)
    return HEALTH_INFO_BLOCKS.get(status)


def may_share_with_welfare_centre(records: Iterable[ConsentRecord]) -> bool:
    status, _ = status_of(records, ConsentKind.SHARE_WELFARE)
    return status is ConsentStatus.GRANTED


def validate_consent(
    granted: bool, decided_on: date | None, method: str, witness: str, today: date
) -> list[Problem]:
    problems = []
    if decided_on is None:
        problems.append(
            Problem("decided_on", "date_malformed", {"text": ""}, "Write the date as YYYY-MM-DD.")
        )
    elif decided_on > today:
        problems.append(Problem("decided_on", "date_future", {}, "The date is in the future."))
    if method not in {m.value for m in ConsentMethod}:
        problems.append(Problem("method", "choice_invalid", default_message="Choose a value."))
    # Verbal consent is only as good as the person who heard it (PIPA Art. 22 lets consent be
    # given orally, but the controller must be able to prove it).
    if granted and method == ConsentMethod.VERBAL and not witness.strip():
        problems.append(
            Problem(
                "witness", "witness_required", {}, "Verbal consent needs the name of a witness."
            )
        )
    return problems
