"""Start the desktop app: fonts, language, error handling, unlock, main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from consultdesk.paths import resource_path
from consultdesk.services.workspace import Workspace
from consultdesk.storage import folder_lock
from consultdesk.storage.errors import FolderInUse
from consultdesk.ui import errors, i18n, tasks
from consultdesk.ui.errors import install_excepthook, setup_logging
from consultdesk.ui.fonts import register_fonts
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.messages import error_text
from consultdesk.ui.start import SetupDialog, UnlockDialog


class Shell:
    """Holds the main window and rebuilds it when the language changes."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.ws)
        window.language_changed.connect(self.change_language)
        return window

    def change_language(self, choice: str) -> None:
        i18n.save_language(self.ws.data_dir, choice)
        i18n.install(i18n.resolve(choice))
        old = self.window
        editing = old.editor.data.id if old.editor.data is not None else None
        self.window = self._make_window()
        self.window.setGeometry(old.geometry())
        self.window.show()
        old.close()  # saves and closes the open consultation
        old.deleteLater()
        if editing is not None:
            self.window.open_consultation(editing)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ConsultDesk")
    app.setOrganizationName("ConsultDesk")
    # Matches packaging/org.consultdesk.ConsultDesk.desktop, so Linux desktops group the window
    # under its launcher and show its icon.
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    register_fonts(app)
    return app


DESKTOP_ID = "org.consultdesk.ConsultDesk"


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource_path("icons")
    for png in sorted(folder.glob("consultdesk-*.png")):
        icon.addFile(str(png))
    icon.addFile(str(folder / "consultdesk.svg"))
    return icon


class FolderInUseDialog:
    """The seam tests replace: says the data folder is open in another ConsultDesk."""

    @staticmethod
    def show(text: str) -> None:
        QMessageBox.warning(None, QApplication.translate("Shell", "ConsultDesk"), text)


def claim_data_folder(data_dir: Path) -> bool:
    """Take the data folder for this app; False (after saying so) if another app has it."""
    try:
        folder_lock.acquire(data_dir)
    except FolderInUse as e:
        FolderInUseDialog.show(error_text(e))
        return False
    return True


def _daily_backup(ws: Workspace) -> None:
    """The day's automatic backup when the app closes (kept: 7 daily, 4 weekly)."""
    from consultdesk.services import backup

    try:
        backup.auto_backup(ws)
    except Exception:  # the app closes anyway; tomorrow's close tries again
        logging.getLogger(__name__).warning("daily backup failed", exc_info=True)


def run_app(data_dir: Path, lang: str | None = None, bench_startup: bool = False) -> int:
    started = time.perf_counter()
    app = make_application()
    setup_logging(data_dir)
    install_excepthook()
    i18n.install(i18n.resolve(lang or i18n.saved_language(data_dir)))
    if not claim_data_folder(data_dir):
        return 1
    try:
        return _run(app, data_dir, started, bench_startup)
    finally:
        folder_lock.release(data_dir)


def _run(app: QApplication, data_dir: Path, started: float, bench_startup: bool) -> int:
    ws: Workspace | None
    if bench_startup:
        # The benchmark opens a prepared database without dialogs (passphrase from the env).
        ws = Workspace.unlock(data_dir, os.environ["CONSULTDESK_PASSPHRASE"])
    elif Workspace.exists(data_dir):
        ws = UnlockDialog.ask(data_dir)
    else:
        ws = SetupDialog.ask(data_dir)
    if ws is None:
        return 0
    try:
        shell = Shell(ws)
        shell.window.show()
    except Exception:  # logged and told plainly: there is no window to keep working in
        errors.report_startup_failure()
        ws.close()
        return 1
    errors.set_running(True)
    if not bench_startup:
        QTimer.singleShot(0, shell.window.offer_recovery)
    if bench_startup:

        def report() -> None:
            print(f"startup_seconds={time.perf_counter() - started:.4f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
    try:
        return app.exec()
    finally:
        # Quit in order: no error dialog any more, background tasks dropped or waited for,
        # then the database closes, then the window goes while the QApplication still exists.
        errors.set_running(False)
        tasks.shutdown()
        _daily_backup(ws)
        ws.close()
        del shell
