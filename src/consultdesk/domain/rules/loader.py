"""Read rule files (resources/rules/*.json) into a RuleSet, refusing anything malformed.

A programme may edit these files, so every problem is reported with the file and rule id
instead of surfacing later as a silently missing flag.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from consultdesk.domain.medication import Adherence
from consultdesk.domain.rules.flag import Severity
from consultdesk.domain.rules.matching import Match, is_atc_prefix, name_key
from consultdesk.domain.rules.model import (
    AdherenceRule,
    AllOfRule,
    AnticholinergicScore,
    BurdenRule,
    ClassCountRule,
    CountRule,
    DuplicateRule,
    GroupRule,
    HighAlertRule,
    IngredientClass,
    IngredientRule,
    PairRule,
    RuleInfo,
    RuleSet,
)


class RuleFileError(ValueError):
    """A rule file cannot be used; `where` names the file and, if known, the rule."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def load_rules(
    directory: Path,
    extra: Sequence[RuleSet] = (),
    classes: Sequence[IngredientClass] = (),
) -> RuleSet:
    """Every *.json rule file in `directory`, plus extra rule sets (e.g. imported DUR files) and
    the ATC classes of ingredients WHO has not coded (resources/catalog/classes.csv)."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise RuleFileError(str(directory), "no rule files (*.json) found")
    combined = RuleSet(classes=tuple(classes))
    for path in files:
        combined = combined.merged(load_rule_file(path))
    for rule_set in extra:
        combined = combined.merged(rule_set)
    _check_unique_ids(combined)
    return combined


def load_rule_file(path: Path) -> RuleSet:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleFileError(path.name, f"cannot read: {exc}") from exc
    return parse_rule_document(data, path.name)


def parse_rule_document(data: Any, where: str) -> RuleSet:
    if not isinstance(data, dict):
        raise RuleFileError(where, "top level must be an object")
    family = data.get("family")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise RuleFileError(where, "missing 'version'")
    parser = _FAMILIES.get(family) if isinstance(family, str) else None
    if parser is None:
        raise RuleFileError(
            where, f"unknown family {family!r}; expected one of {sorted(_FAMILIES)}"
        )
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(where, "'rules' must be a non-empty list")
    rule_set = parser(data, where)
    return RuleSet(**{**_fields(rule_set), "versions": ((str(family), version),)})


def _fields(rule_set: RuleSet) -> dict[str, Any]:
    names = (
        "counts",
        "duplicates",
        "older_adults",
        "interactions",
        "groups",
        "burden",
        "anticholinergic_scores",
        "high_alert",
        "adherence",
        "all_of",
        "class_counts",
        "age_unknown",
        "same_substance",
        "classes",
    )
    return {name: getattr(rule_set, name) for name in names}


def _check_unique_ids(rule_set: RuleSet) -> None:
    seen: set[str] = set()
    for info in rule_set.all_infos():
        if info.id in seen:
            raise RuleFileError(info.id, "rule id used twice")
        seen.add(info.id)


# --- reading single fields -------------------------------------------------------------------


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleFileError(where, f"'{key}' must be a non-empty string")
    return value.strip()


def _int(entry: Mapping[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = entry.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise RuleFileError(where, f"'{key}' must be a non-negative whole number")
    return value


def _info(entry: Any, where: str) -> RuleInfo:
    if not isinstance(entry, dict):
        raise RuleFileError(where, "each rule must be an object")
    rule_id = _text(entry, "id", where)
    here = f"{where} [{rule_id}]"
    try:
        severity = Severity(str(entry.get("severity")))
    except ValueError:
        raise RuleFileError(here, "'severity' must be high, moderate or low") from None
    verified = entry.get("verified", True)
    if not isinstance(verified, bool):
        raise RuleFileError(here, "'verified' must be true or false")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise RuleFileError(here, "'note' must be a string")
    if not verified and not note.strip():
        raise RuleFileError(here, "a rule marked 'verified': false needs a 'note' saying what")
    return RuleInfo(
        id=rule_id,
        severity=severity,
        reason_ko=_text(entry, "reason_ko", here),
        reason_en=_text(entry, "reason_en", here),
        source=_text(entry, "source", here),
        verified=verified,
        note=note.strip(),
    )


def _codes(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(where, f"'{key}' must be a list of ATC codes")
    codes = tuple(v.strip().upper() for v in value)
    bad = [c for c in codes if not is_atc_prefix(c)]
    if bad:
        raise RuleFileError(where, f"not a WHO ATC code at level 1, 2, 3, 4 or 5: {bad}")
    return codes


def _names(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    raw = entry.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
        raise RuleFileError(where, f"'{key}' must be a list of strings")
    return tuple(k for k in (name_key(n) for n in raw) if k)


def parse_match(entry: Any, where: str) -> Match:
    if not isinstance(entry, dict):
        raise RuleFileError(where, "a match must be an object with 'atc' and/or 'names'")
    names = _names(entry, "names", where)
    match = Match(
        atc=_codes(entry, "atc", where),
        exclude=_codes(entry, "exclude", where),
        names=names,
        exclude_names=_names(entry, "exclude_names", where),
    )
    if not match.atc and not match.names:
        raise RuleFileError(where, "a match needs at least one ATC code or name")
    return match


# --- one parser per family -------------------------------------------------------------------


def _rules(data: Mapping[str, Any]) -> list[Any]:
    return list(data["rules"])


def _thresholds(data: Mapping[str, Any], where: str) -> RuleSet:
    counts = []
    for entry in _rules(data):
        info = _info(entry, where)
        measure = entry.get("measure")
        if measure not in ("regular_medicines", "prescribers"):
            raise RuleFileError(
                f"{where} [{info.id}]", "'measure' must be regular_medicines or prescribers"
            )
        counts.append(CountRule(info, measure, _int(entry, "at_least", f"{where} [{info.id}]")))
    return RuleSet(counts=tuple(counts))


def _duplicates(data: Mapping[str, Any], where: str) -> RuleSet:
    rules = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        level = entry.get("level")
        if level not in ("ingredient", "class"):
            raise RuleFileError(here, "'level' must be ingredient or class")
        skip = entry.get("skip_other_groups", False)
        if not isinstance(skip, bool):
            raise RuleFileError(here, "'skip_other_groups' must be true or false")
        rules.append(DuplicateRule(info, level, _codes(entry, "exclude", here), skip))
    same: list[tuple[str, ...]] = []
    for n, group in enumerate(data.get("same_substance", [])):
        here = f"{where} [same_substance {n + 1}]"
        if not isinstance(group, dict):
            raise RuleFileError(here, "each entry must be an object with 'atc' and 'source'")
        codes = _codes(group, "atc", here)
        if len(codes) < 2 or any(len(c) != 7 for c in codes):
            raise RuleFileError(here, "'atc' must list two or more level-5 codes")
        _text(group, "source", here)
        same.append(codes)
    return RuleSet(duplicates=tuple(rules), same_substance=tuple(same))


def _older_adults(data: Mapping[str, Any], where: str) -> RuleSet:
    rules = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        rules.append(
            IngredientRule(info, parse_match(entry, here), _int(entry, "min_age", here, default=65))
        )
    unknown = data.get("age_unknown")
    age_unknown = (_info(unknown, f"{where} age_unknown"),) if unknown is not None else ()
    return RuleSet(older_adults=tuple(rules), age_unknown=age_unknown)


def _interactions(data: Mapping[str, Any], where: str) -> RuleSet:
    rules = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        rules.append(
            PairRule(
                info,
                parse_match(entry.get("first"), here + " first"),
                parse_match(entry.get("second"), here + " second"),
            )
        )
    return RuleSet(interactions=tuple(rules))


def _groups(data: Mapping[str, Any], where: str) -> RuleSet:
    rules = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        regular_only = entry.get("regular_only", False)
        if not isinstance(regular_only, bool):
            raise RuleFileError(here, "'regular_only' must be true or false")
        rules.append(GroupRule(info, parse_match(entry, here), regular_only))
    return RuleSet(groups=tuple(rules))


def _anticholinergic(data: Mapping[str, Any], where: str) -> RuleSet:
    burden = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        grades = []
        for grade in entry.get("grades", []):
            if not isinstance(grade, dict):
                raise RuleFileError(here, "each grade must be an object")
            try:
                level = Severity(str(grade.get("severity")))
            except ValueError:
                message = "a grade's 'severity' must be high, moderate or low"
                raise RuleFileError(here, message) from None
            _text(grade, "source", here)
            grades.append((_int(grade, "at_least", here), level))
        burden.append(BurdenRule(info, _int(entry, "at_least", here), tuple(grades)))
    raw_scores = data.get("scores")
    if not isinstance(raw_scores, list) or not raw_scores:
        raise RuleFileError(where, "'scores' must be a non-empty list")
    scores = []
    for entry in raw_scores:
        if not isinstance(entry, dict):
            raise RuleFileError(where, "each score must be an object")
        atc = _codes({"atc": [entry.get("atc", "")]}, "atc", where)[0]
        here = f"{where} [score {atc}]"
        score = _int(entry, "score", here)
        if score not in (1, 2, 3):
            raise RuleFileError(here, "'score' must be 1, 2 or 3")
        scores.append(
            AnticholinergicScore(
                atc, _text(entry, "name_en", here), _text(entry, "name_ko", here), score
            )
        )
    return RuleSet(burden=tuple(burden), anticholinergic_scores=tuple(scores))


def _high_alert(data: Mapping[str, Any], where: str) -> RuleSet:
    rules = []
    for entry in _rules(data):
        info = _info(entry, where)
        rules.append(HighAlertRule(info, parse_match(entry, f"{where} [{info.id}]")))
    return RuleSet(high_alert=tuple(rules))


def _adherence(data: Mapping[str, Any], where: str) -> RuleSet:
    rules = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        try:
            adherence = Adherence(entry.get("adherence"))
        except ValueError:
            choices = [a.value for a in Adherence]
            raise RuleFileError(here, f"'adherence' must be one of {choices}") from None
        regular_only = entry.get("regular_only", True)
        if not isinstance(regular_only, bool):
            raise RuleFileError(here, "'regular_only' must be true or false")
        rules.append(AdherenceRule(info, adherence, regular_only))
    return RuleSet(adherence=tuple(rules))


def _together(data: Mapping[str, Any], where: str) -> RuleSet:
    all_of = []
    counts = []
    for entry in _rules(data):
        info = _info(entry, where)
        here = f"{where} [{info.id}]"
        if "all_of" in entry:
            parts = entry["all_of"]
            if not isinstance(parts, list) or len(parts) < 2:
                raise RuleFileError(here, "'all_of' must list two or more matches")
            matches = tuple(parse_match(p, f"{here} part {n + 1}") for n, p in enumerate(parts))
            all_of.append(AllOfRule(info, matches))
        else:
            at_least = _int(entry, "at_least", here)
            if at_least < 2:
                raise RuleFileError(here, "'at_least' must be 2 or more")
            counts.append(ClassCountRule(info, parse_match(entry, here), at_least))
    return RuleSet(all_of=tuple(all_of), class_counts=tuple(counts))


_FAMILIES: dict[str, Callable[[Mapping[str, Any], str], RuleSet]] = {
    "thresholds": _thresholds,
    "duplicates": _duplicates,
    "older_adults": _older_adults,
    "interactions": _interactions,
    "groups": _groups,
    "anticholinergic": _anticholinergic,
    "high_alert": _high_alert,
    "adherence": _adherence,
    "together": _together,
}
