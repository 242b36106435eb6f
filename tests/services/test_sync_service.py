"""Laptops with real encrypted databases sync through a real temporary folder
(docs/team-folder.md; the merge rules are in sync/merge.py)."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from consultdesk.demo import fill_demo
from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.consultation import MedicationRow
from consultdesk.domain.ids import new_id
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consent, residents, sync, sync_conflicts
from consultdesk.services import consultations as visits
from consultdesk.services.centres import save_case_worker, save_centre
from consultdesk.storage.models import (
    MedicationEntry,
    Resident,
    SyncConflict,
)
from consultdesk.storage.sync_store import SqliteSyncStore
from consultdesk.sync import outbound
from consultdesk.sync.errors import ShareUnavailable, WrongTeamPassphrase
from consultdesk.sync.merge import ConflictKind
from tests.change_rows import logged
from tests.consent_helpers import consent_to_health_info
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    CHEAP_KDF,
    MakeLaptop,
    field_states,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

TODAY = date(2026, 11, 21)


def bundles(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.cdsync"))


def digest_of_rows(ws) -> str:
    return hashlib.sha256(repr(sorted(visible(ws).items())).encode()).hexdigest()


def test_two_laptops_converge_after_editing_on_both(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    centre = save_centre(a, "햇살복지관", phone="02-123-4567")
    worker = save_case_worker(a, centre, "이사례", "010-0000-2222")
    kim = residents.save_resident(
        a, ResidentDraft(name="김순자", phone="010-1234-5678", centre_id=centre,
                         case_worker_id=worker)
    )  # fmt: skip
    lee = residents.save_resident(b, ResidentDraft(name="이영희", birth_date="1941-02-03"))
    consent.record_consent(b, lee, ConsentKind.HEALTH_INFO, True, TODAY, "written", today=TODAY)
    first = sync.sync_now(a)
    assert (first.bundles_written, first.bundles_read) == (1, 0)
    second = sync.sync_now(b)
    assert (second.bundles_written, second.bundles_read) == (1, 1)
    assert sync.sync_now(a).bundles_read == 1
    residents.save_resident(
        b, ResidentDraft(name="김순자", phone="010-9999-0000", centre_id=centre,
                         case_worker_id=worker), kim
    )  # fmt: skip
    residents.save_resident(a, ResidentDraft(name="이영희", birth_date="1941-02-03",
                                             notes="혼자 사심"), lee)  # fmt: skip
    sync.sync_now(a)
    sync.sync_now(b)
    sync.sync_now(a)
    assert visible(a) == visible(b)
    detail = residents.open_resident(a, kim)
    assert detail is not None and detail.data.phone == "010-9999-0000"
    assert (detail.centre_name, detail.case_worker_name) == ("햇살복지관", "이사례")
    # The search keys came along: the resident is found by initials and phone digits.
    assert [r.id for r in residents.search_residents(a, "ㅇㅇㅎ")[0]] == [lee]
    assert [r.id for r in residents.search_residents(b, "9999")[0]] == [kim]
    assert [c.kind for c in consent.consents_for(a, lee)] == [ConsentKind.HEALTH_INFO]
    assert sync_conflicts.list_conflicts(a) == [] and sync_conflicts.list_conflicts(b) == []
    assert sync.sync_status(a).waiting == 0 and sync.sync_status(b).waiting == 0


def test_imported_changes_are_never_sent_on(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    report = sync.sync_now(b)
    assert report.changes_applied > 0 and report.bundles_written == 0
    assert logged(b) == []
    assert sync.sync_status(b).waiting == 0


def test_a_third_laptop_joins_and_gets_everything(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    fill_demo(a, residents=40)
    kim = residents.save_resident(b, ResidentDraft(name="김순자", allergies="페니실린"))
    residents.delete_resident(b, kim)
    sync.sync_now(a)
    sync.sync_now(b)
    sync.sync_now(a)
    c = new_laptop("c")
    join(c, share)
    fractions: list[float] = []
    report = sync.sync_now(c, progress=fractions.append)
    assert report.bundles_read == 2 and report.conflicts == []
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert visible(c) == visible(a) == visible(b)
    assert residents.count_residents(c) == 40
    assert field_states(c) == field_states(a)
    # The newcomer's clock moved past everything it saw, so its next edit wins cleanly.
    newest = max(state[3] for state in field_states(c))
    assert str(c.writer.clock.now()) > newest


def test_syncing_again_changes_nothing(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    fill_demo(a, residents=10)
    sync.sync_now(a)
    sync.sync_now(b)
    before = (digest_of_rows(b), field_states(b), len(bundles(share)))
    for laptop in (a, b, a, b):
        again = sync.sync_now(laptop)
        assert again.nothing_new and again.skipped == []
    assert (digest_of_rows(b), field_states(b), len(bundles(share))) == before


def test_a_missing_bundle_holds_back_what_depends_on_it(
    new_laptop: MakeLaptop, share: Path
) -> None:
    """Laptop A's resident is still uploading while B's consent for them is already there."""
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    join(c, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    sync.sync_now(b)
    consent.record_consent(b, kim, ConsentKind.HEALTH_INFO, True, TODAY, "written", today=TODAY)
    residents.save_resident(a, ResidentDraft(name="김순자", notes="두 번째 번들"), kim)
    sync.sync_now(b)
    sync.sync_now(a)
    a_first = share.rglob(f"{a.device}/changes/000001.cdsync").__next__()
    parked = a_first.with_name("uploading.part")
    a_first.rename(parked)

    report = sync.sync_now(c)
    assert [(w.device_id, w.missing_seq) for w in report.waiting] == [(a.device, 1)]
    assert report.bundles_read == 1  # B's bundle: a consent whose resident has not arrived
    assert visible(c)["consent"] == {} and visible(c)["resident"] == {}
    with c.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_pending").one()[0] == 1

    parked.rename(a_first)
    report = sync.sync_now(c)
    assert report.bundles_read == 2 and report.waiting == []
    sync.sync_now(b)
    assert visible(c) == visible(a) == visible(b)
    assert [c_.kind for c_ in consent.consents_for(c, kim)] == [ConsentKind.HEALTH_INFO]
    with c.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_pending").one()[0] == 0


def test_a_record_split_across_bundles_appears_once_it_is_whole(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbound, "MAX_CHANGES_PER_BUNDLE", 4)
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    centre = save_centre(a, "햇살복지관")
    worker = save_case_worker(a, centre, "이사례", "")
    kim = residents.save_resident(
        a, ResidentDraft(name="김순자", centre_id=centre, case_worker_id=worker)
    )
    report = sync.sync_now(a)
    assert report.bundles_written == 6  # 3 + 4 + 14 changes, 4 to a bundle
    # B reads only the first bundle: the centre is whole, the case worker has only begun.
    for path in bundles(share)[1:]:
        path.rename(path.with_name(path.name + ".hidden.part"))
    sync.sync_now(b)
    assert list(visible(b)["welfare_centre"]) == [centre]
    assert visible(b)["case_worker"] == {} and visible(b)["resident"] == {}
    for path in share.rglob("*.hidden.part"):
        path.rename(path.with_name(path.name.removesuffix(".hidden.part")))
    sync.sync_now(b)
    assert visible(b) == visible(a)
    detail = residents.open_resident(b, kim)
    assert detail is not None and detail.case_worker_name == "이사례"


def test_foreign_files_a_truncated_bundle_and_an_emptied_folder_delete_nothing(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    join(b, share)
    fill_demo(a, residents=5)
    sync.sync_now(a)
    sync.sync_now(b)
    residents.save_resident(a, ResidentDraft(name="새 내담자"))
    sync.sync_now(a)
    a_folder = team.folder / "devices" / a.device / "changes"
    second = a_folder / "000002.cdsync"
    whole = second.read_bytes()
    second.write_bytes(whole[: len(whole) // 2])  # still uploading
    (a_folder / "desktop.ini").write_text("[.ShellClassInfo]")
    (a_folder / "000001 (1).cdsync").write_bytes(b"a copy the sync client made")
    (team.folder / "devices" / "notes.txt").write_text("hello")
    before = visible(b)

    report = sync.sync_now(b)
    reasons = {skipped.path.name: skipped.code for skipped in report.skipped}
    assert reasons == {
        "000002.cdsync": "truncated",
        "desktop.ini": "system_file",
        "000001 (1).cdsync": "conflict_copy",
        "notes.txt": "unknown_file",
    }
    assert report.bundles_read == 0 and visible(b) == before

    second.write_bytes(whole)
    assert sync.sync_now(b).bundles_read == 1
    after = visible(b)
    assert len(after["resident"]) == 6

    # A drive that comes back empty: reported, and nothing here is deleted.
    shutil.rmtree(team.folder / "devices" / a.device)
    report = sync.sync_now(b)
    assert report.missing_devices == [a.device]
    assert visible(b) == after


def test_a_vanished_share_is_a_clear_error_and_changes_nothing(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a = new_laptop("a")
    start_team(a, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    moved = share.with_name("share-unplugged")
    share.rename(moved)
    with pytest.raises(ShareUnavailable) as error:
        sync.sync_now(a)
    assert error.value.code == "share_unavailable"
    assert not share.exists()  # nothing re-created on the local disk
    status = sync.sync_status(a)
    assert status.last_success is None and status.waiting == unsent(a) > 0
    moved.rename(share)
    assert sync.sync_now(a).changes_sent > 0
    assert sync.sync_status(a).waiting == 0


def test_the_folder_of_a_moved_share_can_be_given_again(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a = new_laptop("a")
    start_team(a, share)
    moved = share.with_name("E-drive")
    share.rename(moved)
    team = sync.move_team_folder(a, moved)
    assert team.folder.parent.parent == moved
    assert sync.sync_now(a).nothing_new


def test_a_wrong_team_passphrase_is_refused_and_changes_nothing(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    with pytest.raises(WrongTeamPassphrase) as error:
        sync.join_team(b, share, "not the team passphrase")
    assert error.value.code == "wrong_team_passphrase"
    assert sync.team_summary(b) is None
    with pytest.raises(sync.SyncNotSetUp):
        sync.sync_now(b)


def test_joining_a_folder_with_several_teams_asks_for_the_team_folder(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    first = start_team(a, share)
    start_team(b, share)
    with pytest.raises(sync.SeveralTeamsInFolder):
        join(c, share)
    assert join(c, first.folder).team_id == first.team_id
    empty = share / "nothing-here"
    empty.mkdir()
    with pytest.raises(sync.NoTeamInFolder):
        join(c, empty)


def test_deleting_a_resident_on_one_laptop_while_another_edits_them(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.delete_resident(a, kim)
    residents.save_resident(b, ResidentDraft(name="김순자", notes="지난주 넘어지심"), kim)
    sync.sync_now(a)
    sync.sync_now(b)
    sync.sync_now(a)
    # The later edit keeps the record on both laptops, and both ask a person.
    for laptop in (a, b):
        assert kim in visible(laptop)["resident"]
        [conflict] = sync_conflicts.list_conflicts(laptop)
        assert conflict.kind is ConflictKind.EDIT_AFTER_DELETE and conflict.requires_person
        assert conflict.subject == "김순자"
    [on_a] = sync_conflicts.list_conflicts(a)
    sync_conflicts.resolve_conflict(a, on_a.id, sync_conflicts.DELETE_RECORD)
    assert kim not in visible(a)["resident"]
    sync.sync_now(a)
    sync.sync_now(b)
    assert kim not in visible(b)["resident"]
    assert sync_conflicts.list_conflicts(b) == []  # answered by the decision made on laptop A
    assert visible(a) == visible(b)


def test_keeping_a_record_that_was_edited_after_it_was_deleted(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.delete_resident(a, kim)
    residents.save_resident(b, ResidentDraft(name="김순자", notes="이사 예정"), kim)
    sync.sync_now(a)
    sync.sync_now(b)
    sync.sync_now(a)
    [conflict] = sync_conflicts.list_conflicts(b)
    assert conflict.kind is ConflictKind.EDIT_AFTER_DELETE
    sync_conflicts.resolve_conflict(b, conflict.id, sync_conflicts.KEEP_RECORD)
    sync.sync_now(b)
    sync.sync_now(a)
    for laptop in (a, b):
        assert visible(laptop)["resident"][kim]["notes"] == "이사 예정"
        assert sync_conflicts.list_conflicts(laptop) == []


def test_a_later_delete_wins_over_an_earlier_edit_without_asking(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.save_resident(b, ResidentDraft(name="김순자", notes="이사 예정"), kim)
    residents.delete_resident(a, kim)
    for laptop in (b, a, b):
        sync.sync_now(laptop)
    for laptop in (a, b):
        assert kim not in visible(laptop)["resident"]
        assert sync_conflicts.list_conflicts(laptop) == []


def _session_with(ws, resident_id: str, **dose: str) -> tuple[str, str]:
    consent_to_health_info(ws, resident_id)
    cid = visits.start_consultation(ws, resident_id, today=TODAY)
    data = visits.open_consultation(ws, cid)
    row = MedicationRow(id=new_id(), name_as_found="노바스크정 5mg", **dose)
    visits.save_consultation(ws, replace(data, medications=(row,), advice="물을 충분히"))
    return cid, row.id


def test_a_conflict_on_a_dose_goes_to_a_person_and_the_decision_reaches_every_laptop(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    _, entry = _session_with(a, kim, strength="5mg", morning="1")
    sync.sync_now(a)
    sync.sync_now(b)
    with a.db.session() as s:
        a.writer.save(s, s.get(MedicationEntry, entry), {"morning": "1/2"})
    with b.db.session() as s:
        b.writer.save(s, s.get(MedicationEntry, entry), {"morning": "2"})
    sync.sync_now(a)
    report = sync.sync_now(b)
    assert [c.field for c in report.conflicts] == ["morning"]
    sync.sync_now(a)
    conflicts = {laptop.device: sync_conflicts.list_conflicts(laptop) for laptop in (a, b)}
    for laptop in (a, b):
        [conflict] = conflicts[laptop.device]
        assert conflict.requires_person and conflict.entity == "medication_entry"
        assert (conflict.subject, conflict.item) == ("김순자", "노바스크정 5mg")
        assert {conflict.kept.value, conflict.other.value} == {"1/2", "2"}
    assert sync.sync_status(a).needs_person == 1
    # Both laptops show the same value meanwhile.
    shown = {visible(laptop)["medication_entry"][entry]["morning"] for laptop in (a, b)}
    assert len(shown) == 1
    [on_b] = conflicts[b.device]
    sync_conflicts.resolve_conflict(b, on_b.id, "1/2")
    assert sync.sync_status(b).open_conflicts == 0
    sync.sync_now(b)
    sync.sync_now(a)
    for laptop in (a, b):
        assert visible(laptop)["medication_entry"][entry]["morning"] == "1/2"
        assert sync.sync_status(laptop).open_conflicts == 0
    with a.db.session() as s:
        answered = s.exec(select(SyncConflict)).one()
    assert answered.resolved_by == "sync" and answered.resolution == '"1/2"'


def test_a_typed_merged_value_resolves_and_keeps_the_search_keys(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", allergies="없음"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.save_resident(a, ResidentDraft(name="김순이", allergies="페니실린"), kim)
    residents.save_resident(b, ResidentDraft(name="김순희", allergies="아스피린"), kim)
    sync.sync_now(a)
    sync.sync_now(b)
    conflicts = {c.field: c for c in sync_conflicts.list_conflicts(b)}
    # The name's search initials follow the name: no separate conflict for them.
    assert set(conflicts) == {"allergies", "name"}
    assert conflicts["allergies"].requires_person and not conflicts["name"].requires_person
    merged = sync_conflicts.value_from_text("resident", "allergies", "페니실린, 아스피린")
    sync_conflicts.resolve_conflict(b, conflicts["allergies"].id, merged)
    sync_conflicts.resolve_conflict(b, conflicts["name"].id, "김순자")
    with pytest.raises(sync_conflicts.ConflictGone):
        sync_conflicts.resolve_conflict(b, conflicts["name"].id, "김순자")
    sync.sync_now(b)
    sync.sync_now(a)
    for laptop in (a, b):
        row = visible(laptop)["resident"][kim]
        assert (row["allergies"], row["name"], row["name_initials"]) == (
            "페니실린, 아스피린",
            "김순자",
            "ㄱㅅㅈ",
        )
        assert sync_conflicts.list_conflicts(laptop) == []


def test_a_typed_value_must_fit_the_field() -> None:
    assert sync_conflicts.value_from_text("consultation", "duration_min", " 25 ") == 25
    assert (
        sync_conflicts.value_from_text("consultation", "next_visit", "2026-12-01") == "2026-12-01"
    )
    with pytest.raises(sync_conflicts.ConflictValueInvalid):
        sync_conflicts.value_from_text("consultation", "duration_min", "반 시간")
    with pytest.raises(sync_conflicts.ConflictValueInvalid):
        sync_conflicts.value_from_text("consultation", "next_visit", "다음 주")


def test_a_failed_import_leaves_nothing_and_is_read_again(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    fill_demo(a, residents=3)
    sync.sync_now(a)

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(SqliteSyncStore, "_keep_conflicts", broken)
    with pytest.raises(OSError):
        sync.sync_now(b)
    assert residents.count_residents(b) == 0 and field_states(b) == set()
    assert SqliteSyncStore(b.db, b.device).ledger() == {}
    monkeypatch.undo()
    assert sync.sync_now(b).bundles_read == 1
    assert residents.count_residents(b) == 3


def test_changes_from_a_newer_version_are_kept_without_harm(
    new_laptop: MakeLaptop, share: Path
) -> None:
    """A laptop already updated sends a table and a field this version does not know."""
    from consultdesk.sync.changes import Change
    from consultdesk.sync.store import MergedBundle

    b = new_laptop("b")
    kim = new_id()
    hlc = "0001763700000000-0000-otherlaptop01"
    writes = (
        Change("resident", kim, "name", "김순자", hlc, "otherlaptop01", None),
        Change("resident", kim, "nickname", "순자씨", hlc, "otherlaptop01", None),
        Change("resident", kim, "birth_date", "1948-03-05", hlc, "otherlaptop01", None),
        Change("visit_photo", new_id(), "caption", "현관", hlc, "otherlaptop01", None),
    )
    store = SqliteSyncStore(b.db, b.device)
    store.apply_bundle(
        MergedBundle("otherlaptop01", 1, "0" * 64, 4, writes, (), {("resident", kim): False})
    )
    with b.db.session() as s:
        row = s.get(Resident, kim)
    assert row is not None and row.birth_date == date(1948, 3, 5)
    assert {state[2] for state in field_states(b)} == {"name", "nickname", "birth_date", "caption"}


def test_joining_another_team_sends_this_laptops_records_there(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    other_share = tmp_path / "other-share"
    other_share.mkdir()
    sync.create_team(b, other_share, "다른 팀", "another team passphrase", kdf=CHEAP_KDF)
    sync.join_team(a, other_share, "another team passphrase")
    assert sync.sync_status(a).waiting == unsent(a) > 0
    sync.sync_now(a)
    sync.sync_now(b)
    assert [r.name for r in residents.search_residents(b, "")[0]] == ["김순자"]


def unsent(ws) -> int:  # type: ignore[no-untyped-def]
    """This laptop's change rows not yet in a bundle (what "waiting" counts)."""
    return len(logged(ws))


def test_the_team_summary_does_not_wait_for_a_writer(workspace) -> None:  # type: ignore[no-untyped-def]
    """The main window asks for it while it is built: another connection in the middle of a
    write (a sync, a save) must not make start-up wait, let alone fail with DatabaseBusy."""
    team = Path(workspace.data_dir).parent / "share"
    team.mkdir()
    made = sync.create_team(workspace, team, "방문팀", "team passphrase 2026")
    writer = workspace.db.engine.raw_connection()
    try:
        writer.driver_connection.execute("BEGIN IMMEDIATE")
        writer.driver_connection.execute("UPDATE setting SET value = value")
        summary = sync.team_summary(workspace)
    finally:
        writer.driver_connection.execute("ROLLBACK")
        writer.close()
    assert summary is not None and summary.team_id == made.team_id
