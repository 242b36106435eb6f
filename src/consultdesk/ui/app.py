"""Start the desktop app: fonts, language, error handling, unlock, main window.

The first window must appear about as fast as a bare Qt window: this module and the unlock and
set-up windows import Qt and light modules only. The database layer, the PDF library and the
sync cryptography load in the background while the passphrase is typed (ui/preload.py), and the
main window's module is imported once the database is open. tests/ui/test_first_window.py keeps
it so.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from consultdesk import folder_lock
from consultdesk.domain.errors import FolderInUse
from consultdesk.paths import DATABASE_FILE, resource_path
from consultdesk.ui import errors, i18n, preload, tasks
from consultdesk.ui.errors import install_excepthook, setup_logging
from consultdesk.ui.fonts import register_fonts
from consultdesk.ui.messages import error_text
from consultdesk.ui.start import SetupDialog, UnlockDialog

if TYPE_CHECKING:
    from consultdesk.services.workspace import Workspace
    from consultdesk.ui.main_window import MainWindow

# Modules the first window must not wait for (they load in the background).
DEFERRED_MODULES = ("sqlalchemy", "sqlmodel", "pydantic", "reportlab", "cryptography", "sqlcipher3")


class Shell:
    """Holds the main window and rebuilds it when the language changes."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        from consultdesk.ui.main_window import MainWindow

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


class FirstPaint(QObject):
    """Reports once when a window is first painted (the first-window benchmark and its test)."""

    def __init__(self, started: float, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.started = started
        self.dialog = dialog
        self.done = False
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            seconds = time.perf_counter() - self.started
            loaded = [name for name in DEFERRED_MODULES if name in sys.modules]
            print(f"first_window_seconds={seconds:.4f}", flush=True)
            print(f"deferred_loaded={','.join(loaded)}", flush=True)
            QTimer.singleShot(0, self.dialog.close)
        return False


def run_app(
    data_dir: Path,
    lang: str | None = None,
    bench_startup: bool = False,
    bench_first_window: bool = False,
) -> int:
    started = time.perf_counter()
    app = make_application()
    setup_logging(data_dir)
    install_excepthook()
    i18n.install(i18n.resolve(lang or i18n.saved_language(data_dir)))
    if not claim_data_folder(data_dir):
        return 1
    try:
        if bench_first_window:
            return _first_window_only(data_dir, started)
        return _run(app, data_dir, started, bench_startup)
    finally:
        folder_lock.release(data_dir)


def _database_exists(data_dir: Path) -> bool:
    # Workspace.exists without loading the database layer.
    return (data_dir / DATABASE_FILE).is_file()


def _first_window_only(data_dir: Path, started: float) -> int:
    """Show the window a pharmacist sees first, report when it is painted, and close it."""
    exists = _database_exists(data_dir)
    dialog: QDialog = UnlockDialog(data_dir) if exists else SetupDialog(data_dir)
    FirstPaint(started, dialog)
    dialog.exec()
    preload.wait()  # the background load was started by the painted window
    return 0


def _run(app: QApplication, data_dir: Path, started: float, bench_startup: bool) -> int:
    ws: Workspace | None
    if bench_startup:
        # The benchmark opens a prepared database without dialogs (passphrase from the env).
        from consultdesk.services.workspace import Workspace

        ws = Workspace.unlock(data_dir, os.environ["CONSULTDESK_PASSPHRASE"])
    elif _database_exists(data_dir):
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
