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
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consultdesk.domain.phone import digits
from consultdesk.services.workspace import Workspace
from consultdesk.storage import conflicts_repo
from consultdesk.storage.models import Consent
from consultdesk.storage.residents_repo import search_key_initials
from consultdesk.storage.settings_repo import get_setting, put_settings
from consultdesk.storage.sync_store import (
    SqliteSyncStore,
    now_text,
)
from consultdesk.sync import team as teams
from consultdesk.sync.engine import run_sync
from consultdesk.sync.errors import (
    ShareUnavailable,
    SyncError,
    TeamMismatch,
)
from consultdesk.sync.outbound import export_changes
from consultdesk.sync.report import SyncReport as SyncReport  # what sync_now returns

Progress = Callable[[float], None]

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


# A duplicate bigger than this is not compared, so never removed (bundles are far smaller).
MAX_COPY_BYTES = 64 * 1024 * 1024


_KEY_FOLDER = "sync.team_folder"
_KEY_ID = "sync.team_id"
_KEY_NAME = "sync.team_name"
_KEY_SECRET = "sync.team_key"  # hex of the derived AES key; see the module docstring
_KEY_LAST_SUCCESS = "sync.last_success"
# Files a sync skipped and already reported once: a JSON list of {path (relative to the team
# folder), code, detail, first_seen}. Only what the last sync still found is kept, so the list
# never outgrows the folder.
_KEY_IGNORED = "sync.ignored_files"


# Search keys kept beside the field they come from: they follow it when a conflict on it is
# resolved, and a conflict on them alone is not worth a person's time.
DERIVED_FIELDS: dict[tuple[str, str], tuple[str, Callable[[str], str]]] = {
    ("resident", "name_initials"): ("name", search_key_initials),
    ("resident", "phone_digits"): ("phone", digits),
}


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
    # A read: it must not wait for a writer (the main window asks while it is being built).
    with ws.db.session(read_only=True) as s:
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
    # One upsert (put_settings), not put_setting's read-then-write: this runs on the sync
    # thread, and under WAL a transaction that reads before it writes fails if the window
    # committed in between.
    with ws.db.session() as s:
        put_settings(s, values)


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


def _author(ws: Workspace) -> dict[str, str]:
    """Who writes this laptop's bundles, as the others name its device (never the phone)."""
    return {"name": ws.profile.pharmacist_name, "organisation": ws.profile.organisation}


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
            author=_author(ws),
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


# --- the laptops of the team -----------------------------------------------------------------


def send_changes(ws: Workspace) -> SyncReport:
    """Only write this laptop's unsent changes (on close: quick, and what the others need)."""
    team = _require_team(ws)
    report = SyncReport()
    with _run_lock(ws):
        export_changes(team, ws.device, _store(ws), report, author=_author(ws))
    return report


def sync_status(ws: Workspace) -> SyncStatus:
    store = _store(ws)
    with ws.db.session(read_only=True) as s:
        last = get_setting(s, _KEY_LAST_SUCCESS)
        open_conflicts, needs_person = conflicts_repo.open_counts(s)
    return SyncStatus(
        team_summary(ws),
        datetime.fromisoformat(last) if last else None,
        store.waiting_records(),
        open_conflicts,
        needs_person,
    )


# --- conflicts -------------------------------------------------------------------------------
