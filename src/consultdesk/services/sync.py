"""Team sync through a shared folder: one function per user action (SYNC.md).

The GUI, the CLI and the tests all call these. Sync itself is ``sync.engine.run_sync`` over the
local database's ``SqliteSyncStore``; this module keeps the team settings, serialises runs, and
turns conflicts into something a person can decide.

The team key: a laptop must sync at start-up without asking for the team passphrase again, so
the key derived from it (never the passphrase) is kept in the ``setting`` table. That table is
inside the SQLCipher-encrypted database, opened only with the pharmacist's own passphrase, so
the key is exactly as protected as the residents' records it guards.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from consultdesk.domain.hlc import Hlc
from consultdesk.domain.phone import digits
from consultdesk.services.workspace import Workspace
from consultdesk.storage.models import SHARED_TABLES, Consent, Resident, SyncConflict
from consultdesk.storage.residents_repo import search_key_initials
from consultdesk.storage.settings_repo import get_setting
from consultdesk.storage.sync_store import (
    SqliteSyncStore,
    column_value,
    load_states,
    now_text,
    python_type_of,
)
from consultdesk.storage.team_repo import member_names
from consultdesk.sync import team as teams
from consultdesk.sync.bundle import decode_bundle
from consultdesk.sync.changes import TOMBSTONE_FIELD, JsonValue
from consultdesk.sync.engine import run_sync
from consultdesk.sync.errors import (
    BundleError,
    ShareUnavailable,
    SyncError,
    TeamMismatch,
)
from consultdesk.sync.merge import ConflictKind, is_deleted
from consultdesk.sync.outbound import export_changes
from consultdesk.sync.report import SyncReport as SyncReport  # what sync_now returns

Progress = Callable[[float], None]
# A field's value as it travelled between laptops (JSON): what a conflict's sides hold.
ConflictValue = JsonValue

# Fields a person always decides (SYNC.md): allergies, every consent field, and a medicine's
# strength and when it is taken (dose and timing).
SAFETY_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {("resident", "allergies")}
    | {
        ("consent", column.name)
        for column in Consent.__table__.columns  # type: ignore[attr-defined]
        if column.name not in ("id", "deleted")
    }
    | {
        ("medication_entry", name)
        for name in ("strength", "morning", "noon", "evening", "bedtime", "as_needed")
    }
)

# Search keys kept beside the field they come from: they follow it when a conflict on it is
# resolved, and a conflict on them alone is not worth a person's time.
DERIVED_FIELDS: dict[tuple[str, str], tuple[str, Callable[[str], str]]] = {
    ("resident", "name_initials"): ("name", search_key_initials),
    ("resident", "phone_digits"): ("phone", digits),
}

# A duplicate bigger than this is not compared, so never removed (bundles are far smaller).
MAX_COPY_BYTES = 64 * 1024 * 1024

# What a person chooses for an edit made after a delete.
KEEP_RECORD = "keep_record"
DELETE_RECORD = "delete_record"

_KEY_FOLDER = "sync.team_folder"
_KEY_ID = "sync.team_id"
_KEY_NAME = "sync.team_name"
_KEY_SECRET = "sync.team_key"  # hex of the derived AES key; see the module docstring
_KEY_LAST_SUCCESS = "sync.last_success"
# Files a sync skipped and already reported once: a JSON list of {path (relative to the team
# folder), code, detail, first_seen}. Only what the last sync still found is kept, so the list
# never outgrows the folder.
_KEY_IGNORED = "sync.ignored_files"


class SyncNotSetUp(SyncError):
    code = "sync_not_set_up"
    default_message = "This computer is not part of a team yet. Set up the team folder first."


class NoTeamInFolder(SyncError):
    code = "no_team_in_folder"
    default_message = (
        "There is no ConsultDesk team in {path}. Choose the shared folder that holds the "
        "ConsultDesk folder, the ConsultDesk folder itself, or the team's folder inside it (the "
        "one with team.json). If the ConsultDesk folder is there but empty, wait until the "
        "sync program has copied the team to this computer."
    )


class SeveralTeamsInFolder(SyncError):
    code = "several_teams_in_folder"
    default_message = (
        "{path} holds {teams} teams. Choose the folder of your team, one of these: {detail}."
    )


class ConflictGone(SyncError):
    code = "conflict_gone"
    default_message = "This conflict was already resolved, or its record is no longer here."


class ConflictValueInvalid(SyncError):
    code = "conflict_value_invalid"
    default_message = "This value does not fit the field ({detail})."


@dataclass(frozen=True)
class TeamSummary:
    team_id: str
    name: str
    folder: Path


@dataclass(frozen=True)
class SyncStatus:
    team: TeamSummary | None
    last_success: datetime | None  # UTC
    waiting: int  # records with changes not sent yet
    open_conflicts: int
    needs_person: int  # of which on a safety field or a delete


@dataclass(frozen=True)
class IgnoredFile:
    """A file in the team folder that sync does not use, reported once and then only listed."""

    path: str  # relative to the team folder, with "/"
    code: str  # why: conflict_copy, partial_file, system_file, … (sync.folder.SkippedFile)
    detail: str
    first_seen: str  # UTC, ISO 8601
    # A copy of one of this laptop's own bundles, in its own folder, that holds nothing the
    # bundle does not: the clean-up may delete it.
    removable: bool = False


@dataclass(frozen=True)
class TeamDevice:
    """One laptop with a folder in the team folder, as this laptop sees it."""

    device_id: str
    name: str  # the pharmacist working on it, once their member record arrived; else ""
    this_computer: bool
    imported_up_to: int  # the last of its bundles imported here (our own: the last one sent)
    retired: teams.Retirement | None


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


# --- the team --------------------------------------------------------------------------------


def create_team(
    ws: Workspace,
    folder: Path,
    name: str,
    passphrase: str,
    *,
    kdf: teams.KdfParams | None = None,
) -> TeamSummary:
    """Start a team in ``folder`` (the shared drive) with this laptop as its first member."""
    team = teams.create_team(folder, name.strip(), passphrase, kdf=kdf)
    teams.register_device(team, ws.device)
    return _remember(ws, team)


def join_team(ws: Workspace, folder: Path, passphrase: str) -> TeamSummary:
    """Join the team in ``folder`` (the team's own folder, or a shared drive holding one team).

    A wrong passphrase raises WrongTeamPassphrase and changes nothing here."""
    team = teams.join_team(find_team_folder(folder), passphrase)
    teams.register_device(team, ws.device)
    return _remember(ws, team)


def find_team_folder(folder: Path) -> Path:
    """The team folder meant by ``folder``, whichever level of the tree a person picked: the
    team's own folder (it holds team.json), the ConsultDesk folder holding it, the shared folder
    holding that, or a folder inside the team's (``devices``, a laptop's folder). Several teams
    or none: the error names exactly which folders to choose instead."""
    try:
        if not folder.is_dir():
            raise ShareUnavailable(path=str(folder), detail="the folder does not exist")
        found = _teams_at(folder)
    except OSError as error:
        raise ShareUnavailable(path=str(folder), detail=str(error)) from error
    if len(found) == 1:
        return found[0][0]
    if found:
        raise SeveralTeamsInFolder(
            path=str(folder),
            detail="; ".join(f"{name}: {path}" for path, name in found),
            teams=len(found),
        )
    raise NoTeamInFolder(path=str(folder))


def _teams_at(folder: Path) -> list[tuple[Path, str]]:
    """(team folder, team name) for the team ``folder`` is in, or the teams below it."""
    for level in (folder, *list(folder.parents)[:3]):
        if (level / teams.TEAM_FILE).is_file():
            # Picked the team folder, or something inside it: that team, however many others
            # sit beside it.
            return [(level, _team_name(level))]
    below: list[Path] = []
    for app_folder in (folder, folder / teams.APP_FOLDER):
        if app_folder.is_dir():
            below += [c for c in sorted(app_folder.iterdir()) if (c / teams.TEAM_FILE).is_file()]
    return [(path, _team_name(path)) for path in dict.fromkeys(below)]


def _team_name(team_folder: Path) -> str:
    try:
        return str(teams.read_team_file(team_folder)["name"])
    except SyncError:
        return team_folder.name  # still listed: the join itself says what is wrong with it


def team_summary(ws: Workspace) -> TeamSummary | None:
    with ws.db.session() as s:
        team_id = get_setting(s, _KEY_ID)
        if not team_id:
            return None
        return TeamSummary(team_id, get_setting(s, _KEY_NAME), Path(get_setting(s, _KEY_FOLDER)))


def move_team_folder(ws: Workspace, folder: Path) -> TeamSummary:
    """The share now appears elsewhere (another drive letter): same team, new path."""
    current = _require_team(ws)
    found = find_team_folder(folder)
    document = teams.read_team_file(found)
    if document["team_id"] != current.team_id:
        raise TeamMismatch(path=str(folder), detail=document["team_id"])
    _put_settings(ws, {_KEY_FOLDER: str(found)})
    return TeamSummary(current.team_id, current.name, found)


def _remember(ws: Workspace, team: teams.Team) -> TeamSummary:
    with _run_lock(ws):
        previous = team_summary(ws)
        if previous is not None and previous.team_id != team.team_id:
            _store(ws).reset_for_new_team()
        _put_settings(
            ws,
            {
                _KEY_FOLDER: str(team.folder),
                _KEY_ID: team.team_id,
                _KEY_NAME: team.name,
                _KEY_SECRET: team.key.hex(),
            },
        )
    return TeamSummary(team.team_id, team.name, team.folder)


def _put_settings(ws: Workspace, values: dict[str, str]) -> None:
    # One upsert, not settings_repo's read-then-write: this runs on the sync thread, and under
    # WAL a transaction that reads before it writes fails if the window committed in between.
    with ws.db.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )


def _require_team(ws: Workspace) -> teams.Team:
    with ws.db.session() as s:
        team_id, key = get_setting(s, _KEY_ID), get_setting(s, _KEY_SECRET)
        if not team_id or not key:
            raise SyncNotSetUp()
        folder, name = get_setting(s, _KEY_FOLDER), get_setting(s, _KEY_NAME)
    return teams.Team(team_id, name, Path(folder), bytes.fromhex(key))


# --- syncing ---------------------------------------------------------------------------------

# One run at a time per open database: two runs would both try to write this laptop's next
# bundle. A second caller waits for the first, then finds little left to do.
_locks: weakref.WeakKeyDictionary[Workspace, threading.Lock] = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()


@contextlib.contextmanager
def _run_lock(ws: Workspace) -> Iterator[None]:
    with _locks_guard:
        lock = _locks.setdefault(ws, threading.Lock())
    with lock:
        yield


def _store(ws: Workspace) -> SqliteSyncStore:
    return SqliteSyncStore(ws.db, ws.device, quiet_conflict_fields=DERIVED_FIELDS.keys())


def sync_now(ws: Workspace, progress: Progress | None = None) -> SyncReport:
    """Send this laptop's changes and import everybody else's. Raises SyncNotSetUp, or
    ShareUnavailable / TeamMismatch when the folder cannot be used (nothing changes then)."""
    team = _require_team(ws)
    with _run_lock(ws):
        report = run_sync(
            team,
            ws.device,
            _store(ws),
            ws.writer.clock,
            safety_fields=SAFETY_FIELDS,
            progress=progress,
        )
        report.conflicts = [
            c for c in report.conflicts if (c.entity, c.field) not in DERIVED_FIELDS
        ]
        # A retired laptop is gone on purpose: nobody waits for it or reports its folder missing.
        retired = teams.retired_devices(team)
        report.waiting = [w for w in report.waiting if w.device_id not in retired]
        report.missing_devices = [d for d in report.missing_devices if d not in retired]
        settings = {_KEY_IGNORED: _remember_skipped(ws, team, report)}
        if report.export_error is None:
            settings[_KEY_LAST_SUCCESS] = now_text()
        _put_settings(ws, settings)
    return report


def _relative(team: teams.Team, path: Path) -> str:
    try:
        return path.relative_to(team.folder).as_posix()
    except ValueError:
        return path.as_posix()


def _remember_skipped(ws: Workspace, team: teams.Team, report: SyncReport) -> str:
    """Mark in ``report`` which skipped files an earlier sync reported; returns the new list
    to keep (what this sync found, with the day each was first seen)."""
    known = {(entry["path"], entry["code"]): entry for entry in _ignored_entries(ws)}
    kept = []
    for skipped in report.skipped:
        key = (_relative(team, skipped.path), skipped.code)
        entry = known.get(key)
        if entry is None:
            entry = {"path": key[0], "code": key[1], "detail": skipped.detail,
                     "first_seen": now_text()}  # fmt: skip
        else:
            report.already_reported.append(skipped)
        kept.append(entry)
        known[key] = entry
    return json.dumps(list({(e["path"], e["code"]): e for e in kept}.values()), ensure_ascii=False)


def _ignored_entries(ws: Workspace) -> list[dict[str, str]]:
    with ws.db.session(read_only=True) as s:
        raw = get_setting(s, _KEY_IGNORED)
    try:
        entries = json.loads(raw) if raw else []
    except json.JSONDecodeError:
        return []
    return [e for e in entries if isinstance(e, dict) and {"path", "code"} <= e.keys()]


def ignored_files(ws: Workspace) -> list[IgnoredFile]:
    """The files the last sync skipped, each already reported once: the "files we ignore"."""
    team = _require_team(ws)
    return [
        IgnoredFile(
            entry["path"],
            entry["code"],
            str(entry.get("detail", "")),
            str(entry.get("first_seen", "")),
            _removable_copy(team, ws.device, team.folder / entry["path"]) is not None,
        )
        for entry in _ignored_entries(ws)
    ]


# "000012 (1).cdsync", "000012.sync-conflict-20261202-041500-7JQ2XKA.cdsync",
# "000012 (conflicted copy 2026-12-02).cdsync", "000012-conflict-abc.cdsync": a sync client's
# copy of bundle 12. The name must start with a bundle's six digits and end like one.
_COPY_OF_BUNDLE = re.compile(r"^(\d{6,})(?!\d)(?!\.cdsync$).*\.cdsync$")


def _removable_copy(team: teams.Team, device: str, path: Path) -> Path | None:
    """The bundle ``path`` is a removable copy of, or None.

    Only in this laptop's own folder (no other laptop writes there, so a copy there is the sync
    client's, never someone's work), only beside the bundle it copies, and only when the copy
    adds nothing: byte-identical, or not a bundle this team can open (a damaged duplicate). A
    copy that opens under the team key with different content is kept: it might hold edits."""
    own = team.changes_folder(device)
    match = _COPY_OF_BUNDLE.match(path.name)
    if path.parent != own or match is None or path.is_symlink() or not path.is_file():
        return None
    original = own / f"{int(match.group(1)):06d}.cdsync"
    if original == path or not original.is_file() or original.is_symlink():
        return None
    try:
        if path.stat().st_size > MAX_COPY_BYTES:
            return None
        copy, bundle = path.read_bytes(), original.read_bytes()
    except OSError:
        return None
    if copy == bundle:
        return original
    try:
        decode_bundle(copy, team.key, team.team_id)
    except BundleError:
        return original  # cannot be opened: nothing in it can be lost
    return None


def remove_own_copies(ws: Workspace) -> list[str]:
    """Delete the sync client's duplicate copies of this laptop's own bundles (see
    ``_removable_copy``); returns what was deleted, relative to the team folder. Never touches
    another laptop's folder."""
    team = _require_team(ws)
    own = team.changes_folder(ws.device)
    removed = []
    with _run_lock(ws):
        try:
            candidates = sorted(own.iterdir())
        except OSError as error:
            raise ShareUnavailable(path=str(own), detail=str(error)) from error
        for path in candidates:
            if _removable_copy(team, ws.device, path) is None:
                continue
            try:
                path.unlink()
            except OSError:
                continue  # the sync client holds it; the next clean-up tries again
            removed.append(_relative(team, path))
        gone = set(removed)
        left = [e for e in _ignored_entries(ws) if e["path"] not in gone]
        _put_settings(ws, {_KEY_IGNORED: json.dumps(left, ensure_ascii=False)})
    return removed


