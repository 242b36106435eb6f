"""Random offline work on three laptops with real encrypted databases ends the same everywhere.

The memory-store version (tests/sync/test_sync_convergence.py) explores many more orders; this
one checks that the SQLite store keeps the same promise: rows, field states and deleted flags.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultdesk.domain.ids import new_id
from consultdesk.services import sync
from consultdesk.services.workspace import Workspace
from consultdesk.storage.models import Resident
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    field_states,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

FIELDS = ["notes", "allergies", "phone"]
VALUES = ["페니실린", "없음", "010-0000-1111", "혼자 사심", ""]

step = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 2), st.sampled_from(FIELDS),
              st.sampled_from(VALUES)),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("sync"), st.integers(0, 2)),
)  # fmt: skip


def edit(ws: Workspace, record_id: str, field: str, value: str) -> None:
    with ws.db.session() as s:
        record = s.get(Resident, record_id)
        if record is None:
            ws.writer.save(
                s, Resident(id=record_id, name="김순자"), {"name": "김순자", field: value}
            )
        elif not record.deleted:
            ws.writer.save(s, record, {field: value})


def delete(ws: Workspace, record_id: str) -> None:
    with ws.db.session() as s:
        record = s.get(Resident, record_id)
        if record is not None and not record.deleted:
            ws.writer.delete(s, record)


def test_random_offline_work_converges_on_real_databases(
    new_laptop: MakeLaptop, share: Path
) -> None:
    laptops = [new_laptop(name) for name in ("a", "b", "c")]
    start_team(laptops[0], share)
    for laptop in laptops[1:]:
        join(laptop, share)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.lists(step, max_size=25))
    def run(work: list[tuple[object, ...]]) -> None:
        records = [new_id() for _ in range(3)]  # fresh records: earlier examples stay synced
        for kind, who, *rest in work:
            laptop = laptops[int(who)]  # type: ignore[call-overload]
            if kind == "edit":
                record, field, value = rest
                edit(laptop, records[int(record)], str(field), str(value))  # type: ignore[call-overload]
            elif kind == "delete":
                delete(laptop, records[int(rest[0])])  # type: ignore[call-overload]
            else:
                sync.sync_now(laptop)
        for laptop in laptops * 2:
            sync.sync_now(laptop)
        first = visible(laptops[0])
        states = field_states(laptops[0])
        for laptop in laptops[1:]:
            assert visible(laptop) == first
            assert field_states(laptop) == states
            assert sync.sync_status(laptop).waiting == 0

    run()
