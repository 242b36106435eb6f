"""Medicine-name completion for a QLineEdit: a plain field or the name cell of the inventory.

Why not QCompleter: it writes the highlighted line into the field as the selection moves (so
Esc could not keep what was typed), filters the model itself, and does not see the Hangul
syllable still being composed. This popup never takes the focus: the line edit keeps it, keeps
receiving the input method's text, and an event filter handles the few keys that steer the list.

Keys while the list is open: Down/Up (and PageDown/PageUp) move, Enter takes the line, Tab takes
it and moves on, Esc closes the list and keeps the typed text. While it is closed every key is
left alone, so Enter still means what the surrounding screen makes it mean (a new row).
"""

from __future__ import annotations

import time
from typing import Any
from weakref import WeakSet

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView

from consultdesk.domain.catalog import CatalogMatch
from consultdesk.services.catalog import catalog_ready, medicines_catalog
from consultdesk.services.workspace import Workspace
from consultdesk.ui.table_model import ReadOnlyTableModel
from consultdesk.ui.tasks import run_task

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_MATCHES = 12
# A search that answers within this time runs on every keystroke; a slower one (a very large
# product list on a slow laptop) waits until typing pauses for DEBOUNCE_MS.
FAST_SECONDS = 0.015
DEBOUNCE_MS = 80

_STEER = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Escape,
}


_warming: WeakSet[Workspace] = WeakSet()


def preload_catalog(ws: Workspace) -> None:
    """Build the workspace's catalog off the GUI thread, so that the first keystroke does not
    wait for it (about 1.5 s with 50,000 imported products). A failure is not reported here:
    the first search builds the catalog again and reports it."""
    if ws in _warming or catalog_ready(ws):
        return
    _warming.add(ws)
    run_task(
        lambda: medicines_catalog(ws),
        lambda _: _warming.discard(ws),
        lambda _: _warming.discard(ws),
    )


class CatalogMatchModel(ReadOnlyTableModel):
    """The lines of the popup: Korean name, English name, ATC code(s), and what kind it is."""

    # The popup hides its header; the names are for screen readers and tests.
    HEADERS = (
        QT_TRANSLATE_NOOP("CatalogMatchModel", "Medicine"),
        QT_TRANSLATE_NOOP("CatalogMatchModel", "English name"),
        QT_TRANSLATE_NOOP("CatalogMatchModel", "ATC code"),
        QT_TRANSLATE_NOOP("CatalogMatchModel", "Kind"),
    )
    NAME, ENGLISH, ATC, KIND = range(len(HEADERS))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CatalogMatch] = []

    def set_matches(self, matches: list[CatalogMatch]) -> None:
        self.set_rows(matches)

    def match_at(self, row: int) -> CatalogMatch | None:
        return self.row_at(row)

    def role_data(self, row: int, column: int, role: int) -> Any:
        m = self.rows[row]
        if role == MATCH_ROLE:
            return m
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column)
        if role == Qt.ItemDataRole.ToolTipRole and m.product is not None:
            return m.product.company or None
        return None

    def _text(self, m: CatalogMatch, column: int) -> str:
        if column == self.NAME:
            return m.label
        if column == self.ENGLISH:
            return " + ".join(i.name_en for i in m.ingredients if i.name_en != i.atc)
        if column == self.ATC:
            return ", ".join(i.atc for i in m.ingredients if i.atc)
        if m.kind == "product":
            return self.tr("Product")
        form = m.ingredients[0].form if m.ingredients else "oral"
        return "" if form == "oral" else self._form_label(form)

    def _form_label(self, form: str) -> str:
        labels = {
            "topical": self.tr("External use"),
            "inhaled": self.tr("Inhaled"),
            "injection": self.tr("Injection"),
            "eye": self.tr("Eye"),
            "ear": self.tr("Ear"),
            "nasal": self.tr("Nasal"),
            "rectal": self.tr("Rectal"),
            "transdermal": self.tr("Patch"),
            "other": self.tr("Other form"),
        }
        return labels.get(form, form)


class CatalogPopup(QTreeView):
    """The list under the field. A tool-tip window never becomes active, so the field keeps
    the keyboard focus (and the input method) while the list is open."""

    def __init__(self, parent: QLineEdit) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.ToolTip)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)


