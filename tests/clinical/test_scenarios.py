"""The clinical scenario suite: every scenario in tests/clinical/scenarios/, run through the
catalog search, the medication rows and the flag service exactly as the editor runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clinical.scenarios import (
    Scenario,
    ScenarioFileError,
    load_all,
    load_file,
    run,
)

SCENARIOS = load_all()


def test_the_suite_holds_at_least_80_scenarios() -> None:
    assert len(SCENARIOS) >= 80, len(SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    outcome = run(scenario)
    for expect in scenario.expect:
        hits = [v for v in outcome.views if expect.matches(v, outcome.names)]
        assert hits, f"{scenario.file} [{scenario.id}]: expected {expect}\n{outcome.describe()}"
        if expect.severity is not None:
            severities = {v.flag.severity for v in hits}
            assert expect.severity in severities, (
                f"{scenario.id}: {expect.rule} fired as {sorted(severities)}, "
                f"expected {expect.severity}\n{outcome.describe()}"
            )
    for absent in scenario.absent:
        hits = [v for v in outcome.views if absent.matches(v, outcome.names)]
        assert not hits, f"{scenario.file} [{scenario.id}]: must not fire {absent}\n" + (
            outcome.describe()
        )


def test_a_file_in_another_format_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ScenarioFileError, match="TOML"):
        load_all(tmp_path)


def test_an_expectation_naming_a_medicine_the_scenario_lacks_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[scenario]]\nid = "x"\nmedicines = ["와파린"]\n'
        '[[scenario.expect]]\nrule = "ddi.warfarin_nsaid"\nmedicines = ["이부프로펜"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ScenarioFileError, match="not among"):
        load_file(path)
