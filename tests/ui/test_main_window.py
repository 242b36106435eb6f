from PySide6.QtCore import Qt

from consultdesk.services.demo import fill_demo
from consultdesk.ui import i18n
from consultdesk.ui.app import Shell


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
