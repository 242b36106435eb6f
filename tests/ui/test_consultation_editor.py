"""The consultation editor driven like a pharmacist would: keyboard first, autosave, finish,
amend. Real widgets, a real encrypted workspace."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from consultdesk.domain.consultation import Status
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.ui.catalog_completer import CatalogCompleter
from consultdesk.ui.consultation_editor import ConsultationEditor
from consultdesk.ui.main_window import MainWindow
from tests.consent_helpers import consent_to_health_info

# (typed, strength, expected ATC or None for free text the catalog does not know)
MEDICINES = [
    ("amlodipine", "5mg", "C08CA01"),
    ("metformin", "500mg", "A10BA02"),
    ("atorvastatin", "10mg", "C10AA05"),
    ("omeprazole", "20mg", "A02BC01"),
    ("donepezil", "5mg", "N06DA02"),
    ("tamsulosin", "0.2mg", "G04CA02"),
    ("losartan", "50mg", "C09CA01"),
    ("zolpidem", "10mg", "N05CF02"),
    ("Qzx herbal tonic", "1 bottle", None),
    ("Wbq market pills", "2 tabs", None),
]


@pytest.fixture
def resident(workspace):
    rid = save_resident(workspace, ResidentDraft(name="홍길동", birth_date="1944-03-02"))
    consent_to_health_info(workspace, rid)
    return rid


@pytest.fixture
def editor(qtbot, workspace, resident):
    widget = ConsultationEditor(workspace)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    consultation = svc.start_consultation(workspace, resident, today=date(2026, 11, 20))
    assert widget.open(consultation)
    return widget


def cell_editor(view) -> QLineEdit:
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit), focused
    assert focused.parent() is view.viewport()
    return focused


def type_in_cell(qtbot, view, text: str) -> None:
    """Type as a person does: into the focused widget. Tab opens the next cell's editor; on a
    cell that is not being edited, the first key opens it and goes into it."""
    if not isinstance(QApplication.focusWidget(), QLineEdit):
        qtbot.keyClicks(view, text[0])
        text = text[1:]
    if text:
        qtbot.keyClicks(cell_editor(view), text)


def test_a_whole_session_of_ten_medicines_with_the_keyboard_only(qtbot, workspace, resident):
    window = MainWindow(workspace)  # the real editor, with the catalog completer
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    cid = svc.start_consultation(workspace, resident, today=date(2026, 11, 20))
    assert window.open_consultation(cid)
    editor = window.editor
    table = editor.med_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter starts the first row
    for i, (name, strength, atc) in enumerate(MEDICINES):
        cell = cell_editor(table)
        qtbot.keyClicks(cell, name)
        completer = cell.findChild(CatalogCompleter)
        if atc is not None:
            qtbot.waitUntil(completer.is_open)
        elif completer.is_open():
            qtbot.keyClick(cell, Qt.Key.Key_Escape)  # keep the free text
        qtbot.keyClick(cell, Qt.Key.Key_Tab)  # takes the suggestion; skips the ingredient
        type_in_cell(qtbot, table, strength)
        qtbot.keyClick(cell_editor(table), Qt.Key.Key_Tab)  # -> morning
        type_in_cell(qtbot, table, "1")
        if i < len(MEDICINES) - 1:
            qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)  # commit, next medicine
            qtbot.waitUntil(lambda n=i: editor.medications.rowCount() == n + 2)
        else:
            qtbot.keyClick(cell_editor(table), Qt.Key.Key_Tab)
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = svc.load_consultation(workspace, cid).medications
    assert [(m.strength, m.morning) for m in saved] == [(s, "1") for _, s, _ in MEDICINES]
    assert [m.ingredients[0].atc if m.matched else None for m in saved] == [
        atc for _, _, atc in MEDICINES
    ]
    assert saved[8].name_as_found == "Qzx herbal tonic"  # free text stays as typed
    assert "10" in editor.med_count.text()
    # The unmatched rows say so in the ingredient column.
    assert editor.medications.index(8, 1).data() == "미확인"
    assert editor.close_consultation()


def test_every_edit_reaches_the_database_without_saving(qtbot, editor, workspace):
    editor.tabs.setCurrentIndex(3)
    editor.advice.setPlainText("혈압약은 아침 식후에 드세요")
    qtbot.waitUntil(
        lambda: (
            svc.load_consultation(workspace, editor.data.id).advice == "혈압약은 아침 식후에 드세요"
        ),
        timeout=5000,
    )
    assert svc.draft_to_recover(workspace).consultation_id == editor.data.id


def test_a_malformed_date_is_explained_and_nothing_else_is_lost(qtbot, editor, workspace):
    editor.next_visit.setText("12월 5일쯤")
    editor.advice.setPlainText("물을 자주 드세요")
    assert not editor.save_now()
    assert "YYYY-MM-DD" in editor.message.text() or "년" in editor.message.text()
    saved = svc.load_consultation(workspace, editor.data.id)
    assert saved.advice == "물을 자주 드세요" and saved.next_visit is None
    assert editor.next_visit.text() == "12월 5일쯤"  # the text stays for the pharmacist
    editor.next_visit.setText("2026-12-05")
    assert editor.save_now()
    assert svc.load_consultation(workspace, editor.data.id).next_visit == date(2026, 12, 5)
    assert not editor.message.isVisible()


def test_the_minutes_take_full_width_digits_and_refuse_a_superscript(qtbot, editor, workspace):
    committed = QInputMethodEvent()  # what a Korean input method in full-width mode commits
    committed.setCommitString("４５")  # (QTest presses only Latin-1 keys)
    QApplication.sendEvent(editor.duration, committed)
    assert editor.save_now()
    assert svc.load_consultation(workspace, editor.data.id).visit.duration_min == 45
    editor.duration.clear()
    qtbot.keyClicks(editor.duration, "4²")  # a digit to str.isdigit, not to int(): explained
    editor.advice.setPlainText("물을 자주 드세요")
    assert not editor.save_now()
    assert editor.message.isVisible()
    saved = svc.load_consultation(workspace, editor.data.id)
    assert (saved.visit.duration_min, saved.advice) == (45, "물을 자주 드세요")
    assert editor.duration.text() == "4²"


def test_the_form_does_not_move_when_a_problem_is_shown_and_cleared(qtbot, editor):
    """The problem line above the tabs keeps its place: a field stays where the pointer is
    when a save's problem appears and when it is cleared."""
    editor.tabs.setCurrentIndex(3)
    qtbot.waitUntil(editor.duration.isVisible)

    def top() -> int:
        QApplication.processEvents()
        return editor.duration.mapTo(editor, editor.duration.rect().topLeft()).y()

    before = top()
    qtbot.keyClicks(editor.duration, "abc")
    assert not editor.save_now()
    assert editor.message.isVisible() and top() == before
    editor.duration.clear()
    qtbot.keyClicks(editor.duration, "45")
    assert editor.save_now()
    assert not editor.message.isVisible() and top() == before


