"""A birth year alone (issue 11): the registered birthday of many older Koreans is not the real
one, so the pharmacist may record only the year; the older-adult checks then run on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from consultdesk.domain.medication import Ingredient
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft, birth_year_only, validate_resident
from consultdesk.services import flags, residents
from consultdesk.services.consultations import (
    load_consultation,
    save_consultation,
    start_consultation,
)
from tests.consent_helpers import consent_to_health_info
from tests.services.test_flags import medication

TODAY = date(2026, 12, 1)
ZOLPIDEM = ("스틸녹스정 10mg", Ingredient("N05CF02", "졸피뎀", "zolpidem"))


@pytest.mark.parametrize("text", ["1944", "1944년", "1944년생", "약 1944", "about 1944", " ~1944 "])
def test_a_year_alone_is_an_approximate_birth_date(text):
    assert birth_year_only(text) == 1944
    data, problems = validate_resident(ResidentDraft(name="김순자", birth_date=text), TODAY)
    assert problems == []
    assert data.birth_date == date(1944, 7, 1) and data.birth_approximate


@pytest.mark.parametrize("text", ["1944-03-02", "1944. 3. 2."])
def test_a_full_date_is_exact(text):
    data, _ = validate_resident(ResidentDraft(name="김순자", birth_date=text), TODAY)
    assert data.birth_date == date(1944, 3, 2) and not data.birth_approximate


@pytest.mark.parametrize("text", ["2030", "1800", "19444"])
def test_an_impossible_year_is_refused(text):
    _, problems = validate_resident(ResidentDraft(name="김순자", birth_date=text), TODAY)
    assert [p.field for p in problems] == ["birth_date"]


def test_the_year_is_kept_and_shown_as_a_year(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김순자", birth_date="약 1944"))
    detail = residents.open_resident(workspace, rid)
    assert detail.data.birth_approximate and detail.data.birth_date.year == 1944
    assert residents.draft_from(detail).birth_date == "1944"  # the form shows the year again
    # Saved again with a real date, it is exact.
    residents.save_resident(workspace, ResidentDraft(name="김순자", birth_date="1944-03-02"), rid)
    assert not residents.open_resident(workspace, rid).data.birth_approximate


def test_the_older_adult_checks_run_on_a_birth_year(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김순자", birth_date="1944"))
    consent_to_health_info(workspace, rid)
    cid = start_consultation(workspace, rid, today=date(2026, 3, 2))
    data = load_consultation(workspace, cid)
    save_consultation(workspace, replace(data, medications=(medication(*ZOLPIDEM),)))
    rule_ids = {v.flag.rule_id for v in flags.flags_for_consultation(workspace, cid)}
    assert "older.age_unknown" not in rule_ids
    assert any(r.startswith("older.") for r in rule_ids), rule_ids


def test_without_any_birth_date_the_checks_say_they_could_not_run(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김순자"))
    consent_to_health_info(workspace, rid)
    cid = start_consultation(workspace, rid, today=date(2026, 3, 2))
    data = load_consultation(workspace, cid)
    save_consultation(workspace, replace(data, medications=(medication(*ZOLPIDEM),)))
    rule_ids = {v.flag.rule_id for v in flags.flags_for_consultation(workspace, cid)}
    assert "older.age_unknown" in rule_ids


def test_a_refused_year_writes_nothing(workspace):
    with pytest.raises(ValidationFailed):
        residents.save_resident(workspace, ResidentDraft(name="김순자", birth_date="2999"))
    assert residents.count_residents(workspace) == 0
