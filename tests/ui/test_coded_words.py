"""One word per coded value: the screens (ui/labels.py through the compiled Qt catalogue), the
PDFs (reports/labels.py) and the documents' sentences (reports/document_content.py) say the
same word for every code of every coded enumeration, in Korean and in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from consultdesk.domain.consultation import Action, Intervention, ProblemCategory
from consultdesk.domain.medication import Adherence
from consultdesk.paths import resource_path
from consultdesk.reports import coded_words
from consultdesk.reports.fonts import register_fonts
from consultdesk.reports.labels import CODED_KEYS, LABELS, coded
from consultdesk.reports.samples import sample_summary
from consultdesk.reports.summary import build_consultation_summary_pdf
from consultdesk.services import documents
from consultdesk.services.documents import DocumentKind, DocumentRequest
from consultdesk.ui import i18n
from consultdesk.ui import labels as screen
from tests.reports.report_pdf_reading import build_to_memory
from tests.services.visit_data import make_visit

LANGS = ("ko", "en")


@pytest.fixture(params=LANGS)
def lang(request) -> Iterator[str]:
    i18n.install(request.param)
    yield request.param
    i18n.install("ko")


def every_code() -> list[tuple[str, str]]:
    return [(group, code) for group in coded_words.WORDS for code in coded_words.codes(group)]


def test_every_member_of_every_coded_enum_has_a_word() -> None:
    for group, enum in coded_words.ENUMS.items():
        assert set(coded_words.codes(group)) == {str(m.value) for m in enum}, group


def test_every_word_has_its_korean_in_the_catalogue() -> None:
    korean = coded_words.korean_words()
    for group, code in every_code():
        source = coded_words.english(group, code)
        assert korean.get(source), f"{group}.{code}: {source!r} has no Korean"


def test_screen_and_pdf_say_the_same_word(lang: str) -> None:
    for group, code in every_code():
        assert screen.coded(group, code) == coded_words.word(group, code, lang), (group, code)
    # Every coded label the PDFs print is the screen's word for that code.
    for key, (group, code) in CODED_KEYS.items():
        assert LABELS[lang][key] == screen.coded(group, code), key  # type: ignore[index]
    # The screens' choice lists are the table, in its order.
    assert screen.adherence_options() == [
        (a.value, coded_words.word("adherence", a, lang)) for a in Adherence
    ]


def test_misses_doses_is_often_missing_doses_everywhere(lang: str) -> None:
    register_fonts(resource_path("fonts"))  # once per process
    word = {"ko": "자주 빠뜨림", "en": "Often misses"}[lang]
    assert screen.option_label(screen.adherence_options(), "misses_doses") == word
    assert coded(Adherence.MISSES_DOSES, lang) == word  # type: ignore[arg-type]
    pdf = build_to_memory(build_consultation_summary_pdf, sample_summary(), lang)
    text = " ".join(pdf.text.split())  # a table cell may wrap the word
    assert word in text
    assert {"ko": "가끔", "en": "Misses doses"}[lang] not in text


def test_document_sentences_take_the_words_from_the_table(workspace, lang: str) -> None:
    visit = make_visit(workspace)
    request = DocumentRequest(DocumentKind.SUMMARY, visit.resident_id, lang=lang)  # type: ignore[arg-type]
    content = documents.prepare_document(workspace, request).content
    actions = {screen.coded("action", a) for a in Action}
    assert content.inventory and all(item.action in actions for item in content.inventory)
    assert content.resident.living_situation == screen.coded("living", "alone")
    for problem in content.problems:
        assert any(
            f"[{screen.coded('problem_category', c)}]" in problem.problem for c in ProblemCategory
        ), problem
        assert problem.intervention in {screen.coded("intervention", i) for i in Intervention}
    # The visit's resident stopped a medicine on their own: the summary's flag says so in the
    # inventory's word.
    stopped = screen.coded("adherence", Adherence.STOPPED_ON_OWN)
    assert stopped in {f.title for f in content.flags}
