"""Backups and restore.

A backup is an encrypted, consistent copy of the live database (VACUUM INTO, see
storage.database), with the same passphrase. ``consultdesk backup`` makes one on demand; the app
makes one a day when it closes, into the data folder's ``backups/``, and keeps the last 7 daily
and 4 weekly copies (``auto_backup``).

``restore`` replaces the database with a backup only after the backup has opened with the
passphrase and passed ``PRAGMA integrity_check``; the current database is kept as a backup
first, and a database newer than the backup is replaced only when asked (``force``).

Sync after a restore: the restored database does not know the bundles this laptop wrote after
the backup, so writing under the same device id would reuse sequence numbers already on the
share. The restored database therefore becomes a new device of the team: it reads its former
self's bundles back like any teammate's (so nothing written after the backup is lost once it
syncs), and its own unsent changes travel under the new id.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import exc

from consultdesk.domain.ids import new_id
from consultdesk.services.workspace import Workspace
from consultdesk.storage import backup_repo, folder_lock, schema
from consultdesk.storage.database import Database, fold_wal, open_database, side_files
from consultdesk.storage.errors import StorageError, WrongPassphrase
from consultdesk.storage.settings_repo import get_setting, put_setting

BACKUP_FOLDER = "backups"
DAILY_KEPT = 7
WEEKLY_KEPT = 4


class BackupDamaged(StorageError):
    code = "backup_damaged"

    def __init__(self, detail: str) -> None:
        super().__init__(f"The backup is damaged ({detail}); nothing was changed.")
        self.context = {"detail": detail}


class BackupNewerDatabase(StorageError):
    code = "backup_older_than_database"

    def __init__(self) -> None:
        super().__init__(
            "The database here has changes newer than the backup. Nothing was changed; restore "
            "with --force to replace it anyway (it is kept as a backup first)."
        )


class PassphraseDiffers(StorageError):
    code = "restore_passphrase_differs"

    def __init__(self) -> None:
        super().__init__(
            "The database here has another passphrase than the backup (it was changed after "
            "the backup was made), so they cannot be compared. Nothing was changed; restore "
            "with --force to replace it anyway (its files are kept in backups/ first)."
        )


class BackupTooNew(StorageError):
    code = "backup_too_new"

    def __init__(self) -> None:
        super().__init__(
            "The backup was made by a newer version of ConsultDesk. Update ConsultDesk first."
        )


SECOND_FOLDER_KEY = "backup_second_folder"


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def second_folder(ws: Workspace) -> Path | None:
    """The optional second place for backups (a USB stick), set in the settings."""
    with ws.db.session(read_only=True) as s:
        value = get_setting(s, SECOND_FOLDER_KEY, "")
    return Path(value) if value else None


def set_second_folder(ws: Workspace, folder: Path | None) -> None:
    with ws.db.session() as s:
        put_setting(s, SECOND_FOLDER_KEY, str(folder) if folder is not None else "")


@dataclass(frozen=True)
class BackupResult:
    local: Path
    second: Path | None  # the copy in the second folder, when it is set and was reachable
    second_missing: Path | None  # the second folder, when it is set but not there (unplugged)


def backup_everywhere(ws: Workspace) -> BackupResult:
    """What "Back up now" does: a copy into backups/, and one into the second folder when it
    is set and reachable (a USB stick that is not plugged in is said, not an error)."""
    local = backup_now(ws)
    folder = second_folder(ws)
    if folder is None:
        return BackupResult(local, None, None)
    if not folder.is_dir():
        return BackupResult(local, None, folder)
    return BackupResult(local, backup_now(ws, folder), None)


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")


def backup_now(ws: Workspace, to: Path | None = None) -> Path:
    """A backup into ``to`` (a folder, e.g. a USB stick) or the data folder's backups/."""
    folder = to if to is not None else backup_folder(ws.data_dir)
    target = folder / f"consultdesk-{_stamp()}.db"
    n = 2
    while target.exists():
        target = folder / f"consultdesk-{_stamp()}-{n}.db"
        n += 1
    ws.db.backup_to(target)
    with ws.db.session() as s:
        s.add(ws.audit("backup", "database", target.name, None))
    return target


def auto_backup(ws: Workspace, today: date | None = None) -> Path | None:
    """Once a day (called when the app closes): a daily copy, and a weekly one the first time
    in an ISO week; then only the newest 7 daily and 4 weekly copies are kept. None when
    today's copy exists already, or when the app is locked: a copy needs the key, which the
    lock dropped, and locking takes the day's copy first when it is due (``backup_due``)."""
    today = today or date.today()
    if ws.db.locked:
        return None
    folder = backup_folder(ws.data_dir)
    daily = folder / f"daily-{today.isoformat()}.db"
    if daily.exists():
        return None
    ws.db.backup_to(daily)
    year, week, _ = today.isocalendar()
    weekly = folder / f"weekly-{year:04d}-W{week:02d}.db"
    if not weekly.exists():
        try:
            os.link(daily, weekly)  # the same bytes; pruning one leaves the other
        except OSError:
            ws.db.backup_to(weekly)
    _prune(folder, "daily-", DAILY_KEPT)
    _prune(folder, "weekly-", WEEKLY_KEPT)
    _mirror_daily(ws, daily)
    return daily


