"""Typing a medicine name: the list under the field, the keys that steer it, free text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services.catalog import import_products, ingredients_for
from consultdesk.ui.catalog_completer import CatalogCompleter, CatalogMatchModel

PRODUCTS = (
    "제품명,업체명,ATC코드\n"
    "노바스크정5밀리그램,한국화이자제약,C08CA01\n"
    "엑스포지정5/160밀리그램,한국노바티스,C08CA01;C09CA03\n"
)


class Form(QWidget):
    """A field with a completer, and an Enter shortcut like the editor's "new row"."""

    def __init__(self, ws) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.other = QLineEdit()
        self.completer = CatalogCompleter(ws, self.edit)
        self.chosen: list = []
        self.completer.chosen.connect(self.chosen.append)
        self.new_rows = 0
        add_row = QAction(self)
        add_row.setShortcut(QKeySequence(Qt.Key.Key_Return))
        add_row.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_row.triggered.connect(self._new_row)
        self.addAction(add_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.other)

    def _new_row(self) -> None:
        self.new_rows += 1


@pytest.fixture
def form(qtbot, workspace):
    widget = Form(workspace)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    widget.edit.setFocus()
    return widget


def _labels(completer: CatalogCompleter) -> list[str]:
    model = completer.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _type(qtbot, completer: CatalogCompleter, text: str) -> None:
    # QTest cannot type Hangul; insert() is what the input method's commit does to the field.
    completer.edit.insert(text)
    qtbot.waitUntil(completer.is_open)


def test_initial_consonants_offer_amlodipine_and_enter_takes_it(qtbot, form):
    _type(qtbot, form.completer, "ㅇㅁㄹㄷㅍ")
    assert _labels(form.completer)[0] == "암로디핀"
    row = form.completer.model
    assert [row.index(0, c).data() for c in range(4)] == ["암로디핀", "amlodipine", "C08CA01", ""]
    qtbot.keyClick(form.edit, Qt.Key.Key_Return)
    assert not form.completer.is_open()
    assert form.edit.text() == "암로디핀"
    (match,) = form.chosen
    assert [(i.atc, i.name_ko, i.name_en) for i in ingredients_for(match)] == [
        ("C08CA01", "암로디핀", "amlodipine")
    ]
    assert form.completer.is_matched
    assert form.new_rows == 0, "Enter on the open list must not reach the screen's shortcut"


def test_english_names_are_typed_key_by_key_and_arrows_choose(qtbot, form):
    qtbot.keyClicks(form.edit, "sartan")
    qtbot.waitUntil(form.completer.is_open)
    labels = _labels(form.completer)
    assert len(labels) > 3 and len(labels) <= 12
    assert form.completer.current_row() == 0
    qtbot.keyClick(form.edit, Qt.Key.Key_Down)
    qtbot.keyClick(form.edit, Qt.Key.Key_Down)
    qtbot.keyClick(form.edit, Qt.Key.Key_Up)
    assert form.completer.current_row() == 1
    assert form.edit.text() == "sartan", "moving in the list never rewrites what was typed"
    qtbot.keyClick(form.edit, Qt.Key.Key_Enter)
    assert form.edit.text() == labels[1]
    assert [m.label for m in form.chosen] == [labels[1]]


def test_up_from_the_first_line_wraps_to_the_last(qtbot, form):
    _type(qtbot, form.completer, "ㅇ")
    assert form.completer.model.rowCount() == 12
    qtbot.keyClick(form.edit, Qt.Key.Key_Up)
    assert form.completer.current_row() == 11


def test_escape_closes_the_list_and_keeps_free_text(qtbot, form):
    _type(qtbot, form.completer, "ㅇㅁㄹ")
    qtbot.keyClick(form.edit, Qt.Key.Key_Down)
    qtbot.keyClick(form.edit, Qt.Key.Key_Escape)
    assert not form.completer.is_open()
    assert form.edit.text() == "ㅇㅁㄹ"
    assert form.chosen == []
    assert not form.completer.is_matched
    assert form.edit.font().italic()
    assert form.edit.toolTip() != ""


def test_enter_with_the_list_closed_belongs_to_the_screen(qtbot, form):
    form.edit.insert("할머니가 드시는 혈압약")  # nothing in the catalog: no list
    qtbot.keyClick(form.edit, Qt.Key.Key_Down)
    assert not form.completer.is_open()
    qtbot.keyClick(form.edit, Qt.Key.Key_Return)
    assert form.new_rows == 1
    assert form.chosen == []
    assert form.edit.text() == "할머니가 드시는 혈압약"


def test_tab_takes_the_line_and_moves_on(qtbot, form):
    _type(qtbot, form.completer, "메트포")
    qtbot.keyClick(form.edit, Qt.Key.Key_Tab)
    assert form.edit.text() == "메트포르민"
    assert [m.label for m in form.chosen] == ["메트포르민"]
    assert form.other.hasFocus()


def test_editing_a_chosen_name_makes_it_free_text_again(qtbot, form):
    _type(qtbot, form.completer, "암로디핀")
    qtbot.keyClick(form.edit, Qt.Key.Key_Return)
    assert not form.edit.font().italic()
    with qtbot.waitSignal(form.completer.unmatched):
        qtbot.keyClicks(form.edit, "x")
    assert not form.completer.is_matched
    assert form.edit.font().italic()


