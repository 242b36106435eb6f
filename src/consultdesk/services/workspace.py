"""The open workspace: the unlocked database plus who and where we are.

Every service function takes a Workspace; the GUI, the CLI and the tests all go through them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from consultdesk.domain.hlc import HlcClock
from consultdesk.domain.ids import new_id
from consultdesk.domain.passphrase import validate_new_passphrase
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.profile import Profile
from consultdesk.paths import DATABASE_FILE
from consultdesk.storage import folder_lock, schema, team_repo
from consultdesk.storage.changes import ChangeWriter, last_hlc
from consultdesk.storage.database import (
    Database,
    create_database,
    open_database,
    prepare_mappings,
    publish,
    side_files,
)
from consultdesk.storage.errors import DatabaseExists, StorageError, WrongPassphrase
from consultdesk.storage.models import AuditEvent
from consultdesk.storage.settings_repo import get_setting, put_setting
from consultdesk.storage.unlock_attempts import UnlockAttempts

# A screen shown again for the same record within this many seconds is the same viewing.
VIEW_WINDOW_S = 300.0


class Workspace:
    def __init__(self, data_dir: Path, db: Database, device: str, profile: Profile) -> None:
        self._locked = False
        self._views: dict[tuple[str, str, str | None], float] = {}
        self._views_lock = threading.Lock()
        self.data_dir = data_dir
        self.db = db
        self.device = device
        self.profile = profile
        with db.session() as s:
            self.writer = ChangeWriter(device, HlcClock(device, last_hlc(s)))
            team_repo.remember(s, device, profile.pharmacist_name, profile.organisation)

    @staticmethod
    def database_path(data_dir: Path) -> Path:
        return data_dir / DATABASE_FILE

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return cls.database_path(data_dir).is_file()

    @staticmethod
    def _building_path(data_dir: Path) -> Path:
        return data_dir / (DATABASE_FILE + ".creating")

    @classmethod
    def create(
        cls,
        data_dir: Path,
        passphrase: str,
        again: str,
        profile: Profile,
        fill: Callable[[Workspace], object] | None = None,
    ) -> Workspace:
        """A new database, created atomically: it is built under a temporary name (and
        ``fill``ed, for the demo) and renamed into place only when complete, so a process
        killed or failing half-way leaves no database behind (the next set-up removes the
        half-built file)."""
        problems = validate_new_passphrase(passphrase, again)
        if not profile.pharmacist_name.strip():
            problems.append(Problem("pharmacist_name", "name_empty", {}, "Enter the name."))
        if problems:
            raise ValidationFailed(problems)
        with folder_lock.FolderLock(data_dir):  # refused if another app has the folder
            return cls._create(data_dir, passphrase, profile, fill)

    @classmethod
    def _create(
        cls,
        data_dir: Path,
        passphrase: str,
        profile: Profile,
        fill: Callable[[Workspace], object] | None,
    ) -> Workspace:
        final = cls.database_path(data_dir)
        if final.exists():
            raise DatabaseExists(f"{final} already exists")
        building = cls._building_path(data_dir)
        _remove(building)  # left by a set-up that was killed
        try:
            db = create_database(building, passphrase)
            try:
                schema.upgrade(db)
                # Hex only: the id names this laptop's folder on the team share
                # (sync.team.ID_PATTERN).
                device = new_id().replace("-", "")
                with db.session() as s:
                    put_setting(s, "device_id", device)
                    put_setting(s, "pharmacist_name", profile.pharmacist_name.strip())
                    put_setting(s, "organisation", profile.organisation.strip())
                    put_setting(s, "phone", profile.phone.strip())
                if fill is not None:
                    fill(cls(data_dir, db, device, profile))
            finally:
                db.close()
            publish(db, passphrase, final)
        except BaseException:
            _remove(building)
            raise
        return cls.unlock(data_dir, passphrase)

    @classmethod
    def unlock(
        cls,
        data_dir: Path,
        passphrase: str,
        clock: Callable[[], float] | None = None,
        upgrading: Callable[[], None] | None = None,
    ) -> Workspace:
        """Open with the passphrase; upgrade the schema (after a backup) if the app is newer,
        calling ``upgrading`` first (from this thread: it may take minutes).
        The data folder is this process's until ``close`` (FolderInUse if another has it).
        After 5 wrong passphrases in a row each try waits longer (TooManyAttempts); the
        failures go to the access log once the right one is given."""
        folder_lock.acquire(data_dir)
        try:
            attempts = UnlockAttempts(data_dir, clock)
            attempts.check()
            try:
                ws = cls._unlock(data_dir, passphrase, upgrading)
            except WrongPassphrase:
                attempts.failed()
                raise
            failures = attempts.settle()
            if failures:
                ws._log_failed_unlocks(failures)
        except BaseException:
            folder_lock.release(data_dir)
            raise
        ws._locked = True
        return ws

    def _log_failed_unlocks(self, failures: list[float]) -> None:
        with self.db.session() as s:
            for at in failures:
                event = self.audit("failed_unlock", "database", "", None)
                event.at = datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds")
                s.add(event)

    @classmethod
    def _unlock(
        cls, data_dir: Path, passphrase: str, upgrading: Callable[[], None] | None = None
    ) -> Workspace:
        db = open_database(cls.database_path(data_dir), passphrase)
        try:
            schema.upgrade(db, backup_dir=data_dir / "backups", starting=upgrading)
            with db.session() as s:
                device = get_setting(s, "device_id")
                if not device:
                    # A database an earlier version left half-created: give it its identity
                    # now, so nothing is ever logged or synced under an empty device id.
                    device = new_id().replace("-", "")
                    put_setting(s, "device_id", device)
                profile = Profile(
                    get_setting(s, "pharmacist_name"),
                    get_setting(s, "organisation"),
                    get_setting(s, "phone"),
                )
        except BaseException:
            db.close()
            raise
        return cls(data_dir, db, device, profile)

    def audit(
        self, action: str, entity: str, record_id: str, resident_id: str | None
    ) -> AuditEvent:
        return AuditEvent(
            at=datetime.now(UTC).isoformat(timespec="seconds"),
            actor=self.profile.pharmacist_name,
            action=action,
            entity=entity,
            record_id=record_id,
            resident_id=resident_id,
            device=self.device,
        )

    def log_view(self, screen: str, record_id: str = "", resident_id: str | None = None) -> None:
        """One access-log row ("view") for a screen that shows personal data: the search
        results, a timeline, the consents, the follow-ups, a document preview, the conflicts.
        The same screen for the same record is logged once per VIEW_WINDOW_S, so refreshing
        or typing in a search logs one opening, not one row a keystroke. A log that cannot be
        written (a full disk) never hides the screen; it is said in the app's log instead."""
        key = (screen, record_id, resident_id)
        now = time.monotonic()
        with self._views_lock:
            last = self._views.get(key)
            if last is not None and now - last < VIEW_WINDOW_S:
                return
            self._views[key] = now
        try:
            with self.db.session() as s:
                s.add(self.audit("view", screen, record_id, resident_id))
        except StorageError:
            with self._views_lock:
                self._views.pop(key, None)
            logging.getLogger(__name__).warning("a view could not be written to the access log")

    def close(self) -> None:
        self.db.close()
        if self._locked:
            self._locked = False
            folder_lock.release(self.data_dir)


def _remove(path: Path) -> None:
    for file in side_files(path):
        file.unlink(missing_ok=True)


def prepare() -> None:
    """What the first unlock of a process would set up and needs no database: the ORM's
    mappings. Safe on any thread, once or many times."""
    prepare_mappings()
