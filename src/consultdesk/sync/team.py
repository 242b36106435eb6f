"""Team set-up in the shared folder: create a team, join it with the team passphrase.

``<shared folder>/ConsultDesk/<team id>/team.json`` holds what a laptop needs to derive the team
key — never the key, never personal data (SYNC.md: nothing readable on the share names a
resident). The key is derived with Argon2id from the team passphrase; a key-check value lets a
laptop tell a wrong passphrase from a damaged bundle before it imports anything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from consultdesk.sync.errors import (
    ShareUnavailable,
    TeamFileInvalid,
    TeamPassphraseTooShort,
    UnsupportedTeamFormat,
    WrongTeamPassphrase,
)

APP_FOLDER = "ConsultDesk"
TEAM_FILE = "team.json"
TEAM_FORMAT = "consultdesk-team"
TEAM_FORMAT_VERSION = 1
KEY_LENGTH = 32  # AES-256
MIN_PASSPHRASE_LENGTH = 10

# Ids become folder names on NTFS, SMB, and every cloud drive: keep them to a safe alphabet.
ID_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_]{7,63}$")

_KEY_CHECK_LABEL = b"ConsultDesk team key check v1\x00"

# <team>/retired/<device id>.cdretired: a laptop taken out of the team (lost, stolen, replaced).
# Encrypted under the team key with the team and device ids as associated data, so only a member
# can write one that the others accept, and it cannot be renamed onto another laptop.
RETIRED_FOLDER = "retired"
RETIRED_SUFFIX = ".cdretired"
_RETIRED_LABEL = b"ConsultDesk retired device v1\x00"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in team.json so that every laptop derives the same key.

    The default (64 MiB, 3 passes, 4 lanes) is RFC 9106's second recommended option; it takes
    about 0.1 s on a 2-core laptop, so joining feels instant and guessing stays expensive.
    """

    salt: bytes
    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(salt=secrets.token_bytes(16))

    def derive(self, passphrase: str) -> bytes:
        # NFC: the same Hangul passphrase typed on macOS and Windows can arrive in different
        # Unicode forms; without this the two laptops would derive different keys.
        secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
        kdf = Argon2id(
            salt=self.salt,
            length=KEY_LENGTH,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "iterations": self.iterations,
            "lanes": self.lanes,
            "memory_kib": self.memory_kib,
            "length": KEY_LENGTH,
        }

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        if not isinstance(data, dict) or data.get("algorithm") != "argon2id":
            raise ValueError("kdf is not argon2id")
        if data.get("length") != KEY_LENGTH:
            raise ValueError("unexpected key length")
        limits = {"iterations": 64, "lanes": 64, "memory_kib": 4 * 1024 * 1024}
        for name, limit in limits.items():
            number = data.get(name)
            # Bounded so that a damaged or hostile team.json cannot make a laptop allocate
            # gigabytes or spin for minutes before the passphrase is even checked.
            if not isinstance(number, int) or isinstance(number, bool) or not 0 < number <= limit:
                raise ValueError(f"kdf {name} out of range")
        salt = base64.b64decode(str(data.get("salt")), validate=True)
        if len(salt) < 16:
            raise ValueError("salt too short")
        return cls(salt, data["iterations"], data["lanes"], data["memory_kib"])


@dataclass(frozen=True)
class Team:
    """A team folder this laptop can read and write; ``key`` never leaves the laptop."""

    team_id: str
    name: str
    folder: Path
    key: bytes = field(repr=False)

    @property
    def devices_folder(self) -> Path:
        return self.folder / "devices"

    def changes_folder(self, device_id: str) -> Path:
        return self.devices_folder / device_id / "changes"


@dataclass(frozen=True)
class TeamInfo:
    """What the join wizard lists before a passphrase is typed."""

    team_id: str
    name: str
    folder: Path


def new_device_id() -> str:
    """A random id for a laptop; made once per installation and kept in its local settings."""
    return uuid.uuid4().hex


def create_team(
    shared_folder: Path, name: str, passphrase: str, *, kdf: KdfParams | None = None
) -> Team:
    """Create a new team folder under ``shared_folder`` and return it, ready to use."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise TeamPassphraseTooShort(minimum=MIN_PASSPHRASE_LENGTH)
    _require_folder(shared_folder)
    params = kdf or KdfParams.fresh()
    team_id = uuid.uuid4().hex
    key = params.derive(passphrase)
    folder = shared_folder / APP_FOLDER / team_id
    document = {
        "format": TEAM_FORMAT,
        "format_version": TEAM_FORMAT_VERSION,
        "team_id": team_id,
        "name": name,
        "kdf": params.to_json(),
        "key_check": base64.b64encode(_key_check(key, team_id)).decode("ascii"),
    }
    try:
        (folder / "devices").mkdir(parents=True)
        _write_new_file(folder / TEAM_FILE, json.dumps(document, ensure_ascii=False, indent=2))
    except OSError as error:
        raise ShareUnavailable(path=str(shared_folder), detail=str(error)) from error
    return Team(team_id, name, folder, key)


def find_teams(shared_folder: Path) -> list[TeamInfo]:
    """The teams in a shared folder, for the join wizard. Damaged team files are left out."""
    _require_folder(shared_folder)
    found = []
    app_folder = shared_folder / APP_FOLDER
    if not app_folder.is_dir():
        return []
    for candidate in sorted(app_folder.iterdir()):
        try:
            document = read_team_file(candidate)
        except (TeamFileInvalid, UnsupportedTeamFormat, ShareUnavailable):
            continue
        found.append(TeamInfo(document["team_id"], document["name"], candidate))
    return found


def join_team(team_folder: Path, passphrase: str) -> Team:
    """Open an existing team folder with the team passphrase."""
    document = read_team_file(team_folder)
    params = KdfParams.from_json(document["kdf"])
    key = params.derive(passphrase)
    expected = base64.b64decode(document["key_check"])
    if not hmac.compare_digest(_key_check(key, document["team_id"]), expected):
        raise WrongTeamPassphrase()
    return Team(document["team_id"], document["name"], team_folder, key)


def register_device(team: Team, device_id: str) -> Path:
    """Make this laptop's own folder; only this laptop ever writes into it (SYNC.md)."""
    if not ID_PATTERN.match(device_id):
        raise ValueError(f"not a valid device id: {device_id!r}")
    folder = team.changes_folder(device_id)
    try:
        # No parents=True: if the team folder itself is gone (a drive that did not come back),
        # fail rather than re-create an empty team tree on the local disk.
        for level in (team.devices_folder, folder.parent, folder):
            level.mkdir(exist_ok=True)
    except OSError as error:
        raise ShareUnavailable(path=str(team.folder), detail=str(error)) from error
    return folder


