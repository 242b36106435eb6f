"""Queries over consents."""

from __future__ import annotations

from sqlmodel import Session, col, select

from consultdesk.domain.consent import ConsentKind, ConsentMethod, ConsentRecord
from consultdesk.storage.models import Consent


def consent_records(session: Session, resident_id: str) -> list[ConsentRecord]:
    """The resident's live consents, withdrawn ones included (a withdrawal is kept)."""
    rows = session.exec(
        select(Consent).where(Consent.resident_id == resident_id, col(Consent.deleted).is_(False))
    )
    return [
        ConsentRecord(
            id=c.id,
            kind=ConsentKind(c.kind),
            granted=c.granted,
            decided_on=c.decided_on,
            method=ConsentMethod(c.method),
            witness=c.witness,
            withdrawn_on=c.withdrawn_on,
            recorded_at=c.recorded_at,
        )
        for c in rows
    ]