# --- the laptops of the team -----------------------------------------------------------------


def team_devices(ws: Workspace) -> list[TeamDevice]:
    """Every laptop with a folder in the team folder (and any this laptop imported from whose
    folder is gone), this one first."""
    team = _require_team(ws)
    store = _store(ws)
    ledger = store.ledger()
    last_sent = store.last_sent()
    try:
        folders = [
            p.name
            for p in team.devices_folder.iterdir()
            if p.is_dir() and teams.ID_PATTERN.match(p.name)
        ]
    except OSError as error:
        raise ShareUnavailable(path=str(team.folder), detail=str(error)) from error
    retired = teams.retired_devices(team)
    with ws.db.session(read_only=True) as s:
        names = member_names(s)
    devices = sorted(set(folders) | set(ledger) | {ws.device})
    devices.sort(key=lambda d: d != ws.device)
    sent = last_sent.seq if last_sent else 0
    return [
        TeamDevice(
            device,
            names.get(device, ""),
            device == ws.device,
            sent if device == ws.device else (ledger[device].seq if device in ledger else 0),
            retired.get(device),
        )
        for device in devices
    ]


class CannotRetireThisComputer(SyncError):
    code = "cannot_retire_this_computer"
    default_message = "This computer cannot retire itself; do it from another laptop of the team."


