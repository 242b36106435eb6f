"""Locking the open app and unlocking it again (the lock screen's actions).

Locking drops the database key (every pooled connection, each holding SQLCipher's derived key, is
closed). Unlocking checks the passphrase with the same back-off as at start
(storage.unlock_attempts); the wrong tries reach the access log once the right one is given.
The idle time before the app locks is a setting kept in the database (1–60 minutes).
"""

from __future__ import annotations

from collections.abc import Callable

from consultdesk.domain.errors import WrongPassphrase
from consultdesk.services.workspace import Workspace
from consultdesk.storage.settings_repo import get_setting, put_setting
from consultdesk.storage.unlock_attempts import UnlockAttempts

IDLE_KEY = "lock_idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 60


def idle_minutes(ws: Workspace) -> int:
    with ws.db.session(read_only=True) as s:
        text = get_setting(s, IDLE_KEY, str(DEFAULT_IDLE_MINUTES))
    try:
        value = int(text)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(MAX_IDLE_MINUTES, max(MIN_IDLE_MINUTES, value))


def set_idle_minutes(ws: Workspace, minutes: int) -> int:
    minutes = min(MAX_IDLE_MINUTES, max(MIN_IDLE_MINUTES, int(minutes)))
    with ws.db.session() as s:
        put_setting(s, IDLE_KEY, str(minutes))
    return minutes


class WorkspaceLock:
    """The lock of one open workspace."""

    def __init__(self, ws: Workspace, clock: Callable[[], float] | None = None) -> None:
        self.ws = ws
        self._attempts = UnlockAttempts(ws.data_dir, clock)

    def lock(self) -> None:
        self.ws.db.lock()

    def check(self) -> None:
        """TooManyAttempts while the wait after the last wrong passphrase is not over."""
        self._attempts.check()

    def unlock(self, passphrase: str) -> None:
        """Give the key back (WrongPassphrase, counted, if it is not the right one); the wrong
        tries before it go to the access log."""
        try:
            self.ws.db.unlock(passphrase)
        except WrongPassphrase:
            self._attempts.failed()
            raise
        failures = self._attempts.settle()
        if failures:
            with self.ws.db.session() as s:
                for _ in failures:
                    s.add(self.ws.audit("failed_unlock", "lock_screen", "", None))
