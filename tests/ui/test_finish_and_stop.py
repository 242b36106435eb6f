"""Marking a medicine stopped, and finishing a session with flags still open, in the real
editor: what the pharmacist sees, and what the database keeps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from consultdesk.domain.consultation import Action, Status
from consultdesk.domain.rules import Severity
from consultdesk.services import consultations as svc
from consultdesk.services import flags as flag_service
from consultdesk.ui.consultation_editor import ConsultationEditor
from consultdesk.ui.medication_tables import NOT_TAKEN_FG, medication_columns
from tests.services.test_flags import IBUPROFEN, OMEPRAZOLE, WARFARIN, consultation_with
from tests.ui.modal import click_button, message_text, when_modal
from tests.ui.test_row_tables_roundtrip import set_through_delegate

ACTION = next(i for i, c in enumerate(medication_columns()) if c.field == "action")


def open_editor(qtbot, workspace, *medicines, **fields) -> ConsultationEditor:
    data = consultation_with(workspace, *medicines, advice="약은 식후에 드세요", **fields)
    editor = ConsultationEditor(workspace)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    assert editor.open(data.id)
    return editor


def medication_flags(editor: ConsultationEditor) -> list[flag_service.FlagView]:
    return [v for v in editor.current_flags() if v.flag.kind == "medication"]


def test_a_stopped_medicine_stays_listed_greyed_and_raises_no_interaction(qtbot, workspace):
    editor = open_editor(qtbot, workspace, WARFARIN, IBUPROFEN, OMEPRAZOLE)
    involved = {name for v in medication_flags(editor) for name in v.items}
    assert IBUPROFEN[0] in involved  # warfarin + ibuprofen: a bleeding risk
    set_through_delegate(editor.med_table, editor.medications.index(1, ACTION), Action.STOP.value)
    qtbot.waitUntil(lambda: editor.save_state() == "saved", timeout=5000)
    # Still in the inventory, visibly not taken.
    assert editor.medications.rowCount() == 3
    name = editor.medications.index(1, 0)
    assert name.data() == IBUPROFEN[0]
    assert name.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert name.data(Qt.ItemDataRole.ForegroundRole) == NOT_TAKEN_FG
    assert editor.medications.index(1, ACTION).data() == "중단"
    # …and out of every rule: nothing involves the stopped medicine any more.
    assert all(IBUPROFEN[0] not in v.items for v in medication_flags(editor))
    # Reopened from the database, it is still stopped and still listed.
    cid = editor.data.id
    assert editor.close_consultation()
    assert editor.open(cid)
    assert editor.medications.rowCount() == 3
    assert editor.medications.index(1, ACTION).data(Qt.ItemDataRole.EditRole) == "stop"


def test_finishing_with_unreviewed_flags_asks_once_with_the_counts(qtbot, workspace):
    editor = open_editor(qtbot, workspace, WARFARIN, IBUPROFEN)
    high, _moderate = flag_service.unreviewed_counts(editor.current_flags())
    assert high >= 1
    seen = []
    when_modal(click_button("돌아가서 검토하기"), seen)
    editor.finish_button.click()
    assert len(seen) == 1
    assert f"높음 {high}건" in message_text(seen[0])
    assert editor.data.status is Status.DRAFT  # went back to review
    # Review them all: finishing no longer asks.
    for view in editor.current_flags():
        if view.flag.severity in (Severity.HIGH, Severity.MODERATE):
            editor.decide_flag(view.key, flag_service.CONFIRMED, "")
    assert flag_service.unreviewed_counts(editor.current_flags()) == (0, 0)
    editor.finish_button.click()  # no prompt arranged: a prompt here would fail the test
    assert editor.data.status is Status.FINAL


def test_finish_anyway_finishes_after_one_question(qtbot, workspace):
    editor = open_editor(qtbot, workspace, WARFARIN, IBUPROFEN)
    seen = []
    when_modal(click_button("그래도 마치기"), seen)
    editor.finish_button.click()
    assert len(seen) == 1
    assert editor.data.status is Status.FINAL
    assert svc.load_consultation(workspace, editor.data.id).status is Status.FINAL


def test_the_editor_fits_a_1366_by_768_laptop_screen(qtbot, workspace):
    """Every tab of the editor scrolls rather than pushing the window past the screen (a title
    bar and a taskbar take about 70 px of the 768)."""
    from consultdesk.ui.main_window import MainWindow

    data = consultation_with(workspace, WARFARIN, IBUPROFEN, OMEPRAZOLE)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 698)
    window.show()
    assert window.open_consultation(data.id)
    # A message under the header (a failed save) does not grow the window either.
    window.resize(1366, window.minimumSizeHint().height() + 120)
    before = window.height()
    window.editor.problem_display.show_text("디스크 공간이 부족합니다. " * 12)
    assert window.height() == before
    window.resize(1366, 698)
    for tab in range(window.editor.tabs.count()):
        window.editor.tabs.setCurrentIndex(tab)
        hint = window.minimumSizeHint()
        assert hint.height() <= 698 and hint.width() <= 1366, (tab, hint)
        assert window.height() <= 698, (tab, window.height())


def test_deleting_the_draft_that_is_open_closes_it_without_bringing_it_back(
    qtbot, workspace, monkeypatch
):
    from consultdesk.ui.main_window import MainWindow
    from consultdesk.ui.timeline_view import TimelineWidget

    data = consultation_with(workspace, WARFARIN)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.open_consultation(data.id)
    window.editor.advice.setPlainText("아직 저장 전인 글")  # an edit waiting for autosave
    window.show_resident(data.resident_id)
    timeline = window.residents.panel.timeline
    timeline.list.setCurrentRow(0)
    monkeypatch.setattr(TimelineWidget, "confirm_delete", lambda self, title, text: True)
    timeline.delete_draft()
    assert window.editor.data is None
    assert window.nav.count() == window.stack.count() - 1  # its entry left the navigation
    qtbot.wait(1500)  # longer than autosave: nothing writes the deleted draft again
    assert svc.load_consultation(workspace, data.id) is None
