"""A snapshot's records that a laptop held nothing of are written whole (sync.store.FreshRecord,
docs/sync.md, "Figures"): the same field states and the same rows as merging each of their
changes, in the real database; a record whose parent comes in a later part waits for it; and
a "fresh" record that is held after all fails the part rather than replacing what is here."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from consultdesk.demo import fill_demo
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import field_clock
from consultdesk.storage.models import SHARED_TABLES
from consultdesk.storage.sync_store import SqliteSyncStore
from consultdesk.sync.bundle import Bundle, BundleHeader
from consultdesk.sync.changes import Change
from consultdesk.sync.inbound import _split_part, merge_states
from consultdesk.sync.store import FreshRecord
from tests.conftest import PASSPHRASE

Part = list[tuple[str, str, list[list[object]]]]


def _parts(source: Workspace, page: int) -> list[Part]:
    """The source's states as its snapshot's parts hold them (snapshot.write_snapshot)."""
    store = SqliteSyncStore(source.db, source.device)
    return [
        [
            (
                entity,
                record_id,
                [
                    [name, s.value, s.hlc, s.device, s.base_hlc]
                    for name, s in sorted(states.items())
                ],
            )
            for (entity, record_id), states in records
        ]
        for records in store.snapshot_records(page)
    ]


def _newcomer(tmp_path: Path, name: str) -> Workspace:
    return Workspace.create(tmp_path / name, PASSPHRASE, PASSPHRASE, Profile("새 약사"))


def _take(ws: Workspace, parts: list[Part], *, whole: bool) -> SqliteSyncStore:
    """Apply the parts as a snapshot's are applied: records taken whole where they can be
    (``whole``), or every change merged one by one (the way before FreshRecord)."""
    store = SqliteSyncStore(ws.db, ws.device)
    header = BundleHeader("team", "writer", 1, 0, "0" * 64, 16)
    quiet = store.quiet_conflict_fields
    for records in parts:
        held, mark = store.read_records({(e, r) for e, r, _ in records})
        if whole:
            fresh, changes, refused = _split_part(records, held)  # type: ignore[arg-type]
            assert fresh and not refused
        else:
            fresh = []
            changes = tuple(Change.checked(e, r, *s) for e, r, states in records for s in states)
        merged = merge_states(Bundle(header, changes, ""), held, mark, quiet, frozenset(), {})
        store.apply_snapshot_part(merged, None, fresh)
    return store


def _everything(ws: Workspace) -> dict[str, list[tuple[object, ...]]]:
    tables = sorted(model.__table__.name for model in SHARED_TABLES.values())  # type: ignore[attr-defined]
    with ws.db.reading() as conn:
        found = {
            table: sorted(
                (tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table}")), key=repr
            )
            for table in [*tables, "sync_pending"]
        }
        found["field_clock"] = sorted(field_clock.all_states(conn))
    return found


def test_records_taken_whole_end_as_merged_change_by_change(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_demo(workspace, residents=12, sessions=40)
    (records,) = _parts(workspace, page=10**6)
    parts = [records[start : start + 40] for start in range(0, len(records), 40)]
    assert len(parts) > 2  # several parts, each record whole in one
    whole, one_by_one = _newcomer(tmp_path, "whole"), _newcomer(tmp_path, "one_by_one")
    try:
        _take(whole, parts, whole=True)
        _take(one_by_one, parts, whole=False)
        got, expected = _everything(whole), _everything(one_by_one)
        assert got == expected
        assert len(got["field_clock"]) == sum(len(s) for p in parts for _, _, s in p)
        assert got["resident"] and got["medication_entry"] and not got["sync_pending"]
    finally:
        whole.close()
        one_by_one.close()


def test_a_record_whose_parent_comes_later_waits_for_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_demo(workspace, residents=3, sessions=6)
    (records,) = _parts(workspace, page=10**6)
    residents = [r for r in records if r[0] == "resident"]
    children = [r for r in records if r[0] != "resident"]
    newcomer = _newcomer(tmp_path, "newcomer")
    try:
        _take(newcomer, [children], whole=True)
        waiting = _everything(newcomer)
        assert not waiting["resident"] and not waiting["consultation"]
        assert len(waiting["sync_pending"]) >= 6  # the consultations, at least
        _take(newcomer, [residents], whole=True)
        done = _everything(newcomer)
        assert not done["sync_pending"]
        assert len(done["resident"]) == 3 and len(done["consultation"]) == 6
    finally:
        newcomer.close()


def test_a_record_held_after_all_fails_the_part_and_leaves_nothing_of_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill_demo(workspace, residents=2, sessions=2)
    (records,) = _parts(workspace, page=10**6)
    newcomer = _newcomer(tmp_path, "newcomer")
    try:
        store = _take(newcomer, [records[:1]], whole=True)
        before = _everything(newcomer)
        # As if the first record had been held nowhere when the part was read: its states are
        # here now, and must not be replaced silently.
        fresh = [FreshRecord(e, r, s) for e, r, s in records[:3]]  # type: ignore[arg-type]
        empty = merge_states(
            Bundle(BundleHeader("team", "writer", 1, 0, "0" * 64, 16), (), ""),
            {},
            None,
            frozenset(),
            frozenset(),
        )
        with pytest.raises(sa.exc.IntegrityError):
            store.apply_snapshot_part(empty, None, fresh)
        assert _everything(newcomer) == before
    finally:
        newcomer.close()
