"""At 1366×768 the medication table shows about half of its 16 columns beside the flags panel.
Scrolled sideways to 조치 or 복용 상태, each row still shows its medicine's name on the left
(row_tables._FrozenColumn), lined up with its row, and a cell reached with the keyboard is never
hidden under it. A click on a name edits it in the table itself; the edit is saved and read back.

The real main window on a demo database, keys and mouse clicks on the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from consultdesk.demo import fill_demo, showcase_resident
from consultdesk.services import consultations as svc
from consultdesk.ui.catalog_completer import CatalogCompleter
from consultdesk.ui.row_tables import EDGE, RowTableView
from tests.ui import mouse
from tests.ui.windows import laptop_window, settle


@pytest.fixture
def table(qtbot, workspace):
    """The showcase resident's draft (10 medicines) open in the main window at 1366×768."""
    fill_demo(workspace, residents=40, sessions=None)
    window = laptop_window(qtbot, workspace)
    resident = showcase_resident(workspace)
    assert resident is not None
    assert window.open_consultation(svc.resident_timeline(workspace, resident)[0].id)
    view = window.editor.med_table
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    settle()
    assert view.horizontalScrollBar().maximum() > 0, "the whole table fits: nothing to check"
    yield view
    window.editor.close_consultation()


def column(view: RowTableView, field: str) -> int:
    return next(i for i, c in enumerate(view.rows_model.columns) if c.field == field)


def cell_shown_in_full(view: RowTableView, row: int, col: int) -> bool:
    """Inside the table's viewport and, while the names' copy is shown, right of it."""
    rect = view.visualRect(view.model().index(row, col))
    left = view.frozen.width() if view.frozen.isVisible() else 0
    return rect.left() >= left and rect.right() <= view.viewport().width()


def names_line_up(view: RowTableView) -> None:
    frozen = view.frozen
    assert frozen.isVisible()
    assert frozen.width() == view.columnWidth(0) + EDGE
    assert frozen.mapTo(view, frozen.viewport().pos()).y() == view.viewport().y()
    last = view.model().columnCount() - 1
    for row in range(view.model().rowCount()):
        name = frozen.visualRect(view.model().index(row, 0))
        assert name.width() == view.visualRect(view.model().index(row, 0)).width()
        assert name.top() == view.visualRect(view.model().index(row, last)).top(), row


def lone_double_click(view: RowTableView, row: int, col: int) -> None:
    """The second click of a pair, alone, as the table gets it after the copy hid itself."""
    at = QPointF(view.visualRect(view.model().index(row, col)).center())
    mouse.send(view.viewport(), QEvent.Type.MouseButtonDblClick, at)
    settle()


def test_scrolled_to_the_action_column_every_row_keeps_its_name(qtbot, table):
    qtbot.keyClick(table, Qt.Key.Key_End)  # the row's last cell: 조치's neighbours
    settle()
    assert table.currentIndex().column() == table.model().columnCount() - 1
    assert table.horizontalScrollBar().value() > 0
    names_line_up(table)
    assert cell_shown_in_full(table, 0, column(table, "action"))

    # Back with Shift+Tab: no cell the cursor lands on is under the names.
    landed = []
    while table.currentIndex().column() > 0:
        qtbot.keyClick(table, Qt.Key.Key_Backtab)
        settle()
        current = table.currentIndex()
        landed.append(current.column())
        assert cell_shown_in_full(table, current.row(), current.column()), current.column()
    assert len(landed) > 5 and landed[-1] == 0
    # At the name itself the table is back at its left edge and the copy is not needed.
    assert table.horizontalScrollBar().value() == 0
    assert not table.frozen.isVisible()


def test_the_names_follow_the_rows_when_the_table_scrolls_down(qtbot, table):
    model = table.rows_model
    for n in range(20):  # more medicines than the table has room for
        model.setData(model.index(model.insert_row(model.rowCount()), 0), f"추가 약 {n + 1}")
    settle()
    qtbot.keyClick(table, Qt.Key.Key_End)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the last row
    settle()
    assert table.verticalScrollBar().value() > 0
    assert table.frozen.verticalScrollBar().value() == table.verticalScrollBar().value()
    names_line_up(table)


