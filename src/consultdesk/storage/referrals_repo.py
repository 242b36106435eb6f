"""Queries over referrals."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from consultdesk.domain.referral import ReferralState
from consultdesk.storage.models import CaseWorker, Referral, Resident, WelfareCentre


def open_draft_for(s: Session, consultation_id: str) -> Referral | None:
    """The newest draft referral made from this session, if any."""
    q = select(Referral).where(
        Referral.consultation_id == consultation_id,
        Referral.state == ReferralState.DRAFT.value,
        col(Referral.deleted).is_(False),
    )
    return s.exec(q.order_by(col(Referral.created_on).desc(), col(Referral.id).desc())).first()


def any_for_consultation(s: Session, consultation_id: str) -> Referral | None:
    """A live referral made from this session, whatever its state."""
    return s.exec(
        select(Referral).where(
            Referral.consultation_id == consultation_id, col(Referral.deleted).is_(False)
        )
    ).first()


def by_reference(s: Session, reference: str) -> Referral | None:
    """The live referral with this reference code (compared in capitals)."""
    return s.exec(
        select(Referral).where(
            func.upper(Referral.reference) == reference.upper(),
            col(Referral.deleted).is_(False),
        )
    ).first()


def with_people(
    s: Session, states: list[str] | None = None
) -> list[tuple[Referral, Resident, WelfareCentre | None, CaseWorker | None]]:
    """Live referrals of live residents (in ``states``, or all), each with its resident and the
    resident's centre and case worker (None when there is none; deleted ones are returned)."""
    q = (
        select(Referral, Resident, WelfareCentre, CaseWorker)
        .join(Resident, col(Resident.id) == col(Referral.resident_id))
        .join(
            WelfareCentre,
            col(WelfareCentre.id) == col(Resident.centre_id),
            isouter=True,
        )
        .join(CaseWorker, col(CaseWorker.id) == col(Resident.case_worker_id), isouter=True)
        .where(col(Referral.deleted).is_(False), col(Resident.deleted).is_(False))
    )
    if states is not None:
        q = q.where(col(Referral.state).in_(states))
    return [(r, resident, centre, worker) for r, resident, centre, worker in s.exec(q)]
