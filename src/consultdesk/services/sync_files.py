"""Files in the team folder that sync does not read: the list of those it ignores (each reported
once), and the clean-up of this laptop's own duplicate bundles."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from consultdesk.services.sync import (
    _KEY_IGNORED,
    MAX_COPY_BYTES,
    _ignored_entries,
    _put_settings,
    _relative,
    _require_team,
    _run_lock,
)
from consultdesk.services.workspace import Workspace
from consultdesk.sync import team as teams
from consultdesk.sync.bundle import decode_bundle
from consultdesk.sync.errors import (
    BundleError,
    ShareUnavailable,
)


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
# copy of bundle 12. The name must start with a bundle's six (ASCII) digits and end like one.
_COPY_OF_BUNDLE = re.compile(r"^(\d{6,})(?!\d)(?!\.cdsync$).*\.cdsync$", re.ASCII)


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
