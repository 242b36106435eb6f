"""Both languages say everything, with the same placeholders."""

from __future__ import annotations

from enum import Enum
from string import Formatter

import pytest

from consultdesk.reports.content import (
    Adherence,
    ConsentMethod,
    FlagKind,
    FlagStatus,
    Place,
    Present,
    Severity,
    Sex,
    Source,
)
from consultdesk.reports.labels import (
    CODED_PREFIXES,
    LABELS,
    LANGUAGES,
    UnknownLanguageError,
    coded,
    text,
)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_korean_is_the_first_language_and_english_the_second() -> None:
    assert LANGUAGES == ("ko", "en")


def test_both_languages_have_the_same_keys() -> None:
    assert set(LABELS["ko"]) == set(LABELS["en"])


def test_both_languages_use_the_same_placeholders() -> None:
    for key, korean in LABELS["ko"].items():
        assert _placeholders(korean) == _placeholders(LABELS["en"][key]), key


def test_no_label_is_empty() -> None:
    for lang, labels in LABELS.items():
        for key, value in labels.items():
            assert value.strip(), (lang, key)


@pytest.mark.parametrize(
    ("prefix", "enum"),
    [
        ("sex", Sex),
        ("consent.method", ConsentMethod),
        ("place", Place),
        ("source", Source),
        ("adherence", Adherence),
        ("flag_kind", FlagKind),
        ("flag_status", FlagStatus),
        ("present", Present),
        ("severity", Severity),
    ],
)
def test_every_coded_value_has_a_label(prefix: str, enum: type[Enum]) -> None:
    assert CODED_PREFIXES[enum.__name__] == prefix
    for member in enum:
        for lang in LANGUAGES:
            key = f"{prefix}.{member.value or 'unknown'}"  # "" is an unrecorded value
            assert key in LABELS[lang]
            assert coded(member, lang) == LABELS[lang][key]


def test_placeholders_are_filled() -> None:
    assert text("page.number", "ko", page=2, total=5) == "5쪽 중 2쪽"
    assert text("page.number", "en", page=2, total=5) == "Page 2 of 5"


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownLanguageError, match="ko, en"):
        text("referral.title", "fr")  # type: ignore[arg-type]
