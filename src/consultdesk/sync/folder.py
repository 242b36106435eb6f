"""The shared-folder transport: write our bundles safely, list everybody else's (SYNC.md).

Sync clients (OneDrive, Dropbox, Syncthing, Google Drive, Nextcloud) copy files half-written,
add their own files, make "(1)" and ".sync-conflict-" copies and sometimes show a disconnected
drive as an empty folder. So: we write under a temporary name and rename; we read only names we
could have written; and nothing here ever deletes anything. Only a laptop's own bundles that
every teammate imported and a snapshot covers are ever removed, by that laptop (compaction.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from consultdesk.sync.bundle import MAX_HEADER_BYTES, BundleHeader, read_header
from consultdesk.sync.errors import (
    BundleError,
    BundleExists,
    BundleMisplaced,
    BundleOtherTeam,
    BundleTruncated,
    BundleUnreadable,
    BundleWriteFailed,
    ShareUnavailable,
)
from consultdesk.sync.seen import SEEN_FILE, SNAPSHOTS_FOLDER
from consultdesk.sync.team import ID_PATTERN

BUNDLE_SUFFIX = ".cdsync"
SEQ_DIGITS = 6
WRITE_ATTEMPTS = 5
RETRY_DELAY_S = 0.2

# ASCII digits only: \d also takes full-width ones (０００００９), which int() reads as 9.
_BUNDLE_NAME = re.compile(r"^(\d{6,})\.cdsync$", re.ASCII)
_SYSTEM_FILES = {"desktop.ini", "thumbs.db", ".ds_store", "icon\r", ".localized"}
# Names the common sync clients give to copies and to files still arriving.
_CONFLICT_COPY = re.compile(
    r"(\(\d+\)|\.sync-conflict-|conflicted copy|-conflict-|\[conflict\])", re.IGNORECASE
)
_PARTIAL = re.compile(
    r"(\.tmp$|\.part$|\.partial$|\.!sync$|\.crdownload$|^~\$|^\.~|^\.syncthing\.|"
    r"\.tmp\.drivedownload|^\.dropbox)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class BundleFile:
    device_id: str
    seq: int
    path: Path


@dataclass(frozen=True, slots=True)
class SkippedFile:
    path: Path
    code: str  # system_file, conflict_copy, partial_file, unknown_file, unknown_folder, or a
    # bundle error code (truncated, authentication_failed, …)
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DeviceWaiting:
    """A device whose next bundle cannot be read yet; later ones wait so none is skipped."""

    device_id: str
    imported_up_to: int
    missing_seq: int
    reason: str = "gap"  # "gap": not arrived yet; otherwise the code of the failed bundle


@dataclass
class ScanResult:
    pending: dict[str, list[BundleFile]] = field(default_factory=dict)
    skipped: list[SkippedFile] = field(default_factory=list)
    waiting: list[DeviceWaiting] = field(default_factory=list)
    missing_devices: list[str] = field(default_factory=list)


def bundle_name(seq: int) -> str:
    return f"{seq:0{SEQ_DIGITS}d}{BUNDLE_SUFFIX}"


def bundle_file_seq(name: str) -> int | None:
    """The seq of a file named exactly as we name bundles, else None."""
    match = _BUNDLE_NAME.match(name)
    if match is None or name != bundle_name(int(match.group(1))):
        return None
    return int(match.group(1))


# What a device folder holds besides ``changes``: its seen file (and the moment it is replaced)
# and its snapshots (docs/sync.md, "Snapshots and folder compaction").
_DEVICE_FILES = frozenset({"changes", SEEN_FILE, f".{SEEN_FILE}.tmp", SNAPSHOTS_FOLDER})


@dataclass(frozen=True, slots=True)
class Peek:
    """A bundle file's header and size, read without reading the rest of the file."""

    header: BundleHeader
    header_length: int
    size: int


def peek(path: Path) -> Peek:
    """Stat the file and parse its plain header from its first bytes only; a BundleError says
    why it is not a bundle (whatever its size: a 3 GB file costs one small read)."""
    try:
        # Without O_NONBLOCK a FIFO named like a bundle would block open() for ever; a cloud
        # drive's placeholder that is not yet a regular file waits until it is one.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise BundleUnreadable(detail="not a regular file (not downloaded yet?)")
            size = status.st_size
            head = handle.read(MAX_HEADER_BYTES)
    except OSError as error:
        raise BundleUnreadable(detail=str(error)) from error
    header, header_length = read_header(head)
    return Peek(header, header_length, size)


