"""The seen file: what one laptop has imported, removed and offers (docs/sync.md, "Snapshots and
folder compaction").

``devices/<id>/seen.cdseen`` is written by its owner only, after each sync, under a temporary
name and renamed over the old one. It says, per other device, the highest bundle seq the owner
imported; the owner's own last bundle; ``compacted_through`` (the owner's bundles 1…k are gone);
and the snapshot it offers, with that snapshot's coverage. It is sealed under the team key with
the team and device ids as associated data, so only a member writes one and it cannot be moved
onto another device. A file that does not open counts as missing: it lets nobody remove anything.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from consultdesk.sync.team import ID_PATTERN, Team

SEEN_FILE = "seen.cdseen"
SNAPSHOTS_FOLDER = "snapshots"
_MAGIC = b"CDSEEN"
_LABEL = b"ConsultDesk seen file v1\x00"
_NONCE = 12
MAX_SEEN_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SnapshotOffer:
    """A snapshot a laptop offers: its id (a folder under its ``snapshots``) and, per device,
    the last bundle seq it covers (the writer's own included)."""

    snapshot_id: int
    coverage: Mapping[str, int]

    def covers(self, device_id: str) -> int:
        return self.coverage.get(device_id, 0)


@dataclass(frozen=True, slots=True)
class SeenFile:
    device_id: str
    last_seq: int  # the owner's last bundle
    compacted_through: int  # the owner's bundles up to this seq are removed
    imported: Mapping[str, int] = field(default_factory=dict)  # device -> highest seq imported
    snapshot: SnapshotOffer | None = None

    def to_json(self) -> dict[str, Any]:
        offer = self.snapshot
        return {
            "device": self.device_id,
            "last_seq": self.last_seq,
            "compacted_through": self.compacted_through,
            "imported": dict(sorted(self.imported.items())),
            "snapshot": None
            if offer is None
            else {"id": offer.snapshot_id, "coverage": dict(sorted(offer.coverage.items()))},
        }


def seen_path(team: Team, device_id: str) -> Path:
    return team.devices_folder / device_id / SEEN_FILE


def seal(key: bytes, associated: bytes, document: object) -> bytes:
    """MAGIC + nonce + AES-GCM(zlib(JSON)): the sealing shared by seen files and snapshots."""
    plain = zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), 6)
    nonce = secrets.token_bytes(_NONCE)
    return _MAGIC + nonce + AESGCM(key).encrypt(nonce, plain, associated)


def open_sealed(key: bytes, associated: bytes, data: bytes) -> Any:
    """The document ``seal`` made; ValueError if it is not one (damaged, forged, moved)."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a sealed ConsultDesk file")
    body = data[len(_MAGIC) :]
    try:
        plain = AESGCM(key).decrypt(body[:_NONCE], body[_NONCE:], associated)
        return json.loads(zlib.decompress(plain).decode("utf-8"))
    except (InvalidTag, zlib.error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(str(error)) from error


def write_replacing(path: Path, data: bytes) -> None:
    """Write ``data`` under a temporary name, then rename it over ``path`` (one step)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _associated(team: Team, device_id: str) -> bytes:
    return _LABEL + team.team_id.encode("ascii") + b"\x00" + device_id.encode("ascii")


def write_seen(team: Team, seen: SeenFile) -> None:
    write_replacing(
        seen_path(team, seen.device_id),
        seal(team.key, _associated(team, seen.device_id), seen.to_json()),
    )


def read_seen(team: Team, device_id: str) -> SeenFile | None:
    """The device's seen file, or None if it is missing, not downloaded yet or does not open."""
    path = seen_path(team, device_id)
    try:
        if not path.is_file() or path.stat().st_size > MAX_SEEN_BYTES:
            return None
        document = open_sealed(team.key, _associated(team, device_id), path.read_bytes())
        return _parse(document, device_id)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_all_seen(team: Team) -> dict[str, SeenFile | None]:
    """Every device folder in the team folder, with its seen file (None where there is none
    that opens). Raises OSError if the devices folder cannot be listed."""
    names = sorted(
        entry.name
        for entry in os.scandir(team.devices_folder)
        if entry.is_dir() and ID_PATTERN.match(entry.name)
    )
    return {name: read_seen(team, name) for name in names}


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("not a count")
    return value


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError("not a mapping")
    return {str(device): _count(seq) for device, seq in value.items() if ID_PATTERN.match(device)}


def _parse(document: Any, device_id: str) -> SeenFile:
    if not isinstance(document, dict) or document.get("device") != device_id:
        raise ValueError("a seen file of another device")
    offer = document.get("snapshot")
    snapshot = None
    if offer is not None:
        snapshot = SnapshotOffer(_count(offer["id"]), _counts(offer["coverage"]))
    return SeenFile(
        device_id,
        _count(document["last_seq"]),
        _count(document["compacted_through"]),
        _counts(document["imported"]),
        snapshot,
    )
