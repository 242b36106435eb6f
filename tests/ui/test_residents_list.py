"""The residents list as a pharmacist meets a long one: its cells are made when a row is first
painted (ui/resident_model.py), so every row scrolled to, jumped to with the keyboard or found
by typing must show its resident, and the overview must follow the row chosen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consultdesk.demo import fill_demo
from consultdesk.domain.dates import full_age
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents
from consultdesk.services.changes import SYNC, ChangeSet
from consultdesk.services.workspace import Workspace
from consultdesk.ui.resident_model import FIRST_FILLED, ResidentTableModel
from consultdesk.ui.residents_view import ResidentsView

RESIDENTS = 90  # three screens of the small window below, well past the rows made at once


@pytest.fixture
def long_list(qtbot, workspace: Workspace) -> ResidentsView:
    fill_demo(workspace, residents=RESIDENTS)
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)
    assert len(view.model.rows) == RESIDENTS > FIRST_FILLED
    return view


def visible_rows(view: ResidentsView) -> range:
    table = view.table
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return range(top, (bottom if bottom >= 0 else view.model.rowCount() - 1) + 1)


def assert_shown(view: ResidentsView, rows: range) -> None:
    """Each of these rows shows its resident's name, age and centre, as the list was read."""
    model = view.model
    assert len(rows) > 3
    for row in rows:
        listed = model.rows[row]
        assert model.index(row, model.NAME).data() == listed.name, row
        assert model.index(row, model.CENTRE).data() == listed.centre_name, row
        if listed.birth_date is not None:
            age = full_age(listed.birth_date, date.today())
            assert model.index(row, model.AGE).data() == f"{age}세", row


def test_rows_scrolled_to_show_their_residents(qtbot, long_list: ResidentsView) -> None:
    view = long_list
    bar = view.table.verticalScrollBar()
    for value in (bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        view.table.viewport().repaint()  # what the screen shows next
        assert_shown(view, visible_rows(view))
    assert visible_rows(view)[-1] == RESIDENTS - 1


def test_ctrl_end_selects_the_last_resident_and_the_overview_shows_them(
    qtbot, long_list: ResidentsView
) -> None:
    view = long_list
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the first resident
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = view.model.rows[-1]
    # Chosen before the row is painted: the overview reads who it is from the list.
    assert view.selected_id() == last.id
    assert last.name in view.panel.summary.text()
    QApplication.processEvents()
    view.table.viewport().repaint()
    assert_shown(view, visible_rows(view))


def test_typing_on_the_list_finds_a_resident_far_down(qtbot, long_list: ResidentsView) -> None:
    """Qt's type-to-find in the view (QAbstractItemView.keyboardSearch) looks at rows not
    yet painted too."""
    view = long_list
    target = view.model.rows[-3]
    assert view.model.index(RESIDENTS - 3, 0).data() is None  # not made yet
    view.table.setFocus()
    view.table.keyboardSearch(target.name)
    assert view.table.currentIndex().row() == RESIDENTS - 3
    assert view.selected_id() == target.id


def test_a_new_search_lists_only_its_rows_and_a_short_list_is_whole(
    qtbot, long_list: ResidentsView
) -> None:
    view = long_list
    view.table.verticalScrollBar().setValue(view.table.verticalScrollBar().maximum())
    view.table.viewport().repaint()  # rows far down made
    wanted = view.model.rows[0].name
    view.search.setText(wanted)
    view.refresh()
    model = view.model
    assert 0 < model.rowCount() == len(model.rows) <= FIRST_FILLED
    assert all(wanted in model.index(r, model.NAME).data() for r in range(model.rowCount()))
    # Nothing of the longer list is left in the rows past the new ones.
    assert model.index(model.rowCount(), model.NAME).data() is None


def test_cells_are_read_only(long_list: ResidentsView) -> None:
    model: ResidentTableModel = long_list.model
    for column in range(model.columnCount()):
        flags = model.flags(model.index(0, column))
        assert flags & Qt.ItemFlag.ItemIsSelectable
        assert not flags & Qt.ItemFlag.ItemIsEditable


def test_the_overview_of_a_resident_is_never_squeezed_into_cut_off_text(
    qtbot, long_list: ResidentsView
) -> None:
    """In a window shorter than the overview (a long summary, a referral warning, flags, both
    consents), the overview scrolls: every wrapped text keeps the height it needs to show all
    its lines (squeezed, the consent lines and the summary were cut off at 1366×768)."""
    view = long_list
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.panel.detail is not None)
    panel = view.panel
    QApplication.processEvents()
    labels = [panel.summary, *panel.consent_labels.values()]
    assert panel.body.sizeHint().height() > panel.body_scroll.viewport().height()  # it is too tall
    for label in labels:
        assert label.isVisibleTo(panel) and label.text()
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert panel.body_scroll.verticalScrollBar().isVisible()


def test_new_consultation_stays_in_view_however_tall_the_overview(
    qtbot, long_list: ResidentsView
) -> None:
    """The overview scrolls when it is taller than the window; the consultation buttons stay
    under it, in view (at 1366×768 "New consultation" was scrolled out of sight for a resident
    with both consents, a memo and open flags)."""
    view = long_list
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.panel.detail is not None)
    QApplication.processEvents()
    panel = view.panel
    assert panel.body_scroll.verticalScrollBar().isVisible()  # taller than the window
    for button in (panel.timeline.new_button, panel.timeline.open_button):
        assert button.isVisible() and not button.visibleRegion().isEmpty()
        assert button.rect() == button.visibleRegion().boundingRect()  # whole, not clipped
    view.table.clearSelection()
    view.panel.show_resident(None)
    assert not panel.timeline.new_button.isVisible()  # no resident, no buttons


def test_a_list_first_filled_by_a_change_from_elsewhere_has_its_columns_sized(
    qtbot, workspace: Workspace
) -> None:
    """An empty list (a newcomer's, before its first sync) that a sync fills in place: its
    rows' cells are made when painted, so the columns must be sized from the residents, not
    from cells not made yet (they came out as wide as the headings)."""
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)
    assert view.model.rowCount() == 0
    for n in range(3):
        residents.save_resident(
            workspace, ResidentDraft(name=f"김순자{n}호", phone="010-1111-2222", sex="female")
        )
    resets: list[None] = []
    view.model.modelReset.connect(lambda: resets.append(None))
    view.show_changes(ChangeSet(entities=frozenset({"resident"}), origin=SYNC))
    assert view.model.rowCount() == 3 and resets == []  # inserted in place, not reset
    table, model = view.table, view.model
    for column in (model.NAME, model.PHONE):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column) > 0, column
    heading = table.horizontalHeader().sectionSizeFromContents(model.PHONE).width()
    assert table.columnWidth(model.PHONE) > heading  # the number, not the heading, sized it