class CatalogCompleter(QObject):
    """Attach to a line edit: ``CatalogCompleter(ws, line_edit)``; connect ``chosen``.

    ``chosen(CatalogMatch)`` is emitted when a line is taken (the field then shows its label);
    ``unmatched()`` when the field is edited afterwards, so the name is free text again.
    With ``mark_unmatched`` the field itself shows free text in italics with a tool tip; a table
    that marks unmatched rows on its own passes False.
    """

    chosen = Signal(object)
    unmatched = Signal()

    def __init__(
        self,
        ws: Workspace,
        line_edit: QLineEdit,
        limit: int = MAX_MATCHES,
        mark_unmatched: bool = True,
    ) -> None:
        super().__init__(line_edit)
        self.ws = ws
        self.edit = line_edit
        self.limit = limit
        self.mark_unmatched = mark_unmatched
        self.model = CatalogMatchModel(self)
        self.popup = CatalogPopup(line_edit)
        self.popup.setModel(self.model)
        self.popup.clicked.connect(lambda index: self.accept(index.row()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.search_now)
        self._fast = True
        self._preedit = ""
        self._matched_text: str | None = None
        self.last_search_seconds = 0.0
        line_edit.textEdited.connect(self._edited)
        line_edit.installEventFilter(self)
        preload_catalog(ws)

    # --- state ---------------------------------------------------------------------------------

    @property
    def is_matched(self) -> bool:
        """True while the field shows a line taken from the catalog, unedited."""
        return self._matched_text is not None and self._matched_text == self.edit.text()

    def set_matched(self, matched: bool) -> None:
        """Tell the completer whether the text just put into the field came from the catalog
        (an editor reopening a saved row knows; the completer cannot)."""
        self._matched_text = self.edit.text() if matched else None
        self._show_mark()

    def is_open(self) -> bool:
        return self.popup.isVisible()

    def current_row(self) -> int:
        index = self.popup.currentIndex()
        return index.row() if index.isValid() else -1

    # --- searching ---------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        if self._matched_text is not None and text != self._matched_text:
            self._matched_text = None
            self.unmatched.emit()
        self._show_mark()
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start(0 if self._fast else DEBOUNCE_MS)

    def query(self) -> str:
        """The text typed so far, including a Hangul syllable the input method still composes."""
        text = self.edit.text()
        if not self._preedit:
            return text
        at = self.edit.cursorPosition()
        return text[:at] + self._preedit + text[at:]

    def search_now(self) -> None:
        """Search for what the field holds and show the list (or hide it: nothing matched)."""
        self._timer.stop()
        query = self.query()
        started = time.perf_counter()
        matches = medicines_catalog(self.ws).search(query, self.limit) if query.strip() else []
        self.last_search_seconds = time.perf_counter() - started
        self._fast = self.last_search_seconds < FAST_SECONDS
        self.model.set_matches(matches)
        if not matches or not self.edit.isVisible():
            self.hide_popup()
            return
        self.popup.setCurrentIndex(self.model.index(0, 0))
        self._place()
        if not self.popup.isVisible():
            self.popup.show()
            # A table's item delegate installs its own filter on the editor after the editor is
            # made; the filter installed last runs first, so step in front of it again while
            # the list is open (Enter must take the line, not close the cell).
            self.edit.installEventFilter(self)

    def hide_popup(self) -> None:
        self._timer.stop()
        self.popup.hide()

    # --- taking a line -------------------------------------------------------------------------

    def accept(self, row: int | None = None) -> CatalogMatch | None:
        """Put the line (the highlighted one by default) into the field and announce it."""
        match = self.model.match_at(self.current_row() if row is None else row)
        self.hide_popup()
        if match is None:
            return None
        self._preedit = ""
        self.edit.setText(match.label)
        self._matched_text = match.label
        self._show_mark()
        self.chosen.emit(match)
        return match

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.current_row()
        # A page stops at the ends; a line wraps around, as a combo box's list does.
        paged = abs(step) > 1
        row = min(rows - 1, max(0, current + step)) if paged else (current + step) % rows
        self.popup.setCurrentIndex(self.model.index(row, 0))

    # --- keys and focus ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # While the list is open its keys are ours, not a window shortcut's (e.g. Enter
            # for "new row"): accepting the override makes Qt deliver them as key presses.
            if self.popup.isVisible() and event.key() in _STEER:
                event.accept()
                return True
            return False
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            # Search the syllable being composed too ("암" while its final is still open); the
            # field's text changes only after this event, so the search runs after it.
            self._preedit = event.preeditString()
            self._schedule()
        elif kind in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            self._preedit = ""
            self.hide_popup()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if not self.popup.isVisible():
            if key == Qt.Key.Key_Down and self.edit.text().strip():
                self.search_now()
                return self.popup.isVisible()
            return False
        if key == Qt.Key.Key_Down:
            self._move(1)
        elif key == Qt.Key.Key_Up:
            self._move(-1)
        elif key == Qt.Key.Key_PageDown:
            self._move(max(1, self.model.rowCount() // 2) + 1)
        elif key == Qt.Key.Key_PageUp:
            self._move(-max(1, self.model.rowCount() // 2) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        elif key == Qt.Key.Key_Tab:
            self.accept()
            return False  # and let Tab move on (to the next cell or field)
        elif key == Qt.Key.Key_Backtab:
            self.hide_popup()
            return False
        elif key == Qt.Key.Key_Escape:
            self.hide_popup()  # the typed text stays: free text is always allowed
        else:
            return False
        return True

    # --- placing the list and marking free text ------------------------------------------------

    def _place(self) -> None:
        view = self.popup
        for column in range(self.model.columnCount()):
            view.resizeColumnToContents(column)
            view.setColumnWidth(column, view.columnWidth(column) + 12)
        frame = 2 * view.frameWidth()
        width = max(
            self.edit.width(),
            sum(view.columnWidth(c) for c in range(self.model.columnCount())) + frame,
        )
        height = view.sizeHintForRow(0) * self.model.rowCount() + frame
        below = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        x, y = below.x(), below.y()
        screen = self.edit.screen()
        if screen is not None:
            area = screen.availableGeometry()
            width = min(width, area.width())
            if y + height > area.bottom():
                y = self.edit.mapToGlobal(QPoint(0, 0)).y() - height
            x = max(area.left(), min(x, area.right() - width))
        view.setGeometry(x, y, width, height)

    def _show_mark(self) -> None:
        if not self.mark_unmatched:
            return
        free = bool(self.edit.text().strip()) and not self.is_matched
        font = self.edit.font()
        if font.italic() != free:
            font.setItalic(free)
            self.edit.setFont(font)
        self.edit.setToolTip(
            self.tr("Not in the catalog: kept as typed, without ingredient codes.") if free else ""
        )
