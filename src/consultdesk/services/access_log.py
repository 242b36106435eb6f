"""Read the access log: who (pharmacist and device), when, which resident, what.

Each laptop's rows reach the others with its bundles (sync/bundle.py), so the log here is the
team's: every row says its pharmacist and device, and ``verify_log`` checks each device's chain.

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
from enum import StrEnum
from pathlib import Path

from consultdesk.domain.ids import short_device
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.services.workspace import Workspace
from consultdesk.storage import access_log as log_store
from consultdesk.storage import residents_repo, team_repo
from consultdesk.storage.folder_lock import FILE_MODE

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


class DownloadReason(StrEnum):
    """Why personal data leaves the app as a file: the standard asks that the reason be
    checked when personal data is downloaded, so every export of identified data carries one
    (a de-identified report needs none)."""

    WELFARE_REFERRAL = "welfare_referral"  # 복지관 연계
    RESIDENT = "resident"  # 본인 제공
    PRESCRIBER = "prescriber"  # 처방의 전달
    OTHER = "other"  # 기타, with what the pharmacist writes


# Each reason in both languages: Korean first, as the standard and the pharmacists say it.
REASON_WORDS = {
    DownloadReason.WELFARE_REFERRAL: ("복지관 연계", "referral to the welfare centre"),
    DownloadReason.RESIDENT: ("본인 제공", "given to the resident"),
    DownloadReason.PRESCRIBER: ("처방의 전달", "sent to the prescriber"),
    DownloadReason.OTHER: ("기타", "other"),
}
REASON_MAX = 200


def reason_value(reason: DownloadReason | str, note: str = "") -> str:
    """The reason as the access log keeps it: the code, then ": " and the note if any.
    Raises ValidationFailed when the reason is "other" without a note; a note is kept to
    REASON_MAX characters."""
    code = DownloadReason(reason)
    note = " ".join(note.split())
    if code is DownloadReason.OTHER and not note:
        raise ValidationFailed(
            [Problem("reason", "reason_required", {}, "Write the reason for the download.")]
        )
    note = note[:REASON_MAX]
    return f"{code.value}: {note}" if note else code.value


def parse_reason(text: str) -> str:
    """A reason typed on the command line: a reason's code or its words in either language
    (복지관 연계, resident, …), optionally followed by ": " and a note; anything else is
    "other" with the text as its note. Raises ValidationFailed when it is empty."""
    text = " ".join(text.split())
    if not text:
        raise ValidationFailed(
            [Problem("reason", "reason_required", {}, "Write the reason for the download.")]
        )
    head, _, note = text.partition(":")
    key = head.strip().casefold()
    for code, words in REASON_WORDS.items():
        if key in {code.value, *(w.casefold() for w in words)}:
            return reason_value(code, note.strip())
    return reason_value(DownloadReason.OTHER, text)


def split_reason(value: str) -> tuple[DownloadReason | None, str]:
    """The stored reason's code (None if there is none, or it is not one this version knows)
    and its note."""
    head, _, note = value.partition(": ")
    try:
        return DownloadReason(head), note
    except ValueError:
        return None, value


def reason_words(value: str, lang: str = "ko") -> str:
    """The stored reason in words ("복지관 연계 — 주거 지원 상담"), for the CLI and the CSV."""
    code, note = split_reason(value)
    if code is None:
        return note
    word = REASON_WORDS[code][0 if lang == "ko" else 1]
    return f"{word} — {note}" if note else word


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
    detail: str = ""
    reason: str = ""  # as stored: see reason_value


def list_rows(
    ws: Workspace,
    since: date | None = None,
    resident_id: str | None = None,
    *,
    device: str | None = None,
    pharmacist: str | None = None,
) -> list[LogRow]:
    """The team's rows (each laptop's come with its bundles), oldest first; ``device`` is a
    device id or its first or last characters, ``pharmacist`` the name a row was written under."""
    with ws.db.session(read_only=True) as s:
        events = log_store.events(s, since, resident_id, device, pharmacist)
        ids = {e.resident_id for e in events if e.resident_id}
        names = residents_repo.names_by_id(s, ids)
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
            e.detail,
            e.reason,
        )
        for e in events
    ]


def read_log(
    ws: Workspace,
    since: date | None = None,
    resident_id: str | None = None,
    *,
    device: str | None = None,
    pharmacist: str | None = None,
) -> list[LogRow]:
    """The rows, oldest first; the reading itself is logged (as a view of the log)."""
    rows = list_rows(ws, since, resident_id, device=device, pharmacist=pharmacist)
    what = _filter_text(since, resident_id, device, pharmacist)
    with ws.db.session() as s:
        s.add(ws.audit("view", "access_log", what, resident_id))
    return rows


@dataclass(frozen=True)
class LogDevice:
    device: str
    pharmacist: str  # as the device's bundles name it; else the newest name in its rows


def log_devices(ws: Workspace) -> list[LogDevice]:
    """The devices whose rows are in the log here, this laptop's first."""
    with ws.db.session(read_only=True) as s:
        names = team_repo.member_names(s)
        found = log_store.device_actors(s)
    newest = {device: actor for device, actor in found}
    names[ws.device] = ws.profile.pharmacist_name or names.get(ws.device, "")
    devices = sorted(newest.keys() | {ws.device}, key=lambda d: (d != ws.device, d))
    return [LogDevice(d, names.get(d) or newest.get(d, "") or short_device(d)) for d in devices]


def write_csv(rows: Sequence[LogRow], out: Path) -> Path:
    """A CSV (UTF-8 with a BOM, so a spreadsheet reads the Korean), owner-readable only."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            [
                "at",
                "pharmacist",
                "device",
                "action",
                "record",
                "id",
                "resident_id",
                "resident",
                "reason",
                "detail",
            ]
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
                    reason_words(r.reason) if r.reason else "",
                    r.detail,
                ]
            )
    return out


def export_csv(
    ws: Workspace,
    out: Path,
    since: date | None = None,
    resident_id: str | None = None,
    reason: str = "",
    *,
    device: str | None = None,
    pharmacist: str | None = None,
) -> int:
    """The log as a CSV file; the download is logged with its ``reason`` (see reason_value:
    the log names residents, so the CLI and the app ask for one)."""
    rows = list_rows(ws, since, resident_id, device=device, pharmacist=pharmacist)
    write_csv(rows, out)
    with ws.db.session() as s:
        event = ws.audit("download", "access_log", out.name, resident_id)
        event.reason = reason
        s.add(event)
    return len(rows)


def mark_checked(ws: Workspace, month: str | None = None) -> str:
    """Record that this month's log was inspected (the monthly check the standard asks for)."""
    month = month or datetime.now(UTC).strftime("%Y-%m")
    with ws.db.session() as s:
        s.add(ws.audit("log_checked", "access_log", month, None))
    return month


def checked_months(ws: Workspace) -> list[str]:
    with ws.db.session(read_only=True) as s:
        return log_store.checked_months(s)


def verify_log(ws: Workspace) -> log_store.ChainReport:
    with ws.db.session(read_only=True) as s:
        return log_store.verify(s)


def _filter_text(
    since: date | None,
    resident_id: str | None,
    device: str | None = None,
    pharmacist: str | None = None,
) -> str:
    parts = []
    if since is not None:
        parts.append(f"since {since.isoformat()}")
    if resident_id:
        parts.append(f"resident {resident_id}")
    if device:
        parts.append(f"device {device}")
    if pharmacist:
        parts.append(f"pharmacist {pharmacist}")
    return ", ".join(parts)
