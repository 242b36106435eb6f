"""Moments as a person reads them, on this computer's clock. The app keeps them in UTC, as ISO
8601 texts with their offset (the access log, a consultation's earlier versions, an imported DUR
file, a retired computer) or as aware datetimes (the last sync, a conflict's edits). Shown as
kept, they read nine hours early in Korea: a morning visit's change as the evening before."""

from __future__ import annotations

from datetime import datetime

MINUTE = "%Y-%m-%d %H:%M"
SECOND = "%Y-%m-%d %H:%M:%S"
DAY = "%Y-%m-%d"


def local_time(moment: datetime | None, shape: str = MINUTE) -> str:
    """An aware moment on this computer's clock in ``shape``; "" for none."""
    return moment.astimezone().strftime(shape) if moment else ""


def local_text(kept: str, shape: str = MINUTE) -> str:
    """``kept`` on this computer's clock in ``shape``; a text that is not a moment with an
    offset (empty, damaged, a newer version's) is shown as it is."""
    try:
        moment = datetime.fromisoformat(kept)
    except ValueError:
        return kept
    if moment.tzinfo is None:
        return kept
    return local_time(moment, shape)
