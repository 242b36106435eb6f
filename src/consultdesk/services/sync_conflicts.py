"""Sync conflicts as a person decides them: what each laptop holds, in words, and the choice
applied so that it wins on every laptop."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from consultdesk.domain.hlc import Hlc
from consultdesk.services.sync import DERIVED_FIELDS
from consultdesk.services.workspace import Workspace
from consultdesk.storage import conflicts_repo
from consultdesk.storage.models import SHARED_TABLES, Resident, SyncConflict
from consultdesk.storage.sync_store import (
    column_value,
    load_states,
    now_text,
    python_type_of,
)
from consultdesk.sync.changes import TOMBSTONE_FIELD, JsonValue
from consultdesk.sync.errors import (
    SyncError,
)
from consultdesk.sync.merge import ConflictKind, is_deleted


class ConflictGone(SyncError):
    code = "conflict_gone"
    default_message = "This conflict was already resolved, or its record is no longer here."


class ConflictValueInvalid(SyncError):
    code = "conflict_value_invalid"
    default_message = "This value does not fit the field ({detail})."


# What a person chooses for an edit made after a delete.
KEEP_RECORD = "keep_record"


DELETE_RECORD = "delete_record"


# A field's value as it travelled between laptops (JSON): what a conflict's sides hold.
ConflictValue = JsonValue


@dataclass(frozen=True)
class ConflictSide:
    field: str
    value: JsonValue
    device: str
    edited_at: datetime  # UTC, from the HLC's wall clock
    this_computer: bool

    @property
    def deletes(self) -> bool:
        """This side deleted the record (rather than giving the field a value)."""
        return self.field == TOMBSTONE_FIELD


@dataclass(frozen=True)
class ConflictItem:
    id: str
    kind: ConflictKind
    entity: str
    record_id: str
    field: str
    requires_person: bool
    kept: ConflictSide  # what every laptop shows meanwhile
    other: ConflictSide
    raised_at: str
    subject: str  # whom it is about (the resident's name), or the record's own name
    item: str  # which of their things (a medicine's name), if any

    @property
    def is_deletion(self) -> bool:
        """A delete on one laptop met an edit on another: keep or delete the record."""
        return self.field == TOMBSTONE_FIELD


def list_conflicts(ws: Workspace) -> list[ConflictItem]:
    """Open conflicts, those a person must decide first, then the oldest first."""
    ws.log_view("conflicts")
    with ws.db.session() as s:
        rows = conflicts_repo.open_conflicts(s)
        items = []
        for row in rows:
            _, subject, item = _describe(s, row.entity, row.record_id)
            items.append(
                ConflictItem(
                    id=row.id,
                    kind=ConflictKind(row.kind),
                    entity=row.entity,
                    record_id=row.record_id,
                    field=row.field,
                    requires_person=row.requires_person or row.field == TOMBSTONE_FIELD,
                    kept=_side(ws, row.kept_field, row.kept_value, row.kept_hlc, row.kept_device),
                    other=_side(
                        ws, row.other_field, row.other_value, row.other_hlc, row.other_device
                    ),
                    raised_at=row.raised_at,
                    subject=subject,
                    item=item,
                )
            )
    items.sort(key=lambda c: not c.requires_person)
    return items


def value_from_text(entity: str, field: str, text: str) -> JsonValue:
    """A value typed by a person for ``field``, as the JSON a change carries."""
    model = SHARED_TABLES.get(entity)
    column = model.__table__.columns.get(field) if model else None  # type: ignore[attr-defined]
    if column is None:
        return text
    candidate: JsonValue = text
    kind = python_type_of(column)
    try:
        if kind is int:
            candidate = int(text.strip())
        elif kind is float:
            candidate = float(text.strip())
        elif kind is bool:
            raise ValueError("choose one of the two values")
        elif text.strip() == "" and column.nullable and kind is not str:
            candidate = None
        else:
            candidate = text.strip() if kind is not str else text
        column_value(column, candidate)
    except ValueError as error:
        raise ConflictValueInvalid(detail=str(error)) from error
    return candidate


def resolve_conflict(ws: Workspace, conflict_id: str, value: JsonValue) -> None:
    """Decide a conflict: ``value`` becomes the field's value as a new change of this laptop,
    so it carries a fresh clock and wins on every laptop; for an edit made after a delete,
    ``value`` is KEEP_RECORD or DELETE_RECORD. Other open conflicts on the same field are
    answered by the same decision."""
    now = now_text()
    resolution = json.dumps(value, ensure_ascii=False)
    with ws.db.session() as s:
        conn = s.connection()
        claimed = conflicts_repo.claim(conn, conflict_id, now, resolution)
        conflict = s.get(SyncConflict, conflict_id)
        model = SHARED_TABLES.get(conflict.entity) if conflict else None
        record = s.get(model, conflict.record_id) if conflict and model else None
        if not claimed or conflict is None or model is None or record is None:
            raise ConflictGone()
        table = model.__table__  # type: ignore[attr-defined]
        if conflict.field == TOMBSTONE_FIELD:
            if value == DELETE_RECORD:
                ws.writer.delete(s, record)
            elif value == KEEP_RECORD:
                name = conflict.kept_field
                if name not in table.columns or name in ("id", "deleted"):
                    name = next(c.name for c in table.columns if c.name not in ("id", "deleted"))
                ws.writer.save(s, record, {name: getattr(record, name)}, force=True)
            else:
                raise ConflictValueInvalid(detail=str(value))
        else:
            column = table.columns.get(conflict.field)
            if column is None:
                raise ConflictGone()
            try:
                chosen = column_value(column, value)
            except ValueError as error:
                raise ConflictValueInvalid(detail=str(error)) from error
            values: dict[str, Any] = {conflict.field: chosen}
            for (entity, derived), (source, derive) in DERIVED_FIELDS.items():
                if entity == conflict.entity and source == conflict.field:
                    values[derived] = derive(str(chosen or ""))
            ws.writer.save(s, record, {conflict.field: chosen}, force=True)
            ws.writer.save(s, record, values)
        s.flush()
        # The decision is the newest edit of the record now; its deleted flag follows, exactly
        # as it will on the laptops that import it.
        states = load_states(conn, [(conflict.entity, conflict.record_id)])
        record.deleted = is_deleted(states.get((conflict.entity, conflict.record_id), {}))  # type: ignore[attr-defined]
        s.add(record)
        conflicts_repo.close_same_field(
            conn, conflict.entity, conflict.record_id, conflict.field, now, resolution
        )
        resident_id, _, _ = _describe(s, conflict.entity, conflict.record_id)
        s.add(ws.audit("resolve_conflict", conflict.entity, conflict.record_id, resident_id))


def _side(ws: Workspace, field: str, value: str, hlc: str, device: str) -> ConflictSide:
    wall = Hlc.parse(hlc).wall_ms
    return ConflictSide(
        field,
        json.loads(value),
        device,
        datetime.fromtimestamp(wall / 1000, UTC),
        device == ws.device,
    )


def _describe(s: Session, entity: str, record_id: str) -> tuple[str | None, str, str]:
    """(resident id, whom the record is about, which of their things it is)."""
    model = SHARED_TABLES.get(entity)
    row = s.get(model, record_id) if model else None
    if row is None:
        return None, "", ""
    if isinstance(row, Resident):
        return row.id, row.name, ""
    resident_id = getattr(row, "resident_id", None)
    consultation_id = getattr(row, "consultation_id", None)
    consultation_model = SHARED_TABLES.get("consultation")
    if resident_id is None and consultation_id and consultation_model is not None:
        consultation = s.get(consultation_model, consultation_id)
        resident_id = getattr(consultation, "resident_id", None)
    item = str(getattr(row, "name_as_found", "") or getattr(row, "name", "") or "")
    if resident_id is None:
        return None, item, ""
    resident = s.get(Resident, resident_id)
    return resident_id, resident.name if resident else "", item
