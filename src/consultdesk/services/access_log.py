"""Read the access log: who (pharmacist and device), when, which resident, what.

PIPA's safety measures (개인정보의 안전성 확보조치 기준) ask that access records be kept for at
least 2 years and inspected monthly: nothing here deletes a row, and ``mark_checked`` records
the month's inspection as a row of its own. Reading the log, and writing it out as CSV, are
logged too.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import select

from consultdesk.services.workspace import Workspace
from consultdesk.storage import access_log as chain
from consultdesk.storage.folder_lock import FILE_MODE
from consultdesk.storage.models import AuditEvent, Resident

# What each action means, in the words of the safety-measure standard (조회/입력/변경/삭제/출력/
# 다운로드) where one applies.
ACTIONS = {
    "view": "view (조회)",
    "create": "create (입력)",
    "update": "change (변경)",
    "change": "change (변경)",
    "delete": "delete (삭제)",
    "print": "print (출력)",
    "export": "export (다운로드)",
    "download": "download (다운로드)",
    "failed_unlock": "failed unlock",
}
RETENTION_YEARS = 2  # the minimum; rows are never pruned by the app


@dataclass(frozen=True)
class LogRow:
    at: str
    actor: str
    device: str
    action: str
    entity: str
    record_id: str
    resident_id: str
    resident_name: str


def list_rows(
    ws: Workspace, since: date | None = None, resident_id: str | None = None
) -> list[LogRow]:
    with ws.db.session(read_only=True) as s:
        query = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.device, AuditEvent.seq)  # type: ignore[arg-type]
        if since is not None:
            query = query.where(AuditEvent.at >= since.isoformat())
        if resident_id is not None:
            query = query.where(AuditEvent.resident_id == resident_id)
        events = s.exec(query).all()
        ids = {e.resident_id for e in events if e.resident_id}
        names = {
            r.id: r.name
            for r in s.exec(select(Resident).where(Resident.id.in_(ids))).all()  # type: ignore[attr-defined]
        }
    return [
        LogRow(
            e.at,
            e.actor,
            e.device,
            e.action,
            e.entity,
            e.record_id,
            e.resident_id or "",
            names.get(e.resident_id or "", ""),
        )
        for e in events
    ]


def read_log(
    ws: Workspace, since: date | None = None, resident_id: str | None = None
) -> list[LogRow]:
    """The rows, oldest first; the reading itself is logged (as a view of the log)."""
    rows = list_rows(ws, since, resident_id)
    with ws.db.session() as s:
        s.add(ws.audit("view", "access_log", _filter_text(since, resident_id), resident_id))
    return rows


def write_csv(rows: Sequence[LogRow], out: Path) -> Path:
    """A CSV (UTF-8 with a BOM, so a spreadsheet reads the Korean), owner-readable only."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["at", "pharmacist", "device", "action", "record", "id", "resident_id", "resident"]
        )
        for r in rows:
            writer.writerow(
                [
                    r.at,
                    r.actor,
                    r.device,
                    ACTIONS.get(r.action, r.action),
                    r.entity,
                    r.record_id,
                    r.resident_id,
                    r.resident_name,
                ]
            )
    return out


def export_csv(
    ws: Workspace, out: Path, since: date | None = None, resident_id: str | None = None
) -> int:
    rows = list_rows(ws, since, resident_id)
    write_csv(rows, out)
    with ws.db.session() as s:
        s.add(ws.audit("download", "access_log", out.name, resident_id))
    return len(rows)


def mark_checked(ws: Workspace, month: str | None = None) -> str:
    """Record that this month's log was inspected (the monthly check the standard asks for)."""
    month = month or datetime.now(UTC).strftime("%Y-%m")
    with ws.db.session() as s:
        s.add(ws.audit("log_checked", "access_log", month, None))
    return month


def checked_months(ws: Workspace) -> list[str]:
    with ws.db.session(read_only=True) as s:
        rows = s.exec(select(AuditEvent.record_id).where(AuditEvent.action == "log_checked"))
        return sorted(set(rows.all()))


def verify_log(ws: Workspace) -> chain.ChainReport:
    with ws.db.session(read_only=True) as s:
        return chain.verify(s)


def _filter_text(since: date | None, resident_id: str | None) -> str:
    parts = []
    if since is not None:
        parts.append(f"since {since.isoformat()}")
    if resident_id:
        parts.append(f"resident {resident_id}")
    return ", ".join(parts)
