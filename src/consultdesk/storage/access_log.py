"""The access log's hash chain: each device's rows are numbered 1, 2, 3, … and each
row's hash covers the previous row's hash and the row's own values, so a row removed or edited
afterwards breaks the chain (``verify``). The newest (seq, hash) of this device is also kept in
the settings, so removing the last rows is seen too.

Rows are chained as they are flushed, whichever service added them (``install`` listens to
every Session), inside the same transaction: the write lock (BEGIN IMMEDIATE) keeps two
writers from taking the same number.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from consultdesk.storage.models import AuditEvent, Setting

GENESIS = "0" * 64
_HEAD_KEY = "audit_head"
_FIELDS = ("id", "at", "actor", "action", "entity", "record_id", "resident_id", "detail", "device")


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
