"""The pharmacist's decisions on the risk flags of a session."""

from __future__ import annotations

from sqlmodel import Session, col, select

from consultdesk.storage.models import FlagDecision


def decision_records(s: Session, consultation_id: str) -> list[FlagDecision]:
    """The consultation's live decisions, oldest first, so that the newest record of a flag wins
    when two laptops each made one."""
    q = select(FlagDecision).where(
        FlagDecision.consultation_id == consultation_id, col(FlagDecision.deleted).is_(False)
    )
    return list(s.exec(q.order_by(col(FlagDecision.decided_at), col(FlagDecision.id))))
