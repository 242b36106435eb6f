"""The main window opens as the pharmacist left it: its size, maximised or not, and the dividers
beside the residents list and beside the risk flags (ui/window_state.py). A settings file that
holds no usable value opens the window at its default size. Real windows, closed as the File
menu closes them, and a divider dragged with the mouse."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QPointF, QSettings
from PySide6.QtWidgets import QSplitter

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.ui.main_window import MainWindow
from tests.consent_helpers import consent_to_health_info
from tests.ui import mouse
from tests.ui.windows import settle


def opened(qtbot, workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    settle()
    return window


def drag(splitter: QSplitter, by: int) -> None:
    """Press on the divider, move it ``by`` pixels to the right with the button held, let go."""
    handle = splitter.handle(1)
    mouse.drag(handle, QPointF(handle.rect().center()), QPointF(by, 0))
    settle()


def test_size_and_dividers_are_as_they_were_left(qtbot, workspace):
    resident = save_resident(workspace, ResidentDraft(name="김순자", birth_date="1941-05-09"))
    consent_to_health_info(workspace, resident)
    cid = svc.start_consultation(workspace, resident, today=date(2026, 11, 20))
    window = opened(qtbot, workspace)
    room = window.screen().availableGeometry()
    default = (window.width(), window.height())
    # Narrower and lower than it opened, within the screen (not narrower than the window can be).
    width = max(window.minimumSizeHint().width(), min(default[0], room.width()) - 80)
    window.resize(width, default[1] - 120)
    settle()
    size = (window.width(), window.height())
    assert size != default
    residents_before = window.residents.splitter.sizes()
    drag(window.residents.splitter, -80)
    residents = window.residents.splitter.sizes()
    assert residents[0] < residents_before[0]  # the list was made narrower
    assert window.open_consultation(cid)
    settle()
    flags_before = window.editor.splitter.sizes()
    drag(window.editor.splitter, 120)
    consultation = window.editor.splitter.sizes()
    assert consultation[1] < flags_before[1]  # the flags panel was made narrower
    assert window.close()  # as File → Quit does

    again = opened(qtbot, workspace)
    assert (again.width(), again.height()) == size
    assert again.residents.splitter.sizes() == residents
    assert again.open_consultation(cid)
    settle()
    assert again.editor.splitter.sizes() == consultation
    assert again.close()


def test_a_maximised_window_opens_maximised(qtbot, workspace):
    window = opened(qtbot, workspace)
    window.showMaximized()
    settle()
    if not window.isMaximized():
        pytest.skip("this platform plugin does not maximise windows")
    assert window.close()
    again = MainWindow(workspace)
    qtbot.addWidget(again)
    again.show()
    settle()
    assert again.isMaximized()
    assert again.close()


@pytest.mark.parametrize(
    "value",
    ["not a window", QByteArray(b"\x01\x02 not one of Qt's"), ""],
    ids=["text", "bytes", "empty"],
)
def test_a_damaged_value_opens_the_window_at_its_default_size(qtbot, workspace, value):
    first = opened(qtbot, workspace)  # a first start: nothing kept yet
    default = (first.width(), first.height())
    default_dividers = first.residents.splitter.sizes()
    first.resize(first.width(), first.height() - 100)
    assert first.close()
    kept = QSettings(str(workspace.data_dir / "settings.ini"), QSettings.Format.IniFormat)
    kept.setValue("window/geometry", value)
    kept.setValue("window/dividers/residents", value)
    kept.sync()
    window = opened(qtbot, workspace)
    assert (window.width(), window.height()) == default
    assert window.residents.splitter.sizes() == default_dividers
    assert window.close()
