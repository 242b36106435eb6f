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

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from consultdesk import folder_lock
from consultdesk.domain.errors import FolderInUse
from consultdesk.paths import DATABASE_FILE, resource_path
from consultdesk.ui import errors, i18n, preload, pyside_imports, tasks  # noqa: F401
from consultdesk.ui.errors import install_excepthook, setup_logging
from consultdesk.ui.first_paint import OnFirstPaint
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


def end_application() -> None:
    """Delete the QApplication now, as the interpreter's exit would have (Qt hands what was
    copied to the desktop's clipboard keeper then), before consultdesk.process.end ends the
    process without freeing Python's objects one by one."""
    app = QApplication.instance()
    if app is not None:
        app.shutdown()


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


def _report_first_window(started: float, dialog: QDialog) -> None:
    seconds = time.perf_counter() - started
    loaded = [name for name in DEFERRED_MODULES if name in sys.modules]
    print(f"first_window_seconds={seconds:.4f}", flush=True)
    print(f"deferred_loaded={','.join(loaded)}", flush=True)
    dialog.close()


def run_app(
    data_dir: Path,
    lang: str | None = None,
    bench_startup: bool = False,
    bench_first_window: bool = False,
    bench_unlock: bool = False,
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
        if bench_unlock:
            return _run(app, data_dir, started, bench_startup, bench_unlock=True)
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
    OnFirstPaint(dialog, lambda: _report_first_window(started, dialog))
    dialog.exec()
    preload.wait()  # the background load was started by the painted window
    return 0


# make bench: the unlock with the passphrase typed a key at a time ("K,E": a key every K ms,
# Enter E ms after the last key) instead of set at once and submitted at once.
BENCH_TYPING_ENV = "CONSULTDESK_BENCH_TYPING"


def _turn_for(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (the time a person takes to the next key)."""
    until = time.perf_counter() + ms / 1000
    while (left := until - time.perf_counter()) > 0:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, max(1, int(left * 1000)))
        time.sleep(min(left, 0.005))


def _unlock_at_once(data_dir: Path, submitted: list[float], started: float) -> Workspace | None:
    """The unlock window with the passphrase (from the environment) submitted once the
    background load is done, as it is after a person has typed a passphrase; notes when
    (make bench: unlock_to_usable_list_10k_ms)."""
    dialog = UnlockDialog(data_dir)

    def submit() -> None:
        print(f"first_window_seconds={time.perf_counter() - started:.4f}", flush=True)
        loading = time.perf_counter()
        # (started by the painted window, on the loop's next turn)
        preload.load_screens()
        preload.wait()
        while not preload.screens_loaded():  # the screens, imported between keystrokes
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        print(f"background_load_ms={(time.perf_counter() - loading) * 1000:.1f}", flush=True)
        passphrase = os.environ["CONSULTDESK_PASSPHRASE"]
        typing = os.environ.get(BENCH_TYPING_ENV)
        if typing:  # a key every K ms, Enter E ms after the last: "K,E"
            key_ms, enter_ms = (int(part) for part in typing.split(","))
            for end in range(1, len(passphrase) + 1):
                dialog.passphrase.setText(passphrase[:end])
                _turn_for(key_ms if end < len(passphrase) else enter_ms)
        else:
            dialog.passphrase.setText(passphrase)
        submitted.append(time.perf_counter())
        dialog.submit()

    OnFirstPaint(dialog, submit)
    return dialog.workspace if dialog.exec() == QDialog.DialogCode.Accepted else None


def _report_unlock(submitted: float, window: MainWindow) -> None:
    print(f"unlock_to_usable_ms={(time.perf_counter() - submitted) * 1000:.1f}", flush=True)
    print(f"residents_listed={window.residents.model.rowCount()}", flush=True)
    window.close()


def _run(
    app: QApplication,
    data_dir: Path,
    started: float,
    bench_startup: bool,
    bench_unlock: bool = False,
) -> int:
    ws: Workspace | None
    submitted: list[float] = []
    if bench_startup:
        # The benchmark opens a prepared database without dialogs (passphrase from the env).
        from consultdesk.services.workspace import Workspace

        ws = Workspace.unlock(data_dir, os.environ["CONSULTDESK_PASSPHRASE"])
    elif _database_exists(data_dir):
        ws = (
            _unlock_at_once(data_dir, submitted, started)
            if bench_unlock
            else UnlockDialog.ask(data_dir)
        )
    else:
        ws = SetupDialog.ask(data_dir)
    if ws is None:
        return 0
    try:
        shell = Shell(ws)
        if submitted:
            window = shell.window
            OnFirstPaint(window, lambda: _report_unlock(submitted[0], window))
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