class UnknownDevice(SyncError):
    code = "unknown_device"
    default_message = "No computer {detail} is in the team folder."


def retire_device(ws: Workspace, device: str) -> TeamDevice:
    """Take a laptop out of the team (lost, stolen, replaced): a note in the team folder that
    every laptop reads. Its folder stays and its changes stay applied; nobody waits for it or
    reports its folder missing any more. ``device`` may be the id's last characters, as the
    sync screen shows them."""
    team = _require_team(ws)
    known = team_devices(ws)
    matches = [d for d in known if d.device_id == device or d.device_id.endswith(device)]
    if not device or len(matches) != 1:
        raise UnknownDevice(detail=device)
    [chosen] = matches
    if chosen.this_computer:
        raise CannotRetireThisComputer()
    teams.retire_device(team, chosen.device_id, ws.device, now_text(), chosen.imported_up_to)
    with ws.db.session() as s:
        s.add(ws.audit("retire_device", "team_member", chosen.device_id, None))
    return next(d for d in team_devices(ws) if d.device_id == chosen.device_id)


def send_changes(ws: Workspace) -> SyncReport:
    """Only write this laptop's unsent changes (on close: quick, and what the others need)."""
    team = _require_team(ws)
    report = SyncReport()
    with _run_lock(ws):
        export_changes(team, ws.device, _store(ws), report)
    return report


