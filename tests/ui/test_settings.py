from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from consultdesk.domain.errors import WrongPassphrase
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import app_lock, backup, residents
from consultdesk.services.workspace import Workspace
from consultdesk.storage.database import open_database
from consultdesk.ui import i18n
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.passphrase_dialog import ChangePassphraseDialog
from consultdesk.ui.restore_dialog import Restore, RestoreDialog
from consultdesk.ui.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE


def test_settings_offer_each_language_named_in_itself(qtbot, tmp_path):
    i18n.save_language(tmp_path, "en")
    dialog = SettingsDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "en"  # the saved choice is shown
    labels = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert labels[1:] == ["한국어", "English"]
    dialog.language.setCurrentIndex(1)
    assert dialog.chosen_language() == "ko"


def test_language_choice_resolves_to_a_catalogue(tmp_path):
    assert i18n.resolve("ko") == "ko"
    assert i18n.resolve("en") == "en"
    assert i18n.resolve("system") in i18n.LANGUAGES
    assert i18n.resolve(None) in i18n.LANGUAGES
    assert i18n.saved_language(tmp_path) == "system"  # nothing saved yet
    (tmp_path / "settings.ini").write_text("[General]\nlanguage=klingon\n", encoding="utf-8")
    assert i18n.saved_language(tmp_path) == "system"  # a damaged setting falls back


# --- data safety in the settings and the File menu ----------------------------------------------


@pytest.fixture
def window(qtbot, workspace, korean_app):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _settings(qtbot, window) -> SettingsDialog:
    dialog = SettingsDialog(window.ws.data_dir, window, window.ws, window.app_lock)
    qtbot.addWidget(dialog)
    return dialog


@contextmanager
def answering(kind, answer):
    """While inside, each visible top-level `kind` is answered by `answer(widget)` once."""
    done: set[int] = set()

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, kind) and w.isVisible() and id(w) not in done:
                done.add(id(w))
                answer(w)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    try:
        yield done
    finally:
        timer.stop()


def test_the_idle_minutes_take_effect_at_once(qtbot, window):
    dialog = _settings(qtbot, window)
    assert dialog.idle.value() == 10 and dialog.idle.minimum() == 1 and dialog.idle.maximum() == 60
    dialog.idle.setValue(3)
    dialog.accept()
    assert window.app_lock.idle.interval() == 3 * 60_000 and window.app_lock.idle.isActive()
    assert app_lock.idle_minutes(window.ws) == 3  # kept for the next start
    assert "분" in dialog.idle.suffix()


def test_the_file_menu_has_the_backup_restore_and_passphrase_items(qtbot, window):
    from PySide6.QtWidgets import QMenu

    texts = [a.text() for a in window.menuBar().findChild(QMenu).actions()]
    for wanted in ("지금 백업(&B)", "백업에서 복원(&R)…", "암호 바꾸기(&G)…"):
        assert wanted in texts, texts
    assert texts.index("지금 백업(&B)") < texts.index(window.app_lock.action.text())


def test_every_menu_gives_each_item_its_own_alt_key(window):
    """Two items with the same underlined letter make Alt+letter ambiguous (약사 정보(P) and
    암호 바꾸기(P) once shared P)."""
    import re

    from PySide6.QtWidgets import QMenu

    for menu in window.menuBar().findChildren(QMenu):
        keys = [
            m.group(1).lower()
            for a in menu.actions()
            if (m := re.search(r"&(\w)", a.text().replace("&&", "")))
        ]
        assert len(keys) == len(set(keys)), (menu.title(), keys)


def test_back_up_now_also_copies_to_the_second_folder_while_it_is_there(
    qtbot, window, tmp_path, monkeypatch
):
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = _settings(qtbot, window)
    monkeypatch.setattr(SettingsDialog, "choose_folder", classmethod(lambda cls, p, s: usb))
    dialog.choose_button.click()
    assert dialog.second_folder.text() == str(usb)
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.backup_button.isEnabled(), timeout=15_000)
    [copy] = list(usb.glob("consultdesk-*.db"))
    assert str(copy) in dialog.status.text()
    assert len(list(backup.backup_folder(window.ws.data_dir).glob("consultdesk-*.db"))) == 1
    open_database(copy, PASSPHRASE).close()  # a real, encrypted copy
    dialog.accept()
    assert backup.second_folder(window.ws) == usb  # kept: the daily backup copies there too
    assert backup.auto_backup(window.ws) is not None and list(usb.glob("daily-*.db"))

    usb_gone = _settings(qtbot, window)
    copy.unlink()
    for daily in usb.glob("daily-*.db"):
        daily.unlink()
    usb.rmdir()  # the stick is pulled out
    usb_gone.backup_button.click()
    qtbot.waitUntil(lambda: usb_gone.backup_button.isEnabled(), timeout=15_000)
    assert "USB" in usb_gone.status.text() and str(usb) in usb_gone.status.text()


def test_change_passphrase_checks_the_rules_then_backs_up_and_rekeys(qtbot, workspace, korean_app):
    dialog = ChangePassphraseDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.current.setText("not the passphrase")
    dialog.new.setText("a new passphrase 2")
    dialog.again.setText("a new passphrase 2")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.change_button.isEnabled(), timeout=15_000)
    assert "현재 암호" in dialog.error.text() and dialog.kept is None
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText("short")
    dialog.again.setText("short")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.change_button.isEnabled(), timeout=15_000)
    assert "8" in dialog.error.text() and dialog.kept is None  # the set-up's rule
    dialog.new.setText("a new passphrase 2")
    dialog.again.setText("a new passphrase 2")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.kept is not None, timeout=30_000)
    kept = dialog.kept
    # The open app goes on with the new key; the file opens with the new passphrase only.
    residents.save_resident(workspace, ResidentDraft(name="새암호"))
    open_database(workspace.db.path, "a new passphrase 2").close()
    with pytest.raises(WrongPassphrase):
        open_database(workspace.db.path, PASSPHRASE)
    open_database(kept, PASSPHRASE).close()  # the backup keeps the old one


def test_restore_says_what_it_replaces_then_restores_and_closes_the_app(qtbot, window, monkeypatch):
    ws = window.ws
    residents.save_resident(ws, ResidentDraft(name="백업전"))
    made = backup.backup_now(ws)
    residents.save_resident(ws, ResidentDraft(name="백업후"))
    monkeypatch.setattr(Restore, "choose_file", staticmethod(lambda parent, start: made))
    closed: list[bool] = []
    monkeypatch.setattr(Restore, "close_app", staticmethod(lambda: closed.append(True)))
    seen: list[str] = []

    def confirm(dialog: RestoreDialog) -> None:
        seen.append(dialog.summary.text())
        dialog.passphrase.setText(PASSPHRASE)
        dialog.force.setChecked(True)  # this computer has a newer change (백업후)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    with answering(RestoreDialog, confirm), answering(QMessageBox, read_and_close):
        result = Restore.run(ws, window, window.editor.close_consultation)
    assert result is not None and closed == [True]
    assert "2명" in seen[0] and made.name in seen[0] and "backups" in seen[0]
    assert made.name in seen[1] and "다시 시작" in seen[1]
    assert ws.db.locked  # the window's database is gone; nothing writes to the new one
    again = Workspace.unlock(ws.data_dir, PASSPHRASE)
    try:
        names = {r.name for r in residents.search_residents(again, "")[0]}
        assert "백업전" in names and "백업후" not in names
        assert again.device != ws.device  # the restored database is a new device of the team
    finally:
        again.close()
    assert result.kept_current is not None and result.kept_current.exists()
