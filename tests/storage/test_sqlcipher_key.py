"""The key derived once per unlock is the key SQLCipher derives itself, and the file stays one
that opens with the passphrase alone: by another connection, after a backup, after a rekey."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
import sqlcipher3

from consultdesk.storage import sqlcipher_key
from consultdesk.storage.database import create_database, open_database, rekey
from consultdesk.storage.errors import WrongPassphrase

PASSPHRASE = "봄날 '약국' 2026"  # Hangul, spaces and a quote: all of them reach the KDF as UTF-8


def _count_with_passphrase(path: Path, passphrase: str) -> int:
    """SQLCipher's own way: the passphrase, and its own key derivation."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {sqlcipher_key.quoted_passphrase(passphrase)}")
        return int(conn.execute("SELECT count(*) FROM note").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "db.sqlite"
    db = create_database(path, PASSPHRASE)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
        conn.exec_driver_sql("INSERT INTO note (text) VALUES ('첫 기록')")
    db.close()
    return path


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The passphrases of every key derivation from here on, in the order they ran."""
    derived: list[bytes] = []
    real = hashlib.pbkdf2_hmac

    def counted(name: str, password: bytes, salt: bytes, iterations: int, dklen: int) -> bytes:
        derived.append(password)
        return real(name, password, salt, iterations, dklen)

    monkeypatch.setattr(sqlcipher_key.hashlib, "pbkdf2_hmac", counted)
    return derived


def test_the_derived_key_is_sqlciphers(database: Path) -> None:
    salt = sqlcipher_key.file_salt(database)
    assert salt is not None and len(salt) == 16
    conn = sqlcipher3.connect(str(database))
    try:
        conn.execute(f"PRAGMA key = {sqlcipher_key.raw_key(PASSPHRASE, salt)}")
        assert conn.execute("SELECT text FROM note").fetchall() == [("첫 기록",)]
    finally:
        conn.close()


def test_a_new_file_is_keyed_with_the_passphrase(tmp_path: Path) -> None:
    empty = tmp_path / "new.sqlite"
    empty.touch()
    assert sqlcipher_key.file_salt(empty) is None
    assert sqlcipher_key.key_pragma(empty, "a'b") == "'a''b'"


def test_every_pooled_connection_and_a_backup_open_as_before(
    database: Path, tmp_path: Path, derivations: list[bytes]
) -> None:
    db = open_database(database, PASSPHRASE)
    try:
        held = [db.engine.raw_connection() for _ in range(3)]  # three of the pool at once
        for conn in held:
            assert conn.cursor().execute("SELECT count(*) FROM note").fetchone()[0] == 1
        for conn in held:
            conn.close()
        assert len(derivations) == 1  # once for the file, not once per connection
        copy = db.backup_to(tmp_path / "backup" / "copy.sqlite")
    finally:
        db.close()
    # Another program (or an older version) opens both with the passphrase alone.
    assert _count_with_passphrase(database, PASSPHRASE) == 1
    assert _count_with_passphrase(copy, PASSPHRASE) == 1


def test_lock_forgets_the_key_and_unlock_checks_the_passphrase(database: Path) -> None:
    db = open_database(database, PASSPHRASE)
    try:
        db.lock()
        assert db.locked
        with pytest.raises(WrongPassphrase):
            db.unlock("not it")
        assert db.locked
        db.unlock(PASSPHRASE)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM note").scalar() == 1
    finally:
        db.close()


def test_a_wrong_passphrase_is_refused_and_a_rekeyed_file_opens_with_the_new_one(
    database: Path,
) -> None:
    with pytest.raises(WrongPassphrase):
        open_database(database, PASSPHRASE + " ")
    rekey(database, PASSPHRASE, "새 암호 문구")
    with pytest.raises(WrongPassphrase):
        open_database(database, PASSPHRASE)
    db = open_database(database, "새 암호 문구")
    db.close()
    assert _count_with_passphrase(database, "새 암호 문구") == 1


def test_a_key_derived_ahead_is_taken_once_and_only_for_its_passphrase(
    database: Path, derivations: list[bytes]
) -> None:
    sqlcipher_key.derive_ahead(database, PASSPHRASE)
    db = open_database(database, PASSPHRASE)  # takes the key derived ahead
    db.close()
    assert derivations == [PASSPHRASE.encode()]
    # Taken means gone: the next opening derives again, and a passphrase that was not the
    # one derived ahead gets its own derivation (and is refused).
    sqlcipher_key.derive_ahead(database, "다른 문구")
    with pytest.raises(WrongPassphrase):
        open_database(database, PASSPHRASE + "!")
    db = open_database(database, PASSPHRASE)
    db.close()
    # (the one ahead runs on its own thread beside the others: their order is not fixed)
    assert derivations[0] == PASSPHRASE.encode()
    other, refused = "다른 문구".encode(), (PASSPHRASE + "!").encode()
    assert Counter(derivations) == {PASSPHRASE.encode(): 2, other: 1, refused: 1}


def test_the_command_line_opens_with_the_key_it_derived_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the passphrase in the environment, a command derives the key on a thread while
    it imports the database layer, and opens the file with that key: one derivation in all,
    and not on the main thread (where it would add its quarter-second to the command)."""
    import threading

    from consultdesk import cli
    from consultdesk.services.workspace import Profile, Workspace

    Workspace.create(tmp_path / "data", PASSPHRASE, PASSPHRASE, Profile("박약사")).close()
    where: list[bool] = []
    real = hashlib.pbkdf2_hmac

    def counted(name: str, password: bytes, salt: bytes, iterations: int, dklen: int) -> bytes:
        where.append(threading.current_thread() is threading.main_thread())
        return real(name, password, salt, iterations, dklen)

    monkeypatch.setattr(sqlcipher_key.hashlib, "pbkdf2_hmac", counted)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "residents"]) == 0
    assert where == [False]


