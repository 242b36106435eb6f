"""The team folder stays small: seen files, owner-only removal, snapshots for newcomers and for
laptops away for long (docs/sync.md, "Snapshots and folder compaction")."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from consultdesk.domain.ids import new_id
from consultdesk.sync import compaction, snapshot
from consultdesk.sync.seen import (
    SEEN_FILE,
    SNAPSHOTS_FOLDER,
    open_sealed,
    read_seen,
    seal,
    write_seen,
)
from consultdesk.sync.snapshot import MANIFEST
from consultdesk.sync.team import Team, retire_device
from tests.sync.laptops import FakeTime, Laptop, make_laptop, make_team


@pytest.fixture(name="team")
def team_fixture(tmp_path: Path) -> Team:
    return make_team(tmp_path / "share")


@pytest.fixture(name="time")
def time_fixture() -> FakeTime:
    return FakeTime()


@pytest.fixture(name="away_soon")
def away_soon_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """A laptop counts as away after 4 bundles of another (a month's worth in the app)."""
    monkeypatch.setattr(compaction, "AWAY_AFTER_BUNDLES", 4)


def bundles(laptop: Laptop) -> list[str]:
    return sorted(p.name for p in laptop.folder.iterdir())


def work(laptops: list[Laptop], time: FakeTime, rounds: int, record: str | None = None) -> None:
    """Each laptop edits and syncs in turn, ``rounds`` times."""
    for round_number in range(rounds):
        for laptop in laptops:
            time.advance()
            laptop.store.edit(
                "resident", record or new_id(), "notes", f"{laptop.name} {round_number}"
            )
            laptop.sync()


def files_in(team: Team) -> int:
    return sum(1 for p in team.devices_folder.rglob("*") if p.is_file())


def test_bundles_everyone_imported_are_removed_by_their_owner_only(
    team: Team, time: FakeTime
) -> None:
    laptops = [make_laptop(team, f"laptop{i}", time) for i in range(3)]
    work(laptops, time, 30)
    for laptop in laptops:
        laptop.sync()
    for laptop in laptops:
        kept = bundles(laptop)
        assert 1 <= len(kept) <= 3, kept
        # The newest bundle always stays; what went is below what every other laptop imported.
        assert kept[-1] == f"{laptop.store.last_sent().seq:06d}.cdsync"  # type: ignore[union-attr]
        seen = read_seen(laptop.team, laptop.device_id)
        assert seen is not None and seen.compacted_through >= 25
        for other in laptops:
            if other is not laptop:
                assert other.store.ledger()[laptop.device_id].seq > seen.compacted_through
    assert files_in(team) <= 5 * len(laptops)


def test_a_newcomer_starts_from_a_snapshot_and_ends_identical(team: Team, time: FakeTime) -> None:
    # Laptop 0's clock runs five seconds ahead; it edits the shared record first, then only
    # syncs. The newcomer's next edit must still come after what it started from.
    laptops = [make_laptop(team, f"laptop{i}", time, skew_ms=5_000 if i == 0 else 0)
               for i in range(3)]  # fmt: skip
    shared = new_id()
    work(laptops, time, 2, record=shared)
    for _ in range(6):
        work(laptops[1:], time, 1)
        laptops[0].sync()
    newcomer = make_laptop(team, "newcomer", time)
    report = newcomer.sync()
    assert report.snapshot_read is not None and not report.snapshot_read.rejoined
    assert report.waiting == [] and report.conflicts == []
    for laptop in laptops:
        laptop.sync()
    newcomer.sync()
    assert newcomer.store.states() == laptops[0].store.states()
    time.advance()
    newcomer.store.edit("resident", shared, "notes", "newcomer")
    newcomer.sync()
    assert all(laptop.sync().conflicts == [] for laptop in laptops)
    assert laptops[0].store.value("resident", shared, "notes") == "newcomer"


def test_nothing_is_removed_while_a_known_laptop_has_no_seen_file(
    team: Team, time: FakeTime
) -> None:
    a, b = make_laptop(team, "laptopA", time), make_laptop(team, "laptopB", time)
    work([a, b], time, 3)
    # B's folder has not come down to A's computer yet (or looks empty): A imported from B
    # before, so B is known, and its seen file is missing.
    hidden = team.folder.parent / "elsewhere"
    shutil.move(team.devices_folder / b.device_id, hidden)
    before = bundles(a)
    work([a], time, 5)
    assert bundles(a)[: len(before)] == before
    # A seen file that does not open (damaged, another team's) counts as missing too.
    shutil.move(hidden, team.devices_folder / b.device_id)
    (team.devices_folder / b.device_id / SEEN_FILE).write_bytes(b"CDSEEN not a sealed file")
    before = bundles(a)
    a.sync()
    assert bundles(a)[: len(before)] == before
    b.sync()  # B writes its seen file again
    a.sync()
    assert len(bundles(a)) < len(before)


def test_a_laptop_that_joined_but_never_synced_blocks_removal(team: Team, time: FakeTime) -> None:
    a, b = make_laptop(team, "laptopA", time), make_laptop(team, "laptopB", time)
    work([a, b], time, 3)
    make_laptop(team, "laptopC", time)  # its folder is there, it has read nothing yet
    before = bundles(a)
    work([a, b], time, 4)
    assert bundles(a)[: len(before)] == before


def test_a_retired_laptop_does_not_block_removal(team: Team, time: FakeTime) -> None:
    a, b = make_laptop(team, "laptopA", time), make_laptop(team, "laptopB", time)
    c = make_laptop(team, "laptopC", time)
    work([a, b, c], time, 2)
    retire_device(a.team, c.device_id, a.device_id, "2026-12-02T08:00:00+00:00", 2)
    work([a, b], time, 8)
    assert len(bundles(a)) <= 3 and len(bundles(b)) <= 3


def test_a_laptop_away_for_long_catches_up_from_a_snapshot_and_keeps_its_unsent_edits(
    team: Team, time: FakeTime, away_soon: None
) -> None:
    a, b, c = (make_laptop(team, f"laptop{n}", time) for n in "ABC")
    shared, other = new_id(), new_id()
    work([a, b, c], time, 2, record=shared)
    # C goes away with edits of its own it has not sent: one on the record the others keep
    # editing (a real parallel edit), one on a record nobody else touches.
    time.advance()
    c.store.edit("resident", shared, "allergies", "페니실린")
    c.store.edit("resident", other, "name", "박영수")
    work([a, b], time, 10, record=shared)
    time.advance()
    a.store.edit("resident", shared, "allergies", "없음")
    a.sync()
    b.sync()
    # And one more edit on C, later than what the snapshot holds for that field: it stays.
    time.advance(100)
    c.store.edit("resident", shared, "notes", "C 마지막")
    assert read_seen(a.team, a.device_id).compacted_through > c.store.ledger()[a.device_id].seq  # type: ignore[union-attr]
    report = c.sync()
    assert report.snapshot_read is not None and report.snapshot_read.rejoined
    assert report.waiting == []
    assert c.store.outbox == []  # its unsent edits went out in its own bundle
    for laptop in (a, b, c, a, b):
        laptop.sync()
    assert a.store.states() == b.store.states() == c.store.states()
    assert a.store.value("resident", other, "name") == "박영수"
    assert c.store.value("resident", shared, "notes") == "C 마지막"
    # The parallel allergy edits: the later one is shown everywhere, C keeps the conflict
    # with its own value.
    assert c.store.value("resident", shared, "allergies") == "없음"
    assert any(
        conflict.other.value == "페니실린" or conflict.applied.value == "페니실린"
        for conflict in c.store.open_conflicts
    )


def c_stays_away(team: Team, time: FakeTime) -> tuple[Laptop, Laptop, Laptop]:
    """Three laptops sync twice; then C stays away while A and B sync ten times more."""
    a, b, c = (make_laptop(team, f"laptop{n}", time) for n in "ABC")
    work([a, b, c], time, 2)
    work([a, b], time, 10)
    return a, b, c


def test_without_a_snapshot_that_bridges_the_gap_the_laptop_waits(
    team: Team, time: FakeTime, away_soon: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "PART_STATES", 3)  # several parts per snapshot
    _, b, c = c_stays_away(team, time)
    # Every snapshot half-arrived: its last part cut short (a sync client still copying it).
    parts = [sorted(folder.glob("part-*.cdsnap"))[-1]
             for folder in team.devices_folder.glob("*/snapshots/*")]  # fmt: skip
    assert parts and all(len(list(p.parent.glob("part-*"))) > 1 for p in parts)
    saved = {p: p.read_bytes() for p in parts}
    for part in parts:
        part.write_bytes(saved[part][: len(saved[part]) // 2])
    before = c.store.states()
    report = c.sync()
    assert report.snapshot_read is None and report.read == []
    assert {w.reason for w in report.waiting} == {"compacted"}
    assert c.store.states() == before  # nothing of a partial snapshot was applied
    for part, data in saved.items():
        part.write_bytes(data)
    report = c.sync()
    assert report.snapshot_read is not None and report.waiting == []
    assert c.store.states() == b.store.states()  # B synced last: it has everything


_ODD_STATES = [
    pytest.param(3, id="states-not-a-list"),
    pytest.param([["notes", "메모", "h", "d"]], id="a-state-of-4-items"),
    pytest.param([["notes", "메모", "h", "d", None], "notes"], id="a-state-not-a-list"),
    pytest.param([["notes", "메모", "h", "d", None, None]], id="a-state-of-6-items"),
    # Five keys that, taken one by one, would read as a valid state: only the shape refuses it.
    pytest.param(
        [dict.fromkeys(["notes", "메모", "0000000000000001-0000-A", "A", "0" * 16 + "-0000-A"])],
        id="a-state-that-is-an-object",
    ),
]


@pytest.mark.parametrize("odd_states", _ODD_STATES)
def test_a_part_sealed_in_another_shape_stops_the_catch_up_until_the_next_sync(
    team: Team,
    time: FakeTime,
    away_soon: None,
    monkeypatch: pytest.MonkeyPatch,
    odd_states: object,
) -> None:
    """A part whose size and hash are the manifest's is opened only as it is merged (the
    manifest is sealed, so it is the file its writer sealed). If a writer's bug sealed a part
    in another shape, the catch-up stops there: the ledger stays, the laptop waits, and once a
    good snapshot is there it ends like the others."""
    monkeypatch.setattr(snapshot, "PART_STATES", 3)  # several parts per snapshot
    _, b, c = c_stays_away(team, time)
    saved: dict[Path, bytes] = {}
    for folder in team.devices_folder.glob("*/snapshots/*"):
        writer, snapshot_id = folder.parent.parent.name, int(folder.name)
        last = sorted(folder.glob("part-*.cdsnap"))[-1]
        index = int(last.stem.split("-")[1])
        manifest = folder / MANIFEST
        saved |= {last: last.read_bytes(), manifest: manifest.read_bytes()}
        odd = seal(
            team.key,
            snapshot._associated(team, writer, snapshot_id, str(index)),
            {"records": [["resident", new_id(), odd_states]]},
        )
        last.write_bytes(odd)
        label = snapshot._associated(team, writer, snapshot_id, "manifest")
        document = open_sealed(team.key, label, saved[manifest])
        document["parts"][index - 1] = [hashlib.sha256(odd).hexdigest(), len(odd)]
        manifest.write_bytes(seal(team.key, label, document))
    ledger = dict(c.store.ledger())
    report = c.sync()
    assert report.snapshot_read is None and report.read == []
    assert {w.reason for w in report.waiting} == {"compacted"}
    assert dict(c.store.ledger()) == ledger
    for path, data in saved.items():
        path.write_bytes(data)
    report = c.sync()
    assert report.snapshot_read is not None and report.waiting == []
    assert c.store.states() == b.store.states()


def test_a_snapshot_without_its_manifest_is_never_read(
    team: Team, time: FakeTime, away_soon: None
) -> None:
    _, _, c = c_stays_away(team, time)
    for manifest in team.devices_folder.rglob(MANIFEST):
        manifest.unlink()
    report = c.sync()
    assert report.snapshot_read is None
    assert {w.reason for w in report.waiting} == {"compacted"}


def _damage(part: Path) -> bytes:
    """Flip one byte of a part in place (the share's disk, or a sync client's bad copy): its
    size stays the manifest's, its hash does not. The bytes it had."""
    data = part.read_bytes()
    part.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    return data


def test_a_snapshot_damaged_on_the_share_is_written_again_by_its_writer(
    team: Team, time: FakeTime, away_soon: None
) -> None:
    """The only snapshot that bridges the removed bundles has a damaged part: a newcomer waits
    (nothing of it applied), as its sync report says, until a laptop syncs. The writer's next
    sync finds its own part damaged and writes the snapshot again, under a new id; the newcomer
    then starts from it and ends like the team."""
    a, b, _ = c_stays_away(team, time)
    folders = list(team.devices_folder.glob("*/snapshots/*"))
    assert [f.parent.parent.name for f in folders] == [a.device_id]
    _damage(sorted(folders[0].glob("part-*.cdsnap"))[0])
    newcomer = make_laptop(team, "newcomer", time)
    report = newcomer.sync()
    assert report.snapshot_read is None and newcomer.store.states() == {}
    assert {w.reason for w in report.waiting} == {"compacted"}

    a.sync()  # nothing new to send or read: only the check of its own snapshot

    assert not folders[0].exists()  # the damaged one is gone, a whole one is offered
    offered = read_seen(team, a.device_id)
    assert offered is not None and offered.snapshot is not None
    assert offered.snapshot.snapshot_id > int(folders[0].name)
    report = newcomer.sync()
    assert report.snapshot_read is not None and report.waiting == []
    b.sync()
    newcomer.sync()
    assert newcomer.store.states() == a.store.states() == b.store.states()


def test_a_writer_reads_its_own_parts_again_only_once_they_change(
    team: Team, time: FakeTime, away_soon: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its own offered snapshot is checked at every sync, but a part unchanged since it was
    last found whole is not read again. One damaged in place without its size or time moving
    (the disk's own fault) is found at the next start of the app, and written again."""
    a, _, _ = c_stays_away(team, time)
    read: list[int] = []
    part_data = snapshot._part_data
    monkeypatch.setattr(
        snapshot, "_part_data", lambda snap, index: read.append(index) or part_data(snap, index)
    )
    a.sync()
    a.sync()
    assert read == []  # checked by the syncs that wrote and first checked it
    (folder,) = team.devices_folder.glob(f"{a.device_id}/snapshots/*")
    part = sorted(folder.glob("part-*.cdsnap"))[0]
    kept = part.stat()
    _damage(part)
    os.utime(part, ns=(kept.st_atime_ns, kept.st_mtime_ns))  # same size, same time
    a.sync()
    assert folder.exists()  # not noticed within this run of the app
    monkeypatch.setattr(snapshot, "_whole", {})  # the app started again
    a.sync()
    assert not folder.exists() and read  # read again, found damaged, written again
    offered = read_seen(team, a.device_id)
    assert offered is not None and offered.snapshot is not None
    assert offered.snapshot.snapshot_id > int(folder.name)


def test_a_newcomer_starts_from_a_whole_snapshot_when_the_best_one_is_damaged(
    team: Team, time: FakeTime, away_soon: None
) -> None:
    """Two laptops offer a snapshot that bridges the removed bundles, and the one covering
    most has a damaged part: the newcomer starts from the other at once rather than waiting."""
    a, b, _ = c_stays_away(team, time)
    # B, which synced last, offers a snapshot too: it covers more than A's.
    newest = snapshot.write_snapshot(team, b.device_id, b.store, 1)
    seen = read_seen(team, b.device_id)
    assert seen is not None
    write_seen(team, replace(seen, snapshot=newest.offer))
    _damage(sorted(newest.folder.glob("part-*.cdsnap"))[-1])
    newcomer = make_laptop(team, "newcomer", time)
    report = newcomer.sync()
    assert report.snapshot_read is not None
    assert report.snapshot_read.writer == a.device_id
    assert report.waiting == []
    a.sync()
    newcomer.sync()
    assert newcomer.store.states() == a.store.states()


def test_a_newcomer_holds_the_conflicts_open_on_the_team(
    team: Team, time: FakeTime, away_soon: None
) -> None:
    safety = frozenset({("medication_entry", "dose")})
    a, b = (make_laptop(team, f"laptop{n}", time, safety_fields=safety) for n in "AB")
    entry = new_id()
    a.store.edit("medication_entry", entry, "dose", "1정")
    b.store.edit("medication_entry", entry, "dose", "2정")  # in parallel: a person decides
    work([a, b], time, 8)
    assert a.store.open_conflicts
    newcomer = make_laptop(team, "newcomer", time, safety_fields=safety)
    assert newcomer.sync().snapshot_read is not None
    held = {(c.applied.value, c.other.value) for c in newcomer.store.open_conflicts}
    assert held == {(c.applied.value, c.other.value) for c in a.store.open_conflicts}


def test_an_edit_saved_while_a_snapshot_part_is_merged_is_kept(
    team: Team, time: FakeTime, away_soon: None
) -> None:
    """The pharmacist saves while the laptop catches up from a snapshot: the save, newer than
    the snapshot's state of that field, is what the laptop keeps and what the team ends with
    (the part is merged again in the store's transaction, docs/sync.md)."""
    a, b, c = (make_laptop(team, f"laptop{n}", time) for n in "ABC")
    shared = new_id()
    work([a, b, c], time, 2, record=shared)
    work([a, b], time, 10, record=shared)  # C away: the folder is compacted past it
    real_read = c.store.read_records
    saves = [lambda: c.store.edit("resident", shared, "notes", "C 동기화 중 저장")]

    def read_then_save(keys):  # type: ignore[no-untyped-def]
        found = real_read(keys)
        if saves and ("resident", shared) in keys:
            time.advance(100)
            saves.pop()()
        return found

    c.store.read_records = read_then_save  # type: ignore[method-assign]
    report = c.sync()
    assert report.snapshot_read is not None and not saves
    assert c.store.value("resident", shared, "notes") == "C 동기화 중 저장"
    for laptop in (c, a, b, c):
        laptop.sync()
    assert a.store.states() == b.store.states() == c.store.states()
    assert a.store.value("resident", shared, "notes") == "C 동기화 중 저장"


def test_folders_in_the_snapshots_folder_that_are_not_snapshot_numbers_are_left_alone(
    team: Team, time: FakeTime
) -> None:
    """Six characters that str.isdigit takes but are not six ASCII digits (a superscript,
    which int() refuses, and full-width digits) in a laptop's own snapshots folder: its syncs
    go on, they are not read as snapshots, and nothing of them is removed."""
    laptops = [make_laptop(team, f"laptop{i}", time) for i in range(3)]
    own = team.devices_folder / laptops[0].device_id / SNAPSHOTS_FOLDER
    own.mkdir(parents=True, exist_ok=True)
    strangers = [own / "00000²", own / "０００００９"]
    for folder in strangers:
        folder.mkdir()
        (folder / "kept.txt").write_text("not ours")
    work(laptops, time, rounds=6)
    newcomer = make_laptop(team, "newcomer", time)
    assert newcomer.sync().snapshot_read is not None
    for laptop in laptops:
        laptop.sync()
    newcomer.sync()
    assert newcomer.store.states() == laptops[0].store.states()
    assert all((folder / "kept.txt").read_text() == "not ours" for folder in strangers)
    assert snapshot.own_snapshot_ids(team, laptops[0].device_id) == sorted(
        int(p.name) for p in own.iterdir() if p not in strangers
    )
