"""Write shared records and their change-log rows in the same transaction (SYNC.md).

Every field that changes gets one change row: the new value, the HLC of this edit, this device,
and the HLC of the value it replaced (its base), so that a merge can tell a later edit from a
parallel one. A delete is a tombstone: the `deleted` flag plus a "__deleted__" change.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, SQLModel, select

from consultdesk.domain.hlc import Hlc, HlcClock
from consultdesk.storage.models import SHARED_TABLES, ChangeLog, FieldClock

TOMBSTONE = "__deleted__"


def encode_value(value: Any) -> str:
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


def last_hlc(session: Session) -> Hlc | None:
    """The newest clock value stored here, to start this device's clock after it."""
    text = session.exec(select(func.max(FieldClock.hlc))).one()
    return Hlc.parse(text) if text else None


def _id_of(record: SQLModel) -> str:
    # Every shared table has a string id; SQLModel does not say so to the type checker.
    return str(record.id)  # type: ignore[attr-defined]


class ChangeWriter:
    """Applies local edits to shared tables and logs them. One per open database."""

    def __init__(self, device: str, clock: HlcClock) -> None:
        self.device = device
        self.clock = clock

    def _change(
        self, entity: str, record_id: str, field: str, value: Any, base: str | None
    ) -> dict[str, Any]:
        """One change-log row with a fresh clock value from this device."""
        return {
            "entity": entity,
            "record_id": record_id,
            "field": field,
            "value": encode_value(value),
            "hlc": str(self.clock.now()),
            "device": self.device,
            "base_hlc": base,
        }

    def _log(self, session: Session, entity: str, record_id: str, values: dict[str, Any]) -> None:
        if not values:
            return
        clocks = {
            c.field: c
            for c in session.exec(
                select(FieldClock).where(
                    FieldClock.entity == entity, FieldClock.record_id == record_id
                )
            )
        }
        rows = []
        for field, value in values.items():
            clock = clocks.get(field)
            row = self._change(entity, record_id, field, value, clock.hlc if clock else None)
            rows.append(row)
            if clock is None:
                clock = FieldClock(entity=entity, record_id=record_id, field=field, hlc="")
            # The field's whole state, as sync compares it (value as sent, see FieldClock).
            clock.hlc, clock.device = row["hlc"], row["device"]
            clock.base_hlc, clock.value = row["base_hlc"], row["value"]
            session.add(clock)
        session.execute(insert(ChangeLog), rows)

    def save(
        self, session: Session, record: SQLModel, values: dict[str, Any], *, force: bool = False
    ) -> SQLModel:
        """Create or update `record` with `values`; log only the fields that really change
        (every one of `values` with `force`: resolving a sync conflict re-affirms a value so
        that it wins on every laptop)."""
        entity = str(record.__tablename__)
        assert entity in SHARED_TABLES, entity
        is_new = session.get(type(record), record.id) is None  # type: ignore[attr-defined]
        changed = {}
        for field, value in values.items():
            if is_new or force or getattr(record, field) != value:
                changed[field] = value
                setattr(record, field, value)
        session.add(record)
        session.flush()
        self._log(session, entity, _id_of(record), changed)
        return record

    def delete(self, session: Session, record: SQLModel) -> None:
        entity = str(record.__tablename__)
        record.deleted = True  # type: ignore[attr-defined]
        session.add(record)
        self._log(session, entity, _id_of(record), {TOMBSTONE: True})

    def bulk_create(
        self, session: Session, model: type[SQLModel], rows: list[dict[str, Any]]
    ) -> None:
        """Insert many new records at once (demo data, imports) with their change rows."""
        if not rows:
            return
        entity = str(model.__tablename__)
        session.execute(insert(model), rows)
        log = [
            self._change(entity, row["id"], field, value, None)
            for row in rows
            for field, value in row.items()
            if field != "id"
        ]
        keys = ("entity", "record_id", "field", "hlc", "device", "base_hlc", "value")
        clocks = [{k: r[k] for k in keys} for r in log]
        session.execute(insert(ChangeLog), log)
        session.execute(insert(FieldClock), clocks)
