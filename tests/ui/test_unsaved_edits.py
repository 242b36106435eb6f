"""A save that fails is never hidden, and nothing on screen is dropped without asking.

Two real failures: a full disk (SQLite's own "database or disk is full") and a repository that
raises something nobody expected (the kind of bug that once made every save fail while the
header kept saying "not saved yet…").
"""

from __future__ import annotations

import json
import stat
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consultdesk.domain.consultation import Action
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.storage import consultations_repo
from consultdesk.ui import errors
from consultdesk.ui.consultation_editor import ConsultationEditor
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.medication_tables import medication_columns
from tests.consent_helpers import consent_to_health_info
from tests.disk_full import disk_full
from tests.ui.modal import click_button, message_text, when_modal
from tests.ui.test_row_tables_roundtrip import set_through_delegate

ACTION = next(i for i, c in enumerate(medication_columns()) if c.field == "action")


@pytest.fixture
def window(qtbot, workspace):
    resident = save_resident(workspace, ResidentDraft(name="이말순", birth_date="1939-02-11"))
    consent_to_health_info(workspace, resident)
    cid = svc.start_consultation(workspace, resident, today=date(2026, 11, 20))
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    assert main.open_consultation(cid)
    editor = main.editor
    editor.med_table.add_row_after_current()
    set_through_delegate(editor.med_table, editor.medications.index(0, 0), "노바스크정 5mg")
    assert editor.save_now()
    return main


def broken_repository(monkeypatch):
    """The repository raises what nobody expected; returns the function that mends it."""
    original = consultations_repo.medication_values

    def fail(*_args, **_kwargs):
        raise AttributeError("'str' object has no attribute 'value'")

    monkeypatch.setattr(consultations_repo, "medication_values", fail)
    return lambda: monkeypatch.setattr(consultations_repo, "medication_values", original)


def test_an_unexpected_save_failure_turns_the_header_red_and_is_retried(
    qtbot, window, workspace, monkeypatch
):
    editor = window.editor
    mend = broken_repository(monkeypatch)
    set_through_delegate(editor.med_table, editor.medications.index(0, ACTION), Action.STOP.value)
    qtbot.waitUntil(lambda: editor.save_state() == "failed", timeout=5000)
    assert editor.saved_label.text() == "저장되지 않음"
    assert "#c0392b" in editor.saved_label.styleSheet()
    assert "로그 파일" in editor.message.text() and editor.message.isVisible()
    # The failure is not a crash: no error dialog claiming that everything is safe…
    assert errors.has_unsaved_work()
    monkeypatch.setattr(errors._State, "running", True)  # as once the main window is up
    assert "저장되지 않았습니다" in errors._texts()[1]
    # …and it is tried again by itself: once the fault is gone, the stop mark goes in.
    mend()
    qtbot.waitUntil(lambda: editor.save_state() == "saved", timeout=10_000)
    assert "저장됨" in editor.saved_label.text()
    saved = svc.load_consultation(workspace, editor.data.id).medications[0]
    assert saved.action is Action.STOP
    assert not errors.has_unsaved_work()
    assert "계속 작업하셔도 됩니다" in errors._texts()[1]


def test_closing_with_unsaved_edits_asks_and_keep_open_keeps_them(qtbot, window, workspace):
    editor = window.editor
    with disk_full(workspace.db):
        editor.advice.setPlainText("혈압약은 아침 식후에 드세요. " * 400)
        qtbot.waitUntil(lambda: editor.save_state() == "failed", timeout=5000)
        assert "디스크" in editor.message.text()
        seen = []
        when_modal(click_button("열어 두기"), seen)
        assert not editor.close_consultation()
        assert "저장되지 않았습니다" in message_text(seen[0])
        assert editor.data is not None and "혈압약" in editor.advice.toPlainText()
        assert window.stack.currentWidget() is editor
    # Room again: "try again" saves and closes.
    when_modal(click_button("다시 시도"))
    editor.advice.setPlainText("혈압약은 아침 식후에 드세요.")
    assert editor.close_consultation()
    assert window.stack.currentWidget() is window.residents


def test_try_again_while_the_disk_is_still_full_asks_again(qtbot, window, workspace):
    editor = window.editor
    with disk_full(workspace.db):
        editor.advice.setPlainText("저녁 약은 식후에. " * 400)
        answers = []

        def first(widget):
            answers.append("retry")
            click_button("다시 시도")(widget)
            when_modal(second)

        def second(widget):
            answers.append("keep")
            click_button("열어 두기")(widget)

        when_modal(first)
        assert not editor.close_consultation()
        assert answers == ["retry", "keep"]


def test_a_copy_to_a_file_keeps_the_edits_and_lets_the_session_close(
    qtbot, window, workspace, tmp_path, monkeypatch
):
    editor = window.editor
    copy = tmp_path / "사본.json"
    monkeypatch.setattr(
        ConsultationEditor, "ask_copy_path", staticmethod(lambda parent, suggested: str(copy))
    )
    with disk_full(workspace.db):
        editor.advice.setPlainText("변비약은 필요할 때만. " * 400)
        when_modal(click_button("사본을 파일로 저장…"))
        assert editor.close_consultation()
    saved = json.loads(copy.read_text(encoding="utf-8"))
    assert saved["advice"].startswith("변비약은 필요할 때만.")
    assert saved["medications"][0]["name_as_found"] == "노바스크정 5mg"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # health information: owner only


def test_quitting_with_unsaved_edits_asks_and_keep_open_keeps_the_window(qtbot, window, workspace):
    editor = window.editor
    with disk_full(workspace.db):
        editor.advice.setPlainText("물을 자주 드세요. " * 400)
        qtbot.waitUntil(lambda: editor.save_state() == "failed", timeout=5000)
        seen = []
        when_modal(click_button("열어 두기"), seen)
        with qtbot.waitActive(window):
            window.activateWindow()
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(focused, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # 끝내기
        assert len(seen) == 1  # the quit asked…
        assert window.isVisible()  # …and "keep it open" kept the window
        assert editor.data is not None and "물을 자주" in editor.advice.toPlainText()
    when_modal(click_button("다시 시도"))
    window.close()
    assert not window.isVisible()
    assert QApplication.activeModalWidget() is None
