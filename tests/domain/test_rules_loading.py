"""Every bundled rule file loads, and every rule says why (both languages) and who says so."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from consultdesk.domain.rules import RuleFileError, load_rule_file, load_rules
from consultdesk.domain.rules.matching import is_atc_prefix

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
FAMILIES = {
    "thresholds",
    "duplicates",
    "older_adults",
    "interactions",
    "anticholinergic",
    "high_alert",
    "adherence",
    "groups",
    "together",
}


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.json")), ids=lambda p: p.name)
def test_every_bundled_rule_file_loads_and_has_a_version(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"]
    assert data["family"] in FAMILIES
    load_rule_file(path)


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.json")), ids=lambda p: p.name)
def test_every_rule_has_a_source_and_both_languages(path: Path) -> None:
    for entry in json.loads(path.read_text(encoding="utf-8"))["rules"]:
        assert entry["id"]
        assert entry["severity"] in ("high", "moderate", "low")
        assert entry["source"].strip(), entry["id"]
        assert entry["reason_en"].strip() and entry["reason_en"].isascii(), entry["id"]
        assert any("\uac00" <= ch <= "\ud7a3" for ch in entry["reason_ko"]), entry["id"]


def test_all_families_are_bundled_with_unique_rule_ids() -> None:
    rules = load_rules(RULES_DIR)
    assert {family for family, _ in rules.versions} == FAMILIES
    ids = [info.id for info in rules.all_infos()]
    assert len(ids) == len(set(ids))


def test_rule_sets_are_as_large_as_the_programme_asked() -> None:
    rules = load_rules(RULES_DIR)
    assert len(rules.older_adults) >= 40
    assert len(rules.interactions) >= 30
    scores = {score.atc: score.score for score in rules.anticholinergic_scores}
    assert scores["N06AA09"] == 3  # amitriptyline, definite
    assert scores["B01AA03"] == 1  # warfarin, possible


def test_every_atc_code_in_the_bundled_rules_is_well_formed() -> None:
    rules = load_rules(RULES_DIR)
    matches = [r.match for r in rules.older_adults] + [r.match for r in rules.high_alert]
    matches += [m for r in rules.interactions for m in (r.first, r.second)]
    for match in matches:
        assert all(is_atc_prefix(code) for code in match.atc + match.exclude)
    assert all(len(s.atc) == 7 for s in rules.anticholinergic_scores)


def _write(tmp_path: Path, rule: Mapping[str, object], family: str = "older_adults") -> Path:
    path = tmp_path / "broken.json"
    doc = {"family": family, "version": "1", "rules": [rule]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


GOOD_RULE: dict[str, object] = {
    "id": "older.test",
    "atc": ["N05BA01"],
    "severity": "high",
    "reason_ko": "이유",
    "reason_en": "reason",
    "source": "test source",
}


def test_a_rule_without_a_source_is_refused(tmp_path: Path) -> None:
    rule = {k: v for k, v in GOOD_RULE.items() if k != "source"}
    with pytest.raises(RuleFileError, match="source"):
        load_rule_file(_write(tmp_path, rule))


def test_a_misspelt_atc_code_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="ATC"):
        load_rule_file(_write(tmp_path, {**GOOD_RULE, "atc": ["N5BA01"]}))


def test_an_unknown_severity_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="severity"):
        load_rule_file(_write(tmp_path, {**GOOD_RULE, "severity": "urgent"}))


def test_an_unknown_family_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="family"):
        load_rule_file(_write(tmp_path, GOOD_RULE, family="horoscope"))


def test_a_rule_id_used_twice_across_files_is_refused(tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        doc = {"family": "older_adults", "version": "1", "rules": [GOOD_RULE]}
        (tmp_path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleFileError, match="twice"):
        load_rules(tmp_path)


def test_a_file_that_is_not_json_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"bad\.json"):
        load_rule_file(path)
