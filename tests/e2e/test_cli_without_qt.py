"""Headless commands never load Qt: the command line reads the app's catalogue itself
(consultdesk/catalogue.py). PySide6 costs a third of a second to import and its import hook
slows every import after it, on every `consultdesk` command a script or a pharmacist runs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from consultdesk import catalogue
from consultdesk.paths import resource_path
from tests.python_process import run_python

PASS = "headless passphrase"
RUN_CLI = """
import sys
from consultdesk.cli import main
code = main(sys.argv[1:])
print("qt_loaded=" + str(any(name.startswith("PySide6") for name in sys.modules)))
sys.exit(code)
"""


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_python(RUN_CLI, *args, CONSULTDESK_PASSPHRASE=PASS, LANG="ko_KR.UTF-8")


def test_set_up_listing_and_a_refused_export_load_no_qt_and_speak_korean(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    created = _cli("--data-dir", data, "init", "--name", "무창약사")
    assert created.returncode == 0, created.stderr
    assert "qt_loaded=False" in created.stdout
    listed = _cli("--data-dir", data, "residents")
    assert listed.returncode == 0 and "qt_loaded=False" in listed.stdout, listed.stderr
    refused = _cli("--data-dir", data, "export", "referral", "--resident", "x", "--out", "a.pdf")
    assert refused.returncode == 1
    assert "qt_loaded=False" in refused.stdout
    assert "사유" in refused.stderr  # the download reason, asked in Korean from the catalogue


@pytest.mark.parametrize(
    ("value", "language"),
    [
        ("ko_KR.UTF-8", "ko"),
        ("en_US.UTF-8", "en"),
        ("en_GB", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("ja_JP.UTF-8", "ko"),  # Korean users first: anything not English is Korean
    ],
)
def test_the_system_language_is_taken_as_the_app_takes_it(
    value: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", value)
    assert catalogue.system_language() == language


def test_the_saved_choice_is_read_from_the_apps_settings_file(tmp_path: Path) -> None:
    assert catalogue.saved_language(tmp_path) == "system"
    (tmp_path / "settings.ini").write_text("[General]\nlanguage=en\n", encoding="utf-8")
    assert catalogue.saved_language(tmp_path) == "en"
    (tmp_path / "settings.ini").write_text("not an ini file", encoding="utf-8")
    assert catalogue.saved_language(tmp_path) == "system"


def test_the_catalogue_read_without_qt_agrees_with_qts_for_every_finished_message() -> None:
    from PySide6.QtCore import QTranslator

    table = catalogue.read_ts(resource_path("i18n/consultdesk_ko.ts"))
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n/consultdesk_ko.qm")))
    assert len(table) > 500
    for (context, source), text in table.items():
        if "%n" in source:
            continue  # a count: Qt picks the form by the number
        assert translator.translate(context, source) == text, (context, source)
