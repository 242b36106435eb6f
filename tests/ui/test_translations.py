"""Korean and English catalogues are complete, and every translation keeps the placeholders."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from consultdesk.ui.messages import known_codes

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_catalogue_is_complete_and_keeps_placeholders(lang):
    root = ET.parse(ROOT / "resources" / "i18n" / f"consultdesk_{lang}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    for m in messages:
        source = m.find("source").text
        translation = m.find("translation")
        assert translation.get("type") is None, f"untranslated: {source!r}"
        assert translation.text, f"empty translation: {source!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)
        ), source


def test_korean_catalogue_is_really_korean():
    root = ET.parse(ROOT / "resources" / "i18n" / "consultdesk_ko.ts").getroot()
    texts = [m.find("translation").text for m in root.iter("message")]
    hangul = [t for t in texts if re.search("[가-힣]", t)]
    assert len(hangul) / len(texts) > 0.9


# The packages whose errors the UI shows.
SHOWN = ["domain", "storage", "services", "sync"]


def test_every_problem_code_raised_by_the_core_has_a_message():
    raised = set()
    paths = [p for package in SHOWN for p in (ROOT / "src" / "consultdesk" / package).rglob("*.py")]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        raised |= set(re.findall(r'Problem\(\s*"[a-z_]+",\s*"([a-z_]+)"', text))
        raised |= set(re.findall(r'^\s+code = "([a-z_]+)"', text, re.M))
    raised.discard("storage_error")
    assert raised, "the pattern found nothing: check the test"
    assert raised <= known_codes(), sorted(raised - known_codes())


def test_storage_failures_reach_the_person_in_korean():
    from consultdesk.storage.errors import (
        DatabaseMissing,
        DiskFull,
        MigrationFailed,
        WrongPassphrase,
    )
    from consultdesk.ui.messages import error_text

    expected = {
        WrongPassphrase(): "암호가 틀렸거나",
        DiskFull(): "디스크 공간이 부족합니다",
        MigrationFailed("alembic said no"): "원래 상태 그대로",
        DatabaseMissing("x"): "데이터베이스 파일이 없습니다",
    }
    for error, korean in expected.items():
        assert korean in error_text(error), type(error).__name__


def test_sync_failures_reach_the_person_in_korean_with_the_folder_named():
    from consultdesk.sync.errors import ShareUnavailable, WrongTeamPassphrase
    from consultdesk.ui.messages import error_text

    text = error_text(ShareUnavailable(path="Z:/팀폴더", detail="drive missing"))
    assert "공유 폴더에 연결할 수 없습니다" in text and "Z:/팀폴더" in text
    assert "팀 암호가 틀렸습니다" in error_text(WrongTeamPassphrase())
