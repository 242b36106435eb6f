"""problem_count (migration 0013): the per-session problem counts the measures read, kept by
triggers on drug_problem, give what a count of the problem rows themselves gives (the query
the measures ran before the table existed) after every kind of write: a new session, an edited
list (a category, an intervention or an outcome changed, a problem added or removed), a deleted
session, a row removed outright, a category this release does not know, the demo's bulk fill,
and the upgrade of a database that already holds problems."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import text

from consultdesk.demo import fill_demo
from consultdesk.domain.consultation import Intervention, ProblemCategory, ProblemRow
from consultdesk.domain.ids import new_id
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations
from consultdesk.services.residents import save_resident
from consultdesk.services.workspace import Workspace
from consultdesk.storage import measures_repo, schema
from consultdesk.storage.database import Database
from consultdesk.storage.models import Consultation, DrugProblemEntry
from tests.consent_helpers import consent_to_health_info
from tests.storage.old_schema import add_resident, database_at

# The count as it was made before the table existed: every live problem row, grouped.
RECOUNT = (
    "SELECT consultation_id, category, count(*), sum(trim(outcome) <> ''), "
    "sum(intervention = 'advice'), sum(intervention = 'contact_prescriber') "
    "FROM drug_problem WHERE deleted = 0 GROUP BY consultation_id, category "
    "ORDER BY consultation_id, category"
)


def _recount(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.session(read_only=True) as s:
        rows = s.execute(text(RECOUNT)).all()
    out: dict[str, list[tuple[object, ...]]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(tuple(r))
    return out


def _counts(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.session(read_only=True) as s:
        kept = measures_repo.problem_counts(s)
    return {k: [tuple(row) for row in v] for k, v in kept.items()}


def _problem(category: ProblemCategory, **values: object) -> ProblemRow:
    return ProblemRow(id=new_id(), category=category, description="설명", **values)  # type: ignore[arg-type]


def _per_category(rows: list[tuple[object, ...]]) -> dict[object, object]:
    return {row[1]: row[2] for row in rows}


def _of_them(rows: list[tuple[object, ...]]) -> tuple[int, int, int]:
    """Problems with an outcome written, with advice given, with the prescriber contacted."""
    return (
        sum(int(row[3]) for row in rows),  # type: ignore[call-overload]
        sum(int(row[4]) for row in rows),  # type: ignore[call-overload]
        sum(int(row[5]) for row in rows),  # type: ignore[call-overload]
    )


def test_counts_follow_every_edit_of_the_problems(workspace: Workspace) -> None:
    rid = save_resident(workspace, ResidentDraft("김민수", birth_date="1940-03-02"))
    consent_to_health_info(workspace, rid, on=date(2026, 4, 1))
    cid = consultations.start_consultation(workspace, rid, today=date(2026, 5, 1))
    data = consultations.open_consultation(workspace, cid)
    problems = (
        _problem(ProblemCategory.ADHERENCE, outcome="복용 달력 사용"),
        _problem(ProblemCategory.ADHERENCE, intervention=Intervention.CONTACT_PRESCRIBER),
        _problem(ProblemCategory.DUPLICATION),
        _problem(ProblemCategory.STORAGE, intervention=Intervention.REFER_CASE_WORKER),
    )
    data = replace(data, problems=problems)
    consultations.save_consultation(workspace, data)
    counts = _counts(workspace.db)
    assert counts == _recount(workspace.db)
    assert _per_category(counts[cid]) == {"adherence": 2, "duplication": 1, "storage": 1}
    assert _of_them(counts[cid]) == (1, 2, 1)

    # a category, an intervention and an outcome changed; one removed, one added
    edited = (
        replace(problems[0], category=ProblemCategory.ADVERSE_EFFECT),
        replace(problems[1], intervention=Intervention.ADVICE, outcome="처방 변경됨"),
        problems[3],
        _problem(ProblemCategory.COST),
    )
    data = replace(data, problems=edited)
    consultations.save_consultation(workspace, data)
    counts = _counts(workspace.db)
    assert counts == _recount(workspace.db)
    assert _per_category(counts[cid]) == {
        "adverse_effect": 1,
        "adherence": 1,
        "storage": 1,
        "cost": 1,
    }
    assert _of_them(counts[cid]) == (2, 3, 0)

    second = consultations.start_consultation(workspace, rid, today=date(2026, 5, 2))
    other = consultations.open_consultation(workspace, second)
    consultations.save_consultation(
        workspace, replace(other, problems=(_problem(ProblemCategory.INTERACTION),))
    )
    assert set(_counts(workspace.db)) == {cid, second}
    assert _counts(workspace.db) == _recount(workspace.db)

    # the list emptied: the session counts nothing (its rows stay at zero, left out)
    consultations.save_consultation(workspace, replace(data, problems=()))
    assert _counts(workspace.db) == _recount(workspace.db)
    assert set(_counts(workspace.db)) == {second}

    # a category a newer release (or another laptop) wrote, and rows removed outright
    with workspace.db.session() as s:
        for category in ("polypharmacy", "polypharmacy", "other"):
            s.execute(
                text(
                    "INSERT INTO drug_problem (id, consultation_id, position, category, "
                    "description, intervention, outcome, deleted) "
                    "VALUES (:id, :c, 9, :cat, '', 'advice', '', 0)"
                ),
                {"id": new_id(), "c": second, "cat": category},
            )
    counts = _counts(workspace.db)
    assert counts == _recount(workspace.db)
    assert _per_category(counts[second]) == {"interaction": 1, "other": 1, "polypharmacy": 2}
    # one whose name holds the separators a joined text would use: counted, nothing breaks
    with workspace.db.session() as s:
        s.execute(
            text(
                "INSERT INTO drug_problem (id, consultation_id, position, category, "
                "description, intervention, outcome, deleted) "
                "VALUES (:id, :c, 10, :cat, '', 'advice', '', 0)"
            ),
            {"id": new_id(), "c": second, "cat": "새\x1e분류\x1f2"},
        )
    assert _counts(workspace.db) == _recount(workspace.db)
    with workspace.db.session() as s:
        s.execute(text("DELETE FROM drug_problem WHERE consultation_id = :c"), {"c": second})
    assert _counts(workspace.db) == _recount(workspace.db) == {}


def test_a_deleted_session_counts_no_problem(workspace: Workspace) -> None:
    rid = save_resident(workspace, ResidentDraft("이영희", birth_date="1938-01-05"))
    consent_to_health_info(workspace, rid, on=date(2026, 4, 1))
    cid = consultations.start_consultation(workspace, rid, today=date(2026, 5, 1))
    data = consultations.open_consultation(workspace, cid)
    consultations.save_consultation(
        workspace, replace(data, problems=(_problem(ProblemCategory.EFFECTIVENESS),))
    )
    assert set(_counts(workspace.db)) == {cid}
    consultations.delete_consultation(workspace, cid)
    assert _counts(workspace.db) == _recount(workspace.db) == {}


def test_counts_of_the_demo_fill_match_its_problems(workspace: Workspace) -> None:
    fill_demo(workspace, residents=40, sessions=150)
    counts = _counts(workspace.db)
    assert counts == _recount(workspace.db)
    assert len(counts) > 50


def test_the_migration_counts_the_problems_already_there(tmp_path: Path) -> None:
    with database_at(tmp_path / "old.db", "0012") as db:
        with db.session() as s:
            add_resident(s, "r", "김민수")
            for cid in ("c1", "c2"):
                s.add(Consultation(id=cid, resident_id="r", visit_date=date(2026, 5, 1)))
            s.flush()
            for cid, category, values in (
                ("c1", "adherence", {"outcome": "해결"}),
                ("c1", "adherence", {"intervention": "contact_prescriber"}),
                ("c1", "cost", {}),
                ("c1", "storage", {"deleted": True}),
                ("c2", "storage", {"deleted": True}),
            ):
                s.add(
                    DrugProblemEntry(id=new_id(), consultation_id=cid, category=category, **values)
                )
        expected = _recount(db)
        assert set(expected) == {"c1"}
        schema.upgrade(db)
        assert schema.current_revision(db) == schema.HEAD_REVISION
        assert _counts(db) == expected
