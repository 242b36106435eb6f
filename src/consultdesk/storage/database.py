"""The encrypted local database: SQLCipher through SQLAlchemy.

We build the engine with the plain pysqlite dialect and our own connection factory rather than the
`sqlite+pysqlcipher` URL: that dialect pastes the passphrase into `PRAGMA key` unquoted, which
breaks on quotes and spaces. SQLCipher 4 would derive the page key from the passphrase with
PBKDF2-HMAC-SHA512 (256,000 iterations) on each connection; we derive it once per unlock and key
every connection with it (storage/sqlcipher_key.py). Connections are pooled and kept.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from consultdesk.folder_lock import FILE_MODE, private_file, private_folder
from consultdesk.storage import access_log, sqlcipher_key
from consultdesk.storage.changes import ChangeFeed, committed
from consultdesk.storage.errors import (
    DatabaseBusy,
    DatabaseExists,
    DatabaseLocked,
    DatabaseMissing,
    DiskFull,
    StorageError,
    WrongPassphrase,
)

BUSY_TIMEOUT_MS = 5000
# While a new database is built under its temporary name (create_database … publish) nothing in
# it is anyone's data yet: a crash leaves only the temporary file, which the next set-up removes.
# So its connections skip what makes a live database durable: no write-ahead log (every page is
# written once, not to the log and again at each checkpoint), the rollback journal in memory
# (a failed transaction still rolls back), no syncs; and a larger page cache. publish syncs the
# whole file before it gets its name; open_database turns WAL and the normal syncs on again.
_BUILD_CACHE_KIB = 256 * 1024
# Below this much free space an I/O error at open is the disk being full (SQLite only says
# "disk I/O error" when it cannot create the -shm/-wal files).
_NEARLY_FULL_BYTES = 1 << 20


def _bind_as_is(value: object) -> object:
    return value


# The driver binds a parameter that is not exactly an int, float, str or bytes (None, a bool)
# through its adapter protocol: a registry miss, then two failed attribute lookups
# (__adapt__, __conform__), about 4 µs a value. Found in the registry it costs about 1 µs:
# 500,000 rows with a None took 2.5 s to insert, 1.0 s with this (0.5 s without the column).
# The values bound are the same: None is NULL, a bool its integer.
sqlcipher3.register_adapter(type(None), _bind_as_is)
sqlcipher3.register_adapter(bool, int)


def _quote(passphrase: str) -> str:
    try:
        return sqlcipher_key.quoted_passphrase(passphrase)
    except sqlcipher_key.NoPassphrase:
        raise WrongPassphrase() from None


def _key_pragma(path: Path, passphrase: str) -> str:
    """PRAGMA key's argument: the key derived here once (storage/sqlcipher_key.py)."""
    try:
        return sqlcipher_key.key_pragma(path, passphrase)
    except sqlcipher_key.NoPassphrase:
        raise WrongPassphrase() from None


def _connect(path: Path, key: str, building: bool = False) -> sqlcipher3.Connection:
    """A connection keyed with ``key`` (a _key_pragma result)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        _prepare(conn, key, building)
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlcipher3.Connection, key: str, building: bool = False) -> None:
    # SQLCipher logs decryption failures to stderr; a wrong passphrase is reported by us instead.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key}")
    # Transactions are ours (see _begin), so the driver must not open them implicitly: that is
    # what lets Alembic's DDL roll back with the rest of a failed migration.
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # The first read decrypts page 1: a wrong passphrase fails here, before anything is written.
    ((tables,),) = conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    if tables == 0:
        # A new database: pages freed by deleting sent change rows go back to the file system
        # (SqliteSyncStore.mark_sent runs incremental_vacuum). It can only be chosen before the
        # first table; an older database keeps its free pages for later writes.
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
    if building:
        conn.execute("PRAGMA journal_mode = MEMORY").fetchall()
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA cache_size = {-_BUILD_CACHE_KIB}")
    else:
        conn.execute("PRAGMA journal_mode = WAL").fetchall()


class _Key:
    """What new connections are keyed with; None while the app is locked. The key derived
    from the passphrase is kept once the file has its salt, so a new connection of the pool
    costs no key derivation (storage/sqlcipher_key.py)."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = path
        self.passphrase: str | None = passphrase
        self.derived: str | None = None

    def require(self) -> str:
        if self.passphrase is None:
            raise DatabaseLocked()
        if self.derived is None:
            key = _key_pragma(self.path, self.passphrase)
            if sqlcipher_key.file_salt(self.path) is None:
                return key  # a new file: SQLCipher makes the salt with this connection
            self.derived = key
        return self.derived

    def set(self, passphrase: str | None, derived: str | None = None) -> None:
        self.passphrase, self.derived = passphrase, derived


