"""Key–value settings kept inside the encrypted database (device identity, pharmacist profile)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session

from consultdesk.storage.models import Setting


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row else default


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def put_settings(session: Session, values: Mapping[str, str]) -> None:
    """One upsert, not put_setting's read-then-write: under WAL a transaction that reads before
    it writes fails if another connection committed in between (the sync thread's case)."""
    session.connection().exec_driver_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )
