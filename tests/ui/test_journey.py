"""A whole visit, as a new pharmacist makes it, through the real main window: keys and mouse
clicks on the real widgets, every dialog answered on screen, and the database checked at the end.

set-up → a welfare centre and its case worker → a resident, and the consent-first prompt → a
consultation of 8 medicines typed with the keyboard → every dropdown of one medicine changed
(조치 = 중단) → a drug problem with a category → the social screening → finish, with the
unreviewed-flags prompt → a referral sheet exported → consent withdrawn, and the referral blocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QWidget,
)

from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.consultation import Action, Intervention, ProblemCategory, Source, Status
from consultdesk.domain.medication import Adherence
from consultdesk.services import consultations as svc
from consultdesk.services import documents
from consultdesk.services.access_log import DownloadReason
from consultdesk.services.residents import search_residents
from consultdesk.ui.catalog_completer import CatalogCompleter
from consultdesk.ui.centres_view import CaseWorkerDialog, CentreDialog
from consultdesk.ui.consent_dialog import ConsentDialog, WithdrawConsentDialog
from consultdesk.ui.download_reason import DownloadReasonDialog
from consultdesk.ui.export_dialog import ExportDialog
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.resident_dialog import ResidentDialog
from consultdesk.ui.start import SetupDialog
from tests.ui.modal import click_button, message_text, when_modal
from tests.ui.test_consultation_editor import MEDICINES as KEYBOARD_MEDICINES
from tests.ui.windows import laptop_window

PASSPHRASE = "journey passphrase 2026"
# The catalog medicines of the keyboard test (the last two there are free text).
MEDICINES = [m for m in KEYBOARD_MEDICINES if m[2] is not None][:8]
ZOLPIDEM_ROW = 7


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type as a person does: Latin keys as key presses, Hangul as the input method delivers it
    (a committed string; QTest cannot press a Hangul key)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def ok_button(dialog: QWidget) -> QAbstractButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def choose(qtbot, combo: QComboBox, data: object) -> None:
    """Pick an entry of a combo box with the keyboard, as a person tabbing through a form."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    while combo.currentIndex() < target:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    while combo.currentIndex() > target:
        qtbot.keyClick(combo, Qt.Key.Key_Up)


def click_list_item(qtbot, widget: QListWidget, row: int) -> None:
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def activate(qtbot, window: QWidget) -> None:
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()


def click_tab(qtbot, tabs, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def go_to(qtbot, window: MainWindow, area: QWidget) -> None:
    click_list_item(qtbot, window.nav, window.stack.indexOf(area))
    assert window.stack.currentWidget() is area


def focused_line_edit(view) -> QLineEdit:
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit), focused
    assert focused.parent() is view.viewport()
    return focused


