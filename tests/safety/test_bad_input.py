"""Held-out bad input (issue 12): every text a person types goes through one check before
anything is stored, on a real encrypted database."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consultdesk.domain.consultation import MedicationRow, ObservedRisk, Visit
from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services import residents
from tests.safety.helpers import resident_for_consultations

RRN = "８００１０１－１２３４５６７"


@pytest.fixture
def consultation(workspace):
    rid = resident_for_consultations(
        workspace, ResidentDraft(name="홍길동", birth_date="1944-03-02")
    )
    return svc.open_consultation(workspace, svc.start_consultation(workspace, rid))


def _codes(error: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in error.value.problems}


@pytest.mark.parametrize(
    "field", ["form", "morning", "noon", "evening", "bedtime", "as_needed", "strength"]
)
def test_a_number_in_any_medication_cell_is_refused_and_not_stored(workspace, consultation, field):
    row = MedicationRow(id=new_id(), name_as_found="암로디핀", **{field: f"x {RRN}"})
    with pytest.raises(ValidationFailed) as error:
        svc.save_consultation(workspace, replace(consultation, medications=(row,)))
    assert ("medications", "rrn_refused") in _codes(error)
    assert svc.load_consultation(workspace, consultation.id).medications == ()


def test_a_number_in_the_visit_time_or_a_screening_answer_is_refused(workspace, consultation):
    visit = replace(consultation.visit, visit_time="800101\u20111234567")
    with pytest.raises(ValidationFailed) as error:
        svc.save_consultation(
            workspace,
            replace(consultation, visit=visit, screening={"q1": "a", "q2": ["b", f"메모 {RRN}"]}),
        )
    assert _codes(error) == {("visit_time", "rrn_refused"), ("screening", "rrn_refused")}
    stored = svc.load_consultation(workspace, consultation.id)
    assert stored.visit.visit_time == consultation.visit.visit_time and stored.screening == {}


def test_zero_width_spaces_do_not_hide_a_number_in_an_observation(workspace, consultation):
    risk = ObservedRisk(text="번호 800101-\u200b1234567")
    with pytest.raises(ValidationFailed) as error:
        svc.save_consultation(workspace, replace(consultation, observed=(risk,)))
    assert _codes(error) == {("observed", "rrn_refused")}


def test_a_lone_surrogate_in_a_name_is_a_validation_message(workspace):
    with pytest.raises(ValidationFailed) as error:
        residents.save_resident(workspace, ResidentDraft(name="김\ud800순"))
    assert _codes(error) == {("name", "text_unreadable")}
    assert residents.search_residents(workspace, "")[1] == 0


def test_a_lone_surrogate_in_a_session_is_a_validation_message(workspace, consultation):
    with pytest.raises(ValidationFailed) as error:
        svc.save_consultation(workspace, replace(consultation, advice="물\udc00"))
    assert _codes(error) == {("advice", "text_unreadable")}


def test_ordinary_text_in_every_cell_still_saves(workspace, consultation):
    row = MedicationRow(
        id=new_id(), name_as_found="암로디핀", form="정제", morning="1", bedtime="½", as_needed="-"
    )
    data = replace(
        consultation, medications=(row,), visit=Visit(consultation.visit.visit_date, "14:30")
    )
    svc.save_consultation(workspace, data)
    assert svc.load_consultation(workspace, consultation.id).medications[0].bedtime == "½"
