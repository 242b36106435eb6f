"""The Qt bindings must keep Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 dropped a reference to None (or True/False) on every call that
returns one: after enough clicks, repaints and model reads the interpreter aborts with "Fatal
Python error: deallocating None". pyproject.toml keeps that release out; this test fails if a
binding with the same fault is installed again.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox

# From Python 3.12 None, True and False are immortal (PEP 683): a binding that loses references
# to them does no harm there (PySide6 6.11 on 3.13 does lose them, 2000 per 2000 emits, and
# nothing breaks), and their counts no longer mean anything. pyproject.toml caps PySide6 only
# where the fault bites.
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None/True/False are immortal from Python 3.12"
)

CALLS = 2000
SLACK = 20  # unrelated objects may come and go meanwhile; a leak per call is 2000


def change_in_refcount(obj: object, action) -> int:  # type: ignore[no-untyped-def]
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    return sys.getrefcount(obj) - before


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


class Emitter(QObject):
    toggled = Signal(bool)


def test_void_calls_keep_none_alive(qtbot):
    box = QCheckBox()
    qtbot.addWidget(box)
    assert abs(change_in_refcount(None, lambda: box.setChecked(not box.isChecked()))) < SLACK


def test_model_data_returning_none_keeps_none_alive(qtbot):
    model = Model()
    index = model.index(0, 0)
    delta = change_in_refcount(None, lambda: index.data(Qt.ItemDataRole.BackgroundRole))
    assert abs(delta) < SLACK


def test_emitting_a_bool_keeps_true_alive(qtbot):
    emitter = Emitter()
    emitter.toggled.connect(lambda value: None)
    assert abs(change_in_refcount(True, lambda: emitter.toggled.emit(True))) < SLACK