def click_cell(qtbot, view, row: int, column: int) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pick_in_cell(qtbot, view, row: int, column: int, code: str) -> None:
    """Click a choice cell, open its editor with F2, move to the choice with the arrow keys,
    and commit with Tab."""
    click_cell(qtbot, view, row, column)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox), combo
    choose(qtbot, combo, code)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    index = view.model().index(row, column)
    assert index.data(Qt.ItemDataRole.EditRole) == code


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def set_up(qtbot, data_dir: Path):
    dialog = SetupDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "박약사")
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    type_text(qtbot, dialog.again, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        click(qtbot, ok_button(dialog))
    assert dialog.workspace is not None
    return dialog.workspace


def add_centre_and_worker(qtbot, window: MainWindow) -> None:
    centres = window.centres
    go_to(qtbot, window, centres)

    def centre(dialog):
        assert isinstance(dialog, CentreDialog)
        type_text(qtbot, dialog.edits["name"], "햇살종합사회복지관")
        type_text(qtbot, dialog.edits["district"], "서울 관악구")
        type_text(qtbot, dialog.edits["phone"], "02-123-4567")
        click(qtbot, ok_button(dialog))

    when_modal(centre)
    click(qtbot, centres.add_centre)
    assert centres.centre_list.count() == 1
    click_list_item(qtbot, centres.centre_list, 0)

    def worker(dialog):
        assert isinstance(dialog, CaseWorkerDialog)
        type_text(qtbot, dialog.edits["name"], "박사례")
        type_text(qtbot, dialog.edits["phone"], "010-2222-3333")
        type_text(qtbot, dialog.edits["email"], "case.worker@example.org")
        click(qtbot, ok_button(dialog))

    when_modal(worker)
    click(qtbot, centres.add_worker)
    assert centres.worker_list.count() == 1


def add_resident(qtbot, window: MainWindow) -> str:
    view = window.residents
    go_to(qtbot, window, view)

    def fill(dialog):
        assert isinstance(dialog, ResidentDialog)
        type_text(qtbot, dialog.name, "김순자")
        type_text(qtbot, dialog.birth_date, "1941. 5. 9.")
        type_text(qtbot, dialog.phone, "010-5555-6666")
        choose(qtbot, dialog.centre, dialog.centre.itemData(dialog.centre.count() - 1))
        choose(
            qtbot, dialog.case_worker, dialog.case_worker.itemData(dialog.case_worker.count() - 1)
        )
        click(qtbot, ok_button(dialog))

    when_modal(fill)
    click(qtbot, view.new_button)
    rows, _ = search_residents(window.ws, "김순자")
    assert len(rows) == 1
    return rows[0].id


def record_consent(qtbot, dialog, kind: ConsentKind) -> None:
    assert isinstance(dialog, ConsentDialog)
    assert dialog.kind.currentData() == kind.value
    choose(qtbot, dialog.method, "written")
    click(qtbot, ok_button(dialog))


def start_with_consent_first(qtbot, window: MainWindow, resident_id: str) -> list[str]:
    prompts: list[str] = []

    def prompt(box):
        prompts.append(message_text(box))
        when_modal(lambda dialog: record_consent(qtbot, dialog, ConsentKind.HEALTH_INFO))
        click_button("동의 기록…")(box)

    when_modal(prompt)
    click(qtbot, window.residents.panel.timeline.new_button)
    assert window.stack.currentWidget() is window.editor
    return prompts


def type_medicines(qtbot, window: MainWindow) -> None:
    editor = window.editor
    table = editor.med_table
    activate(qtbot, window)  # the dialogs before took the focus with them
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter starts the first row
    for i, (name, strength, _atc) in enumerate(MEDICINES):
        cell = focused_line_edit(table)
        qtbot.keyClicks(cell, name)
        completer = cell.findChild(CatalogCompleter)
        qtbot.waitUntil(completer.is_open, timeout=10_000)
        qtbot.keyClick(cell, Qt.Key.Key_Tab)  # takes the suggestion; skips the ingredient
        cell = QApplication.focusWidget()
        if not isinstance(cell, QLineEdit):  # not editing yet: the first key opens the cell
            qtbot.keyClicks(table, strength[0])
            qtbot.keyClicks(focused_line_edit(table), strength[1:])
        else:
            cell.selectAll()
            qtbot.keyClicks(cell, strength)
        qtbot.keyClick(focused_line_edit(table), Qt.Key.Key_Tab)  # -> morning
        if not isinstance(QApplication.focusWidget(), QLineEdit):
            qtbot.keyClicks(table, "1")
        else:
            qtbot.keyClicks(focused_line_edit(table), "1")
        if i < len(MEDICINES) - 1:
            qtbot.keyClick(focused_line_edit(table), Qt.Key.Key_Return)  # next medicine
            qtbot.waitUntil(lambda n=i: editor.medications.rowCount() == n + 2)
        else:
            qtbot.keyClick(focused_line_edit(table), Qt.Key.Key_Tab)


def column(model, field: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.field == field)


@pytest.mark.slow
def test_a_whole_visit_through_the_main_window(qtbot, data_dir, tmp_path, monkeypatch):
    ws = set_up(qtbot, data_dir)
    window = laptop_window(qtbot, ws)
    try:
        add_centre_and_worker(qtbot, window)
        resident = add_resident(qtbot, window)
        prompts = start_with_consent_first(qtbot, window, resident)
        assert len(prompts) == 1 and "동의가 기록되어 있지 않습니다" in prompts[0]
        editor = window.editor
        cid = editor.data.id

        type_medicines(qtbot, window)
        meds = editor.medications
        # Every dropdown of one medicine, through its real editor, with the keyboard.
        pick_in_cell(qtbot, editor.med_table, ZOLPIDEM_ROW, column(meds, "source"), Source.OTC)
        pick_in_cell(
            qtbot,
            editor.med_table,
            ZOLPIDEM_ROW,
            column(meds, "adherence"),
            Adherence.MISSES_DOSES.value,
        )
        pick_in_cell(qtbot, editor.med_table, ZOLPIDEM_ROW, column(meds, "action"), Action.STOP)
        qtbot.keyClick(editor.med_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert editor.save_state() == "saved", editor.message.text()

        # A drug-related problem with a category.
        click_tab(qtbot, editor.tabs, 1)
        problems = editor.problems
        editor.problem_table.setFocus()
        qtbot.keyClick(editor.problem_table, Qt.Key.Key_Return)  # starts the first problem
        assert problems.rowCount() == 1
        pick_in_cell(
            qtbot,
            editor.problem_table,
            0,
            column(problems, "category"),
            ProblemCategory.ADVERSE_EFFECT,
        )
        click_cell(qtbot, editor.problem_table, 0, column(problems, "description"))
        qtbot.keyClick(editor.problem_table, Qt.Key.Key_F2)
        type_text(qtbot, focused_line_edit(editor.problem_table), "밤에 어지러워 넘어질 뻔함")
        qtbot.keyClick(focused_line_edit(editor.problem_table), Qt.Key.Key_Tab)
        pick_in_cell(
            qtbot,
            editor.problem_table,
            0,
            column(problems, "intervention"),
            Intervention.CONTACT_PRESCRIBER,
        )

        # The social screening: one answer clicked.
        click_tab(qtbot, editor.tabs, 2)
        radios = [r for r in editor.screening.findChildren(QRadioButton) if r.isVisible()]
        assert radios
        click(qtbot, radios[-1])
        assert radios[-1].isChecked()
        qtbot.waitUntil(lambda: editor.save_state() == "saved", timeout=5000)

        # Finish: the unreviewed flags are counted in one question.
        finish_prompts = []
        when_modal(click_button("그래도 마치기"), finish_prompts)
        click(qtbot, editor.finish_button)
        assert len(finish_prompts) == 1
        assert "검토하지 않음" in message_text(finish_prompts[0])
        assert editor.data.status is Status.FINAL

        # The record, read back from the database.
        saved = svc.load_consultation(ws, cid)
        assert [m.ingredients[0].atc for m in saved.medications] == [a for *_, a in MEDICINES]
        assert [m.strength for m in saved.medications] == [s for _, s, _ in MEDICINES]
        stopped = saved.medications[ZOLPIDEM_ROW]
        assert (stopped.source, stopped.adherence, stopped.action) == (
            Source.OTC,
            Adherence.MISSES_DOSES,
            Action.STOP,
        )
        assert [(p.category, p.description, p.intervention) for p in saved.problems] == [
            (
                ProblemCategory.ADVERSE_EFFECT,
                "밤에 어지러워 넘어질 뻔함",
                Intervention.CONTACT_PRESCRIBER,
            )
        ]
        assert saved.screening
        click(qtbot, editor.close_button)
        assert window.stack.currentWidget() is window.residents

        # A referral sheet: consent to share first, then the documents dialog.
        panel = window.residents.panel
        when_modal(lambda dialog: record_consent(qtbot, dialog, ConsentKind.SHARE_WELFARE))
        click(qtbot, panel.record_buttons[ConsentKind.SHARE_WELFARE])
        assert documents.referral_blocked_reason(ws, resident) is None
        out = tmp_path / "의뢰서.pdf"
        monkeypatch.setattr(ExportDialog, "choose_file", classmethod(lambda cls, p, s: out))

        def give_reason(dialog):
            # A file with personal data: why it is downloaded (the sheet suggests 복지관 연계).
            assert isinstance(dialog, DownloadReasonDialog)
            assert dialog.choices[DownloadReason.WELFARE_REFERRAL].isChecked()
            click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

        def export(dialog):
            assert isinstance(dialog, ExportDialog)
            qtbot.waitUntil(lambda: dialog.current is not None, timeout=20_000)
            when_modal(give_reason)
            click(qtbot, dialog.save_button)
            qtbot.waitUntil(out.exists, timeout=20_000)
            dialog.reject()

        when_modal(export)
        click(qtbot, panel.documents.button)
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "김순자" in text

        # Consent to health information withdrawn: the referral is blocked, and says why.
        def withdraw(dialog):
            assert isinstance(dialog, WithdrawConsentDialog)
            click(qtbot, ok_button(dialog))

        when_modal(withdraw)
        click(qtbot, panel.withdraw_buttons[ConsentKind.HEALTH_INFO])
        assert documents.referral_blocked_reason(ws, resident) == "health_consent_withdrawn"
        assert "철회" in panel.documents.reason.text()
        assert svc.health_consent_block(ws, resident) == "health_consent_withdrawn"
    finally:
        window.close()
        ws.close()
