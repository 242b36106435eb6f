"""Many documents written into one folder off the GUI thread, with a progress bar and a stop
button (the referrals list's reprint); the reason for the download is asked once, first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consultdesk.services import documents
from consultdesk.services.documents import BatchResult, DocumentKind, DocumentRequest
from consultdesk.services.workspace import Workspace
from consultdesk.ui.export_dialog import ExportDialog, suggested_reason
from consultdesk.ui.labels import document_kind_label
from consultdesk.ui.messages import error_text, problem_text
from consultdesk.ui.tasks import run_task


class _ProgressRelay(QObject):
    """Carries progress from the worker to the GUI thread (queued: the relay lives here)."""

    moved = Signal(int, int)


class BatchExportDialog(QDialog):
    """Writes many documents into one folder off the GUI thread, with a progress bar."""

    def __init__(
        self,
        ws: Workspace,
        items: Sequence[tuple[str, DocumentRequest]],
        folder: Path,
        parent: QWidget | None = None,
        today: date | None = None,
        reason: str = "",
    ) -> None:
        """`items` pairs each request with what to call it if it cannot be written (a
        reference code or a name: never shown in a file name); `reason` is the reason given
        for the download (services.access_log.reason_value), kept with each file's log row."""
        super().__init__(parent)
        self.ws = ws
        self.reason = reason
        self.requests = [request for _, request in items]
        self.labels = {request: label for label, request in items}
        self.folder = folder
        self.today = today
        self.outcome: BatchResult | None = None
        self._stop = False
        self.setWindowTitle(self.tr("Exporting documents"))
        self.status = QLabel(
            self.tr("Writing %n document(s) to {folder}", "", len(self.requests)).format(
                folder=str(folder)
            )
        )
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, max(1, len(self.requests)))
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("%v of %m"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.relay = _ProgressRelay(self)
        self.relay.moved.connect(self._moved)

    def start(self) -> None:
        requests, folder, today, relay = self.requests, self.folder, self.today, self.relay
        reason = self.reason

        def work() -> BatchResult:
            return documents.export_batch(
                self.ws,
                requests,
                folder,
                progress=lambda done, total: relay.moved.emit(done, total),
                stop=lambda: self._stop,
                today=today,
                reason=reason,
            )

        run_task(work, self._finished, self._failed)

    def stop(self) -> None:
        self._stop = True
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the current document…"))

    def _moved(self, done: int, total: int) -> None:
        if not isValid(self):
            return
        self.bar.setMaximum(total)
        self.bar.setValue(done)

    def _finished(self, result: BatchResult) -> None:
        self.outcome = result
        if not isValid(self):
            return
        self.stop_button.setEnabled(False)
        self.close_button.setEnabled(True)
        text = self.tr("%n document(s) written to {folder}.", "", len(result.written)).format(
            folder=str(self.folder)
        )
        if result.stopped:
            text += " " + self.tr("Stopped before the end.")
        self.status.setText(text)
        lines = [
            self.tr("Not written ({what}): {reason}").format(
                what=self.labels.get(request, ""), reason=problem_text(problem)
            )
            for request, problem in result.skipped
        ]
        self.details.setText("\n".join(lines))

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self.stop_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.status.setText(error_text(error))

    @classmethod
    def ask(
        cls,
        ws: Workspace,
        items: Sequence[tuple[str, DocumentRequest]],
        folder: Path,
        parent: QWidget | None = None,
    ) -> BatchResult | None:
        """Asks the reason for the download first; None when it was cancelled."""
        kinds = sorted({request.kind for _, request in items}, key=list(DocumentKind).index)
        what = ", ".join(document_kind_label(kind.value) for kind in kinds)
        reason = ExportDialog.ask_reason(parent, what, suggested_reason(kinds))
        if reason is None:
            return None
        dialog = cls(ws, items, folder, parent, reason=reason)
        dialog.start()
        dialog.exec()
        return dialog.outcome
