"""Conflicts on laptops with real databases: the laptop whose edit lost keeps the conflict, a
decision made on any laptop closes it everywhere, and bookkeeping fields never raise one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as visits
from consultdesk.services import residents, sync, sync_conflicts
from consultdesk.services.workspace import Workspace
from tests.consent_helpers import consent_to_health_info
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    three_laptops,
    visible,
)

TODAY = date(2026, 11, 21)


def allergies_conflicts(ws: Workspace) -> list[set[object]]:
    return [
        {item.kept.value, item.other.value}
        for item in sync_conflicts.list_conflicts(ws)
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
    [on_b] = [item for item in sync_conflicts.list_conflicts(b) if item.field == "allergies"]
    sync_conflicts.resolve_conflict(b, on_b.id, "페니실린, 아스피린, 설파제")
    for laptop in (b, a, c):
        sync.sync_now(laptop)
    for laptop in (a, b, c):
        assert allergies_conflicts(laptop) == []
        assert visible(laptop)["resident"][kim]["allergies"] == "페니실린, 아스피린, 설파제"


def test_two_laptops_saving_one_session_in_parallel_raise_no_conflict_on_its_save_time(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    consent_to_health_info(a, kim)
    session = visits.start_consultation(a, kim, today=TODAY)
    sync.sync_now(a)
    sync.sync_now(b)
    # Each laptop edits a different part of the session: nothing a person has to choose, but
    # both saves stamped updated_at.
    data = visits.open_consultation(a, session)
    visits.save_consultation(a, replace(data, advice="물을 충분히"))
    data = visits.open_consultation(b, session)
    visits.save_consultation(b, replace(data, follow_up_plan="다음 주 전화"))
    for laptop in (a, b, a):
        report = sync.sync_now(laptop)
        assert report.conflicts == []
    assert sync_conflicts.list_conflicts(a) == [] and sync_conflicts.list_conflicts(b) == []
    assert visible(a) == visible(b)
    row = visible(a)["consultation"][session]
    assert (row["advice"], row["follow_up_plan"]) == ("물을 충분히", "다음 주 전화")
    with a.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_conflict").one()[0] == 0

    # One raised by an earlier version, before updated_at was quiet, is closed by the next import.
    with b.db.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO sync_conflict (id, kind, entity, record_id, field, requires_person, "
            "kept_field, kept_value, kept_hlc, kept_device, other_field, other_value, "
            "other_hlc, other_device, raised_at, resolved_by) VALUES ('old', 'parallel_update', "
            "'consultation', ?, 'updated_at', 0, 'updated_at', '\"x\"', "
            "'0001763700000001-0000-aaaaaaaa', 'aaaaaaaa', 'updated_at', '\"y\"', "
            "'0001763700000000-0000-bbbbbbbb', 'bbbbbbbb', '2026-11-21', '')",
            (session,),
        )
    assert len(sync_conflicts.list_conflicts(b)) == 1
    residents.save_resident(a, ResidentDraft(name="김순자", notes="혼자 사심"), kim)
    sync.sync_now(a)
    sync.sync_now(b)
    assert sync_conflicts.list_conflicts(b) == []
