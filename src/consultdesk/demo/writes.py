"""How the demo writes its records: through the workspace's change-log writer, as records typed
in are written (ChangeWriter.bulk_create), many at once, a part (one transaction) at a time.

For consultations, medicines and problems a field that holds its column's default is left out of
the insert and so out of the change log: a laptop that receives the record builds it from the
column defaults plus the logged fields (storage/sync_store.py), which gives the same row, and
the log shrinks by half (50,000 sessions would otherwise write 8 million rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import SQLModel

Row = dict[str, Any]
# A model's new records as groups of rows with the same fields: one batch insert each.
Records = tuple[type[SQLModel], tuple[list[Row], ...]]


@dataclass(frozen=True)
class DemoPart:
    """One transaction of the demo fill: new records, in the order they are written, the
    fill's progress after it (0 to 1), and the showcase resident's id once it is known."""

    tables: tuple[Records, ...]
    done: float
    showcase: str | None = None


def new_records(model: type[SQLModel], rows: list[Row]) -> Records:
    """New records without the fields that hold their column's default, grouped by the fields
    left, so each insert stays one batch."""
    table = model.__table__  # type: ignore[attr-defined]
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.default is not None and getattr(c.default, "is_scalar", False)
    }
    groups: dict[tuple[str, ...], list[Row]] = {}
    for row in rows:
        slim = {k: v for k, v in row.items() if k not in defaults or v != defaults[k]}
        groups.setdefault(tuple(slim), []).append(slim)
    return model, tuple(groups.values())
