from dataclasses import replace
from datetime import date

import pytest
from sqlmodel import select

from consultdesk.domain.consultation import (
    Action,
    MedicationRow,
    ProblemCategory,
    ProblemRow,
    Status,
)
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.storage.models import AuditEvent, MedicationEntry
from tests.change_rows import logged
from tests.consent_helpers import consent_to_health_info

AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")
METFORMIN = Ingredient("A10BA02", "메트포르민", "metformin")
ZOLPIDEM = Ingredient("N05CF02", "졸피뎀", "zolpidem")


def med(name, *ingredients, **fields):
    return MedicationRow(id=new_id(), name_as_found=name, ingredients=ingredients, **fields)


@pytest.fixture
def resident(workspace):
    rid = save_resident(workspace, ResidentDraft(name="홍길동", birth_date="1944-03-02"))
    consent_to_health_info(workspace, rid)
    return rid


def first_consultation(ws, resident_id, meds, day=date(2026, 10, 1)):
    cid = svc.start_consultation(ws, resident_id, today=day)
    data = svc.open_consultation(ws, cid)
    data = replace(data, medications=tuple(meds), advice="물을 충분히 드세요")
    svc.save_consultation(ws, data)
    return svc.open_consultation(ws, cid)


def test_a_draft_round_trips_with_rows_and_problems(workspace, resident):
    problem = ProblemRow(new_id(), ProblemCategory.ADHERENCE, "저녁 약을 자주 잊음")
    data = first_consultation(
        workspace,
        resident,
        [
            med("노바스크정 5mg", AMLODIPINE, morning="1", prescriber="동네내과"),
            med("할머니가 받은 파스", strength="", as_needed="1", form="topical"),
        ],
    )
    svc.save_consultation(workspace, replace(data, problems=(problem,)))
    loaded = svc.open_consultation(workspace, data.id)
    assert [m.name_as_found for m in loaded.medications] == ["노바스크정 5mg", "할머니가 받은 파스"]
    assert loaded.medications[0].ingredients == (AMLODIPINE,)
    assert not loaded.medications[1].matched
    assert loaded.problems == (problem,)
    assert loaded.number == 1 and loaded.status is Status.DRAFT


def test_saving_an_unchanged_session_writes_no_change_rows(workspace, resident):
    data = first_consultation(workspace, resident, [med("노바스크", AMLODIPINE, morning="1")])
    before = len(logged(workspace))
    svc.save_consultation(workspace, data)
    svc.save_consultation(workspace, data)
    assert len(logged(workspace)) == before


def test_a_removed_row_becomes_a_tombstone(workspace, resident):
    a, b = med("노바스크", AMLODIPINE), med("다이아벡스", METFORMIN)
    data = first_consultation(workspace, resident, [a, b])
    svc.save_consultation(workspace, replace(data, medications=(b,)))
    assert [m.id for m in svc.open_consultation(workspace, data.id).medications] == [b.id]
    with workspace.db.session() as s:
        gone = s.get(MedicationEntry, a.id)
        assert gone is not None and gone.deleted


def test_the_next_session_starts_from_the_previous_inventory(workspace, resident):
    kept = med("노바스크", AMLODIPINE, morning="1", action=Action.CONTINUE, leftover="20")
    stopped = med("스틸녹스", ZOLPIDEM, bedtime="1", action=Action.STOP)
    missed = med("다이아벡스", METFORMIN, adherence=Adherence.MISSES_DOSES, evening="1")
    first = first_consultation(workspace, resident, [kept, stopped, missed])
    second_id = svc.start_consultation(workspace, resident, today=date(2026, 11, 1))
    second = svc.open_consultation(workspace, second_id)
    assert second.number == 2
    assert [m.name_as_found for m in second.medications] == ["노바스크", "다이아벡스"]
    assert {m.id for m in second.medications}.isdisjoint({m.id for m in first.medications})
    assert second.medications[0].leftover == "" and second.medications[0].morning == "1"
    # What the pharmacist learnt stays until changed: the resident still misses doses.
    assert second.medications[1].adherence is Adherence.MISSES_DOSES
    # The first session is untouched.
    assert len(svc.open_consultation(workspace, first.id).medications) == 3


