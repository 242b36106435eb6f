"""The key SQLCipher opens the database with, derived once per unlock instead of per connection.

SQLCipher 4, given a passphrase, derives the page key itself: PBKDF2-HMAC-SHA512, 256,000
iterations, 32 bytes, over the 16-byte salt it keeps at the start of the file (the defaults of
SQLCipher 4's "cipher_compatibility = 4", https://www.zetetic.net/sqlcipher/sqlcipher-api/ —
`PRAGMA key`, "Raw Key Data" and `PRAGMA kdf_iter`). It does that on every new connection: a
quarter of a second each on a laptop, for each of the pool's connections and for each check.

Here the same derivation runs once, with Python's ``hashlib.pbkdf2_hmac`` (OpenSSL; it releases
the GIL, so it can run beside the imports of a starting process), and every connection is
given the result as raw key data with its salt, ``x'<64 hex key><32 hex salt>'``. The file is
the same file: it still opens with the passphrase alone, in this version, an older one, or the
sqlcipher shell; a backup made from it (VACUUM INTO) keeps the salt and opens with the
passphrase too (tests/storage/test_sqlcipher_key.py).

A file with no salt yet (a database being created: empty until its first page is written) is
keyed with the passphrase, and SQLCipher makes the salt.

A command-line process knows the passphrase (from the environment) before it has imported the
database layer, which takes longer than the derivation: ``derive_ahead`` starts the derivation
on a thread at once, and the first ``key_pragma`` for that file and passphrase takes its result.

A window that asks for the passphrase (the unlock window, the lock screen) does not know it until
Enter, but it sees it being typed: ``while_typing`` derives the key of the text typed so far on a
thread, the newest text at a time, so the key of what was typed is usually ready when Enter is
pressed, and the unlock no longer waits a fifth to a half of a second for it.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from pathlib import Path

# SQLCipher 4's defaults (cipher_compatibility 4): see the module's docstring.
KDF_ITERATIONS = 256_000
KDF_DIGEST = "sha512"
KEY_BYTES = 32
SALT_BYTES = 16
# The salt is in the file once its first page is; SQLCipher 4's page is 4,096 bytes.
_FIRST_PAGE = 4096


class NoPassphrase(ValueError):
    """An empty passphrase, or one with a NUL (SQLCipher would cut it there)."""


def quoted_passphrase(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal for PRAGMA key / rekey."""
    if not passphrase or "\x00" in passphrase:
        raise NoPassphrase()
    return "'" + passphrase.replace("'", "''") + "'"


def file_salt(path: Path) -> bytes | None:
    """The salt at the start of an encrypted database file, or None if it has none yet."""
    try:
        with path.open("rb") as f:
            head = f.read(_FIRST_PAGE)
    except FileNotFoundError:
        return None
    if len(head) < _FIRST_PAGE:
        return None
    return head[:SALT_BYTES]


def raw_key(passphrase: str, salt: bytes) -> str:
    """PRAGMA key's argument for the key SQLCipher would derive from ``passphrase`` and
    ``salt``: raw key data with the salt, as a quoted blob literal."""
    quoted_passphrase(passphrase)  # the same refusals as the passphrase itself
    key = hashlib.pbkdf2_hmac(
        KDF_DIGEST, passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
    )
    return "\"x'" + key.hex() + salt.hex() + "'\""


class _Ahead:
    """A derivation started before it was asked for (derive_ahead)."""

    def __init__(self, passphrase: str, salt: bytes) -> None:
        self.passphrase = passphrase
        self.result: str | None = None
        self.thread = threading.Thread(target=self._run, args=(salt,), daemon=True)
        self.thread.start()

    def _run(self, salt: bytes) -> None:
        try:
            self.result = raw_key(self.passphrase, salt)
        except NoPassphrase:
            self.result = None  # key_pragma refuses it again, in the caller's thread

    def take(self, passphrase: str) -> str | None:
        if not hmac.compare_digest(passphrase.encode(), self.passphrase.encode()):
            return None
        self.thread.join()
        return self.result


_ahead: dict[tuple[str, bytes], _Ahead] = {}
_ahead_lock = threading.Lock()


def _place(path: Path) -> str:
    return str(path.resolve())


