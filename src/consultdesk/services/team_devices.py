"""The computers of the team as this laptop sees them, and retiring a lost one."""

from __future__ import annotations

from dataclasses import dataclass

from consultdesk.services.sync import _require_team, _store
from consultdesk.services.workspace import Workspace
from consultdesk.storage.sync_store import (
    now_text,
)
from consultdesk.storage.team_repo import member_names
from consultdesk.sync import team as teams
from consultdesk.sync.errors import (
    ShareUnavailable,
    SyncError,
)


@dataclass(frozen=True)
class TeamDevice:
    """One laptop with a folder in the team folder, as this laptop sees it."""

    device_id: str
    name: str  # the pharmacist working on it, once their member record arrived; else ""
    this_computer: bool
    imported_up_to: int  # the last of its bundles imported here (our own: the last one sent)
    retired: teams.Retirement | None


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
