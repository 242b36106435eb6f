"""One date field for every form: type 2026-11-21 or 2026. 11. 21. (or any form parse_date
reads), or pick the day in a calendar.

A drop-in QLineEdit: text(), setText(), setPlaceholderText(), textEdited and setReadOnly work as
before, so a form reads the text and validates it as it always did. The calendar opens from the
button at the end of the field, or with Alt+↓ / F4; in it the arrow keys move, Enter picks and
Esc closes. A picked day is written as 2026-11-21 and announced with ``textEdited`` (it is the
person's edit) and ``date_picked``.
"""

from __future__ import annotations

import datetime
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QWidget

from consultdesk.domain.dates import format_date, parse_date
from consultdesk.ui import style


def _calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn here (no image file to ship): a page with a red top and a grid."""
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    page = QRect(1, 2, size - 3, size - 4)
    p.setPen(QPen(QColor("#555555"), 1))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(page)
    p.fillRect(QRect(page.left() + 1, page.top() + 1, page.width() - 1, 3), QColor(style.ALERT))
    p.setPen(QPen(QColor("#777777"), 1))
    for i in range(3):
        for j in range(3):
            x = page.left() + 3 + i * (page.width() - 4) // 3
            y = page.top() + 6 + j * (page.height() - 7) // 3
            p.drawPoint(x, y)
            p.drawPoint(x + 1, y)
    p.end()
    return QIcon(pixmap)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateField(QLineEdit):
    """A line edit for a date, with a calendar button."""

    date_picked = Signal(object)  # datetime.date

    def __init__(
        self, text: str | datetime.date | None = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if isinstance(text, date):
            text = format_date(text)
        self.setText(text or "")
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._minimum: date | None = None
        self._maximum: date | None = None
        self.calendar: QCalendarWidget | None = None
        self.calendar_action = QAction(_calendar_icon(), self.tr("Choose in the calendar"), self)
        self.calendar_action.setToolTip(self.tr("Choose the date in a calendar (Alt+↓)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.setToolTip(self.tr("For example 2026-11-21 or 2026. 11. 21."))

    # --- the value ---------------------------------------------------------------------------

    def date(self) -> datetime.date | None:
        """The date typed or picked; None when the field is empty or cannot be read."""
        return parse_date(self.text())

    def setDate(self, value: datetime.date | None) -> None:
        self.setText(format_date(value))

    def set_range(
        self, minimum: datetime.date | None = None, maximum: datetime.date | None = None
    ) -> None:
        """Days the calendar offers (typing is checked by the form, as before)."""
        self._minimum, self._maximum = minimum, maximum

    def setReadOnly(self, read_only: bool) -> None:
        super().setReadOnly(read_only)
        self.calendar_action.setEnabled(not read_only)
        if read_only and self.calendar is not None:
            self.calendar.close()

    # --- the calendar ------------------------------------------------------------------------

    def open_calendar(self) -> None:
        if self.isReadOnly() or not self.isEnabled():
            return
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("date_field_calendar")
            self.calendar.setGridVisible(True)
            self.calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
            )
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        calendar = self.calendar
        if self._minimum is not None:
            calendar.setMinimumDate(to_qdate(self._minimum))
        if self._maximum is not None:
            calendar.setMaximumDate(to_qdate(self._maximum))
        shown = self.date() or date.today()
        calendar.setSelectedDate(to_qdate(shown))
        calendar.setCurrentPage(shown.year, shown.month)
        calendar.adjustSize()
        calendar.move(self._popup_position(calendar.sizeHint()))
        calendar.show()
        calendar.raise_()
        calendar.activateWindow()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _popup_position(self, size: QSize) -> QPoint:
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return below
        area = screen.availableGeometry()
        x = min(max(below.x(), area.left()), area.right() - size.width())
        y = below.y()
        if y + size.height() > area.bottom():  # no room below: open above the field
            y = self.mapToGlobal(QPoint(0, 0)).y() - size.height()
        return QPoint(x, max(y, area.top()))

    def _picked(self, value: QDate) -> None:
        picked = from_qdate(value)
        if self.calendar is not None:
            self.calendar.close()
        text = format_date(picked)
        if text != self.text():
            self.setText(text)
            self.textEdited.emit(text)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.date_picked.emit(picked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)
