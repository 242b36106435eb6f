import hashlib
import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations, flags, residents
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import schema
from consultdesk.storage.database import create_database, open_database
from consultdesk.storage.errors import MigrationFailed, WrongPassphrase
from consultdesk.storage.models import Resident
from tests.conftest import PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_database_file_is_not_readable_as_plain_sqlite(workspace):
    residents.save_resident(workspace, ResidentDraft(name="김민수", notes="혼자 사심"))
    workspace.close()
    raw = workspace.db.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "김민수".encode() not in raw
    assert "혼자 사심".encode() not in raw


def test_a_wrong_passphrase_is_a_specific_error_and_changes_nothing(workspace):
    data_dir = workspace.data_dir
    workspace.close()
    before = digest(workspace.db.path)
    for wrong in ["wrong", PASSPHRASE + " ", "'; DROP TABLE resident; --"]:
        with pytest.raises(WrongPassphrase):
            Workspace.unlock(data_dir, wrong)
    assert digest(workspace.db.path) == before
    assert sorted(p.name for p in data_dir.iterdir() if p.suffix == ".db") == ["consultdesk.db"]
    again = Workspace.unlock(data_dir, PASSPHRASE)
    assert again.profile.pharmacist_name == "박약사"
    again.close()


def test_a_plain_sqlite_file_is_refused_as_not_ours(tmp_path):
    import sqlite3

    path = tmp_path / "consultdesk.db"
    sqlite3.connect(path).execute("create table x(a)").connection.commit()
    with pytest.raises(WrongPassphrase):
        open_database(path, "anything at all")


def test_the_first_schema_fixture_upgrades_and_keeps_its_data(tmp_path):
    """The committed database of schema 0001: every future migration must upgrade it."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_0001.db", data_dir / "consultdesk.db")
    ws = Workspace.unlock(data_dir, "fixture passphrase")
    try:
        assert schema.current_revision(ws.db) == schema.head_revision()
        rows, total = residents.search_residents(ws, "ㅎㄱㄷ")
        assert total == 1 and rows[0].name == "홍길동"
    finally:
        ws.close()


def test_the_release_database_with_consultations_opens_and_reads(tmp_path):
    """schema_0003.db: the first release with consultations, flags, referrals and sync."""
    data_dir = tmp_path / "release"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_0003.db", data_dir / "consultdesk.db")
    ws = Workspace.unlock(data_dir, "fixture passphrase")
    try:
        assert schema.current_revision(ws.db) == schema.head_revision()
        rows, _ = residents.search_residents(ws, "홍길동")
        [session] = consultations.resident_timeline(ws, rows[0].id)
        data = consultations.load_consultation(ws, session.id)
        assert data is not None and data.status.value == "final"
        assert [m.name_as_found for m in data.medications] == ["와파린정 2mg", "부루펜정 400mg"]
        decisions = flags.flag_decisions(ws, session.id)
        assert [d.status for d in decisions.values()] == ["confirmed"]
    finally:
        ws.close()


def _failing_scripts(tmp_path: Path) -> Path:
    scripts = tmp_path / "scripts"
    shutil.copytree(Path(schema.__file__).parent / "migrations", scripts)
    (scripts / "versions" / "9999_broken.py").write_text(
        f'''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{schema.head_revision()}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("resident", sa.Column("nickname", sa.String, nullable=True))
    raise RuntimeError("simulated failure in the middle of a migration")


def downgrade():
    pass
''',
        encoding="utf-8",
    )
    return scripts


def test_a_failed_migration_leaves_the_database_as_it_was_and_a_backup(workspace, tmp_path):
    residents.save_resident(workspace, ResidentDraft(name="김민수"))
    db = workspace.db
    before = schema.current_revision(db)
    with pytest.raises(MigrationFailed):
        schema.upgrade(db, backup_dir=tmp_path / "backups", scripts=_failing_scripts(tmp_path))
    assert schema.current_revision(db) == before
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("select name from sqlite_master")}
        columns = {r[1] for r in conn.exec_driver_sql("pragma table_info(resident)")}
    assert "half_done" not in tables
    assert "nickname" not in columns
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1
    copy = open_database(backups[0], PASSPHRASE)
    with copy.session() as s:
        assert [r.name for r in s.exec(select(Resident))] == ["김민수"]
    copy.close()


def test_creating_twice_in_the_same_folder_is_refused(tmp_path):
    create_database(tmp_path / "x.db", "passphrase one").close()
    with pytest.raises(Exception, match="already exists"):
        create_database(tmp_path / "x.db", "passphrase one")


def test_setup_refuses_a_short_or_mismatched_passphrase(tmp_path):
    from consultdesk.domain.problems import ValidationFailed

    with pytest.raises(ValidationFailed) as e:
        Workspace.create(tmp_path, "short", "shorter", Profile("박약사"))
    assert {p.code for p in e.value.problems} == {"passphrase_short", "passphrase_mismatch"}
    assert not Workspace.exists(tmp_path)


def test_the_head_revision_constant_matches_the_migration_scripts():
    # Start-up compares against the constant to avoid importing Alembic; a new migration
    # must update it, or databases would silently stay on the old schema.
    assert schema.head_revision() == schema.HEAD_REVISION
