"""The databases of released schemas (tests/fixtures/schema_NNNN.db) open with this version:
every migration since upgrades them, their data reads back, and their access log's hash chain
still verifies (a migration that changed what a row's hash covers would break it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import access_log, referrals, residents, sync
from consultdesk.services.workspace import Workspace
from consultdesk.storage import schema
from consultdesk.storage.database import open_database
from consultdesk.storage.sync_store import SqliteSyncStore
from tests.change_rows import logged
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSPHRASE = "fixture passphrase"


def _open(tmp_path: Path, name: str) -> Workspace:
    data_dir = tmp_path / name
    data_dir.mkdir()
    shutil.copy(FIXTURES / f"{name}.db", data_dir / "consultdesk.db")
    return Workspace.unlock(data_dir, PASSPHRASE)


@pytest.mark.parametrize("name", ["schema_0004", "schema_0005"])
def test_the_release_database_upgrades_and_its_referral_and_log_read_back(tmp_path, name):
    ws = _open(tmp_path, name)
    try:
        assert schema.current_revision(ws.db) == schema.head_revision()
        rows, _ = residents.search_residents(ws, "홍길동")
        [referral] = referrals.list_referrals(ws, referrals.ReferralFilter.ALL)
        assert referral.resident_id == rows[0].id
        assert referral.state is referrals.ReferralState.SENT
        assert referral.reference.startswith("CD-2026-")
        report = access_log.verify_log(ws)
        assert report.ok, report.breaks
        # Rows from before the chain (0004) stay as they were; the release's rows are chained.
        assert report.unchained == 6 and sum(report.devices.values()) >= 7
        logged = access_log.list_rows(ws)
        assert {"export", "log_checked"} <= {r.action for r in logged}
        assert access_log.checked_months(ws) == ["2026-11"]
    finally:
        ws.close()


def test_the_birth_year_release_keeps_a_resident_known_only_by_year(tmp_path):
    ws = _open(tmp_path, "schema_0005")
    try:
        [row], _ = residents.search_residents(ws, "김순자")
        detail = residents.open_resident(ws, row.id)
        assert detail is not None
        assert detail.data.birth_approximate
        assert detail.data.birth_date is not None and detail.data.birth_date.year == 1944
        assert access_log.verify_log(ws).ok
    finally:
        ws.close()


def _read_before_upgrade(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = open_database(path, PASSPHRASE)
    try:
        with db.engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql(sql)]
    finally:
        db.close()


def _field_states_before_upgrade(path: Path) -> set[tuple[object, ...]]:
    """The field states of a schema-0011 database, read with that schema's columns."""
    return set(
        _read_before_upgrade(
            path, "SELECT entity, record_id, field, value, hlc, device, base_hlc FROM field_clock"
        )
    )


def _change_rows_before_upgrade(path: Path) -> list[tuple[object, ...]]:
    """The unsent change rows of a schema-0011 database (texts until 0015), oldest first."""
    return _read_before_upgrade(
        path,
        "SELECT entity, record_id, field, value, hlc, device, base_hlc FROM change_log "
        "ORDER BY seq",
    )


