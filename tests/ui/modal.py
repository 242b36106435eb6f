"""Answering a modal dialog the way a person does: wait until it is on screen, then click or
type in it. ``exec()`` blocks the test's own code, so the answer is scheduled before."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

Answer = Callable[[QWidget], None]


def when_modal(answer: Answer, seen: list[QWidget] | None = None, tries: int = 250) -> None:
    """Call ``answer`` with the next modal window once it shows (polling the event loop)."""
    before = QApplication.activeModalWidget()

    def poll(left: int = tries) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget is not before and widget.isVisible():
            if seen is not None:
                seen.append(widget)
            answer(widget)
        elif left > 0:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def click_button(text: str) -> Answer:
    """Click the dialog's button whose text is ``text`` (as the person reads it)."""

    def answer(widget: QWidget) -> None:
        buttons = [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]
        labels = [b.text().replace("&", "") for b in buttons]
        assert text in labels, f"{text!r} not among {labels}"
        buttons[labels.index(text)].click()

    return answer


def message_text(widget: QWidget) -> str:
    assert isinstance(widget, QMessageBox), widget
    return f"{widget.text()}\n{widget.informativeText()}"