@dataclass(frozen=True)
class Retirement:
    device_id: str
    retired_by: str  # the device that wrote the note
    retired_at: str  # ISO 8601, UTC, from that laptop's clock
    last_seq: int  # the retired laptop's last bundle the writer had imported (informational)


def retire_device(
    team: Team, device_id: str, by_device: str, retired_at: str, last_seq: int
) -> Path:
    """Write the note that ``device_id`` left the team; its folder and its changes stay.

    Written once under a temporary name and renamed, like a bundle; if a note is there already
    (another laptop retired it first) that one stands."""
    if not ID_PATTERN.match(device_id):
        raise ValueError(f"not a valid device id: {device_id!r}")
    folder = team.folder / RETIRED_FOLDER
    path = folder / f"{device_id}{RETIRED_SUFFIX}"
    document = {
        "device_id": device_id,
        "retired_by": by_device,
        "retired_at": retired_at,
        "last_seq": last_seq,
    }
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(team.key).encrypt(
        nonce, json.dumps(document).encode("utf-8"), _retired_aad(team.team_id, device_id)
    )
    try:
        folder.mkdir(exist_ok=True)
        if not path.exists():
            _write_new_file(path, base64.b64encode(nonce + sealed).decode("ascii"))
    except OSError as error:
        raise ShareUnavailable(path=str(team.folder), detail=str(error)) from error
    return path


def retired_devices(team: Team) -> dict[str, Retirement]:
    """The laptops retired from the team, by device id. A note that does not open under the
    team key (forged, damaged, another team's) is ignored: it retires nobody."""
    folder = team.folder / RETIRED_FOLDER
    found: dict[str, Retirement] = {}
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return found
    for path in entries:
        device_id = path.name.removesuffix(RETIRED_SUFFIX)
        if path.name == device_id or not ID_PATTERN.match(device_id):
            continue
        try:
            if not path.is_file() or path.stat().st_size > 4096:
                continue
            raw = base64.b64decode(path.read_bytes(), validate=True)
            plain = AESGCM(team.key).decrypt(
                raw[:12], raw[12:], _retired_aad(team.team_id, device_id)
            )
            document = json.loads(plain.decode("utf-8"))
            found[device_id] = Retirement(
                device_id,
                str(document["retired_by"]),
                str(document["retired_at"]),
                int(document["last_seq"]),
            )
        except (OSError, ValueError, KeyError, TypeError, InvalidTag):
            continue
    return found


def _retired_aad(team_id: str, device_id: str) -> bytes:
    return _RETIRED_LABEL + team_id.encode("ascii") + b"\x00" + device_id.encode("ascii")


def read_team_file(team_folder: Path) -> dict[str, Any]:
    """Read and check team.json; raises ShareUnavailable, TeamFileInvalid or
    UnsupportedTeamFormat."""
    path = team_folder / TEAM_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        # A vanished drive often looks like an empty folder: that is "unreachable", not "no team".
        raise ShareUnavailable(path=str(team_folder), detail="team.json is missing") from error
    except OSError as error:
        raise ShareUnavailable(path=str(team_folder), detail=str(error)) from error
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TeamFileInvalid(path=str(path), detail=str(error)) from error
    if not isinstance(document, dict) or document.get("format") != TEAM_FORMAT:
        raise TeamFileInvalid(path=str(path), detail="not a ConsultDesk team file")
    version = document.get("format_version")
    if not isinstance(version, int):
        raise TeamFileInvalid(path=str(path), detail="format_version is missing")
    if version > TEAM_FORMAT_VERSION:
        raise UnsupportedTeamFormat(version=version)
    team_id, name = document.get("team_id"), document.get("name")
    if not isinstance(team_id, str) or not ID_PATTERN.match(team_id):
        raise TeamFileInvalid(path=str(path), detail="team_id is invalid")
    if not isinstance(name, str):
        raise TeamFileInvalid(path=str(path), detail="name is missing")
    try:
        KdfParams.from_json(document.get("kdf"))
        base64.b64decode(str(document.get("key_check")), validate=True)
    except ValueError as error:
        raise TeamFileInvalid(path=str(path), detail=str(error)) from error
    return document


def _key_check(key: bytes, team_id: str) -> bytes:
    # A MAC of a fixed label, not the key: it confirms a passphrase without revealing the key.
    return hmac.new(key, _KEY_CHECK_LABEL + team_id.encode("ascii"), hashlib.sha256).digest()


def _require_folder(folder: Path) -> None:
    try:
        if folder.is_dir():
            return
    except OSError as error:
        raise ShareUnavailable(path=str(folder), detail=str(error)) from error
    raise ShareUnavailable(path=str(folder), detail="the folder does not exist")


def _write_new_file(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    os.rename(temporary, path)