def derive_ahead(path: Path, passphrase: str) -> None:
    """Start deriving the key of the file at ``path`` (if it has a salt) on a thread; the next
    key_pragma for that file with the same passphrase waits for it instead of starting again.
    Nothing is kept after that call; a different passphrase there derives its own key."""
    salt = file_salt(path)
    if salt is None or not passphrase:
        return
    with _ahead_lock:
        _ahead[(_place(path), salt)] = _Ahead(passphrase, salt)


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class WhileTyping:
    """The key of the passphrase being typed into one window, derived beside the typing.

    ``typed`` is given the field's text at each change; one thread derives the key of the
    newest text, then of the text typed meanwhile, and so on, so at most one derivation runs at
    a time and only the last text's key is kept. Nothing is tried against the file here: a
    wrong passphrase is found, and counted (storage/unlock_attempts.py), only when submitted.
    ``key_pragma`` asks ``take`` first; ``forget`` (the window closed) drops the key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.place = _place(path)
        # Read by the thread, at the first key typed (not before the window is painted, not on
        # its thread). None: not read yet, no salt yet (a new file is keyed with the
        # passphrase), or the file could not be read (the opening says why, as before).
        self.salt: bytes | None = None
        self._salt_read = False
        self._cond = threading.Condition()
        self._wanted: str | None = None  # the text whose key is wanted next
        self._running: str | None = None  # the text whose key is being derived
        self._done: tuple[str, str | None] | None = None  # the last text and its key
        self._working = False
        self._forgotten = False  # forget() was called: nothing is derived or kept any more

    def typed(self, passphrase: str) -> None:
        with self._cond:
            if self._forgotten or (self._salt_read and self.salt is None):
                return  # nothing to derive for this file, or not any more
            self._wanted = passphrase or None
            if self._wanted is not None and not self._working:
                self._working = True
                threading.Thread(target=self._run, name="key-while-typing", daemon=True).start()

    def _read_salt(self) -> bytes | None:
        if not self._salt_read:
            try:
                salt = file_salt(self.path)
            except OSError:
                salt = None
            with self._cond:
                self.salt, self._salt_read = salt, True
        return self.salt

    def _run(self) -> None:
        salt = self._read_salt()
        while True:
            with self._cond:
                text = self._wanted
                if salt is None or text is None or (self._done and self._done[0] == text):
                    self._working = False
                    self._cond.notify_all()
                    return
                self._running = text
            try:
                key: str | None = raw_key(text, salt)
            except NoPassphrase:
                key = None  # key_pragma refuses it again, in the caller's thread
            with self._cond:
                # A key derived for a window that has gone meanwhile is not kept.
                self._done = None if self._forgotten else (text, key)
                self._running = None
                self._cond.notify_all()

    def settled(self, timeout: float) -> bool:
        """Wait until no derivation is under way or wanted (at most ``timeout`` seconds); True
        if so. For the tests: the windows never wait for the deriver."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._working, timeout)

    def take(self, passphrase: str) -> str | None:
        """The key of ``passphrase`` if it is the text typed: at once when derived, after the
        derivation under way when it is that one; else None (the caller derives it). Nothing
        more is derived until the next ``typed``."""
        with self._cond:
            self._wanted = None
            while self._running is not None and _same(self._running, passphrase):
                self._cond.wait()
            done = self._done
            if done is not None and _same(done[0], passphrase):
                return done[1]
            return None

    def forget(self) -> None:
        """Drop the text and its key; the file's key is derived as usual from here on."""
        with self._cond:
            self._wanted = None
            self._done = None
            self._forgotten = True
        with _ahead_lock:
            if _typing.get(self.place) is self:
                del _typing[self.place]


_typing: dict[str, WhileTyping] = {}


def while_typing(path: Path) -> WhileTyping:
    """A WhileTyping for the file at ``path``, which key_pragma asks until it is forgotten."""
    typing = WhileTyping(path)
    with _ahead_lock:
        _typing[typing.place] = typing
    return typing


def key_pragma(path: Path, passphrase: str) -> str:
    """What to give PRAGMA key for the file at ``path``: its raw key if it has a salt, else
    the passphrase (SQLCipher then derives the key and makes the salt)."""
    salt = file_salt(path)
    if salt is None:
        return quoted_passphrase(passphrase)
    place = _place(path)
    with _ahead_lock:
        ahead = _ahead.pop((place, salt), None)
        typing = _typing.get(place)
    if ahead is not None:
        derived = ahead.take(passphrase)
        if derived is not None:
            return derived
    if typing is not None and typing.salt == salt:
        derived = typing.take(passphrase)
        if derived is not None:
            return derived
    return raw_key(passphrase, salt)
