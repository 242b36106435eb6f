"""Wrong passphrases in a row, and the wait before the next try (PIPA's safety
measures ask for repeated password failures to be limited).

After ``FREE_TRIES`` wrong tries in a row, each further try must wait: 2 s, then 4, 8, … up to
60 s. The count lives in a small file beside the database (it cannot live inside: the database
is what the passphrase opens), kept when the app or a command exits, so a script trying
passphrases one process at a time is held back as well. The failures are written to the
access log at the next successful unlock (``settle``).

This slows guessing through the app; the real protection of a copied file is SQLCipher's key
derivation (PBKDF2-HMAC-SHA512, 256,000 iterations).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from consultdesk.folder_lock import FILE_MODE
from consultdesk.storage.errors import StorageError

FREE_TRIES = 5
FIRST_WAIT_S = 2.0
LONGEST_WAIT_S = 60.0
ATTEMPTS_FILE = "unlock-attempts.json"

Clock = Callable[[], float]


class TooManyAttempts(StorageError):
    code = "too_many_attempts"

    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Too many wrong passphrases in a row. Wait {seconds} seconds, then try again."
        )
        self.context = {"seconds": seconds}


def wait_after(failures: int) -> float:
    """Seconds a try must wait after ``failures`` wrong tries in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_TRIES))


class UnlockAttempts:
    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.path = data_dir / ATTEMPTS_FILE
        self.clock = clock or time.time

    def _load(self) -> list[float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [float(t) for t in data.get("failures", [])]
        except (OSError, ValueError, TypeError, AttributeError):
            return []

    def _save(self, failures: list[float]) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"failures": failures}, f)
            os.replace(temporary, self.path)
        except OSError:  # a full disk must not stop an unlock; the count is best effort
            pass

    def check(self) -> None:
        """Raises TooManyAttempts while the wait after the last failure is not over."""
        failures = self._load()
        if not failures:
            return
        left = failures[-1] + wait_after(len(failures)) - self.clock()
        if left > 0:
            raise TooManyAttempts(max(1, round(left + 0.499)))

    def failed(self) -> None:
        failures = self._load()
        failures.append(self.clock())
        self._save(failures[-1000:])

    def settle(self) -> list[float]:
        """After a successful unlock: the failures since the last one (to log), and reset."""
        failures = self._load()
        if failures:
            with contextlib.suppress(OSError):
                self.path.unlink()
        return failures
