"""Referral tracking: one record per referral sheet, from draft to closed (PRODUCT.md job 5).

A record is created when a referral sheet is first exported or printed, or when the pharmacist
saves it as a draft (services/referral_drafts.py); it is then sent, acknowledged by the case
worker's reply slip, and closed with an outcome. Referral is a shared table, so every write goes
through ws.writer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlmodel import Session

from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import (
    OPEN_STATES,
    ReferralState,
    age_days,
    is_overdue,
    validate_close,
    validate_reply,
    validate_send,
)
from consultdesk.services.referral_drafts import (
    BLOCK_MESSAGES,
    ReferralOptions,
    block_reason,
    blocked_problem,
    draft_referral,
    options_of,
    referral_blocked_reason,
    save_draft,
    share_consent,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage import centres_repo, referrals_repo
from consultdesk.storage.models import Referral, Resident
from consultdesk.storage.referrals_repo import open_draft_for

# The sheet's side (consents, options, drafts) is in services/referral_drafts.py; its names are
# importable from here too, where the screens, documents and tests have always found them.
__all__ = [
    "BLOCK_MESSAGES",
    "ReferralDetail",
    "ReferralFilter",
    "ReferralOptions",
    "ReferralRow",
    "block_reason",
    "blocked_problem",
    "close_referral",
    "discard_draft",
    "draft_referral",
    "find_referrals",
    "list_open_referrals",
    "list_referrals",
    "mark_sent",
    "open_draft_for",
    "options_of",
    "record_reply",
    "referral_blocked_reason",
    "referral_detail",
    "referral_for_sheet",
    "save_draft",
    "share_consent",
]


@dataclass(frozen=True)
class ReferralRow:
    """One line of the referrals list."""

    id: str
    reference: str
    resident_id: str
    resident_name: str
    centre_name: str
    case_worker_name: str
    state: ReferralState
    created_on: date
    sent_on: date | None
    acknowledged_on: date | None
    age_days: int  # waiting so far; for a closed referral, how long it took
    overdue: bool
    closed_on: date | None = None
    outcome: str = ""  # domain.referral.Outcome value once closed
    outcome_reason: str = ""


class ReferralFilter(StrEnum):
    """Which referrals the list shows: closed ones stay findable with their outcome."""

    OPEN = "open"
    CLOSED = "closed"
    ALL = "all"


@dataclass(frozen=True)
class ReferralDetail:
    id: str
    reference: str
    resident_id: str
    consultation_id: str | None
    state: ReferralState
    created_on: date
    sent_on: date | None = None
    acknowledged_on: date | None = None
    closed_on: date | None = None
    outcome: str = ""
    outcome_reason: str = ""
    options: ReferralOptions = field(default_factory=ReferralOptions)
    reply_received_on: date | None = None
    reply_actions: str = ""
    reply_status: str = ""
    reply_reason: str = ""
    reply_by: str = ""
    # The resident's case worker now: what the reply slip's "by" starts from.
    case_worker_name: str = ""


def _get(s: Session, referral_id: str) -> Referral:
    record = s.get(Referral, referral_id)
    if record is None or record.deleted:
        raise ValidationFailed(
            [Problem("referral", "referral_gone", {}, "This referral no longer exists.")]
        )
    return record


def _state(value: str) -> ReferralState:
    # A state written by a newer version reads as open (a draft) rather than crashing the list.
    try:
        return ReferralState(value)
    except ValueError:
        return ReferralState.DRAFT


def _case_worker_of(s: Session, resident_id: str) -> str:
    resident = s.get(Resident, resident_id)
    worker = centres_repo.live_case_worker(s, resident.case_worker_id) if resident else None
    return worker.name if worker is not None else ""


def _detail(r: Referral, case_worker_name: str = "") -> ReferralDetail:
    return ReferralDetail(
        id=r.id,
        reference=r.reference,
        resident_id=r.resident_id,
        consultation_id=r.consultation_id,
        state=_state(r.state),
        created_on=r.created_on,
        sent_on=r.sent_on,
        acknowledged_on=r.acknowledged_on,
        closed_on=r.closed_on,
        outcome=r.outcome,
        outcome_reason=r.outcome_reason,
        options=options_of(r),
        reply_received_on=r.reply_received_on,
        reply_actions=r.reply_actions,
        reply_status=r.reply_status,
        reply_reason=r.reply_reason,
        reply_by=r.reply_by,
        case_worker_name=case_worker_name,
    )


def referral_detail(ws: Workspace, referral_id: str) -> ReferralDetail:
    with ws.db.session(read_only=True) as s:
        record = _get(s, referral_id)
        return _detail(record, _case_worker_of(s, record.resident_id))


def referral_for_sheet(ws: Workspace, consultation_id: str) -> ReferralDetail | None:
    """The draft referral a new sheet of this consultation continues, if there is one: exporting
    the same consultation twice updates one referral instead of opening two."""
    with ws.db.session(read_only=True) as s:
        record = open_draft_for(s, consultation_id)
        return _detail(record) if record is not None else None


def mark_sent(
    ws: Workspace, referral_id: str, sent_on: date | None, today: date | None = None
) -> None:
    with ws.db.session() as s:
        record = _get(s, referral_id)
        problems = validate_send(record.state, record.created_on, sent_on, today or date.today())
        if problems:
            raise ValidationFailed(problems)
        # Consent may have been withdrawn since the sheet was drafted: then it is not sent.
        code = block_reason(s, record.resident_id)
        if code is not None and code.startswith("consent_"):
            raise blocked_problem(code)
        ws.writer.save(s, record, {"state": ReferralState.SENT.value, "sent_on": sent_on})
        s.add(ws.audit("referral_sent", "referral", record.id, record.resident_id))


def record_reply(
    ws: Workspace,
    referral_id: str,
    received_on: date | None,
    actions: str = "",
    status: str = "",
    reason: str = "",
    by: str = "",
    today: date | None = None,
) -> None:
    """Copy the case worker's reply slip into the referral; it acknowledges the referral."""
    with ws.db.session() as s:
        record = _get(s, referral_id)
        problems = validate_reply(
            record.state,
            record.sent_on,
            received_on,
            status,
            reason,
            (actions, by),
            today or date.today(),
        )
        if problems:
            raise ValidationFailed(problems)
        ws.writer.save(
            s,
            record,
            {
                "state": ReferralState.ACKNOWLEDGED.value,
                "acknowledged_on": received_on,
                "reply_received_on": received_on,
                "reply_actions": actions.strip(),
                "reply_status": status,
                "reply_reason": reason.strip(),
                "reply_by": " ".join(by.split()),
            },
        )
        s.add(ws.audit("referral_reply", "referral", record.id, record.resident_id))


