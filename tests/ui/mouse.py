"""Mouse events sent to a widget as the window system delivers them, for what QTest's helpers
cannot do: a drag with the button held (a divider, a header section) and the lone second click
of a double click that lands on another widget than its first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

LEFT = Qt.MouseButton.LeftButton


def send(widget: QWidget, kind: QEvent.Type, at: QPointF, held: Qt.MouseButton = LEFT) -> None:
    event = QMouseEvent(
        kind, at, widget.mapToGlobal(at), LEFT, held, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPointF, by: QPointF) -> None:
    """Press the left button at ``start``, move ``by`` with it held, and let go."""
    send(widget, QEvent.Type.MouseButtonPress, start)
    send(widget, QEvent.Type.MouseMove, start + by)
    send(widget, QEvent.Type.MouseButtonRelease, start + by, Qt.MouseButton.NoButton)
