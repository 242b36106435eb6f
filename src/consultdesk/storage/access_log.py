"""The access log's hash chain: each device's rows are numbered 1, 2, 3, … and each
row's hash covers the previous row's hash and the row's own values, so a row removed or edited
afterwards breaks the chain (``verify``). The newest (seq, hash) of this device is also kept in
the settings, so removing the last rows is seen too.

Rows are chained as they are flushed, whichever service added them (``install`` listens to
every Session), inside the same transaction: the write lock (BEGIN IMMEDIATE) keeps two
writers from taking the same number.

The rows travel to the team in this laptop's bundles (sync/bundle.py, "access_log"): each
laptop keeps every device's rows as that device wrote them, with their seq and hashes, so
``verify`` checks every device's chain here and a removed or edited imported row is found
just as a local one. ``_SENT_KEY`` holds how far this laptop's own rows went out, tied to the
bundle that carried the last of them: joining another team forgets the sent bundles, and with
them the mark, so the new team gets the whole log.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, func
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from consultdesk.storage.models import AuditEvent, Setting

GENESIS = "0" * 64
_HEAD_KEY = "audit_head"
_SENT_KEY = "audit_sent"
_FIELDS = ("id", "at", "actor", "action", "entity", "record_id", "resident_id", "detail", "device")
# The columns of a row as it travels (sync/bundle.py ACCESS_ROW_FIELDS, in the same order).
TRAVELLING = (*_FIELDS, "seq", "prev_hash", "row_hash", "reason")


def row_digest(prev_hash: str, row: AuditEvent) -> str:
    values = {name: getattr(row, name) for name in _FIELDS}
    values["seq"] = row.seq
    if row.reason:  # migration 0007; rows without a reason keep the hash they were given
        values["reason"] = row.reason
    payload = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def _head_key(device: str) -> str:
    return f"{_HEAD_KEY}:{device}"


def _chain_new_rows(session: OrmSession, _context: Any, _instances: Any) -> None:
    new = [
        obj
        for obj in session.new
        if isinstance(obj, AuditEvent) and obj.device and not obj.row_hash
    ]
    if not new:
        return
    by_device: dict[str, list[AuditEvent]] = {}
    for row in new:
        by_device.setdefault(row.device, []).append(row)
    for device, rows in by_device.items():
        with session.no_autoflush:
            last = session.execute(
                select(AuditEvent.seq, AuditEvent.row_hash)
                .where(AuditEvent.device == device, AuditEvent.seq.is_not(None))  # type: ignore[union-attr]
                .order_by(AuditEvent.seq.desc())  # type: ignore[union-attr]
                .limit(1)
            ).first()
            seq, prev = (int(last[0]), str(last[1])) if last else (0, GENESIS)
            for row in rows:
                seq += 1
                row.seq = seq
                row.prev_hash = prev
                row.row_hash = prev = row_digest(prev, row)
            head = session.get(Setting, _head_key(device))
            value = json.dumps({"seq": seq, "hash": prev})
            if head is None:
                session.add(Setting(key=_head_key(device), value=value))
            else:
                head.value = value


def install() -> None:
    if not event.contains(OrmSession, "before_flush", _chain_new_rows):
        event.listen(OrmSession, "before_flush", _chain_new_rows)


@dataclass(frozen=True)
class ChainBreak:
    device: str
    seq: int | None
    reason: str  # "edited", "missing", "reordered", "truncated"


@dataclass(frozen=True)
class ChainReport:
    devices: dict[str, int]  # device -> rows checked
    unchained: int  # rows from before the chain (migration 0004)
    breaks: list[ChainBreak]

    @property
    def ok(self) -> bool:
        return not self.breaks


def verify(session: Session) -> ChainReport:
    rows = session.exec(
        select(AuditEvent).order_by(AuditEvent.device, AuditEvent.seq)  # type: ignore[arg-type]
    ).all()
    breaks: list[ChainBreak] = []
    devices: dict[str, int] = {}
    unchained = 0
    last: dict[str, tuple[int, str]] = {}
    for row in rows:
        if not row.device or row.seq is None:
            unchained += 1
            continue
        seq, prev = last.get(row.device, (0, GENESIS))
        devices[row.device] = devices.get(row.device, 0) + 1
        if row.seq != seq + 1:
            breaks.append(ChainBreak(row.device, seq + 1, "missing"))
        elif row.prev_hash != prev:
            breaks.append(ChainBreak(row.device, row.seq, "reordered"))
        if row_digest(row.prev_hash, row) != row.row_hash:
            breaks.append(ChainBreak(row.device, row.seq, "edited"))
        last[row.device] = (row.seq, row.row_hash)
    heads = session.exec(select(Setting).where(Setting.key.startswith(_HEAD_KEY + ":"))).all()  # type: ignore[attr-defined]
    for head in heads:
        device = head.key.split(":", 1)[1]
        try:
            mark = json.loads(head.value)
        except ValueError:
            continue
        seen = last.get(device)
        if (
            seen is None
            or seen[0] < int(mark["seq"])
            or (seen[0] == int(mark["seq"]) and seen[1] != mark["hash"])
        ):
            breaks.append(ChainBreak(device, int(mark["seq"]), "truncated"))
    return ChainReport(devices, unchained, breaks)


def count_rows(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(AuditEvent)).one())


# --- reading the log -------------------------------------------------------------------------


def events(
    session: Session,
    since: date | None = None,
    resident_id: str | None = None,
    device: str | None = None,
    actor: str | None = None,
) -> Sequence[AuditEvent]:
    """The rows, oldest first; ``device`` is a device id, its first characters, or its last
    ones (the 8 a person is shown, domain.ids.short_device)."""
    query = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.device, AuditEvent.seq)  # type: ignore[arg-type]
    if since is not None:
        query = query.where(AuditEvent.at >= since.isoformat())
    if resident_id is not None:
        query = query.where(AuditEvent.resident_id == resident_id)
    if device:
        column = col(AuditEvent.device)
        query = query.where(
            column.startswith(device, autoescape=True) | column.endswith(device, autoescape=True)
        )
    if actor:
        query = query.where(AuditEvent.actor == actor)
    return session.exec(query).all()


def device_actors(session: Session) -> Sequence[tuple[str, str]]:
    """(device, actor) of every row with a device, by device and then oldest first."""
    return session.exec(
        select(AuditEvent.device, AuditEvent.actor)
        .where(AuditEvent.device != "")
        .order_by(AuditEvent.device, AuditEvent.at)  # type: ignore[arg-type]
    ).all()


def checked_months(session: Session) -> list[str]:
    """The months recorded as checked (``log_checked`` rows), sorted, each once."""
    rows = session.exec(select(AuditEvent.record_id).where(AuditEvent.action == "log_checked"))
    return sorted(set(rows.all()))


# --- travelling with the bundles -------------------------------------------------------------


def unsent_rows(conn: sa.Connection, device: str, limit: int) -> list[dict[str, Any]]:
    """This device's chained rows not yet sent with a bundle, in chain order."""
    after = _sent_seq(conn)
    rows = conn.exec_driver_sql(
        f"SELECT {', '.join(TRAVELLING)} FROM audit_log "
        "WHERE device = ? AND seq > ? ORDER BY seq LIMIT ?",
        (device, after, limit),
    ).all()
    return [dict(zip(TRAVELLING, row, strict=True)) for row in rows]


