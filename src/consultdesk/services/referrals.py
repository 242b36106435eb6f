"""Referral tracking: one record per referral sheet, from draft to closed (PRODUCT.md job 5).

A record is created when a referral sheet is first exported or printed, or when the pharmacist
saves it as a draft; it is then sent, acknowledged by the case worker's reply slip, and closed
with an outcome. Referral is a shared table, so every write goes through ws.writer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlmodel import Session

from consultdesk.domain.consent import (
    ConsentKind,
    ConsentRecord,
    ConsentStatus,
    health_info_block,
    status_of,
)
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import (
    OPEN_STATES,
    ReferralState,
    age_days,
    is_overdue,
    reference_code,
    validate_close,
    validate_reply,
    validate_send,
)
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Workspace
from consultdesk.storage import centres_repo, referrals_repo
from consultdesk.storage.consent_repo import consent_records
from consultdesk.storage.models import Consultation, Referral, Resident
from consultdesk.storage.referrals_repo import open_draft_for

# Why a referral sheet cannot be made, in the order they are checked (the UI words them).
BLOCK_MESSAGES = {
    "resident_gone": "No such resident.",
    "consent_to_share_missing": (
        "No consent to share with the welfare centre is recorded: record it before a referral."
    ),
    "consent_to_share_refused": "The resident refused to share with the welfare centre.",
    "consent_to_share_withdrawn": (
        "The resident withdrew consent to share with the welfare centre."
    ),
    "health_consent_missing": "No consent to collect and use health information is recorded.",
    "health_consent_refused": "The resident refused the use of their health information.",
    "health_consent_withdrawn": "The resident withdrew consent to use their health information.",
    "referral_needs_centre": "Choose the resident's welfare centre before a referral.",
    "referral_needs_birth_date": "A referral needs the resident's birth date.",
}
_CONSENT_BLOCKS = {
    ConsentStatus.NONE: "consent_to_share_missing",
    ConsentStatus.REFUSED: "consent_to_share_refused",
    ConsentStatus.WITHDRAWN: "consent_to_share_withdrawn",
}


@dataclass(frozen=True)
class ReferralOptions:
    """What the pharmacist chooses for one sheet. `services` holds catalog service ids or the
    pharmacist's own words for a service the catalog does not have."""

    services: tuple[str, ...] = ()
    opinion: str = ""
    include_phone: bool = False
    include_district: bool = False


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


def blocked_problem(code: str) -> ValidationFailed:
    return ValidationFailed([Problem("consent", code, {}, BLOCK_MESSAGES[code])])


def share_consent(s: Session, resident_id: str) -> tuple[str | None, ConsentRecord | None]:
    """(None, the consent record) when a referral sheet may be made, else (why not, None)."""
    resident = s.get(Resident, resident_id)
    if resident is None or resident.deleted:
        return "resident_gone", None
    records = consent_records(s, resident_id)
    # A referral sheet carries health information, so it needs both consents: to collect and
    # use it (PIPA art. 23) and to give it to the welfare centre (art. 17).
    health = health_info_block(records)
    if health is not None:
        return health, None
    status, record = status_of(records, ConsentKind.SHARE_WELFARE)
    if status is not ConsentStatus.GRANTED:
        return _CONSENT_BLOCKS[status], None
    if centres_repo.live_centre(s, resident.centre_id) is None:
        return "referral_needs_centre", None
    if resident.birth_date is None:
        return "referral_needs_birth_date", None
    return None, record


def block_reason(s: Session, resident_id: str) -> str | None:
    return share_consent(s, resident_id)[0]


def referral_blocked_reason(ws: Workspace, resident_id: str) -> str | None:
    """None when a referral sheet may be made for this resident, else a code saying why not:
    no consent to share with the welfare centre, refused, withdrawn (PIPA Art. 17), or the
    sheet would have no addressee or no age."""
    with ws.db.session(read_only=True) as s:
        return block_reason(s, resident_id)


