"""Lock the app after N idle minutes and on demand (Ctrl+L).

PIPA's safety measures ask for idle sessions to be cut off: a laptop left open in a resident's
living room must not show their records. Locked means:

* the open draft is saved first (nothing typed is lost);
* the window's content and menus are hidden behind a passphrase prompt;
* the database key is dropped (services.app_lock: every connection, each holding
  SQLCipher's derived key, is closed; none opens until the passphrase is given again).

Unlocking shows the window exactly as it was: the widgets are hidden, never rebuilt, so the
screen, the text in every field and the cursor come back as they were. Wrong passphrases count
towards the same back-off as at start and reach the access log.

The idle time is a setting kept in the database (1–60 minutes, default 10).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import StorageError, WrongPassphrase
from consultdesk.services import app_lock, backup, key_while_typing
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.messages import error_text
from consultdesk.ui.tasks import run_task, wait_all

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """The passphrase prompt that covers the window while it is locked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.title = QLabel(self.tr("ConsultDesk is locked"))
        style.title(self.title)
        self.hint = QLabel(self.hint_text())
        self.hint.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        style.error_text(self.error)
        box = QWidget(self)
        box.setFixedWidth(420)
        layout = QVBoxLayout(box)
        for widget in (self.title, self.hint, self.passphrase, self.unlock_button, self.error):
            layout.addWidget(widget)
        # Centred between stretches, not by an alignment flag: a widget placed by alignment
        # gets its plain size hint, one line per label, and the wrapped hint (two lines in
        # Korean) was cut at its top and bottom. Here its height follows its width.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    @staticmethod
    def hint_text() -> str:
        return QCoreApplication.translate(
            "LockScreen", "Nothing is shown while you are away. Enter the passphrase to continue."
        )


class AppLock(QObject):
    """Watches for activity, locks after the idle time or on Ctrl+L, and unlocks."""

    unlocked = Signal()  # the passphrase was accepted and the window shows its work again

    def __init__(
        self,
        window: QMainWindow,
        ws: Workspace,
        save_draft: Callable[[], object] = lambda: None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ws = ws
        self.save_draft = save_draft
        self.workspace_lock = app_lock.WorkspaceLock(ws, clock)
        self.screen = LockScreen(window)
        self.screen.hide()
        self.screen.unlock_button.clicked.connect(self.try_unlock)
        self.screen.passphrase.returnPressed.connect(self.try_unlock)
        # While locked, the key of what is typed is derived as it is typed (Enter seldom waits).
        self._typing: key_while_typing.WhileTyping | None = None
        self.screen.passphrase.textChanged.connect(self._typed)
        self._focus: QWidget | None = None
        self._locked = False
        self._hidden: list[QWidget] = []
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_minutes(app_lock.idle_minutes(ws))
        self.action = QAction(self.tr("&Lock"), window)
        self.action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(self.lock)
        window.addAction(self.action)
        file_menu = window.menuBar().findChild(QMenu)  # the first menu: File
        if file_menu is not None and file_menu.actions():
            file_menu.insertAction(file_menu.actions()[-1], self.action)  # above Quit
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            # Out of the event path as soon as the window goes (Qt drops the filter of a
            # deleted object by itself; this is for the window's own destruction).
            window.destroyed.connect(lambda *_: self._detach(app))
        # The window closed while locked (the app quit from the lock screen): the key of what
        # was typed there goes with it.
        window.destroyed.connect(lambda *_: self._forget_typing())
        self.idle.start()

    def _detach(self, app: QObject) -> None:
        with contextlib.suppress(RuntimeError):  # this object may be gone already
            app.removeEventFilter(self)

    @property
    def locked(self) -> bool:
        return self._locked

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.setInterval(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: only plain values are looked at, and widgets
        # only for the two events that matter.
        kind = event.type()
        with contextlib.suppress(RuntimeError):  # the window is being destroyed
            if kind in _ACTIVITY:
                if not self._locked:
                    self.idle.start()  # restarts the countdown
            elif kind == QEvent.Type.Resize and self._locked and watched is self.window:
                self.screen.setGeometry(self.window.rect())
        return False

    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True
        self.idle.stop()
        self._focus = self.window.focusWidget()
        self.save_draft()  # before the key goes: nothing typed is lost
        wait_all(10_000)  # let background reads finish with the key they started with
        with_menu = self.window.menuBar()
        self._hidden = [w for w in (self.window.centralWidget(), with_menu) if w is not None]
        for widget in self._hidden:
            widget.hide()
        self.screen.setGeometry(self.window.rect())
        self.screen.passphrase.clear()
        self.screen.error.clear()
        self.screen.show()
        self.screen.raise_()
        self.screen.passphrase.setFocus()
        self._daily_backup_first()
        self.workspace_lock.lock()
        self._typing = key_while_typing.for_data_dir(self.ws.data_dir)

    def _typed(self, text: str) -> None:
        if self._typing is not None:
            self._typing.typed(text)

    def _daily_backup_first(self) -> None:
        """The day's backup is made when the app closes, and it needs the key. The app may be
        quit while locked (the key gone), so when the day's copy is still due it is made now,
        behind the lock screen, while the key is still here."""
        if not backup.backup_due(self.ws):
            return
        self.screen.hint.setText(self.tr("Making today's backup…"))
        self.screen.repaint()
        try:
            backup.auto_backup(self.ws)
        except Exception:  # locking goes on; the next close (or lock) tries again
            log.warning("daily backup before locking failed", exc_info=True)
        finally:
            self.screen.hint.setText(LockScreen.hint_text())

    def try_unlock(self) -> None:
        passphrase = self.screen.passphrase.text()
        self.screen.passphrase.clear()
        try:
            self.workspace_lock.check()
        except StorageError as e:
            self.screen.error.setText(error_text(e))
            return
        self.screen.unlock_button.setEnabled(False)
        run_task(lambda: self.workspace_lock.unlock(passphrase), self._unlocked, self._failed)

    def _failed(self, error: Exception) -> None:
        self.screen.unlock_button.setEnabled(True)
        if isinstance(error, WrongPassphrase):
            # The general text also allows for a file that is not ConsultDesk's, which cannot
            # be so here: this window has had the database open.
            text = self.tr("That is not the passphrase. Try again.")
        else:
            text = error_text(error)
        self.screen.error.setText(text)
        self.screen.passphrase.setFocus()

    def _forget_typing(self) -> None:
        if self._typing is not None:
            self._typing.forget()
            self._typing = None

    def _unlocked(self, _result: object) -> None:
        self._forget_typing()
        self.screen.unlock_button.setEnabled(True)
        self.screen.hide()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self._locked = False
        if self._focus is not None:
            with contextlib.suppress(RuntimeError):  # that widget was closed meanwhile
                self._focus.setFocus()
        self.idle.start()
        self.unlocked.emit()


def install_lock(window: QMainWindow, ws: Workspace, save_draft: Callable[[], object]) -> AppLock:
    """The one call the main window makes: idle lock, Ctrl+L and a File menu item."""
    return AppLock(window, ws, save_draft)
