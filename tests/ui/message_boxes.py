"""Answer the real QMessageBox a view opens, by clicking one of its buttons, and keep its text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


class BoxAnswers:
    """Clicks, in order, one button of each message box that opens: a button's object name
    ("delete") or a standard button (Cancel, Ok). ``texts`` holds what each box said."""

    running: ClassVar[list[BoxAnswers]] = []

    def __init__(self, *answers: str | QMessageBox.StandardButton) -> None:
        BoxAnswers.running.append(self)
        self.answers = list(answers)
        self.texts: list[str] = []
        self.titles: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or not self.answers:
            return
        answer = self.answers.pop(0)
        button = (
            box.findChild(QAbstractButton, answer)
            if isinstance(answer, str)
            else box.button(answer)
        )
        assert button is not None, f"no button {answer!r} in {box.text()!r}"
        self.titles.append(box.windowTitle())
        self.texts.append(box.text())
        button.click()
        if not self.answers:
            self._timer.stop()

    @property
    def done(self) -> bool:
        return not self.answers


@pytest.fixture(autouse=True)
def stop_unanswered() -> Iterator[None]:
    """No answer is left waiting to click a box of the next test."""
    yield
    for answers in BoxAnswers.running:
        answers._timer.stop()
    BoxAnswers.running.clear()
