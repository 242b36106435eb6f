"""What the file imports have in common (DUR files, product lists): choose a CSV file, read and
store it off the GUI thread with a progress bar, then say what it did — or, for a file that is
refused, the line and the reason, with nothing changed.

A dialog built on this sets its title and ``intro`` text and supplies the work and the words:
``choose_title()``, ``import_work()`` (made on the GUI thread, run on a worker),
``result_text()`` for the summary, and optionally ``failure_text()``, ``before_import()``,
``after_import()`` and ``refresh()``. It lays out its own widgets around the shared ones with
``lay_out()``. While an import runs, the dialog cannot be closed:
the import finishes on its own, and closing meanwhile would hide its outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.problems import ValidationFailed
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ProblemDisplay, ask_csv_file
from consultdesk.ui.messages import error_text, problem_text
from consultdesk.ui.tasks import ProgressRelay, run_task

Progress = Callable[[float], None]
Item = QWidget | QLayout | int | tuple[QWidget, int]  # an int is a stretch; (widget, stretch)


class ImportDialog(QDialog):
    changed = Signal()  # what the import feeds changed (an import, a removal)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.busy = False
        self.summary: Any = None
        self.intro = QLabel()  # the dialog's own words: what it imports, from which files
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "Choose file and import…")
        )
        self.choose_button.clicked.connect(self.choose_and_import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("ImportDialog", "Close")
        )
        self.buttons.rejected.connect(self.reject)
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

    def lay_out(
        self,
        above: Sequence[Item] = (),
        actions: Sequence[Item] = (),
        below_outcome: Sequence[Item] = (),
        below: Sequence[Item] = (),
    ) -> None:
        """Intro, `above`, the choose button then `actions` on one row, the progress and the
        outcome, `below_outcome`, the error, `below`, and the Close button."""
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch()
        _add(row, actions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        _add(layout, above)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        _add(layout, below_outcome)
        layout.addWidget(self.error)
        _add(layout, below)
        layout.addWidget(self.buttons)

    # --- seams for tests --------------------------------------------------------------------

    @classmethod
    def choose_file(cls, parent: QWidget | None, title: str) -> Path | None:
        return ask_csv_file(parent, title)

    @classmethod
    def run(cls, ws: Workspace, parent: QWidget | None = None) -> bool:
        """Show the dialog; True if what it imports into changed."""
        dialog = cls(ws, parent)  # type: ignore[call-arg]
        changed: list[bool] = []
        dialog.changed.connect(lambda: changed.append(True))
        dialog.exec()
        return bool(changed)

    # --- what a dialog supplies ---------------------------------------------------------------

    def choose_title(self) -> str:
        raise NotImplementedError

    def import_work(self, path: Path) -> Callable[[Progress], Any]:
        """The import, made on the GUI thread (read the widgets here), run on a worker."""
        raise NotImplementedError

    def result_text(self, summary: Any) -> str:
        raise NotImplementedError

    def failure_text(self, reasons: str) -> str:
        return reasons

    def before_import(self) -> None:
        """Hide what the last import showed."""

    def after_import(self, summary: Any) -> None:
        """Show what this import's summary offers (the outcome text is already shown)."""

    def refresh(self) -> None:
        """Show what is imported now."""
        self._update_buttons()

    def working(self) -> bool:
        return self.busy

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(not self.busy)
        self.buttons.setEnabled(not self.busy)

    # --- the flow -----------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path = self.choose_file(self, self.choose_title())
        if path is not None:
            self.start_import(path)

    def start_import(self, path: Path) -> None:
        work, relay = self.import_work(path), self.relay
        self.busy = True
        self._update_buttons()
        self.problems.clear()
        self.outcome.hide()
        self.before_import()
        self.progress.setValue(0)
        self.progress.show()
        run_task(lambda: work(relay.progressed.emit), self._imported, self._failed)

    def _progressed(self, fraction: float) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * 100))

    def _imported(self, summary: Any) -> None:
        self.busy = False
        self.summary = summary
        self.progress.setValue(100)
        self.outcome.setText(self.result_text(summary))
        self.outcome.show()
        self.after_import(summary)
        self.refresh()
        self.fit()
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.progress.hide()
        self._update_buttons()
        if isinstance(error, ValidationFailed):
            reasons = "\n".join(problem_text(p) for p in error.problems)
        else:
            reasons = error_text(error)
        self.problems.show_text(self.failure_text(reasons))

    def fit(self) -> None:
        # A dialog keeps the size it was first shown at; make room for the summary so that it
        # never draws over the other widgets.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def reject(self) -> None:
        if not self.working():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.working():
            event.ignore()
        else:
            super().closeEvent(event)


def _add(layout: QHBoxLayout | QVBoxLayout, items: Sequence[Item]) -> None:
    for item in items:
        if isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
