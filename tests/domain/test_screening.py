"""The social risk screening form, its answers, and the flags and services they suggest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consultdesk.domain.screening import (
    ScreeningAnswerError,
    ScreeningFormError,
    load_form,
    load_service_catalog,
    observation_flag,
    social_flags,
    validate_answers,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CATALOG = load_service_catalog(RESOURCES / "services" / "catalog.json")
FORM = load_form(RESOURCES / "screening" / "default.json", CATALOG)
REQUIRED_DOMAINS = {
    "housing",
    "food",
    "money",
    "utilities",
    "transport",
    "isolation",
    "loneliness",
    "safety",
    "support",
    "literacy",
    "memory",
    "medicine_cost",
}
REQUIRED_SERVICES = {
    "emergency_welfare",
    "basic_livelihood",
    "medical_cost",
    "housing_repair",
    "meal_support",
    "visiting_health",
    "emotional_support",
    "dementia_centre",
    "ltc_application",
}


def test_the_default_form_covers_every_domain_in_both_languages() -> None:
    assert {q.domain for q in FORM.questions} >= REQUIRED_DOMAINS
    for question in FORM.questions:
        assert question.text_ko and question.text_en and question.source
        assert all(a.label_ko and a.label_en for a in question.answers)


def test_the_catalog_has_the_services_the_programme_links_to() -> None:
    assert {s.id for s in CATALOG.services} >= REQUIRED_SERVICES
    assert all(s.description_ko and s.description_en for s in CATALOG.services)


def test_the_form_stays_short_enough_for_a_few_minutes() -> None:
    assert len(FORM.questions) <= 25


def test_food_running_out_often_raises_a_high_social_flag_with_meal_support() -> None:
    [flag] = social_flags(FORM, {"food_worry": "often"})
    assert flag.kind == "social"
    assert flag.severity == "high"
    assert "meal_support" in flag.services
    assert flag.key == "social.default.food_worry||often"
    assert flag.source


def test_reassuring_answers_raise_nothing() -> None:
    answers = {"food_worry": "never", "housing_conditions": ["none"], "feels_safe": "yes"}
    assert social_flags(FORM, answers) == []


def test_several_housing_problems_make_one_flag_with_the_worst_severity() -> None:
    [flag] = social_flags(FORM, {"housing_conditions": ["pests", "no_heating", "mould"]})
    assert flag.severity == "high"
    assert flag.params["answers"] == ("mould", "no_heating", "pests")
    assert set(flag.services) == {"housing_repair", "energy_support"}


def test_a_changed_answer_changes_the_key_so_a_dismissal_does_not_hide_it() -> None:
    [sometimes] = social_flags(FORM, {"food_worry": "sometimes"})
    [often] = social_flags(FORM, {"food_worry": "often"})
    assert sometimes.key != often.key


def test_loneliness_items_add_up_to_a_flag_from_six() -> None:
    lonely = {
        "lonely_company": "often",
        "lonely_left_out": "some_of_the_time",
        "lonely_cut_off": "hardly_ever",
    }
    [flag] = social_flags(FORM, lonely)
    assert flag.rule_id == "social.default.loneliness"
    assert flag.params["total"] == 6
    not_lonely = {**lonely, "lonely_company": "some_of_the_time"}
    assert social_flags(FORM, not_lonely) == []


def test_flags_come_most_severe_first() -> None:
    answers = {"reading_labels": "sometimes", "harmed": "yes", "transport": "sometimes"}
    assert [f.severity for f in social_flags(FORM, answers)] == ["high", "moderate", "low"]


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        ({"no_such_question": "yes"}, "unknown_question"),
        ({"food_worry": "maybe"}, "unknown_answer"),
        ({"food_worry": ["never", "often"]}, "single_choice"),
        ({"housing_conditions": ["none", "mould"]}, "exclusive_answer"),
        ({"housing_conditions": ["mould", "mould"]}, "repeated_answer"),
    ],
)
def test_answers_that_do_not_fit_the_form_are_refused(
    answers: dict[str, object], reason: str
) -> None:
    with pytest.raises(ScreeningAnswerError) as caught:
        validate_answers(FORM, answers)  # type: ignore[arg-type]
    assert caught.value.reason_code == reason


def test_a_form_suggesting_a_service_missing_from_the_catalog_is_refused(tmp_path: Path) -> None:
    data = json.loads((RESOURCES / "screening" / "default.json").read_text(encoding="utf-8"))
    data["questions"][0]["answers"][1]["services"] = ["moon_shuttle"]
    path = tmp_path / "form.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ScreeningFormError, match="moon_shuttle"):
        load_form(path, CATALOG)


def test_a_pharmacist_observation_becomes_a_social_flag_with_a_stable_key() -> None:
    flag = observation_flag("냉장고가 거의  비어 있음", "high", ["meal_support", "food_bank"])
    again = observation_flag(" 냉장고가 거의 비어 있음 ", "high", ["food_bank", "meal_support"])
    assert flag.kind == "social" and flag.severity == "high"
    assert flag.reason_ko == "냉장고가 거의 비어 있음"
    assert flag.services == ("food_bank", "meal_support")
    assert flag.key == again.key
    assert flag.key != observation_flag("집에 곰팡이가 많음", "high").key


def test_an_empty_observation_is_refused() -> None:
    with pytest.raises(ValueError):
        observation_flag("   ", "low")