def sync_status(ws: Workspace) -> SyncStatus:
    store = _store(ws)
    with ws.db.session(read_only=True) as s:
        last = get_setting(s, _KEY_LAST_SUCCESS)
        counts = (
            s.connection()
            .exec_driver_sql(
                "SELECT count(*), coalesce(sum(requires_person OR field = ?), 0) "
                "FROM sync_conflict WHERE resolved_at IS NULL",
                (TOMBSTONE_FIELD,),
            )
            .one()
        )
    return SyncStatus(
        team_summary(ws),
        datetime.fromisoformat(last) if last else None,
        store.waiting_records(),
        int(counts[0]),
        int(counts[1]),
    )


# --- conflicts -------------------------------------------------------------------------------


def list_conflicts(ws: Workspace) -> list[ConflictItem]:
    """Open conflicts, those a person must decide first, then the oldest first."""
    from sqlmodel import col, select

    ws.log_view("conflicts")
    with ws.db.session() as s:
        rows = s.exec(
            select(SyncConflict)
            .where(col(SyncConflict.resolved_at).is_(None))
            .order_by(col(SyncConflict.raised_at), col(SyncConflict.id))
        ).all()
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
    with ws.db.session() as s:
        conn = s.connection()
        # A write first, so the transaction holds the write lock before it reads (WAL).
        claimed = conn.exec_driver_sql(
            "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, resolved_by = 'here' "
            "WHERE id = ? AND resolved_at IS NULL",
            (now, json.dumps(value, ensure_ascii=False), conflict_id),
        ).rowcount
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
        conn.exec_driver_sql(
            "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, resolved_by = 'here' "
            "WHERE entity = ? AND record_id = ? AND field = ? AND resolved_at IS NULL",
            (
                now,
                json.dumps(value, ensure_ascii=False),
                conflict.entity,
                conflict.record_id,
                conflict.field,
            ),
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
