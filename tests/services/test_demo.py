"""Demo data: residents with consultations that look like a real programme's, and a showcase."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from consultdesk.demo import (
    MAX_SESSIONS,
    DemoSummary,
    fill_demo,
    showcase_resident,
)
from consultdesk.demo import fill as demo_fill
from consultdesk.demo.aside import parts_aside
from consultdesk.demo.sessions import MedicineNames, iter_counts
from consultdesk.demo.writes import DemoPart
from consultdesk.domain.consultation import Status
from consultdesk.domain.hlc import Hlc
from consultdesk.domain.screening import load_form, validate_answers
from consultdesk.paths import resource_path
from consultdesk.services import consultations, referrals
from consultdesk.services.catalog import bundled_ingredients
from consultdesk.services.flags import flags_for_consultation
from consultdesk.services.residents import count_residents
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import consultations_repo as repo
from consultdesk.storage import field_clock
from consultdesk.storage.changes import encode_value
from consultdesk.storage.models import (
    Consultation,
    DrugProblemEntry,
    MedicationEntry,
    Resident,
)
from tests import change_rows
from tests.conftest import PASSPHRASE


def _sessions(ws: Workspace) -> list[Consultation]:
    with ws.db.session() as s:
        return list(s.exec(select(Consultation).order_by(col(Consultation.resident_id))))


def test_residents_get_the_number_of_sessions_asked_for(workspace: Workspace) -> None:
    summary = fill_demo(workspace, residents=12, sessions=40)
    assert (summary.residents, summary.sessions) == (12, 40)
    assert count_residents(workspace) == 12
    sessions = _sessions(workspace)
    assert len(sessions) == 40
    assert summary.medications > 40 * 4
    with workspace.db.session() as s:
        assert len(list(s.exec(select(MedicationEntry)))) == summary.medications
        assert len(list(s.exec(select(DrugProblemEntry)))) == summary.problems


def test_sessions_are_numbered_per_resident_in_date_order_and_only_the_latest_may_be_a_draft(
    workspace: Workspace,
) -> None:
    fill_demo(workspace, residents=40, sessions=None)
    by_resident: dict[str, list[Consultation]] = defaultdict(list)
    for c in _sessions(workspace):
        by_resident[c.resident_id].append(c)
    assert len(by_resident) == 40, "every resident has at least one session"
    drafts = 0
    for sessions in by_resident.values():
        sessions.sort(key=lambda c: c.number)
        assert [c.number for c in sessions] == list(range(1, len(sessions) + 1))
        assert 1 <= len(sessions) <= 8
        days = [c.visit_date for c in sessions]
        assert days == sorted(days) and days[-1] <= date.today()
        assert all(c.status == Status.FINAL.value and c.finalised_at for c in sessions[:-1])
        drafts += sessions[-1].status == Status.DRAFT.value
        for earlier, later in pairwise(sessions):
            assert earlier.next_visit is not None and earlier.next_visit <= later.visit_date
    assert 0 < drafts < 40


def test_every_record_has_its_change_log_rows_and_rebuilds_from_them(
    workspace: Workspace,
) -> None:
    fill_demo(workspace, residents=6, sessions=20)
    with workspace.db.session() as s:
        logged: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for change in change_rows.logged(workspace):
            logged[(change.entity, change.record_id)][change.field] = change.value
        clocks = len(field_clock.all_states(s.connection()))
        assert clocks == sum(len(fields) for fields in logged.values())
        for model in (Consultation, MedicationEntry, DrugProblemEntry):
            table = model.__table__  # type: ignore[attr-defined]
            defaults = {
                c.name: c.default.arg
                for c in table.columns
                if c.default is not None and getattr(c.default, "is_scalar", False)
            }
            for record in s.exec(select(model)):
                fields = logged[(str(model.__tablename__), record.id)]
                assert fields, f"{model.__tablename__} {record.id} has no change-log rows"
                # A laptop receiving the changes builds the row from the column defaults plus
                # the logged fields (storage/sync_store.py): it must come out the same.
                for name in defaults:
                    expected = encode_value(getattr(record, name))
                    assert fields.get(name, encode_value(defaults[name])) == expected, name


def test_the_change_rows_are_the_field_states_in_the_order_they_were_made(
    workspace: Workspace,
) -> None:
    """bulk_create copies the new records' states into change_log inside SQLite: every state
    once, as it is, and in the order of the edits, which is the order they are sent in."""
    fill_demo(workspace, residents=6, sessions=20)
    rows = change_rows.logged(workspace)
    with workspace.db.engine.connect() as conn:
        states = field_clock.all_states(conn)
    clocks = [Hlc.parse(row.hlc) for row in rows]
    assert len(rows) == len(states) > 1000
    assert sorted(map(tuple, rows)) == sorted(states)
    assert all(a < b for a, b in pairwise(clocks))


def _content(folder: Path) -> list[tuple[object, ...]]:
    """What a demo of seed 7 holds, without its ids and clocks."""
    ws = Workspace.create(folder, PASSPHRASE, PASSPHRASE, Profile("박약사"))
    try:
        fill_demo(ws, residents=20, sessions=60, seed=7)
        rows: list[tuple[object, ...]] = [
            (r.resident_name, r.state, r.created_on, r.sent_on)
            for r in referrals.list_referrals(ws, referrals.ReferralFilter.ALL)
        ]
        with ws.db.session() as s:
            names = {r.id: r.name for r in s.exec(select(Resident))}
            for c in s.exec(select(Consultation)):
                data = repo.load(s, c.id)
                assert data is not None
                meds = tuple((m.name_as_found, m.morning, m.evening) for m in data.medications)
                problems = tuple(p.description for p in data.problems)
                rows.append(
                    (names[c.resident_id], c.number, c.visit_date, c.status, meds, problems)
                )
        return sorted(rows, key=repr)
    finally:
        ws.close()


def test_the_same_seed_makes_the_same_demo(tmp_path) -> None:
    assert _content(tmp_path / "a") == _content(tmp_path / "b")


def test_rows_made_in_a_second_process_are_the_ones_made_here(tmp_path, monkeypatch) -> None:
    """A large fill makes its rows in a child process (demo/aside.py) while it writes them:
    the same demo as the rows made in the writing process."""
    here = _content(tmp_path / "here")
    monkeypatch.setattr(demo_fill, "ASIDE_FROM_SESSIONS", 1)
    made_aside = []

    def aside(*args: Any) -> Iterator[DemoPart]:
        made_aside.append(args)
        return parts_aside(*args)

    monkeypatch.setattr(demo_fill, "parts_aside", aside)
    assert _content(tmp_path / "aside") == here
    assert made_aside == [(20, 7, date.today(), 60)]


def test_without_sessions_only_residents_are_made(workspace: Workspace) -> None:
    summary = fill_demo(workspace, residents=5)
    assert summary == DemoSummary(5, 0, 0, 0, None)
    assert _sessions(workspace) == []
    assert showcase_resident(workspace) is None


def test_a_total_too_small_for_the_showcase_goes_to_random_residents(
    workspace: Workspace,
) -> None:
    summary = fill_demo(workspace, residents=4, sessions=2)
    assert (summary.sessions, summary.showcase_resident_id) == (2, None)
    assert len(_sessions(workspace)) == 2
    assert showcase_resident(workspace) is None


def test_sessions_stop_at_eight_per_resident_and_the_limit_is_checked(
    workspace: Workspace,
) -> None:
    assert fill_demo(workspace, residents=2, sessions=40).sessions == 3 + 8
    with pytest.raises(ValueError):
        fill_demo(workspace, residents=2, sessions=MAX_SESSIONS + 1)


def test_session_counts_meet_a_total_exactly_and_never_pass_the_cap() -> None:
    rng = random.Random(1)
    assert sum(iter_counts(rng, 1000, 4000, 50_000)) == 4000
    assert sum(iter_counts(rng, 1000, 300, 50_000)) == 300
    counts = list(iter_counts(rng, 10_000, None, 49_997))
    assert sum(counts) <= 49_997 and min(counts) >= 1 and max(counts) <= 8


def test_every_demo_medicine_is_in_the_bundled_catalog() -> None:
    MedicineNames(bundled_ingredients()).check()


def test_sessions_hold_catalog_medicines_valid_screening_answers_and_due_visits(
    workspace: Workspace,
) -> None:
    fill_demo(workspace, residents=80, sessions=None)
    form = load_form(resource_path("screening/default.json"))
    unmatched = matched = screened = 0
    with workspace.db.session() as s:
        for c in s.exec(select(Consultation)):
            data = repo.load(s, c.id)
            assert data is not None
            for m in data.medications:
                matched += m.matched
                unmatched += not m.matched
            if data.screening:
                screened += 1
                validate_answers(form, data.screening)
            for risk in json.loads(c.observed):
                assert risk["text"] and risk["severity"] in ("low", "moderate", "high")
    assert matched > 20 * unmatched
    assert screened > 40
    follow_ups = consultations.follow_up_list(workspace)
    assert follow_ups.overdue and follow_ups.this_week


def test_the_showcase_resident_has_ten_medicines_an_interaction_and_social_answers(
    workspace: Workspace,
) -> None:
    summary = fill_demo(workspace, residents=3, sessions=10)
    resident_id = showcase_resident(workspace)
    assert resident_id is not None and resident_id == summary.showcase_resident_id
    timeline = consultations.resident_timeline(workspace, resident_id)
    assert [t.number for t in timeline] == [3, 2, 1]
    latest = timeline[0]
    assert (latest.status, latest.visit_date, latest.medicines) == ("draft", date.today(), 10)
    assert consultations.unfinished_consultation(workspace, resident_id) == latest.id
    data = consultations.load_consultation(workspace, latest.id)
    assert data is not None
    prescribers = {m.prescriber for m in data.medications if m.prescriber}
    assert len(prescribers) == 3
    flags = flags_for_consultation(workspace, latest.id)
    rule_ids = {f.flag.rule_id for f in flags}
    assert "ddi.warfarin_nsaid" in rule_ids
    assert any(f.flag.kind == "social" for f in flags)
    warfarin_nsaid = next(f for f in flags if f.flag.rule_id == "ddi.warfarin_nsaid")
    assert set(warfarin_nsaid.items) == {"와파린", "아세클로페낙"}
    changes = consultations.compare_consultations(workspace, timeline[1].id, latest.id)
    assert {c.name for c in changes.added} == {"라베프라졸", "아세클로페낙", "에페리손"}


def test_the_demo_command_takes_a_number_of_sessions(tmp_path, monkeypatch, capsys) -> None:
    from consultdesk import cli

    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    data = tmp_path / "demo"
    assert cli.main(["--data-dir", str(data), "demo", "--residents", "5", "--sessions", "12"]) == 0
    assert "5 fictional residents with 12 consultations" in capsys.readouterr().out
    ws = Workspace.unlock(data, PASSPHRASE)
    try:
        assert len(_sessions(ws)) == 12
        assert showcase_resident(ws) is not None
    finally:
        ws.close()
    too_many = ["--data-dir", str(tmp_path / "x"), "demo", "--sessions", str(MAX_SESSIONS + 1)]
    assert cli.main(too_many) == 1
    assert "50000" in capsys.readouterr().err


def test_the_demo_is_written_in_build_mode_and_opens_as_a_live_database(tmp_path) -> None:
    """Filled while the new database is built (as `consultdesk demo` and the bench do): no
    write-ahead log and no syncs then; the published file is whole, in WAL with full syncs."""
    seen: dict[str, object] = {}

    def pragmas(ws: Workspace) -> tuple[object, object]:
        with ws.db.engine.connect() as conn:
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            return journal, conn.exec_driver_sql("PRAGMA synchronous").scalar()

    def fill(ws: Workspace) -> None:
        seen["summary"] = fill_demo(ws, residents=6, sessions=20)
        seen["file"] = ws.db.path.name
        seen["pragmas"] = pragmas(ws)

    data = tmp_path / "data"
    ws = Workspace.create(data, PASSPHRASE, PASSPHRASE, Profile("박약사"), fill=fill)
    try:
        assert seen["file"] == "consultdesk.db.creating"
        assert seen["pragmas"] == ("memory", 0)  # journal in memory, synchronous OFF
        assert pragmas(ws) == ("wal", 2)  # FULL
        assert ws.db.integrity_check() == ["ok"]
        assert len(_sessions(ws)) == 20
        assert showcase_resident(ws) == getattr(seen["summary"], "showcase_resident_id", "")
        assert not list(data.glob("*.creating*"))
    finally:
        ws.close()
