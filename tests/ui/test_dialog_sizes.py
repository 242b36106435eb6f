"""Each of our dialogs opens at the size it was last given by hand (ui/window_state.py): the
same kind of dialog again in the same session, and after the app is started again. A size that no
longer fits the screen is brought within it; a value that is not a size opens the dialog at its
own. Real dialogs of a real main window, closed with Escape."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtTest import QTest

from consultdesk.ui.access_log_dialog import AccessLogDialog
from consultdesk.ui.main_window import MainWindow
from tests.ui.windows import laptop_window, settle

KEY = "dialogs/AccessLogDialog/size"


def shown(qtbot, workspace, window: MainWindow) -> AccessLogDialog:
    dialog = AccessLogDialog(workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    return dialog


def close(dialog: AccessLogDialog) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # as a person closes it from the keyboard
    settle()
    assert not dialog.isVisible()


def test_a_dialog_opens_at_the_size_it_was_closed_at(qtbot, workspace):
    window = laptop_window(qtbot, workspace)
    first = shown(qtbot, workspace, window)
    default = first.size()
    room = first.screen().availableGeometry()
    wanted = QSize(
        min(default.width() + 120, room.width()), min(default.height() + 90, room.height())
    )
    first.resize(wanted)
    settle()
    assert first.size() == wanted != default
    close(first)
    assert shown(qtbot, workspace, window).size() == wanted  # the same session
    window.close()
    again = laptop_window(qtbot, workspace)  # the next start
    assert shown(qtbot, workspace, again).size() == wanted


def test_a_size_too_big_for_the_screen_is_brought_within_it(qtbot, workspace):
    kept = QSettings(str(workspace.data_dir / "settings.ini"), QSettings.Format.IniFormat)
    kept.setValue(KEY, QSize(9000, 7000))  # saved beside a big monitor, opened on a laptop
    kept.sync()
    window = laptop_window(qtbot, workspace)
    dialog = shown(qtbot, workspace, window)
    room = dialog.screen().availableGeometry()
    assert 0 < dialog.width() <= room.width() and 0 < dialog.height() <= room.height()


def test_a_value_that_is_not_a_size_opens_the_dialog_at_its_own(qtbot, workspace):
    window = laptop_window(qtbot, workspace)
    default = shown(qtbot, workspace, window).size()
    for value in ("800x600", QSize(-1, -1), QSize(0, 0)):
        kept = QSettings(str(workspace.data_dir / "settings.ini"), QSettings.Format.IniFormat)
        kept.setValue(KEY, value)
        kept.sync()
        assert shown(qtbot, workspace, window).size() == default, value


def test_a_dialog_closed_as_it_opened_keeps_no_size(qtbot, workspace):
    """One that sizes itself to what it says (a sync report: a line, or five details) goes on
    doing so until it is resized by hand."""
    window = laptop_window(qtbot, workspace)
    close(shown(qtbot, workspace, window))
    kept = QSettings(str(workspace.data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert kept.value(KEY) is None
