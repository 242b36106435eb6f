"""A sync that meets a full disk on this laptop (the database cannot grow): the sync stops with
the disk-full error the window and the command line word as such, nothing of a half-merged part
or bundle stays, and once there is room the next sync ends like the team. The disk is full as
SQLite sees it (tests/disk_full.py: the database capped at the pages it has)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.demo import fill_demo
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync
from consultdesk.storage.errors import DiskFull
from tests.disk_full import disk_full
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    field_states,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)
from tests.services.test_snapshot_join import compacted_team


def by_record(states: set[tuple[str, ...]]) -> dict[tuple[str, str], set[tuple[str, ...]]]:
    grouped: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for state in states:
        grouped.setdefault((state[0], state[1]), set()).add(state)
    return grouped


def test_a_newcomer_whose_disk_fills_during_the_join_loses_nothing_and_joins_later(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = compacted_team(new_laptop, share, monkeypatch)
    newcomer = new_laptop("newcomer")
    join(newcomer, share)
    with disk_full(newcomer.db), pytest.raises(DiskFull):
        sync.sync_now(newcomer)
    # The parts that fitted stayed whole (each its own transaction); the one the disk refused
    # left nothing: every record held here has all of its field states, as the team has them.
    held = by_record(field_states(newcomer))
    team = by_record(field_states(a))
    assert len(held) < len(team)
    assert all(states == team[record] for record, states in held.items())
    # and a row for each of them: a part's rows go in its transaction with its field states
    listed = {rid for (entity, rid) in held if entity == "resident"}
    assert set(visible(newcomer)["resident"]) == listed
    report = sync.sync_now(newcomer)
    assert report.snapshot_read is not None and report.refused == [] and report.skipped == []
    for ws in (a, newcomer):
        sync.sync_now(ws)
    assert visible(newcomer) == visible(a)
    assert field_states(newcomer) == field_states(a)


def test_bundles_met_by_a_full_disk_are_read_again_on_the_next_sync(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    sync.sync_now(b)
    fill_demo(a, residents=3, sessions=4, seed=3)
    sync.sync_now(a)
    residents.save_resident(a, ResidentDraft(name="디스크 확인"))
    sync.sync_now(a)
    before = field_states(b)
    with disk_full(b.db), pytest.raises(DiskFull):
        sync.sync_now(b)
    assert field_states(b) == before
    report = sync.sync_now(b)
    assert report.skipped == [] and report.waiting == []
    assert visible(b) == visible(a)
    assert field_states(b) == field_states(a)