def _get(s: Session, referral_id: str) -> Referral:
    record = s.get(Referral, referral_id)
    if record is None or record.deleted:
        raise ValidationFailed(
            [Problem("referral", "referral_gone", {}, "This referral no longer exists.")]
        )
    return record


def options_of(record: Referral) -> ReferralOptions:
    try:
        services = tuple(str(v) for v in json.loads(record.services or "[]"))
    except (ValueError, TypeError):
        services = ()
    return ReferralOptions(services, record.opinion, record.include_phone, record.include_district)


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


def _check_options(options: ReferralOptions) -> None:
    texts = (options.opinion, *options.services)
    if any(contains_rrn(t) for t in texts):
        raise ValidationFailed([Problem("opinion", "rrn_refused", {}, "No registration numbers.")])


def referral_detail(ws: Workspace, referral_id: str) -> ReferralDetail:
    with ws.db.session(read_only=True) as s:
        record = _get(s, referral_id)
        return _detail(record, _case_worker_of(s, record.resident_id))


def referral_for_sheet(ws: Workspace, consultation_id: str) -> ReferralDetail | None:
    """The draft referral a new sheet of this session continues, if there is one: exporting the
    same session twice updates one referral instead of opening two."""
    with ws.db.session(read_only=True) as s:
        record = open_draft_for(s, consultation_id)
        return _detail(record) if record is not None else None


def save_draft(
    ws: Workspace,
    s: Session,
    referral_id: str,
    resident_id: str,
    consultation_id: str | None,
    options: ReferralOptions,
    today: date,
) -> Referral:
    """Create the referral `referral_id` as a draft, or update it while it is still a draft
    (once sent, it stays as it was sent). Runs inside the caller's transaction."""
    _check_options(options)
    record = s.get(Referral, referral_id)
    if record is not None and (record.deleted or record.state != ReferralState.DRAFT):
        return record
    values: dict[str, object] = {
        "services": json.dumps(list(options.services), ensure_ascii=False),
        "opinion": options.opinion.strip(),
        "include_phone": options.include_phone,
        "include_district": options.include_district,
    }
    if record is None:
        record = Referral(
            id=referral_id,
            resident_id=resident_id,
            reference=reference_code(referral_id, today.year),
            created_on=today,
        )
        values.update(
            resident_id=resident_id,
            consultation_id=consultation_id,
            reference=record.reference,
            state=ReferralState.DRAFT.value,
            created_on=today,
        )
    ws.writer.save(s, record, values)
    return record


def draft_referral(
    ws: Workspace,
    referral_id: str,
    resident_id: str,
    consultation_id: str | None,
    options: ReferralOptions,
    today: date | None = None,
) -> str:
    """Save the referral as a draft without printing it (blocked without consent to share)."""
    with ws.db.session() as s:
        code = block_reason(s, resident_id)
        if code is not None:
            raise blocked_problem(code)
        if consultation_id is not None:
            consultation = s.get(Consultation, consultation_id)
            if consultation is None or consultation.deleted:
                raise ValidationFailed(
                    [Problem("consultation", "consultation_gone", {}, "Deleted.")]
                )
        record = save_draft(
            ws, s, referral_id, resident_id, consultation_id, options, today or date.today()
        )
        s.add(ws.audit("draft", "referral", record.id, resident_id))
        return record.id


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
    typed (case and spacing ignored), in the order given."""
    wanted = [w.casefold() for w in words.split()]
    kept = []
    for row in rows:
        closed = row.state is ReferralState.CLOSED
        if (which is ReferralFilter.OPEN and closed) or (
            which is ReferralFilter.CLOSED and not closed
        ):
            continue
        haystack = " ".join(
            (row.reference, row.resident_name, row.centre_name, row.case_worker_name)
        ).casefold()
        if all(w in haystack for w in wanted):
            kept.append(row)
    return kept
