"""A referral to the welfare centre and its life: draft -> sent -> acknowledged -> closed.

Plain rules only: which step may follow which, what each step needs, when a referral counts as
overdue, and the reference code printed on the sheet. Referrals that are never followed up are
the usual failure (in one US health system only 27 % of accepted social-need referrals were
resolved, mostly because the organisation could not reach the person: PMC8679017), hence the
dates of every step and the overdue flag.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from consultdesk.domain.problems import Problem
from consultdesk.domain.rrn import contains_rrn

# Two weeks without a word from the centre is when the pharmacist should call (programme
# practice: the follow-up visit is usually two weeks after the first).
OVERDUE_AFTER_DAYS = 14


class ReferralState(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


class Outcome(StrEnum):
    RESOLVED = "resolved"
    NOT_RESOLVED = "not_resolved"


class ReplyStatus(StrEnum):
    """What the case worker ticked on the reply slip (회신서)."""

    LINKED = "linked"
    IN_PROGRESS = "in_progress"
    COULD_NOT_LINK = "could_not_link"


OPEN_STATES = (ReferralState.DRAFT, ReferralState.SENT, ReferralState.ACKNOWLEDGED)

# Crockford's base 32: no I, L, O or U, so a code read out over the phone is not misheard.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_PREFIX = "CD"


def reference_code(record_id: str, year: int) -> str:
    """ "CD-2026-7KQ2MX": the year and six characters from the random tail of the record's
    UUIDv7, so laptops that never met still do not collide (30 bits) and no name is in it."""
    tail = int(record_id.replace("-", "")[-8:], 16) & ((1 << 30) - 1)
    chars = []
    for _ in range(6):
        tail, digit = divmod(tail, 32)
        chars.append(_ALPHABET[digit])
    return f"{CODE_PREFIX}-{year:04d}-{''.join(reversed(chars))}"


def age_days(created_on: date, sent_on: date | None, today: date) -> int:
    """How long the referral has been waiting: since it was sent, or since it was drafted."""
    return max(0, (today - (sent_on or created_on)).days)


def is_overdue(state: str, sent_on: date | None, today: date) -> bool:
    """Sent more than two weeks ago and not acknowledged yet."""
    return (
        state == ReferralState.SENT
        and sent_on is not None
        and (today - sent_on).days > OVERDUE_AFTER_DAYS
    )


def _state_problem(state: str, allowed: tuple[ReferralState, ...]) -> list[Problem]:
    if state in allowed:
        return []
    return [
        Problem(
            "state",
            "referral_state",
            {"state": state},
            f"This step is not possible for a referral that is {state}.",
        )
    ]


def _date_checks(field: str, on: date | None, after: date | None, today: date) -> list[Problem]:
    if on is None:
        return [Problem(field, "date_malformed", {"text": ""}, "Write the date as YYYY-MM-DD.")]
    if on > today:
        return [Problem(field, "date_future", {}, "The date is in the future.")]
    if after is not None and on < after:
        return [
            Problem(
                field,
                "referral_date_order",
                {"date": after.isoformat()},
                f"The date cannot be before {after.isoformat()}.",
            )
        ]
    return []


def validate_send(state: str, created_on: date, sent_on: date | None, today: date) -> list[Problem]:
    return _state_problem(state, (ReferralState.DRAFT,)) + _date_checks(
        "sent_on", sent_on, created_on, today
    )


def validate_reply(
    state: str,
    sent_on: date | None,
    received_on: date | None,
    status: str,
    reason: str,
    texts: tuple[str, ...],
    today: date,
) -> list[Problem]:
    """The reply slip as the pharmacist copies it: it acknowledges a sent referral."""
    problems = _state_problem(state, (ReferralState.SENT, ReferralState.ACKNOWLEDGED))
    problems += _date_checks("received_on", received_on, sent_on, today)
    if status and status not in {s.value for s in ReplyStatus}:
        problems.append(Problem("status", "choice_invalid", {}, "Choose a value."))
    if status == ReplyStatus.COULD_NOT_LINK and not reason.strip():
        problems.append(
            Problem("reason", "reason_required", {}, "Write why it could not be linked.")
        )
    if any(contains_rrn(t) for t in (reason, *texts)):
        problems.append(Problem("actions", "rrn_refused", {}, "No registration numbers."))
    return problems


def validate_close(
    state: str,
    sent_on: date | None,
    acknowledged_on: date | None,
    closed_on: date | None,
    outcome: str,
    reason: str,
    today: date,
) -> list[Problem]:
    problems = _state_problem(state, (ReferralState.SENT, ReferralState.ACKNOWLEDGED))
    problems += _date_checks("closed_on", closed_on, acknowledged_on or sent_on, today)
    if outcome not in {o.value for o in Outcome}:
        problems.append(
            Problem("outcome", "outcome_required", {}, "Choose resolved or not resolved.")
        )
    elif outcome == Outcome.NOT_RESOLVED and not reason.strip():
        problems.append(Problem("reason", "reason_required", {}, "Write why it was not resolved."))
    if contains_rrn(reason):
        problems.append(Problem("reason", "rrn_refused", {}, "No registration numbers."))
    return problems
