"""Answering the download-reason dialog the way a pharmacist does: the real dialog opens
(modal), a radio button is clicked, a note typed, Continue pressed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from consultdesk.services.access_log import DownloadReason
from consultdesk.ui.download_reason import DownloadReasonDialog


def open_reason_dialogs() -> list[DownloadReasonDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DownloadReasonDialog) and w.isVisible()
    ]


@contextmanager
def answering_reason(
    code: DownloadReason | None = DownloadReason.RESIDENT, note: str = "", cancel: bool = False
) -> Iterator[list[str]]:
    """While inside, every reason dialog that opens is answered; yields the intro texts seen."""
    seen: list[str] = []

    def answer() -> None:
        for dialog in open_reason_dialogs():
            seen.append(dialog.windowTitle())
            if cancel:
                dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
                continue
            if code is not None:
                dialog.choices[code].click()
            dialog.note.setText(note)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()
