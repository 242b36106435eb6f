"""Issue 10: one date field everywhere — typed as 2026-11-21 or 2026. 11. 21., or picked in a
calendar with the mouse or the keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView

from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consent, residents
from consultdesk.ui.consent_dialog import ConsentDialog, WithdrawConsentDialog
from consultdesk.ui.date_field import DateField
from consultdesk.ui.resident_dialog import ResidentDialog
from consultdesk.ui.residents_view import ResidentPanel

BOTH_WAYS = ["1948-03-05", "1948. 3. 5.", "1948. 03. 05.", "1948.3.5", "1948년 3월 5일"]
BAD = ["1948-02-30", "1948. 13. 1.", "3/5/1948", "어제", "1948-03"]


@pytest.fixture
def kim(workspace):
    return residents.save_resident(workspace, ResidentDraft(name="김순자"))


def open_field(qtbot, text: str = "") -> DateField:
    field = DateField(text)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


def calendar_cell(field: DateField, row: int, column: int) -> tuple[QTableView, date]:
    """A cell of the calendar's month grid (row 0 is the weekday header) and its day."""
    assert field.calendar is not None
    view = field.calendar.findChild(QTableView)
    assert view is not None
    day = int(view.model().index(row, column).data())
    shown = field.calendar
    return view, date(shown.yearShown(), shown.monthShown(), day)


@pytest.mark.parametrize("text", BOTH_WAYS)
def test_the_resident_dialog_takes_a_birth_date_written_either_way(qtbot, workspace, text):
    dialog = ResidentDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name.insert("김순자")
    if text.isascii():
        qtbot.keyClicks(dialog.birth_date, text)
    else:  # QTest types ASCII only; Hangul comes through an input method
        dialog.birth_date.insert(text)
    assert dialog.age.text()  # the age follows what was typed
    dialog.submit()
    assert dialog.saved_id is not None, dialog.error.text()
    detail = residents.open_resident(workspace, dialog.saved_id)
    assert detail.data.birth_date == date(1948, 3, 5)


@pytest.mark.parametrize("text", BAD)
def test_a_date_that_cannot_be_read_is_refused_and_kept_on_screen(qtbot, workspace, text):
    dialog = ResidentDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name.insert("김순자")
    dialog.birth_date.setText(text)
    dialog.submit()
    assert dialog.saved_id is None
    assert "1948. 3. 5." in dialog.error.text() and "달력" in dialog.error.text()
    assert dialog.birth_date.text() == text
    assert residents.count_residents(workspace) == 0


@pytest.mark.parametrize(("text", "expected"), [("2026. 1. 5.", date(2026, 1, 5))])
def test_consent_dates_take_the_korean_form(qtbot, workspace, kim, text, expected):
    dialog = ConsentDialog(workspace, kim, ConsentKind.HEALTH_INFO)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.decided_on, DateField)
    dialog.decided_on.setText(text)
    dialog.submit()
    assert dialog.saved_id is not None, dialog.error.text()
    (record,) = consent.consents_for(workspace, kim)
    assert record.decided_on == expected
    withdraw = WithdrawConsentDialog(workspace, record.id)
    qtbot.addWidget(withdraw)
    assert isinstance(withdraw.on, DateField)
    withdraw.on.setText("2026. 2. 1.")
    withdraw.submit()
    (record,) = consent.consents_for(workspace, kim)
    assert record.withdrawn_on == date(2026, 2, 1)


def test_a_day_clicked_in_the_calendar_fills_the_field(qtbot):
    field = open_field(qtbot, "2026. 11. 21.")
    edited: list[str] = []
    field.textEdited.connect(edited.append)
    field.calendar_action.trigger()
    assert field.calendar is not None and field.calendar.isVisible()
    # It opens on the month of the date typed, with that day selected.
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (2026, 11)
    assert field.calendar.selectedDate() == QDate(2026, 11, 21)
    view, day = calendar_cell(field, 3, 2)  # a middle week: always this month
    with qtbot.waitSignal(field.date_picked) as picked:
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.visualRect(view.model().index(3, 2)).center(),
        )
    assert picked.args == [day]
    assert day.year == 2026 and day.month == 11
    assert field.text() == day.isoformat() and field.date() == day
    assert edited == [day.isoformat()]  # announced as the person's edit (autosave hears it)
    assert not field.calendar.isVisible()


def test_the_calendar_works_from_the_keyboard(qtbot):
    field = open_field(qtbot, "2026-11-21")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    view = calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # one day on, then one week on
    assert calendar.selectedDate() == QDate(2026, 11, 29)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert field.text() == "2026-11-29" and not calendar.isVisible()
    # Esc closes without changing anything.
    qtbot.keyClick(field, Qt.Key.Key_F4)
    assert calendar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not calendar.isVisible() and field.text() == "2026-11-29"


def test_an_empty_or_unreadable_field_opens_the_calendar_on_today(qtbot):
    field = open_field(qtbot, "언젠가")
    field.open_calendar()
    today = date.today()
    assert field.calendar.selectedDate() == QDate(today.year, today.month, today.day)
    assert field.date() is None


def test_the_birth_date_calendar_offers_no_day_after_today(qtbot, workspace):
    dialog = ResidentDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.birth_date.open_calendar()
    tomorrow = date.today() + timedelta(days=1)
    calendar = dialog.birth_date.calendar
    assert calendar.maximumDate() < QDate(tomorrow.year, tomorrow.month, tomorrow.day)


def test_a_read_only_field_has_no_calendar(qtbot):
    field = open_field(qtbot, "2026-11-21")
    field.setReadOnly(True)
    assert not field.calendar_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_F4)
    assert field.calendar is None or not field.calendar.isVisible()
    # A drop-in line edit: the usual calls still work.
    field.setReadOnly(False)
    field.setPlaceholderText("YYYY-MM-DD")
    field.setDate(date(2027, 1, 2))
    assert field.text() == "2027-01-02" and field.placeholderText() == "YYYY-MM-DD"


def test_the_residents_panel_birth_date_is_read_back(qtbot, workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김순자", birth_date="1948. 3. 5."))
    panel = ResidentPanel(workspace)
    qtbot.addWidget(panel)
    panel.show_resident(rid)
    assert "1948-03-05" in panel.summary.text()