def close_referral(
    ws: Workspace,
    referral_id: str,
    closed_on: date | None,
    outcome: str,
    reason: str = "",
    today: date | None = None,
) -> None:
    with ws.db.session() as s:
        record = _get(s, referral_id)
        problems = validate_close(
            record.state,
            record.sent_on,
            record.acknowledged_on,
            closed_on,
            outcome,
            reason,
            today or date.today(),
        )
        if problems:
            raise ValidationFailed(problems)
        ws.writer.save(
            s,
            record,
            {
                "state": ReferralState.CLOSED.value,
                "closed_on": closed_on,
                "outcome": outcome,
                "outcome_reason": reason.strip(),
            },
        )
        s.add(ws.audit("referral_closed", "referral", record.id, record.resident_id))


def discard_draft(ws: Workspace, referral_id: str) -> None:
    """Throw away a draft that was never sent (a sent referral is closed instead)."""
    with ws.db.session() as s:
        record = _get(s, referral_id)
        if record.state != ReferralState.DRAFT:
            raise ValidationFailed(
                [
                    Problem(
                        "state",
                        "referral_state",
                        {"state": record.state},
                        "Only a draft can be discarded.",
                    )
                ]
            )
        ws.writer.delete(s, record)
        s.add(ws.audit("delete", "referral", record.id, record.resident_id))


def list_referrals(
    ws: Workspace, which: ReferralFilter = ReferralFilter.OPEN, today: date | None = None
) -> list[ReferralRow]:
    """Open referrals first (overdue ones first, then the oldest), then closed ones, the most
    recently closed first, each with its outcome."""
    today = today or date.today()
    states = {
        ReferralFilter.OPEN: [s.value for s in OPEN_STATES],
        ReferralFilter.CLOSED: [ReferralState.CLOSED.value],
    }.get(which)
    with ws.db.session(read_only=True) as s:
        found = referrals_repo.with_people(s, states)
    rows = []
    for r, resident, centre, worker in found:
        state = _state(r.state)
        closed = state is ReferralState.CLOSED
        rows.append(
            ReferralRow(
                id=r.id,
                reference=r.reference,
                resident_id=resident.id,
                resident_name=resident.name,
                centre_name=centre.name if centre is not None and not centre.deleted else "",
                case_worker_name=worker.name if worker is not None and not worker.deleted else "",
                state=state,
                created_on=r.created_on,
                sent_on=r.sent_on,
                acknowledged_on=r.acknowledged_on,
                age_days=age_days(
                    r.created_on, r.sent_on, (r.closed_on or today) if closed else today
                ),
                overdue=is_overdue(r.state, r.sent_on, today),
                closed_on=r.closed_on if closed else None,
                outcome=r.outcome if closed else "",
                outcome_reason=r.outcome_reason if closed else "",
            )
        )

    def order(row: ReferralRow) -> tuple[object, ...]:
        if row.state is ReferralState.CLOSED:
            closed_on = row.closed_on or row.created_on
            return (1, False, -closed_on.toordinal(), row.reference)
        return (0, not row.overdue, -row.age_days, row.reference)

    rows.sort(key=order)
    return rows


def list_open_referrals(ws: Workspace, today: date | None = None) -> list[ReferralRow]:
    """Referrals not closed yet: overdue ones first, then the oldest."""
    return list_referrals(ws, ReferralFilter.OPEN, today)


def find_referrals(
    rows: Sequence[ReferralRow], which: ReferralFilter, words: str = ""
) -> list[ReferralRow]:
    """The rows of `which` whose reference, resident, centre or case worker contain every word
    typed (case and spacing ignored, full-width letters and digits read as plain ones:
    ｃｄ－２０２６ as a Korean input method in full-width mode types it), in the order given."""
    wanted = [w.casefold() for w in unicodedata.normalize("NFKC", words).split()]
    kept = []
    for row in rows:
        closed = row.state is ReferralState.CLOSED
        if (which is ReferralFilter.OPEN and closed) or (
            which is ReferralFilter.CLOSED and not closed
        ):
            continue
        haystack = " ".join(
            (row.reference, row.resident_name, row.centre_name, row.case_worker_name)
        )
        haystack = unicodedata.normalize("NFKC", haystack).casefold()
        if all(w in haystack for w in wanted):
            kept.append(row)
    return kept
