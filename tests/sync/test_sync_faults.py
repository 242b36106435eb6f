"""What the shared folder does to us, and how a sync run reports it and carries on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consultdesk.domain.ids import new_id
from consultdesk.sync.bundle import GENESIS_HASH, encode_bundle
from consultdesk.sync.changes import Change
from consultdesk.sync.errors import ShareUnavailable, WrongTeamPassphrase
from consultdesk.sync.team import Team, join_team
from tests.sync.laptops import FakeTime, Laptop, make_laptop, make_team


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def team(tmp_path: Path) -> Team:
    return make_team(tmp_path / "share")


@pytest.fixture
def a(team: Team, time: FakeTime) -> Laptop:
    return make_laptop(team, "laptopA", time)


@pytest.fixture
def b(team: Team, time: FakeTime) -> Laptop:
    return make_laptop(team, "laptopB", time)


@pytest.fixture
def c(team: Team, time: FakeTime) -> Laptop:
    return make_laptop(team, "laptopC", time)


def two_bundles(laptop: Laptop, time: FakeTime) -> str:
    rid = new_id()
    for name in ("김순자", "김순자 어르신"):
        time.advance()
        laptop.store.edit("resident", rid, "name", name)
        laptop.sync()
    return rid


def damage_first_bundle(laptop: Laptop, how: str) -> Path:
    path = laptop.folder / "000001.cdsync"
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "corrupt":
        data[: len(data)] = bytes(len(data))
    elif how == "tampered header":
        data[8 + 1 + 32 + 1 + 8 + 3] ^= 0x01  # the change count
    elif how == "tampered ciphertext":
        data[-30] ^= 0x80
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("how", "code"),
    [
        ("truncated", "truncated"),
        ("corrupt", "bad_magic"),
        ("tampered header", "authentication_failed"),
        ("tampered ciphertext", "authentication_failed"),
    ],
)
def test_a_damaged_bundle_is_reported_skipped_and_retried_later(
    a: Laptop, b: Laptop, c: Laptop, time: FakeTime, how: str, code: str
) -> None:
    rid = two_bundles(a, time)
    c.store.edit("resident", new_id(), "name", "이영희")
    c.sync()
    good = (a.folder / "000001.cdsync").read_bytes()
    path = damage_first_bundle(a, how)
    report = b.sync()
    assert [(s.path, s.code) for s in report.skipped] == [(path, code)]
    assert report.skipped[0].detail  # an English reason for the log
    # Nothing from the damaged bundle nor the one chained after it; the other laptop goes on.
    assert [(o.device_id, o.seq) for o in report.read] == [(c.device_id, 1)]
    assert [(w.device_id, w.missing_seq, w.reason) for w in report.waiting] == [
        (a.device_id, 1, code)
    ]
    assert ("resident", rid) not in b.store.visible()
    path.write_bytes(good)  # the sync client finishes the upload / a good copy returns
    report = b.sync()
    assert [o.seq for o in report.read] == [1, 2] and report.skipped == []
    assert b.store.value("resident", rid, "name") == "김순자 어르신"


def test_a_bundle_of_another_team_is_reported_and_not_applied(
    a: Laptop, b: Laptop, team: Team
) -> None:
    foreign = encode_bundle(
        bytes(32),
        "f" * 32,
        a.device_id,
        1,
        GENESIS_HASH,
        [Change("resident", new_id(), "name", "남의 팀", f"{1:016d}-0000-{a.device_id}",
                a.device_id, None)],
    )  # fmt: skip
    (a.folder / "000001.cdsync").write_bytes(foreign)
    report = b.sync()
    assert [s.code for s in report.skipped] == ["other_team"]
    assert b.store.visible() == {}


def test_a_bundle_sealed_under_another_passphrase_fails_authentication(
    a: Laptop, b: Laptop, time: FakeTime
) -> None:
    # Someone re-created the team with the same id but another passphrase on one laptop.
    impostor = Laptop(a.name, a.team.__class__(a.team.team_id, a.team.name, a.team.folder,
                      bytes(32)), a.store, a.clock)  # fmt: skip
    impostor.store.edit("resident", new_id(), "name", "김순자")
    impostor.sync()
    report = b.sync()
    assert [s.code for s in report.skipped] == ["authentication_failed"]
    assert b.store.visible() == {}


def test_joining_with_a_wrong_team_passphrase_imports_nothing(
    a: Laptop, team: Team, time: FakeTime
) -> None:
    two_bundles(a, time)
    with pytest.raises(WrongTeamPassphrase):
        join_team(team.folder, "우리약국 방문팀 2025")


def test_a_bundle_moved_to_another_seq_is_refused(a: Laptop, b: Laptop, time: FakeTime) -> None:
    two_bundles(a, time)
    (a.folder / "000002.cdsync").rename(a.folder / "000003.cdsync")
    (a.folder / "000001.cdsync").rename(a.folder / "000002.cdsync")
    (a.folder / "000003.cdsync").rename(a.folder / "000001.cdsync")
    report = b.sync()
    assert [s.code for s in report.skipped] == ["misplaced"]
    assert report.read == []


def test_a_replaced_bundle_breaks_the_chain(
    a: Laptop, b: Laptop, time: FakeTime, tmp_path: Path
) -> None:
    two_bundles(a, time)
    time.advance()
    a.store.edit("resident", new_id(), "name", "박영수")
    a.sync()
    # Bundles 1 and 2 are swapped for valid ones from another history of the same laptop id
    # (a restored backup kept its device id); bundle 3 no longer follows them.
    fork = make_laptop(a.team, "laptopA", time)
    (a.folder / "000003.cdsync").rename(tmp_path / "3.cdsync")
    for seq in (1, 2):
        (a.folder / f"00000{seq}.cdsync").unlink()
    two_bundles(fork, time)
    (tmp_path / "3.cdsync").rename(a.folder / "000003.cdsync")
    report = b.sync()
    assert [o.seq for o in report.read] == [1, 2]
    assert [(s.path.name, s.code) for s in report.skipped] == [("000003.cdsync", "chain_broken")]


def test_files_the_sync_clients_left_are_ignored_and_reported(
    a: Laptop, b: Laptop, time: FakeTime
) -> None:
    rid = two_bundles(a, time)
    first = (a.folder / "000001.cdsync").read_bytes()
    (a.folder / "desktop.ini").write_text("[.ShellClassInfo]")
    (a.folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (a.folder / "000001 (1).cdsync").write_bytes(first)
    (a.folder / "000002.sync-conflict-20261121-101010-ABCDEFG.cdsync").write_bytes(first)
    (a.folder / ".000003.cdsync.tmp").write_bytes(first[:40])  # a write that never finished
    report = b.sync()
    assert sorted((s.path.name, s.code) for s in report.skipped) == [
        (".000003.cdsync.tmp", "partial_file"),
        (".DS_Store", "system_file"),
        ("000001 (1).cdsync", "conflict_copy"),
        ("000002.sync-conflict-20261121-101010-ABCDEFG.cdsync", "conflict_copy"),
        ("desktop.ini", "system_file"),
    ]
    assert [o.seq for o in report.read] == [1, 2]
    assert b.store.value("resident", rid, "name") == "김순자 어르신"


def test_a_partial_bundle_under_its_final_name_waits_for_the_rest(
    a: Laptop, b: Laptop, time: FakeTime
) -> None:
    # Some clients write the final name directly while downloading.
    rid = two_bundles(a, time)
    path = a.folder / "000002.cdsync"
    whole = path.read_bytes()
    path.write_bytes(whole[:100])
    report = b.sync()
    assert [o.seq for o in report.read] == [1]
    assert [(s.path.name, s.code) for s in report.skipped] == [("000002.cdsync", "truncated")]
    path.write_bytes(whole)
    assert [o.seq for o in b.sync().read] == [2]
    assert b.store.value("resident", rid, "name") == "김순자 어르신"


def test_a_team_folder_deleted_between_runs_changes_nothing(
    a: Laptop, b: Laptop, time: FakeTime, team: Team
) -> None:
    two_bundles(a, time)
    b.sync()
    before = b.store.states()
    b.store.edit("resident", new_id(), "name", "이영희")
    shutil.rmtree(team.folder)
    with pytest.raises(ShareUnavailable) as caught:
        b.sync()
    assert caught.value.code == "share_unavailable"
    assert str(team.folder) in caught.value.message
    assert not team.folder.exists()  # nothing was re-created on a missing drive
    assert len(b.store.outbox) == 1 and b.store.last_sent() is None
    assert {k: v for k, v in b.store.states().items() if k in before} == before


def test_a_team_folder_that_looks_empty_never_deletes_anything(
    a: Laptop, b: Laptop, time: FakeTime, team: Team
) -> None:
    two_bundles(a, time)
    b.sync()
    before = b.store.visible()
    # A drive that did not come back: the folder is there but empty.
    shutil.rmtree(team.folder)
    team.folder.mkdir()
    with pytest.raises(ShareUnavailable):
        b.sync()
    assert b.store.visible() == before


def test_an_emptied_device_folder_is_reported_and_nothing_is_deleted(
    a: Laptop, b: Laptop, time: FakeTime
) -> None:
    two_bundles(a, time)
    b.sync()
    before = b.store.visible()
    for path in a.folder.iterdir():
        path.unlink()
    report = b.sync()
    assert report.missing_devices == [a.device_id]
    assert b.store.visible() == before
    shutil.rmtree(a.folder.parent)
    assert b.sync().missing_devices == [a.device_id]
    assert b.store.visible() == before