def test_a_click_on_a_name_edits_it_in_the_table_and_the_edit_is_saved(qtbot, table, workspace):
    editor = table.parent()
    while not hasattr(editor, "save_now"):
        editor = editor.parent()
    table.setCurrentIndex(table.model().index(0, column(table, "action")))
    settle()
    frozen = table.frozen
    assert frozen.isVisible()
    name_cell = frozen.visualRect(table.model().index(3, 0)).center()
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=name_cell)
    settle()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (3, 0)
    assert table.hasFocus()
    assert table.horizontalScrollBar().value() == 0
    assert not frozen.isVisible()

    # Typing on the name opens the table's own editor on it, as anywhere else in the table.
    qtbot.keyClicks(table, "Q")
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit) and cell.parent() is table.viewport()
    cell.selectAll()
    qtbot.keyClicks(cell, "Qzx home stock")
    completer = cell.findChild(CatalogCompleter)
    if completer.is_open():
        qtbot.keyClick(cell, Qt.Key.Key_Escape)  # keep the free text
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    editor.save_now()
    cid = editor.data.id
    assert editor.close_consultation()
    saved = svc.load_consultation(workspace, cid).medications
    assert saved[3].name_as_found == "Qzx home stock"


def test_a_double_click_on_a_name_opens_its_editor(qtbot, table):
    table.setCurrentIndex(table.model().index(2, column(table, "action")))
    settle()
    frozen = table.frozen
    pos = frozen.visualRect(table.model().index(2, 0)).center()
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    settle()
    assert not frozen.isVisible()
    # The second click of the pair: the copy is gone, so it lands on the table's own cell, which
    # never saw the press before it.
    lone_double_click(table, 2, 0)
    assert table.state() == QAbstractItemView.State.EditingState
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, 0)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.parent() is table.viewport()
    qtbot.keyClick(focused, Qt.Key.Key_Escape)


def test_a_double_click_on_the_copy_itself_opens_the_name_in_the_table(qtbot, table):
    table.setCurrentIndex(table.model().index(4, column(table, "action")))
    settle()
    pos = table.frozen.visualRect(table.model().index(4, 0)).center()
    qtbot.mouseDClick(table.frozen.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    settle()
    assert table.state() == QAbstractItemView.State.EditingState
    assert (table.currentIndex().row(), table.currentIndex().column()) == (4, 0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_a_double_click_on_a_cell_that_takes_no_typing_opens_nothing(qtbot, table):
    """The ingredients are computed, and a finished consultation is read-only: no editor, and
    no "editing failed" from Qt (a Qt warning fails any test here)."""
    ingredients = column(table, "ingredients")
    table.setCurrentIndex(table.model().index(1, ingredients))
    lone_double_click(table, 1, ingredients)
    assert table.state() != QAbstractItemView.State.EditingState
    table.rows_model.read_only = True
    try:
        table.setCurrentIndex(table.model().index(1, 0))
        lone_double_click(table, 1, 0)
        assert table.state() != QAbstractItemView.State.EditingState
    finally:
        table.rows_model.read_only = False


def test_a_wider_name_column_widens_the_copy(qtbot, table):
    qtbot.keyClick(table, Qt.Key.Key_End)
    settle()
    table.setColumnWidth(0, table.columnWidth(0) + 40)
    settle()
    names_line_up(table)


def test_the_name_column_is_widened_from_the_copys_header(qtbot, table):
    qtbot.keyClick(table, Qt.Key.Key_End)
    settle()
    header = table.frozen.horizontalHeader()
    before = table.columnWidth(0)
    edge = QPointF(header.sectionViewportPosition(0) + header.sectionSize(0) - 1, 10)
    mouse.drag(header.viewport(), edge, QPointF(40, 0))
    settle()
    assert table.columnWidth(0) == before + 40
    names_line_up(table)
