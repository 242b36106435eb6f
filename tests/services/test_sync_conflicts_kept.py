"""Conflicts on laptops with real databases: the laptop whose edit lost keeps the conflict, a
decision made on any laptop closes it everywhere, and bookkeeping fields never raise one."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync
from consultdesk.services.workspace import Workspace
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)


def three_laptops(new_laptop: MakeLaptop, share: Path) -> tuple[Workspace, ...]:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    join(c, share)
    return a, b, c


def allergies_conflicts(ws: Workspace) -> list[set[object]]:
    return [
        {item.kept.value, item.other.value}
        for item in sync.list_conflicts(ws)
        if item.field == "allergies"
    ]


def test_the_laptop_whose_edit_lost_keeps_the_conflict(new_laptop: MakeLaptop, share: Path) -> None:
    a, b, c = three_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    for laptop in (a, b, c):
        sync.sync_now(laptop)
    # A records an allergy; B, not having seen it, records another and then corrects its own.
    residents.save_resident(a, ResidentDraft(name="김순자", allergies="페니실린"), kim)
    residents.save_resident(b, ResidentDraft(name="김순자", allergies="아스피린"), kim)
    residents.save_resident(b, ResidentDraft(name="김순자", allergies="아스피린, 설파제"), kim)
    sync.sync_now(b)
    sync.sync_now(c)  # C has both of B's edits before A's
    sync.sync_now(a)  # A gets both of B's edits in one bundle
    for laptop in (b, c, a):
        sync.sync_now(laptop)
    assert visible(a) == visible(b) == visible(c)
    assert visible(a)["resident"][kim]["allergies"] == "아스피린, 설파제"
    # A closed it as "answered" by B's second edit, though B never saw 페니실린; C kept it.
    for laptop in (a, b, c):
        assert allergies_conflicts(laptop) == [{"아스피린, 설파제", "페니실린"}], laptop.device

    # A decision on the laptop whose value is kept closes it on the others too.
    [on_b] = [item for item in sync.list_conflicts(b) if item.field == "allergies"]
    sync.resolve_conflict(b, on_b.id, "페니실린, 아스피린, 설파제")
    for laptop in (b, a, c):
        sync.sync_now(laptop)
    for laptop in (a, b, c):
        assert allergies_conflicts(laptop) == []
        assert visible(laptop)["resident"][kim]["allergies"] == "페니실린, 아스피린, 설파제"
