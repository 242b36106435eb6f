"""Change sets: every committed write, local or imported by a sync, says what it changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync
from consultdesk.storage.changes import LOCAL, SYNC, ChangeSet, initiated_by
from consultdesk.storage.models import Resident
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)


def heard(ws) -> list[ChangeSet]:  # type: ignore[no-untyped-def]
    got: list[ChangeSet] = []
    ws.db.changes.subscribe(got.append)
    return got


def test_a_local_save_publishes_its_records_after_the_commit(new_laptop: MakeLaptop) -> None:
    a = new_laptop("a")
    got = heard(a)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1234-5678"))
    [created] = got
    assert created.origin == LOCAL and created.ids("resident") == {kim}
    assert created.touches("resident") and not created.touches("consultation")
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-9999-0000"), kim)
    assert got[-1].records == {("resident", kim)}
    # Saving the same values again changes nothing, so nothing is published.
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-9999-0000"), kim)
    assert len(got) == 2
    residents.delete_resident(a, kim)
    assert got[-1].ids("resident") == {kim} and len(got) == 3


def test_a_transaction_that_fails_publishes_nothing(new_laptop: MakeLaptop) -> None:
    a = new_laptop("a")
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    got = heard(a)
    with pytest.raises(RuntimeError), a.db.session() as s:
        record = s.get(Resident, kim)
        assert record is not None
        a.writer.save(s, record, {"phone": "010-1111-2222"})
        raise RuntimeError("the disk went away")
    with pytest.raises(ValidationFailed):
        residents.delete_resident(a, "no-such-resident")
    assert got == []
    residents.save_resident(a, ResidentDraft(name="이영희"))
    assert len(got) == 1 and got[0].ids("resident") != {kim}  # nothing left over from before


def test_the_initiator_rides_along_and_a_failing_listener_is_only_logged(
    new_laptop: MakeLaptop, caplog: pytest.LogCaptureFixture
) -> None:
    a = new_laptop("a")

    def broken(_changes: ChangeSet) -> None:
        raise ValueError("a screen that went wrong")

    a.db.changes.subscribe(broken)
    got = heard(a)
    screen = object()
    with initiated_by(screen):
        kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    residents.save_resident(a, ResidentDraft(name="이영희"))
    assert got[0].initiator is screen and got[1].initiator is None
    assert "a change listener failed" in caplog.text
    assert residents.open_resident(a, kim) is not None  # the commit stood


def test_a_sync_import_publishes_what_it_brought(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1234-5678"))
    sync.sync_now(a)
    got = heard(b)
    sync.sync_now(b)
    imported = [c for c in got if c.origin == SYNC]
    assert imported and kim in set().union(*(c.ids("resident") for c in imported))
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-5555-6666"), kim)
    sync.sync_now(a)
    got.clear()
    sync.sync_now(b)
    [imported_edit] = [c for c in got if c.origin == SYNC]
    assert imported_edit.records == {("resident", kim)}


def test_change_sets_merge() -> None:
    one = ChangeSet(frozenset({("resident", "r1")}), frozenset({"resident"}))
    two = ChangeSet(frozenset(), frozenset({"sync_conflict"}), SYNC)
    both = one.merged(two)
    assert both.origin == SYNC and both.touches("sync_conflict") and both.ids("resident") == {"r1"}
    assert not ChangeSet() and both
