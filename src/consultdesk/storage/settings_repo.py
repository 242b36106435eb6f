"""Key–value settings kept inside the encrypted database (device identity, pharmacist profile)."""

from __future__ import annotations

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