def test_a_registration_number_is_refused_and_the_rest_kept_on_screen(editor, workspace):
    editor.observations.setPlainText("주민번호 440302-1234567 확인함")
    assert not editor.save_now()
    assert "주민등록번호" in editor.message.text()
    assert svc.load_consultation(workspace, editor.data.id).observations == ""
    editor.observations.setPlainText("복지관 담당자와 통화함")
    assert editor.save_now()


def test_finishing_locks_the_session_and_amending_keeps_the_old_version(
    qtbot, editor, workspace, monkeypatch
):
    editor.med_table.add_row_after_current()
    cell = cell_editor(editor.med_table)
    cell.setText("노바스크정")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    editor.advice.setPlainText("아침에 드세요")
    editor.finalise()
    assert editor.data.status is Status.FINAL
    assert editor.amend_button.isVisible() and not editor.finish_button.isVisible()
    assert editor.advice.isReadOnly()
    assert not editor.medications.flags(editor.medications.index(0, 0)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    assert svc.draft_to_recover(workspace) is None

    monkeypatch.setattr(ConsultationEditor, "ask_reason", staticmethod(lambda parent: "오타"))
    editor.amend()
    assert editor.data.status is Status.AMENDING and not editor.advice.isReadOnly()
    editor.advice.setPlainText("아침 식후에 드세요")
    editor.finalise()
    history = svc.consultation_history(workspace, editor.data.id)
    assert history[0].reason == "오타" and history[0].snapshot["advice"] == "아침에 드세요"
    assert editor.history_button.isVisible()


def test_finishing_an_empty_session_says_what_is_missing(editor):
    editor.finalise()
    assert editor.data.status is Status.DRAFT
    assert editor.message.isVisible() and editor.message.text()


def test_closing_saves_and_forgets_the_open_session(qtbot, editor, workspace, resident):
    closed = []
    editor.closed.connect(closed.append)
    editor.advice.setPlainText("마지막 메모")
    assert editor.close_consultation()
    assert closed == [resident]
    assert svc.draft_to_recover(workspace) is None
    assert svc.resident_timeline(workspace, resident)[0].status == "draft"


def test_choosing_a_product_fills_its_ingredients_strength_and_form(editor):
    from consultdesk.domain.catalog import CatalogIngredient, CatalogMatch, MatchRank, Product
    from consultdesk.services import catalog

    gel = Product("디클로페낙나트륨겔 1%", ("M02AA15",), (), ("diclofenac",))
    ingredient = CatalogIngredient("M02AA15", "디클로페낙", "diclofenac", ("1%",), "topical", "")
    match = CatalogMatch("product", gel.name, MatchRank.PREFIX, (ingredient,), gel)
    editor.med_table.add_row_after_current()
    editor._chosen(0, match)
    row = editor.medications.rows[0]
    assert row.name_as_found == "디클로페낙나트륨겔 1%" and row.matched
    assert row.strength == catalog.strength_suggestions(match)[0]
    assert row.form == "topical"  # a gel: the systemic checks leave it out
    assert not row.for_rules().acts_systemically


def test_a_full_disk_keeps_the_text_on_screen_and_saves_once_there_is_room(editor, workspace):
    from tests.disk_full import disk_full

    long_advice = "혈압약은 아침 식후에 드세요. " * 400  # needs new pages in the database
    with disk_full(workspace.db):
        editor.advice.setPlainText(long_advice)
        assert not editor.save_now()
        assert "디스크" in editor.message.text()
        assert editor.advice.toPlainText() == long_advice  # nothing typed is lost
        assert svc.load_consultation(workspace, editor.data.id).advice == ""
    assert editor.save_now()  # room again: the same text goes in
    assert svc.load_consultation(workspace, editor.data.id).advice == long_advice
    assert not editor.message.isVisible()


def test_the_earlier_version_is_shown_as_it_was(qtbot, editor, workspace, monkeypatch):
    from consultdesk.ui.consultation_editor import HistoryDialog
    from consultdesk.ui.timeline_view import TimelineWidget

    editor.med_table.add_row_after_current()
    editor.medications.setData(editor.medications.index(0, 0), "노바스크정")
    editor.medications.setData(editor.medications.index(0, 3), "1")
    editor.advice.setPlainText("아침에 드세요")
    editor.finalise()
    monkeypatch.setattr(ConsultationEditor, "ask_reason", staticmethod(lambda parent: "용량 오기"))
    editor.amend()
    editor.medications.setData(editor.medications.index(0, 3), "2")
    editor.finalise()
    editor.show_history()
    dialog = editor.findChild(HistoryDialog)
    text = dialog.text.toPlainText()
    assert "1번째 버전" in text and "용량 오기" in text
    assert "노바스크정" in text and "1 / - / - / - / -" in text and "아침에 드세요" in text
    dialog.close()
    timeline = TimelineWidget(workspace)
    qtbot.addWidget(timeline)
    timeline.show_resident(editor.data.resident_id)
    assert "(고침)" in timeline.list.item(0).text() and "완료" in timeline.list.item(0).text()