def _foreign_reason(
    path: Path, device_id: str, seq: int, team_id: str | None
) -> tuple[str, str] | None:
    """(code, detail) if the file under a bundle's name cannot be that device's bundle ``seq``:
    not our format, another team, another device or seq in its header. None if it may be
    (a file still arriving, whose header is cut short, may be)."""
    try:
        header = peek(path).header
    except BundleTruncated:
        return None
    except BundleError as error:
        if error.code == "unsupported_version":
            return None  # a newer laptop's bundle: real, and worth waiting for
        return error.code, error.message
    wrong: BundleError | None = None
    if team_id is not None and header.team_id != team_id:
        wrong = BundleOtherTeam(detail=f"team {header.team_id}")
    elif header.device_id != device_id or header.seq != seq:
        wrong = BundleMisplaced(detail=f"header says device {header.device_id}, seq {header.seq}")
    return (wrong.code, wrong.message) if wrong is not None else None


def write_bundle(
    device_dir: Path,
    seq: int,
    data: bytes,
    *,
    attempts: int = WRITE_ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """Write one bundle under its final name, or raise; never overwrites a bundle."""
    final = device_dir / bundle_name(seq)
    temporary = device_dir / f".{final.name}.tmp"
    last_error: OSError | None = None
    for attempt in range(attempts):
        if attempt:
            sleep(RETRY_DELAY_S * attempt)
        try:
            if final.exists():
                raise BundleExists(path=str(final))
            with open(temporary, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            # Only this laptop writes its folder, so the exists() check above cannot race with
            # another writer; os.rename refuses to overwrite on Windows anyway.
            os.rename(temporary, final)
            _sync_directory(device_dir)
            return final
        except PermissionError as error:
            # Windows sharing violation: an antivirus or the sync client holds the file briefly.
            last_error = error
        except FileNotFoundError as error:
            raise ShareUnavailable(path=str(device_dir), detail=str(error)) from error
        except OSError as error:
            last_error = error
            break
    _remove_quietly(temporary)
    raise BundleWriteFailed(path=str(final), detail=str(last_error))


def highest_own_seq(device_dir: Path) -> int:
    """The highest bundle seq already in our own folder (0 if none)."""
    try:
        names = os.listdir(device_dir)
    except FileNotFoundError:
        return 0
    except OSError as error:
        raise ShareUnavailable(path=str(device_dir), detail=str(error)) from error
    seqs = [int(m.group(1)) for m in map(_BUNDLE_NAME.match, names) if m]
    return max(seqs, default=0)


def scan(
    team_dir: Path,
    own_device: str,
    ledger: Mapping[str, int],
    *,
    team_id: str | None = None,
    own_last_seq: int = 0,
    compacted: Mapping[str, int] | None = None,
) -> ScanResult:
    """List the bundles of other devices that are ready to import, in seq order per device.

    ``ledger`` maps a device id to the highest seq already imported from it. Bundles at or below
    it are not read again: the next bundle's previous-hash is checked against the ledger's hash,
    so a replaced old bundle is still noticed.

    Our own folder is looked at too, for files we did not write there (copies a sync client
    made, strangers); our own bundles are never imported. ``own_last_seq`` is the last bundle we
    wrote: a bundle-named file above it is checked like another device's far-ahead file.

    ``compacted`` maps a device to the seq its owner says it removed its bundles up to: a device
    we imported less from waits (reason "compacted") until a snapshot bridges the stretch.
    """
    devices_dir = team_dir / "devices"
    result = ScanResult()
    try:
        if not (team_dir / "team.json").is_file():
            raise ShareUnavailable(path=str(team_dir), detail="team.json is missing")
        entries = sorted(os.scandir(devices_dir), key=lambda entry: entry.name)
    except FileNotFoundError as error:
        raise ShareUnavailable(path=str(team_dir), detail=str(error)) from error
    except OSError as error:
        raise ShareUnavailable(path=str(team_dir), detail=str(error)) from error
    seen_devices = set()
    for entry in entries:
        path = Path(entry.path)
        if not entry.is_dir():
            result.skipped.append(SkippedFile(path, classify_foreign(entry.name)))
            continue
        if not ID_PATTERN.match(entry.name):
            result.skipped.append(SkippedFile(path, "unknown_folder"))
            continue
        seen_devices.add(entry.name)
        if entry.name == own_device:
            _scan_own(path, own_device, own_last_seq, team_id, result)
            continue
        imported = ledger.get(entry.name, 0)
        if compacted is not None and imported < compacted.get(entry.name, 0):
            result.waiting.append(DeviceWaiting(entry.name, imported, imported + 1, "compacted"))
            continue
        _scan_device(path, entry.name, imported, result, team_id)
    # A device we imported from whose folder is gone or emptied: report it, never treat it as
    # deletions (a disconnected drive can look like an empty folder — SYNC.md).
    gone = {device for device in ledger if device not in seen_devices and device != own_device}
    result.missing_devices = sorted(gone.union(result.missing_devices))
    return result


def classify_foreign(name: str) -> str:
    """Why a file in our folders is not one of our bundles."""
    lowered = name.lower()
    if lowered in _SYSTEM_FILES or lowered.startswith("._"):
        return "system_file"
    if _PARTIAL.search(name):
        return "partial_file"
    if _CONFLICT_COPY.search(name):
        return "conflict_copy"
    return "unknown_file"


def _list_device(device_dir: Path, result: ScanResult) -> tuple[Path, set[int]]:
    """The seqs of the bundle-named files in a device folder; every other file is reported."""
    changes_dir = device_dir / "changes"
    try:
        entries = list(os.scandir(device_dir))
        names = os.listdir(changes_dir) if changes_dir.is_dir() else []
    except OSError as error:
        raise ShareUnavailable(path=str(device_dir), detail=str(error)) from error
    for entry in entries:
        if entry.name not in _DEVICE_FILES:
            code = "unknown_folder" if entry.is_dir() else classify_foreign(entry.name)
            result.skipped.append(SkippedFile(Path(entry.path), code))
    seqs = set()
    for name in names:
        seq = bundle_file_seq(name)
        if seq is not None:
            seqs.add(seq)
        else:
            code = classify_foreign(name)
            result.skipped.append(SkippedFile(changes_dir / name, code))
    return changes_dir, seqs


def _drop_foreign(
    changes_dir: Path,
    device_id: str,
    seqs: Collection[int],
    team_id: str | None,
    result: ScanResult,
) -> set[int]:
    """Of ``seqs``, those whose file may really be that device's bundle; the others (random
    bytes, another team's file, a bundle of another seq or device copied here) are reported as
    skipped and must not make the device wait for the seqs before them."""
    kept = set()
    for seq in seqs:
        path = changes_dir / bundle_name(seq)
        reason = _foreign_reason(path, device_id, seq, team_id)
        if reason is None:
            kept.add(seq)
        else:
            result.skipped.append(SkippedFile(path, *reason))
    return kept


def _scan_own(
    device_dir: Path, device_id: str, last_seq: int, team_id: str | None, result: ScanResult
) -> None:
    changes_dir, seqs = _list_device(device_dir, result)
    # Bundles up to last_seq are ours; the one after it is what the export refused if it is
    # there (BundleExists, already in the report). Anything beyond is looked at.
    _drop_foreign(changes_dir, device_id, [s for s in seqs if s > last_seq + 1], team_id, result)


def _scan_device(
    device_dir: Path, device_id: str, imported: int, result: ScanResult, team_id: str | None
) -> None:
    changes_dir, seqs = _list_device(device_dir, result)
    if imported and max(seqs, default=0) < imported:
        result.missing_devices.append(device_id)
    ready = []
    seq = imported + 1
    while seq in seqs:
        ready.append(BundleFile(device_id, seq, changes_dir / bundle_name(seq)))
        seq += 1
    # Files beyond the first missing seq are only evidence that it is still on its way, and a
    # file under such a name that is not that device's bundle is no evidence at all.
    later = _drop_foreign(changes_dir, device_id, [s for s in seqs if s > seq], team_id, result)
    if later:
        # Seq N+1 is present but N is not: N is probably still uploading. Stop at N-1 so that
        # the hash chain and the order of this device's edits stay intact.
        result.waiting.append(DeviceWaiting(device_id, seq - 1, seq))
    if ready:
        result.pending[device_id] = ready


def _sync_directory(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows has no directory handles to fsync.
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some network filesystems refuse; the rename has still happened
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
