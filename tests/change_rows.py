"""This laptop's change_log rows as the tests read them: texts, oldest first
(storage.field_clock.unsent_rows; the table keeps numbers since migration 0015)."""

from __future__ import annotations

from typing import Any

from consultdesk.storage import field_clock
from consultdesk.storage.field_clock import LoggedChange


def logged(ws: Any, record_id: str | None = None) -> list[LoggedChange]:
    """Every change row of ``ws`` (a Workspace), or those of one record."""
    with ws.db.engine.connect() as conn:
        rows = field_clock.unsent_rows(conn)
    return [r for r in rows if record_id is None or r.record_id == record_id]
