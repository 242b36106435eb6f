"""Korean and English catalogues are complete, and every translation keeps the placeholders."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from consultdesk.ui.messages import known_codes

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
COUNT = re.compile(r"%L?n")
PLURAL_FORMS = {"ko": 1, "en": 2}  # Korean has one form; English singular and plural

sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402  (tools/i18n.py, the catalogue script)


def texts_of(message: ET.Element) -> list[str | None]:
    """The translation of a message: one text, or each plural form of a numerus one."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text for f in translation.findall("numerusform")]
    return [translation.text]


def check_message(message: ET.Element, lang: str) -> None:
    source = message.find("source").text
    translation = message.find("translation")
    assert translation.get("type") is None, f"untranslated: {source!r}"
    texts = texts_of(message)
    if message.get("numerus") == "yes":
        assert len(texts) == PLURAL_FORMS[lang], f"{len(texts)} plural forms: {source!r}"
        for text in texts:
            assert text and COUNT.search(text), f"a plural form without the count: {source!r}"
            assert "(s)" not in text, f"an English-style (s) left in: {text!r}"
        if lang == "en" and "(" in COUNT.sub("", source):
            assert texts[0] != texts[1], f"singular and plural are the same: {source!r}"
    else:
        assert not COUNT.search(source), f"a count outside Qt's plural forms: {source!r}"
    for text in texts:
        assert text, f"empty translation: {source!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), source


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_catalogue_is_complete_and_keeps_placeholders(lang):
    root = ET.parse(ROOT / "resources" / "i18n" / f"consultdesk_{lang}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    assert sum(m.get("numerus") == "yes" for m in messages) >= 15
    for m in messages:
        check_message(m, lang)


NUMERUS_TS = """<?xml version="1.0" encoding="utf-8"?>
<TS version="2.1" language="{lang}" sourcelanguage="en">
<context>
    <name>ResidentsView</name>
    <message numerus="yes">
        <source>%Ln resident(s)</source>
        <translation type="unfinished">{forms}</translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) (is|are) waiting</source>
        <translation type="unfinished">{forms}</translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def write_ts(path: Path, lang: str) -> Path:
    forms = "<numerusform></numerusform>" * PLURAL_FORMS[lang]
    path.write_text(NUMERUS_TS.format(lang=lang, forms=forms), encoding="utf-8")
    return path


def test_the_catalogue_tool_fills_english_plural_forms_and_korean_ones(tmp_path):
    en = write_ts(tmp_path / "en.ts", "en")
    assert len(i18n_tool.unfinished(en)) == 3
    i18n_tool.fill_english(en)
    assert i18n_tool.unfinished(en) == []
    root = ET.parse(en).getroot()
    messages = list(root.iter("message"))
    assert texts_of(messages[0]) == ["%Ln resident", "%Ln residents"]
    assert texts_of(messages[1]) == ["%n entry is waiting", "%n entries are waiting"]
    for m in messages:
        check_message(m, "en")
    i18n_tool.fill_english(en)  # again: finished forms are kept as they are
    assert texts_of(next(ET.parse(en).getroot().iter("message")))[1] == "%Ln residents"

    ko = write_ts(tmp_path / "ko.ts", "ko")
    filled = i18n_tool.fill_from(ko, {"%Ln resident(s)": "내담자 %Ln명", "Search": "찾기"})
    assert filled == 2
    left = i18n_tool.unfinished(ko)
    assert [m.find("source").text for m in left] == ["%n entr(y|ies) (is|are) waiting"]
    messages = list(ET.parse(ko).getroot().iter("message"))
    assert texts_of(messages[0]) == ["내담자 %Ln명"]
    check_message(messages[0], "ko")


def test_a_plural_message_without_all_its_forms_fails_the_check(tmp_path):
    en = write_ts(tmp_path / "en.ts", "en")
    i18n_tool.fill_english(en)
    tree = ET.parse(en)
    message = next(tree.getroot().iter("message"))
    translation = message.find("translation")
    translation.remove(translation.findall("numerusform")[1])  # the plural form lost
    with pytest.raises(AssertionError, match="1 plural forms"):
        check_message(message, "en")
    translation.findall("numerusform")[0].text = ""
    tree.write(en, encoding="utf-8")
    assert len(i18n_tool.unfinished(en)) == 1  # an empty form is unfinished work


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("en", "%Ln resident", "%Ln residents"), ("ko", "내담자 %Ln명", "내담자 %Ln명")],
)
def test_the_compiled_catalogue_picks_the_plural_form(tmp_path, lang, one, many):
    """The .ts as it is committed, compiled the way `make` does, then asked by Qt."""
    qm = tmp_path / f"consultdesk_{lang}.qm"
    ts = ROOT / "resources" / "i18n" / f"consultdesk_{lang}.ts"
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("ResidentsView", "%Ln resident(s)", "", 1) == one
    assert translator.translate("ResidentsView", "%Ln resident(s)", "", 2) == many


def test_korean_catalogue_is_really_korean():
    root = ET.parse(ROOT / "resources" / "i18n" / "consultdesk_ko.ts").getroot()
    texts = [t or "" for m in root.iter("message") for t in texts_of(m)]
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


# One Korean word per role everywhere a person reads it (issue 10): 내담자 for the resident,
# 사례담당자 for the case worker.
OTHER_WORDS = ("대상자", "사례관리자")
KOREAN_TEXT = [
    "resources/i18n/consultdesk_ko.ts",
    "src/consultdesk/reports/labels.py",
    "src/consultdesk/reports/document_words.py",
    *sorted(
        str(p.relative_to(ROOT))
        for folder in ("screening", "services")
        for p in (ROOT / "resources" / folder).rglob("*")
        if p.suffix in (".json", ".md", ".csv")
    ),
]


@pytest.mark.parametrize("path", KOREAN_TEXT)
def test_one_korean_word_per_role(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    # The documents' sentences name the pharmacist; the words that named the resident moved with
    # the coded values into the catalogue (listed first).
    seen = "내담자" in text or (path.endswith("document_words.py") and "약사" in text)
    assert seen or "resources/" in path, "the check must see the texts"
    for word in OTHER_WORDS:
        assert word not in text, f"{word} in {path}"


def test_the_action_continue_reads_keep_taking():
    root = ET.parse(ROOT / "resources" / "i18n" / "consultdesk_ko.ts").getroot()
    # The action's word is in the one table of coded words (reports/coded_words.py).
    labels = next(c for c in root.iter("context") if c.find("name").text == "CodedWords")
    continue_ = next(m for m in labels.iter("message") if m.find("source").text == "Continue")
    assert continue_.find("translation").text == "계속 복용"


def test_no_tr_call_hides_inside_an_f_string():
    """lupdate does not look inside f-string expressions: a text translated there is never
    extracted and stays English in the Korean UI ("No flags." in the flags panel did)."""
    pattern = re.compile(r"""\bf["'].*\{[^}\n]*\b(tr|translate)\(""")
    hidden = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "src" / "consultdesk" / "ui").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert hidden == []
