"""The local change log holds only unsent changes (docs/sync.md, "The local change log"): a
published change leaves it, and what a laptop must send again (another team) is rebuilt from
the field states it set."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.demo import fill_demo
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import backup, residents, sync
from consultdesk.services.workspace import Workspace
from consultdesk.storage import field_clock, sync_store
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    CHEAP_KDF,
    DB_PASSPHRASE,
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

OTHER_PASSPHRASE = "another team passphrase"


def _change_rows(ws: Workspace) -> int:
    with ws.db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM change_log").one()[0])


def _names(ws: Workspace) -> set[str]:
    return {r.name for r in residents.search_residents(ws, "")[0]}


def _own_records(ws: Workspace) -> dict[str, dict[str, dict[str, object]]]:
    """The records whose every field state this laptop set."""
    with ws.db.engine.connect() as conn:
        others = {
            (entity, record_id)
            for entity, record_id, _, _, _, device, _ in field_clock.all_states(conn)
            if device != ws.device
        }
    return {
        entity: {key: row for key, row in rows.items() if (entity, key) not in others}
        for entity, rows in visible(ws).items()
    }


def _second_team(ws: Workspace, tmp_path: Path) -> Path:
    folder = tmp_path / "other-share"
    folder.mkdir()
    sync.create_team(ws, folder, "다른 팀", OTHER_PASSPHRASE, kdf=CHEAP_KDF)
    return folder


def test_sent_changes_leave_the_change_log_and_a_second_laptop_still_gets_everything(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    fill_demo(a, residents=3, sessions=6)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1234-5678"), kim)
    assert _change_rows(a) > 0
    report = sync.sync_now(a)
    assert report.changes_sent > 0 and report.export_error is None
    assert _change_rows(a) == 0 and sync.sync_status(a).waiting == 0
    join(b, share)
    sync.sync_now(b)
    assert visible(b) == visible(a)
    # Later edits are logged and sent as before.
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-9999-0000"), kim)
    assert _change_rows(a) > 0
    sync.sync_now(a)
    sync.sync_now(b)
    assert _change_rows(a) == 0 and visible(b) == visible(a)


def test_a_laptop_joining_a_second_team_sends_it_every_record_of_its_own(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    fill_demo(a, residents=3, sessions=6)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1234-5678"), kim)
    sync.sync_now(a)
    residents.save_resident(b, ResidentDraft(name="박영희"))  # team 1's, not a's to carry
    sync.sync_now(b)
    sync.sync_now(a)
    assert _change_rows(a) == 0 and "박영희" in _names(a)
    other = _second_team(c, tmp_path)
    sync.join_team(a, other, OTHER_PASSPHRASE)
    assert sync.sync_status(a).waiting > 0
    sync.sync_now(a)
    sync.sync_now(c)
    assert _change_rows(a) == 0
    assert visible(c) == _own_records(a)
    assert "김순자" in _names(c) and "박영희" not in _names(c)


def test_a_restored_laptop_then_joining_another_team_sends_what_it_sent_after_the_restore(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="첫째"))
    sync.sync_now(a)
    residents.save_resident(a, ResidentDraft(name="둘째"))  # unsent when the backup is taken
    copy = backup.backup_now(a, tmp_path / "usb")
    data_a = a.data_dir
    a.close()
    backup.restore(data_a, copy, DB_PASSPHRASE, force=True)
    a = Workspace.unlock(data_a, DB_PASSPHRASE)
    try:
        sync.sync_now(a)  # 둘째 goes out under the restored laptop's new device id
        sync.sync_now(b)
        assert _change_rows(a) == 0 and _names(b) == {"첫째", "둘째"}
        other = _second_team(c, tmp_path)
        sync.join_team(a, other, OTHER_PASSPHRASE)
        sync.sync_now(a)
        sync.sync_now(c)
        # 첫째 was set under the former device id: the former laptop's, as before the restore.
        assert "둘째" in _names(c)
    finally:
        a.close()


def test_the_pages_of_sent_changes_leave_the_file(new_laptop: MakeLaptop, share: Path) -> None:
    a = new_laptop("a")
    start_team(a, share)
    fill_demo(a, residents=5, sessions=15)

    def pages() -> tuple[int, int]:
        with a.db.engine.connect() as conn:
            count = conn.exec_driver_sql("PRAGMA page_count").one()[0]
            free = conn.exec_driver_sql("PRAGMA freelist_count").one()[0]
        return int(count), int(free)

    before, _ = pages()
    sync.sync_now(a)
    after, free = pages()
    assert free == 0 and after < before


def test_a_bundle_gives_back_a_bounded_number_of_free_pages(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a migration that rewrote a big table, the file holds a great many free pages;
    one sync must not free them all while it holds the write lock (a save would wait and
    fail). Each bundle marked sent frees at most VACUUM_PAGES_PER_BUNDLE; the next go on."""
    a = new_laptop("a")
    start_team(a, share)
    with a.db.engine.begin() as conn:  # about 300 pages of 4 KiB, freed as a migration would
        conn.exec_driver_sql("CREATE TABLE scratch (x TEXT)")
        conn.exec_driver_sql(
            "INSERT INTO scratch SELECT hex(randomblob(2000)) FROM "
            "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
            "SELECT i FROM n)"
        )
        conn.exec_driver_sql("DROP TABLE scratch")

    def free_pages() -> int:
        with a.db.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA freelist_count").one()[0])

    monkeypatch.setattr(sync_store, "VACUUM_PAGES_PER_BUNDLE", 100)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    before = free_pages()
    assert before > 250
    sync.sync_now(a)
    after_one = free_pages()
    # (the run's own few writes may reuse a page or two as well)
    assert before - 110 <= after_one < before - 50
    residents.save_resident(a, ResidentDraft(name="박영희"))
    sync.sync_now(a)
    assert free_pages() < after_one - 50
