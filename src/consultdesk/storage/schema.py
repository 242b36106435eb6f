"""Schema migrations with Alembic, run at start-up after an automatic backup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from consultdesk.storage.database import Database
from consultdesk.storage.errors import MigrationFailed

_SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _config(scripts: Path = _SCRIPTS) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(scripts))
    return cfg


def head_revision(scripts: Path = _SCRIPTS) -> str:
    head = ScriptDirectory.from_config(_config(scripts)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, backup_dir: Path | None = None, scripts: Path = _SCRIPTS) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup taken first, if any.

    A database that already has a schema is backed up before it is touched. All migrations run
    in one transaction (SQLite DDL is transactional once the driver stops auto-committing, see
    storage.database), so on failure nothing of them remains.
    """
    current = current_revision(db)
    if current == head_revision(scripts):
        return None
    backup = None
    if current is not None and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = db.backup_to(backup_dir / f"before-{current}-{stamp}.db")
    cfg = _config(scripts)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as e:  # any failure: report it; the transaction was rolled back
        raise MigrationFailed(
            f"The database could not be upgraded ({e}); it was left unchanged."
        ) from e
    return backup
