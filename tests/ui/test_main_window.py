from collections import Counter

from PySide6.QtCore import Qt

from consultdesk.demo import fill_demo
from consultdesk.ui import i18n
from consultdesk.ui.app import Shell
from consultdesk.ui.main_window import MainWindow


def test_main_window_areas_search_shortcut_and_language_switch(qtbot, workspace):
    fill_demo(workspace, residents=50)
    shell = Shell(workspace)
    window = shell.window
    qtbot.addWidget(window)
    window.show()
    assert window.nav.item(0).text() == "내담자"
    assert window.nav.count() == window.stack.count() - 1  # the editor has no entry when closed
    assert "내담자 50명" in window.who.text()
    window.nav.setCurrentRow(window.stack.indexOf(window.centres))
    assert window.stack.currentWidget() is window.centres
    assert window.centres.centre_list.count() == 5
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.centres.centre_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.residents
    assert window.residents.model.rowCount() == 50
    assert window.residents.search.hasFocus()

    shell.change_language("en")
    try:
        qtbot.addWidget(shell.window)
        assert shell.window.nav.item(0).text() == "Residents"
        assert i18n.saved_language(workspace.data_dir) == "en"
    finally:
        i18n.install("ko")


def test_closing_a_consultation_or_saving_a_resident_leaves_the_search_as_typed(
    qtbot, workspace, monkeypatch
):
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services import residents
    from consultdesk.ui.resident_dialog import ResidentDialog

    fill_demo(workspace, residents=50)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    view = window.residents
    rows, _ = residents.search_residents(workspace, "")
    family_names = Counter(r.name[0] for r in rows)
    query = family_names.most_common(1)[0][0]  # a family name: several residents share it
    first = next(r for r in rows if r.name.startswith(query))
    view.search.setText(query)
    view.refresh()
    listed = view.model.rowCount()
    assert 1 < listed < 50

    # Open a consultation from the filtered list and close it: back on the same list.
    window.new_consultation(first.id)
    assert window.stack.currentWidget() is window.editor
    assert window.editor.close_consultation()
    assert window.stack.currentWidget() is view
    assert view.search.text() == query
    assert view.model.rowCount() == listed
    assert view.selected_id() == first.id
    assert view.panel.detail is not None and view.panel.detail.id == first.id
    assert "1회차" in view.panel.timeline.list.item(0).text()  # the new session is listed

    # A new resident whose name the search would hide: the search is cleared, not filled.
    def saving(name):
        def ask(ws, resident_id, parent=None):
            return residents.save_resident(ws, ResidentDraft(name=name))

        return staticmethod(ask)

    monkeypatch.setattr(ResidentDialog, "ask", saving("하늘빛"))
    view.new_resident()
    assert view.panel.detail is not None and view.panel.detail.data.name == "하늘빛"
    assert view.selected_id() == view.panel.detail.id
    assert view.search.text() == ""
    assert view.model.rowCount() == 51
    # A new resident that the search in use finds: the search stays as typed.
    view.search.setText("하늘")
    view.refresh()
    monkeypatch.setattr(ResidentDialog, "ask", saving("하늘솔"))
    view.new_resident()
    assert view.search.text() == "하늘"
    assert view.panel.detail.data.name == "하늘솔" and view.model.rowCount() == 2
    assert view.selected_id() == view.panel.detail.id


def test_the_areas_behind_the_first_are_read_when_first_shown(qtbot, workspace):
    """Start-up reads the residents list only; the referrals and centres areas fill when the
    pharmacist opens them (and then show everything, as if they had been read at once)."""
    fill_demo(workspace, residents=40, sessions=120)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.residents.model.rowCount() == 40
    assert window.referrals.model.rowCount() == 0
    assert window.centres.centre_list.count() == 0
    window.nav.setCurrentRow(window.stack.indexOf(window.referrals))
    assert window.referrals.model.rowCount() > 0
    window.nav.setCurrentRow(window.stack.indexOf(window.centres))
    assert window.centres.centre_list.count() == 5


def test_closing_a_consultation_goes_straight_back_to_the_residents(qtbot, workspace):
    """Taking the consultation's entry off the list made the area above it (the sync area)
    current for a moment: it read the conflicts, and the access log said they were viewed."""
    from sqlmodel import select

    from consultdesk.storage.models import AuditEvent

    def conflicts_viewed() -> int:
        with workspace.db.session(read_only=True) as s:
            rows = s.exec(select(AuditEvent).where(AuditEvent.entity == "conflicts")).all()
        return len(rows)

    fill_demo(workspace, residents=5, sessions=5)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    shown: list[object] = []
    window.stack.currentChanged.connect(lambda _: shown.append(window.stack.currentWidget()))
    rid = window.residents.model.rows[0].id
    window.new_consultation(rid)
    shown.clear()
    assert window.editor.close_consultation()
    assert shown == [window.residents]
    assert conflicts_viewed() == 0
    assert window.nav.currentRow() == 0 and window.nav.count() == 6