def _field_states_after_upgrade(
    ws: Workspace, keys: set[tuple[str, str]]
) -> set[tuple[object, ...]]:
    """The same, as the upgraded database gives them to sync (JSON values compared parsed)."""
    loaded, _ = SqliteSyncStore(ws.db, ws.device).read_records(keys)
    return {
        (entity, record_id, name, _json(s.value), s.hlc, s.device, s.base_hlc)
        for (entity, record_id), fields in loaded.items()
        for name, s in fields.items()
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _as_loaded(rows: set[tuple[object, ...]]) -> set[tuple[object, ...]]:
    return {(*row[:3], _json(json.loads(str(row[3]))), *row[4:]) for row in rows}


def _copy_0011(tmp_path: Path) -> Path:
    data_dir = tmp_path / "schema_0011"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_0011.db", data_dir / "consultdesk.db")
    return data_dir


def test_the_0011_release_keeps_every_field_state_and_syncs_after_the_upgrade(
    tmp_path: Path, new_laptop: MakeLaptop
) -> None:
    """The release before the compact field_clock (0012): a team laptop with states it set,
    states imported from a teammate (박영희), bases, sent and unsent changes."""
    data_dir = _copy_0011(tmp_path)
    before = _field_states_before_upgrade(data_dir / "consultdesk.db")
    assert len({row[5] for row in before}) == 2 and any(row[6] for row in before)
    unsent = _change_rows_before_upgrade(data_dir / "consultdesk.db")
    assert len(unsent) == 2 and all(row[6] for row in unsent)  # edits of fields set before
    ws = Workspace.unlock(data_dir, PASSPHRASE)
    try:
        assert schema.current_revision(ws.db) == schema.head_revision()
        # The change rows, numbered since 0015, read back as the texts they were, in order.
        assert [tuple(row) for row in logged(ws)] == unsent
        phones = {r.name: r.phone for r in residents.search_residents(ws, "")[0]}
        assert phones["이말순"] == "010-9999-0000" and "박영희" in phones and "홍길동" in phones
        report = access_log.verify_log(ws)
        assert report.ok and report.unchained == 6, report.breaks
        # Every state reads back as it was: value as sent, HLC text, device and base.
        keys = {(str(row[0]), str(row[1])) for row in before}
        assert _field_states_after_upgrade(ws, keys) == _as_loaded(before)
        assert sync.sync_status(ws).waiting == 2  # the phone change made after the last export
        # A new team gets what this laptop set, not the teammate's 박영희; edits come back.
        share = tmp_path / "share"
        share.mkdir()
        start_team(ws, share)
        sync.sync_now(ws)
        fresh = new_laptop("fresh")
        join(fresh, share)
        sync.sync_now(fresh)
        names = {r.name: r for r in residents.search_residents(fresh, "")[0]}
        assert names["이말순"].phone == "010-9999-0000" and "박영희" not in names
        lee = names["이말순"].id
        residents.save_resident(fresh, ResidentDraft(name="이말순", phone="010-5555-6666"), lee)
        sync.sync_now(fresh)
        sync.sync_now(ws)
        detail = residents.open_resident(ws, lee)
        assert detail is not None and detail.data.phone == "010-5555-6666"
        assert sync.sync_status(ws).open_conflicts == 0
    finally:
        ws.close()


# The statements of migrations 0012 and 0015 a kill lands after: filling each new table,
# dropping the old one, the last one. Each is the last step before the commit or well before it.
@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO field_clock_compact",
        "DROP TABLE field_clock",
        "ALTER TABLE field_clock_compact",
        "DROP INDEX IF EXISTS ix_change_log_bundle_seq",
        "INSERT INTO change_log_compact",
        "DROP TABLE change_log",
        "CREATE INDEX ix_change_log_hlc",
    ],
)
def test_the_upgrade_killed_midway_leaves_the_0011_database_to_upgrade_again(
    tmp_path: Path, statement: str
) -> None:
    data_dir = _copy_0011(tmp_path)
    path = data_dir / "consultdesk.db"
    before = _field_states_before_upgrade(path)
    unsent = _change_rows_before_upgrade(path)
    with subprocess.Popen(  # the block closes the pipes after the kill
        [sys.executable, "-c", _PAUSED_UPGRADE, str(path), PASSPHRASE, statement],
        stdout=subprocess.PIPE,
        text=True,
    ) as upgrading:
        try:
            assert upgrading.stdout is not None
            assert upgrading.stdout.readline().strip() == "paused"
        finally:
            upgrading.kill()  # SIGKILL: no clean-up, no rollback by the process itself
            upgrading.wait()
    db = open_database(path, PASSPHRASE)
    try:
        assert schema.current_revision(db) == "0011"
        assert db.integrity_check() == ["ok"]
    finally:
        db.close()
    assert _field_states_before_upgrade(path) == before
    assert _change_rows_before_upgrade(path) == unsent
    ws = Workspace.unlock(data_dir, PASSPHRASE)
    try:
        assert schema.current_revision(ws.db) == schema.head_revision()
        keys = {(str(row[0]), str(row[1])) for row in before}
        assert _field_states_after_upgrade(ws, keys) == _as_loaded(before)
        assert [tuple(row) for row in logged(ws)] == unsent
    finally:
        ws.close()


# Upgrades the database argv[1] (passphrase argv[2]) and stops for good once the statement
# starting with argv[3] has run, inside the migration's transaction.
_PAUSED_UPGRADE = """
import sys, time
from pathlib import Path
from sqlalchemy import event
from consultdesk.storage import schema
from consultdesk.storage.database import open_database

db = open_database(Path(sys.argv[1]), sys.argv[2])

@event.listens_for(db.engine, "after_cursor_execute")
def pause(conn, cursor, statement, *args):
    if statement.startswith(sys.argv[3]):
        print("paused", flush=True)
        time.sleep(600)

schema.upgrade(db)
"""
