"""Laptops syncing through a real temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.hlc import FUTURE_TOLERANCE_MS
from consultdesk.domain.ids import new_id
from consultdesk.sync.engine import run_sync
from consultdesk.sync.merge import ConflictKind
from consultdesk.sync.team import Team
from tests.sync.laptops import FakeTime, Laptop, make_laptop, make_team

SAFETY = frozenset({("medication_entry", "dose"), ("resident", "allergies")})


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def team(tmp_path: Path) -> Team:
    return make_team(tmp_path / "share")


def laptop(team: Team, name: str, time: FakeTime, **kwargs: object) -> Laptop:
    return make_laptop(team, name, time, safety_fields=SAFETY, **kwargs)  # type: ignore[arg-type]


def test_two_laptops_converge_after_editing_on_both(team: Team, time: FakeTime) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    kim, lee = new_id(), new_id()
    a.store.edit("resident", kim, "name", "김순자")
    a.store.edit("resident", kim, "phone", "010-1234-5678")
    time.advance()
    b.store.edit("resident", lee, "name", "이영희")
    report_a = a.sync()
    assert (report_a.bundles_written, report_a.changes_sent, report_a.bundles_read) == (1, 2, 0)
    report_b = b.sync()
    assert (report_b.bundles_written, report_b.bundles_read, report_b.changes_applied) == (1, 1, 2)
    time.advance()
    b.store.edit("resident", kim, "phone", "010-9999-0000")
    b.sync()
    report = a.sync()
    assert report.bundles_read == 2 and report.conflicts == []
    assert a.store.visible() == b.store.visible()
    assert a.store.value("resident", kim, "phone") == "010-9999-0000"
    assert a.store.outbox == [] and b.store.outbox == []


def test_changes_are_marked_sent_only_once_their_bundle_is_in_place(
    team: Team, time: FakeTime
) -> None:
    a = laptop(team, "laptopA", time)
    a.store.edit("resident", new_id(), "name", "김순자")
    (a.folder / "000001.cdsync").write_bytes(b"left over from a restored database")
    report = a.sync()
    assert report.export_error is not None and report.export_error.code == "bundle_exists"
    assert len(a.store.outbox) == 1 and a.store.last_sent() is None


def test_a_third_laptop_joins_and_gets_everything(team: Team, time: FakeTime) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    residents = [new_id() for _ in range(20)]
    for index, rid in enumerate(residents):
        time.advance()
        (a if index % 2 else b).store.edit("resident", rid, "name", f"주민 {index}")
        a.sync()
        b.sync()
    time.advance()
    a.store.delete("resident", residents[0])
    a.sync()
    b.sync()
    c = laptop(team, "laptopC", time)
    fractions: list[float] = []
    report = run_sync(c.team, c.device_id, c.store, c.clock, progress=fractions.append)
    # A and B removed the bundles both had imported (compaction.py): C starts from the snapshot
    # that covers them, then reads the bundles after it.
    assert report.snapshot_read is not None and report.conflicts == []
    assert report.bundles_read < 21
    assert c.store.visible() == a.store.visible() == b.store.visible()
    assert c.store.states() == a.store.states()
    assert len(c.store.visible()) == 19
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_importing_twice_changes_nothing(team: Team, time: FakeTime) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    a.store.edit("resident", new_id(), "name", "김순자")
    a.sync()
    b.sync()
    before = b.store.states()
    again = b.sync()
    assert again.nothing_new and b.store.states() == before
    # Even if the ledger forgot (a restored backup), re-applying the same changes is a no-op.
    b.store._ledger.clear()
    replay = b.sync()
    assert replay.bundles_read == 1 and replay.changes_applied == 0 and replay.conflicts == []
    assert b.store.states() == before


def test_a_missing_bundle_holds_back_the_later_ones_until_it_arrives(
    team: Team, time: FakeTime
) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    rid = new_id()
    for seq in range(1, 10):
        time.advance()
        a.store.edit("resident", rid, "note", f"방문 {seq}")
        a.sync()
    uploading = a.folder / "000007.cdsync"
    held = uploading.read_bytes()
    uploading.unlink()
    report = b.sync()
    assert [outcome.seq for outcome in report.read] == [1, 2, 3, 4, 5, 6]
    [waiting] = report.waiting
    assert (waiting.device_id, waiting.imported_up_to, waiting.missing_seq) == (
        a.device_id,
        6,
        7,
    )
    assert b.store.value("resident", rid, "note") == "방문 6"
    uploading.write_bytes(held)
    report = b.sync()
    assert [outcome.seq for outcome in report.read] == [7, 8, 9]
    assert report.waiting == []
    assert b.store.value("resident", rid, "note") == "방문 9"


def test_a_delete_on_one_laptop_while_another_edits_keeps_the_record(
    team: Team, time: FakeTime
) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    rid = new_id()
    a.store.edit("resident", rid, "name", "김순자")
    a.sync()
    b.sync()
    time.advance()
    a.store.delete("resident", rid)  # A deletes first…
    time.advance()
    b.store.edit("resident", rid, "phone", "010-1111-2222")  # …B, offline, edits after
    a.sync()
    b_report = b.sync()
    a_report = a.sync()
    for report in (a_report, b_report):
        [conflict] = report.conflicts
        assert conflict.kind is ConflictKind.EDIT_AFTER_DELETE
        assert conflict.requires_person
        assert conflict.other.is_tombstone and conflict.applied.field == "phone"
    assert (rid in {key[1] for key in a.store.visible()}) and a.store.visible() == b.store.visible()


def test_a_delete_newer_than_every_edit_removes_the_record_everywhere(
    team: Team, time: FakeTime
) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    rid = new_id()
    a.store.edit("resident", rid, "name", "김순자")
    a.sync()
    b.sync()
    time.advance()
    b.store.edit("resident", rid, "phone", "010-1111-2222")
    time.advance()
    a.store.delete("resident", rid)
    a.sync()
    b.sync()
    a.sync()
    assert a.store.visible() == b.store.visible() == {}


def test_two_laptops_editing_the_same_dose_raise_a_conflict(team: Team, time: FakeTime) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    entry = new_id()
    a.store.edit("medication_entry", entry, "dose", "1정")
    a.sync()
    b.sync()
    time.advance()
    a.store.edit("medication_entry", entry, "dose", "2정")
    time.advance()
    b.store.edit("medication_entry", entry, "dose", "0.5정")
    a.sync()
    b_report = b.sync()
    a_report = a.sync()
    for report in (a_report, b_report):
        [conflict] = report.conflicts
        assert conflict.kind is ConflictKind.PARALLEL_UPDATE and conflict.requires_person
        assert (conflict.applied.value, conflict.other.value) == ("0.5정", "2정")
    # Meanwhile both show the later value, so the team sees one thing while a person decides.
    assert a.store.value("medication_entry", entry, "dose") == "0.5정"
    assert b.store.value("medication_entry", entry, "dose") == "0.5정"


def test_a_laptop_with_a_wrong_date_is_accepted_but_reported(team: Team, time: FakeTime) -> None:
    a = laptop(team, "laptopA", time, skew_ms=FUTURE_TOLERANCE_MS + 86_400_000)
    b = laptop(team, "laptopB", time)
    rid = new_id()
    a.store.edit("resident", rid, "name", "김순자")
    a.sync()
    report = b.sync()
    assert report.changes_applied == 1
    [warning] = report.future_clocks
    assert warning.device_id == a.device_id
    # B's clock moved past A's, so B's next edit still wins over the one it saw.
    b.store.edit("resident", rid, "name", "김순자 (수정)")
    b.sync()
    a.sync()
    assert a.store.value("resident", rid, "name") == "김순자 (수정)"


def test_a_failed_apply_leaves_the_bundle_for_next_time(team: Team, time: FakeTime) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    a.store.edit("resident", new_id(), "name", "김순자")
    a.sync()
    b.store.fail_next_apply = True
    with pytest.raises(OSError):
        b.sync()
    assert b.store.visible() == {} and b.store.ledger() == {}
    assert b.sync().changes_applied == 1


def test_a_large_first_export_is_split_into_several_bundles(team: Team, time: FakeTime) -> None:
    a, b = laptop(team, "laptopA", time), laptop(team, "laptopB", time)
    for index in range(12_000):
        a.store.edit("resident", new_id(), "name", f"주민 {index}")
    assert a.sync().bundles_written == 3
    assert b.sync().changes_applied == 12_000


def test_a_newcomer_sees_no_conflict_in_an_edit_history_that_had_none(
    team: Team, time: FakeTime
) -> None:
    # Z's edit, then B's two edits made on top of it. Folder order would read B first (B < Z);
    # the newcomer must still apply Z's bundle first, or B's second edit looks parallel to Z's.
    z, b = laptop(team, "laptopZ", time), laptop(team, "laptopB", time)
    entry = new_id()
    z.store.edit("medication_entry", entry, "dose", "1정")
    z.sync()
    b.sync()
    time.advance()
    b.store.edit("medication_entry", entry, "dose", "2정")
    time.advance()
    b.store.edit("medication_entry", entry, "dose", "3정")
    b.sync()
    newcomer = laptop(team, "laptopC", time)
    report = newcomer.sync()
    assert [o.device_id for o in report.read] == [z.device_id, b.device_id]
    assert report.conflicts == []
    assert newcomer.store.value("medication_entry", entry, "dose") == "3정"
