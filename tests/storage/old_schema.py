"""A database left at an older schema revision, for the tests of the migrations after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from consultdesk.storage import schema
from consultdesk.storage.database import Database, create_database


@contextmanager
def database_at(path: Path, revision: str) -> Iterator[Database]:
    """A new encrypted database brought up to ``revision`` only; closed afterwards."""
    from alembic import command

    db = create_database(path, "old passphrase")
    try:
        cfg = schema._config(schema._SCRIPTS)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        yield db
    finally:
        db.close()


def add_resident(s: Session, resident_id: str, name: str) -> None:
    """A resident row written in SQL (the model may have columns the old schema lacks)."""
    s.execute(
        text(
            "INSERT INTO resident (id, name, name_initials, phone_digits, sex, phone, "
            "district, living_situation, chronic_conditions, allergies, notes, deleted) "
            "VALUES (:id, :name, '', '', '', '', '', '', '', '', '', 0)"
        ),
        {"id": resident_id, "name": name},
    )
