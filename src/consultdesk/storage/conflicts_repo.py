"""Sync conflicts kept for a person to decide (sync_conflict rows)."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from consultdesk.storage.models import SyncConflict
from consultdesk.sync.changes import TOMBSTONE_FIELD


def open_conflicts(s: Session) -> Sequence[SyncConflict]:
    """Every conflict not yet decided, the oldest first."""
    return s.exec(
        select(SyncConflict)
        .where(col(SyncConflict.resolved_at).is_(None))
        .order_by(col(SyncConflict.raised_at), col(SyncConflict.id))
    ).all()


def open_counts(s: Session) -> tuple[int, int]:
    """How many conflicts are not yet decided, and how many of those are on a safety field or
    a delete (a person must decide them)."""
    counts = (
        s.connection()
        .exec_driver_sql(
            "SELECT count(*), coalesce(sum(requires_person OR field = ?), 0) "
            "FROM sync_conflict WHERE resolved_at IS NULL",
            (TOMBSTONE_FIELD,),
        )
        .one()
    )
    return int(counts[0]), int(counts[1])


def claim(conn: sa.Connection, conflict_id: str, now: str, resolution: str) -> bool:
    """Mark one open conflict decided here; False if it was already decided (or is gone).
    A write first, so the transaction holds the write lock before it reads (WAL)."""
    return bool(
        conn.exec_driver_sql(
            "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, resolved_by = 'here' "
            "WHERE id = ? AND resolved_at IS NULL",
            (now, resolution, conflict_id),
        ).rowcount
    )


def close_same_field(
    conn: sa.Connection, entity: str, record_id: str, field: str, now: str, resolution: str
) -> None:
    """Other open conflicts on the same field are answered by the same decision."""
    conn.exec_driver_sql(
        "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, resolved_by = 'here' "
        "WHERE entity = ? AND record_id = ? AND field = ? AND resolved_at IS NULL",
        (now, resolution, entity, record_id, field),
    )