def _sent_seq(conn: sa.Connection) -> int:
    row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (_SENT_KEY,)).first()
    if row is None:
        return 0
    try:
        mark = json.loads(row[0])
        seq, bundle_seq, bundle_hash = int(mark["seq"]), int(mark["bundle_seq"]), mark["hash"]
    except (ValueError, KeyError, TypeError):
        return 0
    sent = conn.exec_driver_sql(
        "SELECT 1 FROM sync_sent_bundle WHERE seq = ? AND bundle_hash = ?",
        (bundle_seq, bundle_hash),
    ).first()
    return seq if sent else 0  # the bundle is forgotten (another team): all go again


def mark_sent(conn: sa.Connection, up_to_seq: int, bundle_seq: int, bundle_hash: str) -> None:
    value = json.dumps({"seq": up_to_seq, "bundle_seq": bundle_seq, "hash": bundle_hash})
    conn.exec_driver_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_SENT_KEY, value),
    )


def keep_imported(conn: sa.Connection, device: str, rows: list[dict[str, Any]]) -> int:
    """Keep another device's rows as it wrote them; a row already here (by id, or by its place
    in that device's chain) is left as it is. Moves that device's head forward, so removing
    the newest imported rows is found too. Returns how many were new."""
    rows = [row for row in rows if row.get("device") == device]
    if not rows:
        return 0
    marks = ", ".join("?" * len(TRAVELLING))
    added = 0
    for row in rows:
        added += conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO audit_log ({', '.join(TRAVELLING)}) VALUES ({marks})",
            tuple(row.get(name, "") if name != "resident_id" else row.get(name)
                  for name in TRAVELLING),
        ).rowcount  # fmt: skip
    newest = max(rows, key=lambda row: int(row["seq"]))
    key = _head_key(device)
    found = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (key,)).first()
    try:
        head_seq = int(json.loads(found[0])["seq"]) if found else 0
    except (ValueError, KeyError, TypeError):
        head_seq = 0
    if int(newest["seq"]) > head_seq:
        value = json.dumps({"seq": int(newest["seq"]), "hash": newest["row_hash"]})
        conn.exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    return added
