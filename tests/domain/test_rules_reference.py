"""docs/rules.md is generated from the rule data; it must say what the data says."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.rules import load_rules
from consultdesk.services.flags import bundled_rules_reference

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_up_to_date() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == bundled_rules_reference(), (
        "docs/rules.md is out of date: run .venv/bin/python tools/rules_reference.py"
    )


def test_every_rule_and_every_unverified_fact_is_listed() -> None:
    text = bundled_rules_reference()
    rules = load_rules(ROOT / "resources" / "rules")
    for info in rules.all_infos():
        assert f"### `{info.id}` — {info.severity.value}" in text, info.id
        assert info.reason_ko in text and info.reason_en in text and info.source in text
        if not info.verified:
            assert f"- `{info.id}`: {info.note}" in text