def test_finalising_checks_and_locks_then_an_amendment_keeps_the_old_text(workspace, resident):
    data = first_consultation(workspace, resident, [med("노바스크", AMLODIPINE, morning="1")])
    with pytest.raises(ValidationFailed) as err:
        svc.finalise_consultation(
            workspace,
            replace(data, next_visit=date(2026, 9, 1)),
            today=date(2026, 10, 2),
        )
    assert [p.code for p in err.value.problems] == ["next_visit_before_visit"]
    svc.finalise_consultation(workspace, data, today=date(2026, 10, 2))
    final = svc.open_consultation(workspace, data.id)
    assert final.status is Status.FINAL and not final.editable
    with pytest.raises(ValidationFailed) as err:
        svc.save_consultation(workspace, replace(final, advice="고침"))
    assert err.value.problems[0].code == "consultation_final"

    with pytest.raises(ValidationFailed):
        svc.amend_consultation(workspace, data.id, "  ")
    amending = svc.amend_consultation(workspace, data.id, "용량을 잘못 적음")
    assert amending.status is Status.AMENDING and amending.amendment_count == 1
    fixed = replace(
        amending, medications=(replace(amending.medications[0], morning="2"),), advice="고침"
    )
    svc.save_consultation(workspace, fixed)
    svc.finalise_consultation(workspace, fixed, today=date(2026, 10, 2))
    history = svc.consultation_history(workspace, data.id)
    assert [(v.version, v.reason) for v in history] == [(1, "용량을 잘못 적음")]
    assert history[0].snapshot["advice"] == "물을 충분히 드세요"
    assert history[0].snapshot["medications"][0]["morning"] == "1"
    now = svc.open_consultation(workspace, data.id)
    assert now.advice == "고침" and now.status is Status.FINAL
    with workspace.db.session() as s:
        actions = [a.action for a in s.exec(select(AuditEvent)) if a.entity == "consultation"]
    assert "finalise" in actions and "amend" in actions


def test_a_registration_number_is_refused_even_in_a_draft(workspace, resident):
    data = first_consultation(workspace, resident, [])
    with pytest.raises(ValidationFailed) as err:
        svc.save_consultation(workspace, replace(data, observations="주민번호 440302-1234567"))
    assert err.value.problems[0].code == "rrn_refused"
    assert svc.open_consultation(workspace, data.id).observations == ""


def test_comparing_two_sessions(workspace, resident):
    a = med("노바스크", AMLODIPINE, morning="1")
    z = med("스틸녹스", ZOLPIDEM, bedtime="1")
    p = ProblemRow(new_id(), ProblemCategory.ADHERENCE, "저녁 약을 잊음")
    first = first_consultation(workspace, resident, [a, z])
    svc.save_consultation(workspace, replace(first, problems=(p,)))
    second = svc.open_consultation(
        workspace, svc.start_consultation(workspace, resident, today=date(2026, 11, 1))
    )
    meds = [
        replace(m, morning="2") if m.name_as_found == "노바스크" else m for m in second.medications
    ]
    meds = [m for m in meds if m.name_as_found != "스틸녹스"] + [med("다이아벡스", METFORMIN)]
    svc.save_consultation(workspace, replace(second, medications=tuple(meds)))
    result = svc.compare_consultations(workspace, second.id, first.id)  # any order
    assert [c.name for c in result.added] == ["다이아벡스"]
    assert [c.name for c in result.stopped] == ["스틸녹스"]
    assert [(c.name, c.changes) for c in result.changed] == [("노바스크", ("morning",))]
    assert [r.description for r in result.problems_resolved] == ["저녁 약을 잊음"]


def test_timeline_and_follow_ups(workspace, resident):
    other = save_resident(workspace, ResidentDraft(name="김영희"))
    consent_to_health_info(workspace, other)
    done = first_consultation(workspace, resident, [med("노바스크", AMLODIPINE)])
    svc.save_consultation(workspace, replace(done, next_visit=date(2026, 11, 10)))
    later = first_consultation(workspace, other, [med("다이아벡스", METFORMIN)])
    svc.save_consultation(workspace, replace(later, next_visit=date(2026, 11, 20)))
    today = date(2026, 11, 18)  # a Wednesday; the week ends on Sunday 22nd
    due = svc.follow_up_list(workspace, today)
    assert [r.resident_name for r in due.overdue] == ["홍길동"]
    assert [r.resident_name for r in due.this_week] == ["김영희"]
    # A new session for 홍길동 is the visit that was due: no longer overdue.
    svc.start_consultation(workspace, resident, today=today)
    assert svc.follow_up_list(workspace, today).overdue == []
    timeline = svc.resident_timeline(workspace, resident)
    assert [t.number for t in timeline] == [2, 1]
    assert timeline[1].medicines == 1


def test_the_open_draft_is_offered_back_until_closed(workspace, resident):
    data = first_consultation(workspace, resident, [med("노바스크", AMLODIPINE)])
    svc.mark_editing(workspace, data.id)
    offer = svc.draft_to_recover(workspace)
    assert offer is not None and offer.resident_name == "홍길동" and offer.number == 1
    svc.mark_editing(workspace, None)
    assert svc.draft_to_recover(workspace) is None


def test_a_deleted_draft_is_not_offered(workspace, resident):
    data = first_consultation(workspace, resident, [med("노바스크", AMLODIPINE)])
    svc.mark_editing(workspace, data.id)
    svc.delete_consultation(workspace, data.id)
    assert svc.draft_to_recover(workspace) is None
    assert svc.resident_timeline(workspace, resident) == []