def _make_engine(path: Path, key: _Key, building: bool = False) -> Engine:
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=lambda: _connect(path, key.require(), building),
        # "sqlite://" alone would pick the in-memory single-thread pool; ours is a file.
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        # An error's text must never carry what was being written (a resident's name, phone,
        # notes): the exception hook logs whole chains.
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        # A unit of work that may write takes the write lock at once (IMMEDIATE): a deferred
        # transaction that read first fails with "database is locked" when another connection
        # (a background sync) committed meanwhile, and busy_timeout cannot help it. Read-only
        # work (search as you type) stays deferred and never waits under WAL.
        if conn.get_execution_options().get("read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _is_disk_full(error: BaseException) -> bool:
    return "database or disk is full" in str(error) or "No space left" in str(error)


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def storage_problem(error: BaseException, path: Path) -> StorageError | None:
    """The error a person can act on behind a driver error, or None: a full disk (also when
    SQLite can only say "disk I/O error" because there is no room for its side files), or the
    write lock held by another program longer than the busy timeout."""
    if isinstance(error, OSError) and error.errno == 28:  # ENOSPC
        return DiskFull()
    text = str(error)
    if _is_disk_full(error):
        return DiskFull()
    if ("disk I/O error" in text or "unable to open" in text) and _disk_nearly_full(path):
        return DiskFull()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseBusy()
    return None


class Database:
    """An open, unlocked database. Use `session()` for a unit of work."""

    def __init__(self, path: Path, engine: Engine, key: _Key | None = None) -> None:
        access_log.install()  # chain every access-log row as it is written
        self.path = path
        self._key = key
        self.engine = engine
        self._reader = engine.execution_options(read_only=True)
        self.changes = ChangeFeed()  # told what each committed transaction changed

    @contextmanager
    def session(self, read_only: bool = False) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises.

        ``read_only`` sessions must not write (they do not hold the write lock); every other
        session may, and waits (busy_timeout) while another connection writes."""
        bind = self._reader if read_only else self.engine
        with Session(bind, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except exc.OperationalError as e:
                session.rollback()
                committed(session)  # nothing of it happened
                problem = storage_problem(e, self.path)
                if problem is not None:
                    raise problem from e
                raise
            except BaseException:
                session.rollback()
                committed(session)
                raise
        changes = committed(session)
        if changes is not None:
            self.changes.publish(changes)

    def reading(self) -> Connection:
        """A connection for reads only, as ``with db.reading() as conn``: its transaction is
        deferred, so it never takes the write lock. ``engine.connect()`` begins IMMEDIATE, which
        made a long count (the sync status over a big change log) hold every writer up, the
        screens' own saves included."""
        return self._reader.connect()

    def backup_to(self, target: Path) -> Path:
        """A consistent encrypted copy (VACUUM INTO; never a file copy of a live database),
        readable by its owner only."""
        private_folder(target.parent)
        if target.exists():
            raise DatabaseExists(f"{target} exists")
        _new_private_file(target)  # VACUUM INTO fills an empty file and keeps its mode
        raw = self.engine.raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        try:
            driver.execute("VACUUM INTO ?", (str(target),))
        except (sqlite3.OperationalError, sqlcipher3.OperationalError) as e:
            target.unlink(missing_ok=True)
            problem = storage_problem(e, target)
            if problem is not None:
                raise problem from None
            raise
        finally:
            raw.close()
        return target

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check: ``["ok"]``, else the problems it found."""
        with self.reading() as conn:
            return [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]

    def lock(self) -> None:
        """Drop the key: every pooled connection (each holds SQLCipher's derived key) is closed
        and no new one opens (DatabaseLocked) until ``unlock``. Python cannot wipe the text of
        the passphrase itself; its last reference here goes."""
        if self._key is not None:
            self._key.set(None)
        self.engine.dispose()

    @property
    def locked(self) -> bool:
        return self._key is not None and self._key.passphrase is None

    def unlock(self, passphrase: str) -> None:
        """Check the passphrase on a connection of its own (WrongPassphrase), then let the
        pool open connections with it again."""
        key = _key_pragma(self.path, passphrase)
        try:
            conn = _connect(self.path, key)
        except sqlcipher3.DatabaseError as e:
            if "not a database" in str(e) or "encrypted" in str(e):
                raise WrongPassphrase() from e
            raise
        conn.close()
        if self._key is not None:
            self._key.set(passphrase, key)

    def close(self) -> None:
        self.engine.dispose()


def _verify(engine: Engine, path: Path) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1").fetchall()
    except exc.DatabaseError as e:
        engine.dispose()
        if "not a database" in str(e) or "encrypted" in str(e):
            raise WrongPassphrase() from e
        problem = storage_problem(e, path)
        if problem is not None:
            raise problem from None
        raise


def create_database(path: Path, passphrase: str) -> Database:
    """A new empty encrypted database file (the schema comes from migrations.upgrade).

    Build it under a temporary name and ``publish`` it when it is complete: a process killed
    half-way must not leave a file that opens but has no schema or device id. Until then its
    connections are in build mode (see _BUILD_CACHE_KIB): fast, and not crash-safe, which a
    file that is nobody's database yet need not be."""
    if path.exists():
        raise DatabaseExists(f"{path} already exists")
    private_folder(path.parent)
    # An empty file is an empty database; made first so that it, and the -wal and -shm files
    # SQLite gives the same mode, are the owner's only.
    _new_private_file(path)
    key = _Key(path, passphrase)
    engine = _make_engine(path, key, building=True)
    _verify(engine, path)
    return Database(path, engine, key)


def _new_private_file(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        raise DatabaseExists(f"{path} already exists") from None


def side_files(path: Path) -> list[Path]:
    """The database file and the files SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]


def publish(db: Database, passphrase: str, final: Path) -> None:
    """Close a database built under a temporary name, fold its write-ahead log (if any) into
    the file, sync the file (its build wrote without syncs), and give it its final name in one
    rename. Refuses to replace an existing file."""
    db.close()
    fold_wal(db.path, passphrase)
    try:
        os.link(db.path, final)  # fails if `final` exists, unlike a rename
    except FileExistsError:
        raise DatabaseExists(f"{final} already exists") from None
    except OSError:  # a file system without hard links
        if final.exists():
            raise DatabaseExists(f"{final} already exists") from None
        os.rename(db.path, final)
    else:
        db.path.unlink()
    _fsync_dir(final.parent)


def fold_wal(path: Path, passphrase: str) -> None:
    """With every connection to it closed, fold a database's write-ahead log into the file
    and switch it back to a rollback journal: the one file is then the whole database, safe to
    rename (open_database turns WAL on again)."""
    conn = sqlcipher3.connect(str(path))
    try:
        _prepare(conn, _key_pragma(path, passphrase))
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        conn.close()
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def rekey(path: Path, passphrase: str, new_passphrase: str) -> None:
    """Re-encrypt the database under a new passphrase (SQLCipher's PRAGMA rekey), with every
    other connection to it closed. SQLCipher rewrites every page in one transaction: a process
    killed half-way leaves the old passphrase working, a finished one the new."""
    new_key = _quote(new_passphrase)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        _prepare(conn, _key_pragma(path, passphrase))
        conn.execute(f"PRAGMA rekey = {new_key}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlcipher3.OperationalError as e:
        problem = storage_problem(e, path)
        if problem is not None:
            raise problem from None
        raise
    finally:
        conn.close()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def prepare_mappings() -> None:
    """Set up the ORM's mappings of every table now (SQLAlchemy's configure_mappers), as the
    first query of a process would: a fifth of a second that a starting app spends while the
    passphrase is typed instead of after it (ui/preload.py)."""
    from sqlalchemy.orm import configure_mappers

    from consultdesk.storage import models  # noqa: F401  (the tables it configures)

    configure_mappers()


def open_database(path: Path, passphrase: str) -> Database:
    """Unlock an existing database. A wrong passphrase raises WrongPassphrase and changes nothing
    (in particular, it never creates a new empty database in its place)."""
    if not path.is_file():
        raise DatabaseMissing(f"{path} does not exist")
    for file in side_files(path):  # tighten what an earlier version left readable
        private_file(file)
    private_file(path.parent, 0o700)
    key = _Key(path, passphrase)
    engine = _make_engine(path, key)
    _verify(engine, path)
    return Database(path, engine, key)
