"""A resident with what a consultation needs, for the safety tests."""

from __future__ import annotations

from datetime import date

from consultdesk.domain.consent import ConsentKind, ConsentMethod
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents
from consultdesk.services.consent import record_consent
from consultdesk.services.workspace import Workspace


def resident_for_consultations(ws: Workspace, draft: ResidentDraft) -> str:
    """Save the resident and record the consents a session and a referral need (health
    information has its own consent where this version asks for one)."""
    rid = residents.save_resident(ws, draft)
    day = date(2026, 1, 5)
    for name in ("HEALTH_INFO", "SHARE_WELFARE"):
        kind = getattr(ConsentKind, name, None)
        if kind is not None:
            record_consent(ws, rid, kind, True, day, ConsentMethod.WRITTEN.value, today=day)
    return rid
