"""Open screens hear about committed changes and refresh what they show.

The core publishes a ``ChangeSet`` after every commit that changed records (storage.changes),
on whatever thread committed: a sync runs on a worker thread (ui.tasks). ``ChangeBridge``
carries them to the GUI thread as one Qt signal, merging the change sets that arrive close
together (a sync imports bundle after bundle) into one. ``follow`` connects a screen: it is
refreshed while it is shown, and once when it is shown again if something it shows changed
while it was hidden, never while hidden (the approach of Anki's ``operation_did_execute``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Sequence
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QTableView, QWidget

from consultdesk.services import changes as change_service
from consultdesk.services.changes import ChangeSet
from consultdesk.services.workspace import Workspace

# Change sets committed within this many milliseconds of each other reach the screens as one.
MERGE_MS = 30
# Beyond this many inserted or removed stretches a list is simply reset.
MAX_STEPS = 40


class ChangeBridge(QObject):
    """``changed`` carries, on the GUI thread, what was committed since it last fired."""

    changed = Signal(object)  # ChangeSet
    _arrived = Signal(object)

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: ChangeSet | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MERGE_MS)
        self._timer.timeout.connect(self._deliver)
        # Queued even from the GUI thread: a screen hears of a write after the call that made
        # it has returned, never in the middle of its own handler.
        self._arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        stop = change_service.subscribe(ws, self._relay)
        self.destroyed.connect(lambda *_: stop())

    def _relay(self, changes: ChangeSet) -> None:  # on the committing thread
        # The window (and this bridge with it) may be gone already: nobody is listening then.
        with contextlib.suppress(RuntimeError):
            self._arrived.emit(changes)

    def _collect(self, changes: ChangeSet) -> None:
        self._pending = changes if self._pending is None else self._pending.merged(changes)
        if not self._timer.isActive():
            self._timer.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self.changed.emit(changes)

    def flush(self) -> None:
        """Deliver what has arrived now (tests, and a screen about to be read)."""
        self._timer.stop()
        self._deliver()


class _Follower(QObject):
    """Refreshes one widget from the change sets that touch its entities."""

    def __init__(
        self,
        bridge: ChangeBridge,
        widget: QWidget,
        entities: Collection[str],
        refresh: Callable[[ChangeSet], None],
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.entities = tuple(entities)
        self.refresh = refresh
        self.missed: ChangeSet | None = None
        bridge.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, changes: ChangeSet) -> None:
        if not changes.touches(*self.entities):
            return
        if self.widget.isVisible():
            self.refresh(changes)
        else:
            self.missed = changes if self.missed is None else self.missed.merged(changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.missed is not None:
            missed, self.missed = self.missed, None
            self.refresh(missed)
        return False


def follow(
    bridge: ChangeBridge,
    widget: QWidget,
    entities: Collection[str],
    refresh: Callable[[ChangeSet], None],
) -> None:
    """Call ``refresh(changes)`` for change sets that touch one of ``entities``: at once while
    ``widget`` is shown, else when it is shown next (with what it missed, merged)."""
    _Follower(bridge, widget, entities, refresh)


def update_rows(model: Any, rows: Sequence[Any], key: Callable[[Any], object]) -> None:
    """Bring a list model's ``rows`` to ``rows`` in place: rows that went are removed, new
    ones inserted, changed ones repainted, so the view keeps its selection, current cell and
    scroll position (a model reset loses them). ``key`` names a row across the two lists.
    The model (the residents list's) has ``rows``, ``set_rows``, ``remove_rows(first, end)``,
    ``insert_rows(at, rows)`` and ``change_rows(rows, changed)``."""
    old = [key(r) for r in model.rows]
    new = [key(r) for r in rows]
    if old != new:
        steps = SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        if sum(tag != "equal" for tag, *_ in steps) > MAX_STEPS:
            model.set_rows(list(rows))
            return
        # From the end, so that the positions of the stretches still to do stay right.
        for tag, i1, i2, j1, j2 in reversed(steps):
            if tag in ("delete", "replace"):
                model.remove_rows(i1, i2)
            if tag in ("insert", "replace"):
                model.insert_rows(i1, list(rows[j1:j2]))
    changed = [i for i, (was, now) in enumerate(zip(model.rows, rows, strict=True)) if was != now]
    if changed:
        model.change_rows(list(rows), changed)


def keeping_selection(
    view: QTableView, key: Callable[[int], object], refresh: Callable[[], None]
) -> None:
    """Run ``refresh`` (which may reset the model) and select again the row that was
    selected, found by ``key(row)``, at the same scroll position."""
    chosen = {key(i.row()) for i in view.selectionModel().selectedRows()}
    scrolled = view.verticalScrollBar().value()
    refresh()
    for row in range(view.model().rowCount()):
        if key(row) in chosen:
            view.selectRow(row)
            break
    view.verticalScrollBar().setValue(scrolled)
