"""Run something once a window is on screen: its first paint.

Work that is not needed for the first sight of a window (the start-up sync, warming the rule
files and the medicines catalog, counting the changes waiting to be sent) starts after the
window is painted, so its threads do not compete with the paint for the interpreter (the main
window painted 0.1 s later at unlock when they started first; make bench:
unlock_to_usable_list_10k_ms). The start-up benchmarks use it to know when a window is seen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class OnFirstPaint(QObject):
    """Calls back once, on the event loop's next turn after ``widget`` is first painted, or
    after ``latest_ms`` if it is given and the widget has not been painted by then (a window
    that opens minimised or behind a lock still starts its work)."""

    def __init__(
        self, widget: QWidget, callback: Callable[[], None], latest_ms: int | None = None
    ) -> None:
        super().__init__(widget)
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        if latest_ms is not None:
            QTimer.singleShot(latest_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            callback()
