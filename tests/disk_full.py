"""A real "database or disk is full" from SQLite, without filling a real disk: every new
connection is capped at the number of pages the file has now (PRAGMA max_page_count)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from consultdesk.storage.database import Database


def _cap(dbapi_connection: Any, _record: Any) -> None:
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


@contextmanager
def disk_full(db: Database) -> Iterator[None]:
    db.engine.dispose()  # drop pooled connections so every connection gets the cap
    event.listen(db.engine, "connect", _cap)
    try:
        yield
    finally:
        event.remove(db.engine, "connect", _cap)
        db.engine.dispose()
