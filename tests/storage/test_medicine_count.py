"""medicine_count (migration 0010): the per-session medicine counts the measures read, kept by
triggers on medication_entry, agree with a count of the medicine rows themselves after every
kind of write: a new session, an edited list (a medicine changed, added, removed), a deleted
session, a row removed outright, and the demo's bulk fill."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from consultdesk.demo import fill_demo
from consultdesk.domain.consultation import MedicationRow
from consultdesk.domain.ids import new_id
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations
from consultdesk.services.residents import save_resident
from consultdesk.services.workspace import Workspace
from consultdesk.storage import schema
from consultdesk.storage.database import Database
from consultdesk.storage.models import Consultation, MedicationEntry
from tests.consent_helpers import consent_to_health_info
from tests.storage.old_schema import add_resident, database_at

# The count as it was made before the table existed: every live, named medicine row.
RECOUNT = (
    "SELECT consultation_id, "
    "SUM(CASE WHEN action NOT IN ('stop', 'dispose') AND (morning <> '' OR noon <> '' OR "
    "evening <> '' OR bedtime <> '' OR as_needed = '') THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN trim(leftover) <> '' OR trim(storage_problem) <> '' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN action = 'dispose' THEN 1 ELSE 0 END) "
    "FROM medication_entry WHERE deleted = 0 AND trim(name_as_found) <> '' "
    "GROUP BY consultation_id"
)


def _kept(s: Session) -> dict[str, tuple[int, int, int]]:
    """Per session, the counts the triggers keep: (regular taken, found, disposed)."""
    rows = s.connection().exec_driver_sql(
        "SELECT consultation_id, regular, found, disposed FROM medicine_count"
    )
    return {r[0]: (int(r[1]), int(r[2]), int(r[3])) for r in rows}


def _counts(ws: Workspace) -> dict[str, tuple[int, int, int]]:
    """The kept counts, without sessions whose counts are all zero (a recount has no row
    for a session whose medicines were all removed)."""
    with ws.db.session(read_only=True) as s:
        kept = _kept(s)
    return {k: c for k, c in kept.items() if c != (0, 0, 0)}


def _recount(ws: Workspace) -> dict[str, tuple[int, int, int]]:
    with ws.db.session(read_only=True) as s:
        rows = s.execute(text(RECOUNT)).all()
    return {r[0]: (r[1], r[2], r[3]) for r in rows if (r[1], r[2], r[3]) != (0, 0, 0)}


def _med(name: str, **values: object) -> MedicationRow:
    return MedicationRow(id=new_id(), name_as_found=name, **values)  # type: ignore[arg-type]


def test_counts_follow_every_edit_of_the_medicines(workspace: Workspace) -> None:
    rid = save_resident(workspace, ResidentDraft("김민수", birth_date="1940-03-02"))
    consent_to_health_info(workspace, rid, on=date(2026, 4, 1))
    cid = consultations.start_consultation(workspace, rid, today=date(2026, 5, 1))
    data = consultations.open_consultation(workspace, cid)
    meds = (
        _med("암로디핀", morning="1"),
        _med("메트포르민", morning="1", evening="1", leftover="20정"),
        _med("아세트아미노펜", as_needed="통증 시"),
        _med("오래된 연고", action="dispose"),
    )
    data = replace(data, medications=meds)
    consultations.save_consultation(workspace, data)
    assert _counts(workspace) == _recount(workspace) == {cid: (2, 1, 1)}

    # one stopped, one gains a storage problem, one removed, one added
    edited = (
        replace(meds[0], action="stop"),
        replace(meds[1], storage_problem="욕실 보관"),
        meds[3],
        _med("로수바스타틴", bedtime="1"),
    )
    data = replace(data, medications=edited)
    consultations.save_consultation(workspace, data)
    assert _counts(workspace) == _recount(workspace) == {cid: (2, 1, 1)}

    second = consultations.start_consultation(workspace, rid, today=date(2026, 5, 2))
    other = consultations.open_consultation(workspace, second)
    consultations.save_consultation(
        workspace, replace(other, medications=(_med("와파린", morning="1"),))
    )
    assert _counts(workspace) == _recount(workspace) == {cid: (2, 1, 1), second: (1, 0, 0)}

    # the whole list emptied; then rows removed outright (no service does, a trigger sees it)
    consultations.save_consultation(workspace, replace(data, medications=()))
    assert _counts(workspace) == _recount(workspace) == {second: (1, 0, 0)}
    with workspace.db.session() as s:
        s.execute(text("DELETE FROM medication_entry WHERE consultation_id = :c"), {"c": second})
    assert _counts(workspace) == _recount(workspace) == {}


def test_counts_of_the_demo_fill_match_its_medicines(workspace: Workspace) -> None:
    fill_demo(workspace, residents=40, sessions=150)
    counts = _counts(workspace)
    assert counts == _recount(workspace)
    assert len(counts) > 100


def test_the_migration_counts_the_medicines_already_there(tmp_path: Path) -> None:
    with database_at(tmp_path / "old.db", "0009") as db:
        with db.session() as s:
            add_resident(s, "r", "김민수")
            for cid in ("c1", "c2"):
                s.add(Consultation(id=cid, resident_id="r", visit_date=date(2026, 5, 1)))
            s.flush()
            for name, cid, values in (
                ("암로디핀", "c1", {"morning": "1"}),
                ("메트포르민", "c1", {"evening": "1", "leftover": "20정"}),
                ("오래된 연고", "c1", {"action": "dispose"}),
                ("지운 약", "c1", {"morning": "1", "deleted": True}),
                ("와파린", "c2", {"as_needed": "통증 시"}),
            ):
                s.add(
                    MedicationEntry(id=new_id(), consultation_id=cid, name_as_found=name, **values)
                )
        expected = _recount_db(db)
        assert expected == {"c1": (2, 1, 1)}
        schema.upgrade(db)
        assert schema.current_revision(db) == schema.HEAD_REVISION
        with db.session(read_only=True) as s:
            kept = _kept(s)
        assert kept == {
            "c1": (2, 1, 1),
            "c2": (0, 0, 0),
        }


def _recount_db(db: Database) -> dict[str, tuple[int, int, int]]:
    with db.session(read_only=True) as s:
        rows = s.execute(text(RECOUNT)).all()
    return {r[0]: (r[1], r[2], r[3]) for r in rows if (r[1], r[2], r[3]) != (0, 0, 0)}
