"""Editable tables of frozen rows (medication inventory, drug-related problems), keyboard first.

Enter commits the cell being edited and starts the next row; Tab moves through the cells;
typing on a cell starts editing it. Rows are frozen dataclasses replaced on each edit, so the
editor always holds exactly what will be saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from consultdesk.ui import style
from consultdesk.ui.table_model import answer_roles

Index = QModelIndex | QPersistentModelIndex
# Worked out once: flags() is asked for every painted cell, and or-ing two Qt flags in Python
# builds new enum members each time.
_READ_ONLY_CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_CELL = _READ_ONLY_CELL | Qt.ItemFlag.ItemIsEditable
# Roles as plain ints, compared for each of the seven roles of every painted cell.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_ENSURE_VISIBLE = QAbstractItemView.ScrollHint.EnsureVisible
EDGE = 2  # the width of the line on the right of the first column's copy (_FrozenColumn)


@dataclass(frozen=True)
class Column:
    field: str
    header: object  # QT_TRANSLATE_NOOP text in the "MedicationTable" translation context
    options: Callable[[], list[tuple[str, str]]] | None = None  # a choice column
    width: int = 90
    display: Callable[[Any], str] | None = None  # read-only, computed from the row
    editable: bool = True


class RowTableModel(QAbstractTableModel):
    """Rows of one frozen dataclass; `make_row()` creates a fresh blank row."""

    edited = Signal()

    def __init__(self, columns: Sequence[Column], make_row: Callable[[], Any]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.make_row = make_row
        self.rows: list[Any] = []
        self.read_only = False

    # --- reading ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            return QCoreApplication.translate("MedicationTable", str(self.columns[section].header))
        return str(section + 1) if 0 <= section < len(self.rows) else None

    def raw(self, index: Index) -> Any:
        return getattr(self.rows[index.row()], self.columns[index.column()].field)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell_data(self.rows[index.row()], self.columns[index.column()], role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles of one painted cell in one call, each as data() answers it
        (table_model.answer_roles); the row and column are looked up once for all seven."""
        if not index.isValid():
            answer_roles(roleDataSpan, lambda role: None)
            return
        row, column = self.rows[index.row()], self.columns[index.column()]
        answer_roles(roleDataSpan, lambda role: self.cell_data(row, column, role))

    def cell_data(self, row: Any, column: Column, role: int) -> Any:
        if role in (_DISPLAY, _TOOLTIP):
            if column.display is not None:
                return column.display(row)
            value = getattr(row, column.field)
            code = getattr(value, "value", value)
            if column.options is not None:
                return next((label for key, label in column.options() if key == code), code)
            return value
        if role == _EDIT:
            value = getattr(row, column.field)
            return getattr(value, "value", value)
        return self.style_data(row, column, role)

    def style_data(self, row: Any, column: Column, role: int) -> Any:
        """Colours and fonts for a cell; subclasses mark what needs attention."""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.read_only and self.columns[index.column()].editable:
            return _EDITABLE_CELL
        return _READ_ONLY_CELL

    # --- writing ------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        current = getattr(row, column.field)
        # Enums first: the codes are StrEnums, so an enum is also a ``str``, and a plain string
        # in a row would reach the repository that reads ``.value`` from it.
        if isinstance(current, Enum):
            try:
                value = type(current)(value)
            except ValueError:
                return False  # not one of the choices: the cell keeps its value
        elif isinstance(current, str):
            value = "" if value is None else str(value)
        if value == current and type(value) is type(current):
            return False
        self.replace_row(index.row(), replace(row, **{column.field: value}))
        return True

    def replace_row(self, position: int, row: Any) -> None:
        self.rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))
        self.edited.emit()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def insert_row(self, position: int) -> int:
        position = max(0, min(position, len(self.rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, self.make_row())
        self.endInsertRows()
        self.edited.emit()
        return position

    def remove_row(self, position: int) -> None:
        if 0 <= position < len(self.rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.rows[position]
            self.endRemoveRows()
            self.edited.emit()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for choice columns, plain line edits for the rest. Enter commits the cell
    and asks for a new row (``enter_pressed``)."""

    enter_pressed = Signal()

    def __init__(self, model: RowTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.model.columns[index.column()]
        if column.options is not None:
            combo = QComboBox(parent)
            for key, label in column.options():
                combo.addItem(label, key)
            combo.installEventFilter(self)
            return combo
        editor = self.create_text_editor(parent, index)
        editor.installEventFilter(self)
        return editor

    def create_text_editor(self, parent: QWidget, index: Index) -> QLineEdit:
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def editor_busy(self, editor: QObject) -> bool:
        """True while the editor itself needs Enter (e.g. an open suggestion list)."""
        return isinstance(editor, QComboBox) and editor.view().isVisible()

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.editor_busy(editor):
            return False  # Enter, Tab and Esc belong to the open list, not to the table
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class RowTableView(QTableView):
    """Enter (while editing or not) starts a new row after the current one, at its first
    editable column; Delete on a row that is selected as a whole removes it."""

    def __init__(self, model: RowTableModel, delegate: ChoiceDelegate) -> None:
        super().__init__()
        self.rows_model = model
        self.setModel(model)
        self.setItemDelegate(delegate)
        delegate.enter_pressed.connect(lambda: QTimer.singleShot(0, self.add_row_after_current))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(model.columns):
            self.setColumnWidth(i, column.width)
        header.setStretchLastSection(True)
        # Scrolled by the pixel, so the first column can stay on the left (_FrozenColumn).
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = _FrozenColumn(self)

    def first_editable_column(self) -> int:
        return next((i for i, c in enumerate(self.rows_model.columns) if c.editable), 0)

    def add_row_after_current(self) -> None:
        if self.rows_model.read_only:
            return
        current = self.currentIndex()
        row = current.row() + 1 if current.isValid() else self.rows_model.rowCount()
        position = self.rows_model.insert_row(row)
        index = self.rows_model.index(position, self.first_editable_column())
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus()
        self.edit(index)

    def remove_current_row(self) -> None:
        current = self.currentIndex()
        if current.isValid() and not self.rows_model.read_only:
            self.rows_model.remove_row(current.row())

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab and Shift+Tab skip computed columns, so Tab always lands on a cell to type in."""
        index = super().moveCursor(cursorAction, modifiers)
        steps = (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        )
        if cursorAction not in steps or self.rows_model.read_only:
            return index
        for _ in range(len(self.rows_model.columns)):
            if not index.isValid() or self.rows_model.columns[index.column()].editable:
                break
            self.setCurrentIndex(index)
            index = super().moveCursor(cursorAction, modifiers)
        return index

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.add_row_after_current()
            return
        super().keyPressEvent(event)

    def scrollTo(self, index: Index, hint: QAbstractItemView.ScrollHint = _ENSURE_VISIBLE) -> None:
        """As a table scrolls, but a cell right of the first column never ends up under the
        first column's copy that stays on the left (_FrozenColumn)."""
        super().scrollTo(index, hint)
        if not index.isValid() or index.column() == 0:
            return
        bar = self.horizontalScrollBar()
        hidden = self.columnWidth(0) + EDGE - self.columnViewportPosition(index.column())
        if bar.value() > 0 and hidden > 0:
            bar.setValue(bar.value() - hidden)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click on the first column's copy first brings the column itself back into
        view, so the second click of the pair lands here without the press before it."""
        super().mouseDoubleClickEvent(event)
        index = self.indexAt(event.position().toPoint())
        if (
            index == self.currentIndex()
            and self.state() != QAbstractItemView.State.EditingState
            and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.frozen.follow()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):  # (called while the base class is set up)
            self.frozen.follow()


class _FrozenColumn(QTableView):
    """The first column (the medicine's name, the problem's category) drawn again over the
    table's left edge once the table is scrolled sideways, so a row's far columns (조치, 복용
    상태) are never read without the row's name. At 1366×768 the medication table shows about
    half of its columns beside the flags panel.

    It shows and selects the table's own cells (same model, same selection) but takes no focus
    and edits nothing: a click on it makes that cell current in the table, which scrolls back
    to the first column, where the copy is no longer needed and hides. So every edit, every key
    and every delegate stays the table's own."""

    def __init__(self, table: RowTableView) -> None:
        super().__init__(table)
        self.table = table
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(table.alternatingRowColors())
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        # Its header widens the name as the table's own does (the table's is under it).
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setSectionsClickable(False)
        self.horizontalHeader().sectionResized.connect(self._widened_here)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        table.viewport().stackUnder(self)
        self._hide_other_columns()
        table.model().modelReset.connect(self._hide_other_columns)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.horizontalScrollBar().valueChanged.connect(self.follow)
        table.horizontalHeader().sectionResized.connect(self._resized)
        self.hide()

    def _hide_other_columns(self) -> None:
        for column in range(1, self.model().columnCount()):
            self.setColumnHidden(column, True)
        self.setColumnWidth(0, self.table.columnWidth(0))

    def _widened_here(self, section: int, _old: int, new: int) -> None:
        if section == 0 and new != self.table.columnWidth(0):
            self.table.setColumnWidth(0, new)  # which calls _resized back: the copy follows

    def _resized(self, section: int, _old: int, new: int) -> None:
        if section == 0:
            self.setColumnWidth(0, new)
            self.follow()

    def follow(self, *_: object) -> None:
        """Shown exactly while the table is scrolled sideways, over its first column's place."""
        table = self.table
        scrolled = table.horizontalScrollBar().value() > 0 and table.model().columnCount() > 1
        if not scrolled:
            self.hide()
            return
        frame = table.frameWidth()
        header = table.horizontalHeader().height()
        self.horizontalHeader().setFixedHeight(header)
        self.setGeometry(
            table.verticalHeader().width() + frame,
            frame,
            table.columnWidth(0) + EDGE,
            table.viewport().height() + header,
        )
        self.verticalScrollBar().setValue(table.verticalScrollBar().value())
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # A line on its right edge, so the columns passing under it are seen to pass.
        painter = QPainter(self.viewport())
        painter.fillRect(self.columnWidth(0), 0, EDGE, self.viewport().height(), style.FROZEN_EDGE)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if self.table.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def wheelEvent(self, event: QWheelEvent) -> None:
        QApplication.sendEvent(self.table.viewport(), event)  # the table scrolls, this follows


ATTENTION = style.brush(style.Tint.ATTENTION)
UNMATCHED_FG = style.brush(style.Tint.UNMATCHED_TEXT)


def italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font
