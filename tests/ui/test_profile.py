"""Issue 10: the pharmacist's profile is edited after set-up (File menu, or the Settings dialog),
checked like any form, and used at once."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from consultdesk.services.workspace import Profile, Workspace
from consultdesk.ui.app import Shell
from consultdesk.ui.profile_dialog import ProfileDialog
from consultdesk.ui.settings_dialog import SettingsDialog
from consultdesk.ui.start import SetupDialog
from tests.conftest import PASSPHRASE


def test_the_profile_dialog_checks_and_saves(qtbot, workspace):
    dialog = ProfileDialog(workspace)
    qtbot.addWidget(dialog)
    fields = dialog.fields
    assert (fields.name.text(), fields.organisation.text(), fields.phone.text()) == (
        "박약사",
        "우리약국",
        "010-0000-1111",
    )
    fields.name.clear()
    fields.phone.setText("12")
    dialog.submit()
    assert dialog.result() != ProfileDialog.DialogCode.Accepted
    assert "이름을 입력하세요" in dialog.error.text() and "010-1234-5678" in dialog.error.text()
    assert workspace.profile.pharmacist_name == "박약사"
    fields.name.insert("김약사")
    fields.organisation.setText("행복약국")
    fields.phone.setText("1644 5678")
    dialog.submit()
    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    assert workspace.profile == Profile("김약사", "행복약국", "1644-5678")
    data_dir = workspace.data_dir
    workspace.close()
    again = Workspace.unlock(data_dir, PASSPHRASE)
    try:
        assert again.profile == Profile("김약사", "행복약국", "1644-5678")
    finally:
        again.close()


def test_the_settings_dialog_opens_the_profile(qtbot, workspace, monkeypatch):
    opened: list[Workspace] = []
    monkeypatch.setattr(
        ProfileDialog, "ask", classmethod(lambda cls, ws, p=None: opened.append(ws))
    )
    dialog = SettingsDialog(workspace.data_dir, None, workspace)
    qtbot.addWidget(dialog)
    assert dialog.profile_button is not None and dialog.profile_button.text() == "약사 정보 수정…"
    dialog.profile_button.click()
    assert opened == [workspace]
    bare = SettingsDialog(workspace.data_dir)  # no workspace open: language only
    qtbot.addWidget(bare)
    assert bare.profile_button is None


def test_the_file_menu_edits_the_profile_and_the_window_shows_the_new_name(qtbot, workspace):
    shell = Shell(workspace)
    window = shell.window
    qtbot.addWidget(window)
    window.show()
    assert "박약사" in window.who.text()
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "약사 정보(&P)…"]

    def fill_the_real_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProfileDialog):
            QTimer.singleShot(10, fill_the_real_dialog)
            return
        dialog.fields.name.setText("김약사")
        dialog.submit()

    QTimer.singleShot(0, fill_the_real_dialog)
    action.trigger()
    assert workspace.profile.pharmacist_name == "김약사"
    assert "김약사" in window.who.text()


def test_set_up_checks_the_contact_phone_before_creating_anything(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.name.insert("박약사")
    dialog.phone.setText("12345")
    dialog.passphrase.setText("long enough")
    dialog.again.setText("long enough")
    dialog.submit()
    assert "010-1234-5678" in dialog.error.text()
    assert not Workspace.exists(tmp_path)
    dialog.phone.setText("0507-1234-5678")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert dialog.workspace is not None
    try:
        assert dialog.workspace.profile.phone == "0507-1234-5678"
    finally:
        dialog.workspace.close()