def _mirror_daily(ws: Workspace, daily: Path) -> None:
    """The day's copy in the second folder too, when it is set and there (kept: 7)."""
    folder = second_folder(ws)
    if folder is None or not folder.is_dir():
        return
    target = folder / daily.name
    if not target.exists():
        ws.db.backup_to(target)
    _prune(folder, "daily-", DAILY_KEPT)


def backup_due(ws: Workspace, today: date | None = None) -> bool:
    """Whether today's daily copy is still to be made."""
    today = today or date.today()
    return not (backup_folder(ws.data_dir) / f"daily-{today.isoformat()}.db").exists()


def _prune(folder: Path, prefix: str, kept: int) -> None:
    copies = sorted(p for p in folder.glob(f"{prefix}*.db") if p.is_file())
    for old in copies[:-kept] if len(copies) > kept else []:
        old.unlink(missing_ok=True)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_current: Path | None
    new_device: str


def _check(db: Database) -> None:
    rows = db.integrity_check()
    if rows != ["ok"]:
        raise BackupDamaged("; ".join(rows[:3]))
    revision = schema.current_revision(db)
    if revision is None:
        raise BackupDamaged("no schema")
    if revision > schema.HEAD_REVISION:
        raise BackupTooNew()


def restore(data_dir: Path, backup: Path, passphrase: str, force: bool = False) -> RestoreResult:
    """Replace the data folder's database with ``backup`` (see the module's description).
    Raises WrongPassphrase, BackupDamaged, BackupTooNew or BackupNewerDatabase, each before
    anything is changed."""
    with folder_lock.FolderLock(data_dir):
        final = Workspace.database_path(data_dir)
        staging = data_dir / (final.name + ".restoring")
        for file in side_files(staging):
            file.unlink(missing_ok=True)
        # Checked on a copy: opening a database may write to it (WAL), and the backup stays
        # exactly as it was.
        _copy(backup, staging)
        try:
            candidate = open_database(staging, passphrase)
            try:
                try:
                    _check(candidate)
                    schema.upgrade(candidate)
                    restored_newest = backup_repo.newest_change(candidate)
                except exc.DatabaseError as e:  # a damaged page SQLCipher cannot read
                    raise BackupDamaged(str(e.orig) if e.orig else type(e).__name__) from None
                kept = None
                if final.exists():
                    kept = _keep_current(data_dir, final, passphrase, restored_newest, force)
                device = new_id().replace("-", "")
                with candidate.session() as s:
                    former = get_setting(s, "device_id")
                    put_setting(s, "device_id", device)
                    put_setting(s, "restored_from_device", former)
                    # This laptop's unsent changes go out under its new id, from seq 1; what
                    # it sent before is read back from its former folder on the share.
                    conn = s.connection()
                    backup_repo.rename_unsent(conn, device)
                    backup_repo.forget_sent_bundles(conn)
            finally:
                candidate.close()
            fold_wal(staging, passphrase)
            for file in side_files(final):
                file.unlink(missing_ok=True)
            os.replace(staging, final)
        except BaseException:
            for file in side_files(staging):
                file.unlink(missing_ok=True)
            raise
    return RestoreResult(backup, kept, device)


def _keep_current(
    data_dir: Path, final: Path, passphrase: str, restored_newest: str, force: bool
) -> Path:
    """Back up the database about to be replaced; refuse (BackupNewerDatabase) when it is
    newer than the backup, unless forced. A database under another passphrase (changed after
    the backup was taken) cannot be compared: it is refused unless forced, then kept as a copy
    of its files, still encrypted with its own passphrase."""
    target = backup_folder(data_dir) / f"before-restore-{_stamp()}.db"
    try:
        current = open_database(final, passphrase)
    except WrongPassphrase:
        if not force:
            raise PassphraseDiffers() from None
        folder_lock.private_folder(target.parent)
        for source, copy in zip(side_files(final), side_files(target), strict=True):
            if source.exists():
                _copy(source, copy)
        return target
    try:
        if backup_repo.newest_change(current) > restored_newest and not force:
            raise BackupNewerDatabase()
        return current.backup_to(target)
    finally:
        current.close()


def _copy(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "xb") as out:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    folder_lock.private_file(target)
