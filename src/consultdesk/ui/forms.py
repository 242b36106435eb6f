"""Showing validation problems next to the fields they are about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.ui import style
from consultdesk.ui.messages import error_text, problem_text

T = TypeVar("T")


class ProblemDisplay:
    """One message label for the form plus a red outline on each field that has a problem."""

    def __init__(self, label: QLabel, fields: dict[str, QWidget]) -> None:
        self.label = label
        self.fields = fields
        label.setWordWrap(True)
        style.error_text(label)
        label.hide()

    def show(self, problems: list[Problem]) -> None:
        self.clear()
        lines = []
        for problem in problems:
            text = problem_text(problem)
            if text not in lines:
                lines.append(text)
            widget = self.fields.get(problem.field)
            if widget is not None:
                style.invalid_field(widget)
                widget.setToolTip(text)
        self.label.setText("\n".join(lines))
        self.label.setVisible(bool(lines))
        self._grow()
        first = next((self.fields[p.field] for p in problems if p.field in self.fields), None)
        if first is not None:
            first.setFocus()

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a save: its result, or None after showing why it failed (validation problems
        beside their fields, a storage error such as a full disk as text). The form keeps
        everything typed either way."""
        try:
            return action()
        except ValidationFailed as e:
            self.show(e.problems)
        except Exception as e:
            if not type(e).__module__.startswith("consultdesk."):
                raise
            self.show_text(error_text(e))
        return None

    def show_text(self, text: str) -> None:
        self.clear()
        self.label.setText(text)
        self.label.show()
        self._grow()

    def _grow(self) -> None:
        # A dialog keeps the size it was first shown at; make room for the message so it never
        # draws over the fields.
        window = self.label.window()
        if not isinstance(window, QDialog):
            return  # a main window keeps the size the person gave it; its pages scroll
        layout = window.layout()
        if layout is not None:
            layout.activate()
        window.resize(window.width(), max(window.height(), window.sizeHint().height()))

    def clear(self) -> None:
        for widget in self.fields.values():
            style.invalid_field(widget, False)
            widget.setToolTip("")
        self.label.clear()
        self.label.hide()


def ask_csv_file(parent: QWidget | None, title: str) -> Path | None:
    """The file dialog behind the import dialogs' ``choose_file`` seams (None: cancelled)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(Path.home()), "CSV (*.csv *.txt);;* (*)"
    )
    return Path(name) if name else None


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question behind the dialogs' ``confirm_*`` seams."""
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before deleting: the question names the thing, Cancel is the default (Enter and Esc
    keep it), and only the Delete button deletes. Behind the views' ``confirm_delete`` seams."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("confirm_delete")
    delete = box.addButton(
        QCoreApplication.translate("Forms", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    delete.setObjectName("delete")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def show_refusal(parent: QWidget | None, title: str, text: str) -> None:
    """Say why something was not done (a delete refused, a record gone), and nothing more."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("refusal")
    box.exec()


def fitting_size(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """The size a window asks for, shrunk to what its screen leaves once the taskbar and a
    title bar (about 32 px) are counted: on a 1366×768 laptop nothing falls off the bottom."""
    screen = widget.screen()
    if screen is None:
        return width, height
    room = screen.availableGeometry()
    return min(width, room.width()), min(height, room.height() - 32)


def dialog_buttons(ok_text: str | None = None) -> QDialogButtonBox:
    """Save/Cancel (or `ok_text`/Cancel) buttons with translated texts."""
    # Made empty, then given its buttons: PySide6 picks among the constructor's overloads by
    # their argument types, and one of them takes a Qt.Orientation, so the first box made with
    # buttons built every enum of the Qt namespace (93 of them, about 50 ms) before the unlock
    # window could be painted. setStandardButtons has one signature.
    box = QDialogButtonBox()
    box.setStandardButtons(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(
        ok_text or QCoreApplication.translate("Labels", "Save")
    )
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Labels", "Cancel")
    )
    return box
