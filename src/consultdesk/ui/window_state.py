"""The main window as the pharmacist left it: its size and place (maximised or not), and where
she put the dividers beside the residents list and beside the risk flags.

Kept in the data folder's ``settings.ini`` with the language (ui/i18n.py): no personal data,
only a window's geometry and two dividers' positions. Restored at the next start; what does not
restore (a first start, a file from an older version, a value damaged by hand) leaves the
window at its default size, and a place on a screen that is no longer attached (a projector at
the welfare centre) is moved onto the one there is: Qt's restoreGeometry does both checks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QWidget

from consultdesk.ui.i18n import settings

GEOMETRY = "window/geometry"
DIVIDERS = "window/dividers/"  # + the divider's name


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