def _typing_done(typing: sqlcipher_key.WhileTyping, derivations: list[bytes], n: int) -> None:
    """Wait until the deriver has nothing left to do (at most 20 s), ``n`` derivations run."""
    assert typing.settled(20)
    assert len(derivations) >= n


def test_the_key_of_the_passphrase_being_typed_is_taken_when_it_is_submitted(
    database: Path, derivations: list[bytes]
) -> None:
    """Typed a character at a time: the newest text's key is derived beside the typing, one
    derivation at a time; the opening takes the key of the text submitted and derives none."""
    typing = sqlcipher_key.while_typing(database)
    try:
        for end in range(1, len(PASSPHRASE) + 1):
            typing.typed(PASSPHRASE[:end])
        _typing_done(typing, derivations, 1)
        assert derivations[-1] == PASSPHRASE.encode()  # the newest text last
        assert len(derivations) < len(PASSPHRASE)  # not one per keystroke: one at a time
        assert typing.take(PASSPHRASE[:-1]) is None  # only the last text's key is kept
        typed = len(derivations)
        db = open_database(database, PASSPHRASE)
        db.close()
        assert len(derivations) == typed  # none at the opening
    finally:
        typing.forget()


def test_a_passphrase_other_than_the_one_typed_is_derived_and_refused_as_before(
    database: Path, derivations: list[bytes]
) -> None:
    typing = sqlcipher_key.while_typing(database)
    try:
        typing.typed("틀린 문구")
        _typing_done(typing, derivations, 1)
        with pytest.raises(WrongPassphrase):  # the typed text, its key ready: still refused
            open_database(database, "틀린 문구")
        assert derivations == ["틀린 문구".encode()]
        db = open_database(database, PASSPHRASE)  # not what was typed: derived here
        db.close()
        assert derivations == ["틀린 문구".encode(), PASSPHRASE.encode()]
    finally:
        typing.forget()


def test_a_forgotten_typing_gives_no_key(database: Path, derivations: list[bytes]) -> None:
    typing = sqlcipher_key.while_typing(database)
    typing.typed(PASSPHRASE)
    _typing_done(typing, derivations, 1)
    typing.forget()
    assert typing.take(PASSPHRASE) is None
    db = open_database(database, PASSPHRASE)
    db.close()
    assert derivations == [PASSPHRASE.encode()] * 2  # derived again at the opening


def test_an_opening_waits_for_the_derivation_of_its_passphrase_under_way(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter pressed while the key of the same text is still being derived: the opening
    waits for that one rather than deriving a second (the one under way is slowed here)."""
    import threading

    started, release = threading.Event(), threading.Event()
    threads: list[str] = []
    real = hashlib.pbkdf2_hmac

    def slow(name: str, password: bytes, salt: bytes, iterations: int, dklen: int) -> bytes:
        threads.append(threading.current_thread().name)
        started.set()
        release.wait(20)
        return real(name, password, salt, iterations, dklen)

    monkeypatch.setattr(sqlcipher_key.hashlib, "pbkdf2_hmac", slow)
    typing = sqlcipher_key.while_typing(database)
    try:
        typing.typed(PASSPHRASE)
        assert started.wait(20)
        threading.Timer(0.2, release.set).start()
        db = open_database(database, PASSPHRASE)
        db.close()
        assert threads == ["key-while-typing"]
    finally:
        release.set()
        typing.forget()


def test_a_typed_passphrase_with_a_nul_gives_no_key_and_is_refused_when_submitted(
    database: Path, derivations: list[bytes]
) -> None:
    """SQLCipher would cut a passphrase at a NUL: the deriver derives nothing for it, and the
    opening refuses it as a wrong passphrase, as without the deriver."""
    typing = sqlcipher_key.while_typing(database)
    try:
        typing.typed("문구\x00뒤")
        _typing_done(typing, derivations, 0)
        assert typing.take("문구\x00뒤") is None
        with pytest.raises(WrongPassphrase):
            open_database(database, "문구\x00뒤")
        assert derivations == []  # refused before any derivation, here and at the opening
        typing.typed(PASSPHRASE)  # the deriver goes on with the next text
        _typing_done(typing, derivations, 1)
        db = open_database(database, PASSPHRASE)
        db.close()
        assert derivations == [PASSPHRASE.encode()]
    finally:
        typing.forget()


def test_a_key_finished_after_the_window_forgot_it_is_not_kept(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window goes while the key of what was typed is still being derived: the key is
    dropped when it is done, and text that still arrives starts no derivation."""
    import threading

    started, release = threading.Event(), threading.Event()
    passwords: list[bytes] = []
    real = hashlib.pbkdf2_hmac

    def slow(name: str, password: bytes, salt: bytes, iterations: int, dklen: int) -> bytes:
        passwords.append(password)
        started.set()
        release.wait(20)
        return real(name, password, salt, iterations, dklen)

    monkeypatch.setattr(sqlcipher_key.hashlib, "pbkdf2_hmac", slow)
    typing = sqlcipher_key.while_typing(database)
    typing.typed(PASSPHRASE)
    assert started.wait(20)
    typing.forget()
    release.set()
    assert typing.settled(20)
    assert typing.take(PASSPHRASE) is None
    typing.typed(PASSPHRASE + "!")
    assert typing.settled(20)
    assert passwords == [PASSPHRASE.encode()]
