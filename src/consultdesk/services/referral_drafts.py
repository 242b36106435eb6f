"""A referral sheet before it is sent: whether one may be made for a resident (both consents,
a welfare centre, a birth date), what the pharmacist chose for it, and its draft record.

What happens to a referral after that (sent, answered, closed) and the referrals list are in
services/referrals.py, which re-exports these names. Referral is a shared table, so every write
goes through ws.writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from consultdesk.domain.consent import (
    ConsentKind,
    ConsentRecord,
    ConsentStatus,
    health_info_block,
    status_of,
)
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import ReferralState, reference_code
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Workspace
from consultdesk.storage import centres_repo
from consultdesk.storage.consent_repo import consent_records
from consultdesk.storage.models import Consultation, Referral, Resident

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


def options_of(record: Referral) -> ReferralOptions:
    try:
        services = tuple(str(v) for v in json.loads(record.services or "[]"))
    except (ValueError, TypeError):
        services = ()
    return ReferralOptions(services, record.opinion, record.include_phone, record.include_district)


def _check_options(options: ReferralOptions) -> None:
    texts = (options.opinion, *options.services)
    if any(contains_rrn(t) for t in texts):
        raise ValidationFailed([Problem("opinion", "rrn_refused", {}, "No registration numbers.")])


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