def test_a_click_on_a_line_takes_it(qtbot, form):
    _type(qtbot, form.completer, "ㄷㄴㅍㅈ")
    view = form.completer.popup
    rect = view.visualRect(form.completer.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.edit.text() == "도네페질"
    assert form.edit.hasFocus()


def test_leaving_the_field_closes_the_list(qtbot, form):
    _type(qtbot, form.completer, "ㅇㅁㄹ")
    form.other.setFocus()
    qtbot.waitUntil(lambda: not form.completer.is_open())
    assert form.edit.text() == "ㅇㅁㄹ"


def test_products_are_offered_with_their_kind(qtbot, form, workspace, tmp_path: Path):
    path = tmp_path / "products.csv"
    path.write_bytes(PRODUCTS.encode("cp949"))
    import_products(workspace, path)
    _type(qtbot, form.completer, "ㅇㅅㅍㅈ")
    model = form.completer.model
    assert model.index(0, 0).data() == "엑스포지정5/160밀리그램"
    assert model.index(0, 1).data() == "amlodipine + valsartan"
    assert model.index(0, 2).data() == "C08CA01, C09CA03"
    assert model.index(0, 3).data() == "제품"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "한국노바티스"
    qtbot.keyClick(form.edit, Qt.Key.Key_Return)
    (match,) = form.chosen
    assert [i.atc for i in ingredients_for(match)] == ["C08CA01", "C09CA03"]


def test_a_topical_ingredient_says_so(qtbot, form):
    _type(qtbot, form.completer, "디클로페낙")
    model = form.completer.model
    kinds = {model.index(r, 2).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert kinds["M01AB05"] == ""
    assert kinds["M02AA15"] == "외용"


def test_the_match_model_is_a_well_behaved_model(qtmodeltester, form):
    form.completer.edit.insert("ㅇ")
    form.completer.search_now()
    qtmodeltester.check(form.completer.model)
    empty = CatalogMatchModel()
    qtmodeltester.check(empty)


# --- as the name cell of a table --------------------------------------------------------------


class NameDelegate(QStyledItemDelegate):
    """What the consultation editor does: a line edit with a completer as the cell editor."""

    def __init__(self, ws, parent) -> None:
        super().__init__(parent)
        self.ws = ws
        self.completers: list[CatalogCompleter] = []
        self.chosen: list = []

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        completer = CatalogCompleter(self.ws, editor, mark_unmatched=False)
        completer.chosen.connect(self.chosen.append)
        self.completers.append(completer)
        return editor


def test_in_a_table_cell_enter_takes_the_line_and_a_second_enter_commits(qtbot, workspace):
    model = QStandardItemModel(2, 1)
    model.setItem(0, 0, QStandardItem(""))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = NameDelegate(workspace, view)
    view.setItemDelegateForColumn(0, delegate)
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    view.edit(model.index(0, 0))
    (completer,) = delegate.completers
    editor = completer.edit
    _type(qtbot, completer, "ㅇㅌㄹㅂㅅㅌㅌ")
    assert _labels(completer)[0] == "아토르바스타틴"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert [m.label for m in delegate.chosen] == ["아토르바스타틴"]
    assert view.indexWidget(model.index(0, 0)) is editor or editor.isVisible()
    assert model.item(0, 0).text() == "", "the first Enter only took the line"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.item(0, 0).text() == "아토르바스타틴")


def test_in_a_table_cell_escape_keeps_the_cell_open_while_the_list_is_open(qtbot, workspace):
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(""))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = NameDelegate(workspace, view)
    view.setItemDelegateForColumn(0, delegate)
    view.show()
    view.edit(model.index(0, 0))
    (completer,) = delegate.completers
    _type(qtbot, completer, "ㅇㅁㄹ")
    qtbot.keyClick(completer.edit, Qt.Key.Key_Escape)
    assert not completer.is_open()
    assert completer.edit.isVisible(), "Esc closed the list, not the cell"
    assert completer.edit.text() == "ㅇㅁㄹ"


def test_the_catalog_is_built_in_the_background_before_the_first_keystroke(qtbot, tmp_path):
    from consultdesk.services import catalog as catalog_service
    from consultdesk.services.workspace import Profile, Workspace
    from tests.conftest import PASSPHRASE

    ws = Workspace.create(tmp_path / "data", PASSPHRASE, PASSPHRASE, Profile("박약사"))
    try:
        assert not catalog_service.catalog_ready(ws)
        edit = QLineEdit()
        qtbot.addWidget(edit)
        CatalogCompleter(ws, edit)
        qtbot.waitUntil(lambda: catalog_service.catalog_ready(ws))
    finally:
        ws.close()


def test_the_syllable_still_being_composed_is_searched_too(qtbot, form):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    # The input method shows "암" while it waits for the next jamo; the field has no text yet.
    QApplication.sendEvent(form.edit, QInputMethodEvent("암", []))
    qtbot.waitUntil(form.completer.is_open)
    assert form.edit.text() == ""
    assert form.completer.query() == "암"
    assert _labels(form.completer)[0] == "암로디핀"
    committed = QInputMethodEvent("", [])
    committed.setCommitString("암")
    QApplication.sendEvent(form.edit, committed)
    assert form.edit.text() == "암" == form.completer.query()
    qtbot.keyClick(form.edit, Qt.Key.Key_Return)
    assert form.edit.text() == "암로디핀"
