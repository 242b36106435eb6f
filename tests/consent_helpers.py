"""Recording the consents a test's resident needs, the way the consent dialog records them."""

from __future__ import annotations

from datetime import date

from consultdesk.domain.consent import ConsentKind, ConsentMethod
from consultdesk.services.consent import record_consent
from consultdesk.services.workspace import Workspace

CONSENT_DAY = date(2026, 1, 5)


def consent_to_health_info(ws: Workspace, resident_id: str, on: date = CONSENT_DAY) -> str:
    """PIPA art. 23: health information is recorded only with its own consent."""
    return record_consent(
        ws, resident_id, ConsentKind.HEALTH_INFO, True, on, ConsentMethod.WRITTEN.value, today=on
    )


def consent_to_share(ws: Workspace, resident_id: str, on: date = CONSENT_DAY) -> str:
    return record_consent(
        ws, resident_id, ConsentKind.SHARE_WELFARE, True, on, ConsentMethod.WRITTEN.value, today=on
    )
