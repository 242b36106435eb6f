"""The main window as the pharmacist left it: its size and place (maximised or not), and where
she put the dividers beside the residents list and beside the risk flags; and each of our
dialogs at the size she last gave it (the export preview, the access log, a comparison).

Kept in the data folder's ``settings.ini`` with the language (ui/i18n.py): no personal data,
only a window's geometry, two dividers' positions and the dialogs' sizes. Restored at the next
start; what does not restore (a first start, a file from an older version, a value damaged by
hand) leaves the window at its default size, and a place on a screen that is no longer
attached (a projector at the welfare centre) is moved onto the one there is: Qt's
restoreGeometry does both checks.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize
from PySide6.QtWidgets import QApplication, QDialog, QLayout, QSplitter, QWidget

from consultdesk.ui.i18n import settings

GEOMETRY = "window/geometry"
DIVIDERS = "window/dividers/"  # + the divider's name
DIALOGS = "dialogs/"  # + the dialog's class name + "/size"
_RESTORED = "consultdesk_size_restored"  # a dialog's property: its size was put back once
_SHOWN = "consultdesk_size_shown"  # a dialog's property: its size when it was last shown


def save(window: QWidget, data_dir: Path, dividers: dict[str, QSplitter]) -> None:
    kept = settings(data_dir)
    kept.setValue(GEOMETRY, window.saveGeometry())
    for name, splitter in dividers.items():
        kept.setValue(DIVIDERS + name, splitter.saveState())
    kept.sync()


def restore(window: QWidget, data_dir: Path, dividers: dict[str, QSplitter]) -> bool:
    """Put the window and its dividers back as saved; False when there was no usable size
    (the caller gives the window its default one)."""
    kept = settings(data_dir)
    for name, splitter in dividers.items():
        state = _bytes(kept.value(DIVIDERS + name))
        if state is not None:
            splitter.restoreState(state)  # False, and nothing changed, for a damaged value
    geometry = _bytes(kept.value(GEOMETRY))
    return geometry is not None and window.restoreGeometry(geometry)


def _bytes(value: object) -> QByteArray | None:
    # QSettings gives back a QByteArray it wrote; anything else is a value edited by hand.
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


class DialogSizes(QObject):
    """Every dialog of ours that can be resized opens at the size it was last given by hand,
    the same kind of dialog sharing one size (a wider export preview stays wide). Put
    back as the dialog is shown, before Qt centres it on its window; at most the screen's room,
    at least what its contents need. Installed on the application by the main window."""

    def __init__(self, data_dir: Path, parent: QObject) -> None:
        super().__init__(parent)
        self.data_dir = data_dir

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            (kind == QEvent.Type.Show or kind == QEvent.Type.Hide)
            and not event.spontaneous()
            and isinstance(watched, QDialog)
        ):
            with contextlib.suppress(RuntimeError):  # a dialog going with the app's end
                self._shown_or_hidden(watched, kind == QEvent.Type.Show)
        return False

    def _shown_or_hidden(self, dialog: QDialog, shown: bool) -> None:
        if not _resizable_dialog_of_ours(dialog):
            return
        if shown:
            self._restore(dialog)
        elif dialog.size() != dialog.property(_SHOWN):
            # Resized while it was open: that size is the one to open at next time. A dialog
            # closed as it opened keeps none, so one that sizes itself to what it says (a
            # sync report) goes on doing so.
            settings(self.data_dir).setValue(_dialog_key(dialog), dialog.size())

    def _restore(self, dialog: QDialog) -> None:
        if not dialog.property(_RESTORED):  # not when shown again (a wizard's next page)
            dialog.setProperty(_RESTORED, True)
            saved = settings(self.data_dir).value(_dialog_key(dialog))
            # Never resized before, or a value edited by hand: its own size.
            if isinstance(saved, QSize) and saved.isValid() and not saved.isEmpty():
                room = dialog.screen().availableGeometry()
                least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
                dialog.resize(
                    saved.boundedTo(room.size()).boundedTo(dialog.maximumSize()).expandedTo(least)
                )
        dialog.setProperty(_SHOWN, dialog.size())


def install_dialog_sizes(window: QWidget, data_dir: Path) -> DialogSizes | None:
    app = QApplication.instance()
    if app is None:
        return None
    sizes = DialogSizes(data_dir, window)  # goes (and out of the event path) with the window
    app.installEventFilter(sizes)
    return sizes


def _dialog_key(dialog: QDialog) -> str:
    return f"{DIALOGS}{type(dialog).__name__}/size"


def _resizable_dialog_of_ours(dialog: QDialog) -> bool:
    if not dialog.isWindow() or not type(dialog).__module__.startswith("consultdesk.ui."):
        return False  # Qt's own (message boxes, file dialogs) size themselves
    layout = dialog.layout()
    if layout is not None and layout.sizeConstraint() == QLayout.SizeConstraint.SetFixedSize:
        return False
    return dialog.minimumSize() != dialog.maximumSize()
