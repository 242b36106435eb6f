"""The rules reference (docs/rules.md): every bundled rule, written out from the data, so that a
pharmacist can review the whole set without reading JSON.

`render_reference` is pure: the same rules and catalog give the same text, so a test can tell
when docs/rules.md is out of date (regenerate with ``python tools/rules_reference.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from consultdesk.domain.medication import Ingredient
from consultdesk.domain.rules.matching import Match
from consultdesk.domain.rules.model import (
    AdherenceRule,
    AllOfRule,
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


@dataclass(frozen=True, slots=True)
class Named:
    """One catalog ingredient, to name the codes a rule lists."""

    atc: str
    name_ko: str
    name_en: str


def render_reference(
    rules: RuleSet,
    catalog: Sequence[Named],
    combinations: Iterable[tuple[str, Sequence[Ingredient]]] = (),
) -> str:
    """Markdown for every rule of the set, family by family."""
    names = _Names(catalog)
    out: list[str] = [
        "# Medication flag rules",
        "",
        "Generated from `resources/rules/*.json`, `resources/catalog/classes.csv`,",
        "`resources/catalog/combinations.csv` and the catalog by",
        "`python tools/rules_reference.py`.",
        "Do not edit by hand: a test fails when this file no longer matches the data.",
        "",
        "Each rule lists what it matches (ATC codes or prefixes, with the catalog ingredients they",
        "cover, and names for ingredients WHO has not coded), its severity, its reason in Korean",
        "and English, and its source. Imported MFDS DUR files add rules of their own at run time;",
        "they are not listed here.",
        "",
    ]
    unverified = [info for info in rules.all_infos() if not info.verified]
    out += ["## Rules with a fact not checked against a published source", ""]
    if unverified:
        out += [f"- `{info.id}`: {info.note}" for info in unverified]
    else:
        out.append("None.")
    out.append("")
    sections: list[tuple[str, Sequence[object]]] = [
        ("Counts", rules.counts),
        ("Duplicates", rules.duplicates),
        ("Class duplicates across ATC groups", rules.groups),
        ("Several medicines together", (*rules.all_of, *rules.class_counts)),
        ("Interactions", rules.interactions),
        ("Older adults", rules.older_adults),
        ("Anticholinergic burden", rules.burden),
        ("High-alert medicines", rules.high_alert),
        ("Adherence", rules.adherence),
    ]
    for title, family in sections:
        if not family:
            continue
        out += [f"## {title}", ""]
        for rule in family:
            out += _rule(rule, names)
        if title == "Older adults":
            for info in rules.age_unknown:
                out += _block(info, ["fires when the age is unknown and a medicine matches"])
    out += _scores(rules)
    out += _same_substance(rules)
    out += _classes(rules.classes)
    out += _combinations(combinations)
    return "\n".join(out).rstrip() + "\n"


class _Names:
    def __init__(self, catalog: Sequence[Named]) -> None:
        self._rows = sorted(
            {(c.atc, c.name_ko, c.name_en) for c in catalog if c.atc}, key=lambda r: r
        )

    def covered(self, prefix: str, exclude: tuple[str, ...] = ()) -> str:
        found = [
            f"{en} {ko}"
            for atc, ko, en in self._rows
            if atc.startswith(prefix) and not (exclude and atc.startswith(exclude))
        ]
        return ", ".join(dict.fromkeys(found))


def _match(match: Match, names: _Names) -> str:
    parts = []
    for code in match.atc:
        covered = names.covered(code, match.exclude)
        parts.append(f"`{code}` ({covered})" if covered else f"`{code}`")
    if match.names:
        parts.append("names: " + ", ".join(f"`{n}`" for n in match.names))
    text = "; ".join(parts)
    excluded = [f"`{code}`" for code in match.exclude]
    excluded += [f"`{n}`" for n in match.exclude_names]
    if excluded:
        text += "; except " + ", ".join(excluded)
    return text


def _rule(rule: object, names: _Names) -> list[str]:
    info: RuleInfo = rule.info  # type: ignore[attr-defined]
    lines: list[str] = []
    if isinstance(rule, PairRule):
        lines = [f"first: {_match(rule.first, names)}", f"second: {_match(rule.second, names)}"]
    elif isinstance(rule, IngredientRule):
        lines = [f"from age {rule.min_age}: {_match(rule.match, names)}"]
    elif isinstance(rule, GroupRule):
        lines = [_match(rule.match, names)]
        if rule.regular_only:
            lines.append("regular medicines only (an as-needed one does not count)")
    elif isinstance(rule, HighAlertRule):
        lines = [_match(rule.match, names)]
    elif isinstance(rule, AllOfRule):
        lines = [f"part {n + 1}: {_match(p, names)}" for n, p in enumerate(rule.parts)]
        lines.append("every part present, in at least two different medicines")
    elif isinstance(rule, ClassCountRule):
        lines = [f"at least {rule.at_least} medicines of: {_match(rule.match, names)}"]
    elif isinstance(rule, CountRule):
        lines = [f"{rule.measure} at least {rule.at_least}"]
    elif isinstance(rule, DuplicateRule):
        lines = [f"level: {rule.level}"]
        if rule.exclude:
            lines.append("not for: " + ", ".join(f"`{c}`" for c in rule.exclude))
    elif isinstance(rule, AdherenceRule):
        only = ", regular medicines only" if rule.regular_only else ""
        lines = [f"adherence: {rule.adherence.value}{only}"]
    else:
        at_least = getattr(rule, "at_least", None)
        grades = getattr(rule, "grades", ())
        lines = [f"total at least {at_least}"]
        lines += [f"total at least {n}: {severity.value}" for n, severity in grades]
    return _block(info, lines)


def _block(info: RuleInfo, lines: list[str]) -> list[str]:
    out = [f"### `{info.id}` — {info.severity.value}", ""]
    out += [f"- {line}" for line in lines]
    out += [
        f"- 한국어: {info.reason_ko}",
        f"- English: {info.reason_en}",
        f"- Source: {info.source}",
    ]
    if not info.verified:
        out.append(f"- **Not verified**: {info.note}")
    elif info.note:
        out.append(f"- Note: {info.note}")
    out.append("")
    return out


def _scores(rules: RuleSet) -> list[str]:
    if not rules.anticholinergic_scores:
        return []
    out = ["## Anticholinergic scores", ""]
    out += ["| ATC | ingredient | 성분 | score |", "|---|---|---|---|"]
    for s in sorted(rules.anticholinergic_scores, key=lambda s: (-s.score, s.name_en)):
        out.append(f"| `{s.atc}` | {s.name_en} | {s.name_ko} | {s.score} |")
    return [*out, ""]


def _same_substance(rules: RuleSet) -> list[str]:
    if not rules.same_substance:
        return []
    out = ["## ATC codes of one substance", ""]
    out += ["- " + " = ".join(f"`{c}`" for c in codes) for codes in rules.same_substance]
    return [*out, ""]


def _classes(classes: Sequence[IngredientClass]) -> list[str]:
    if not classes:
        return []
    out = [
        "## Classes of ingredients without an ATC code (`resources/catalog/classes.csv`)",
        "",
        "| ingredient | 성분 | class | verified | source |",
        "|---|---|---|---|---|",
    ]
    for c in classes:
        verified = "yes" if c.verified else "no"
        out.append(f"| {c.name_en} | {c.name_ko} | `{c.atc_class}` | {verified} | {c.source} |")
    return [*out, ""]


def _combinations(combinations: Iterable[tuple[str, Sequence[Ingredient]]]) -> list[str]:
    rows = list(combinations)
    if not rows:
        return []
    out = [
        "## Combination codes taken apart (`resources/catalog/combinations.csv`)",
        "",
        "| code | ingredients |",
        "|---|---|",
    ]
    for code, parts in rows:
        shown = ", ".join(f"{p.name_en} `{p.atc}`" if p.atc else p.name_en for p in parts)
        out.append(f"| `{code}` | {shown} |")
    return [*out, ""]
