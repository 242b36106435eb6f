"""Quitting while locked: the day's backup, made when the app closes, needs the database key,
which the lock dropped. Locking makes the day's copy first when it is due, so the close after
it has nothing to do and says nothing (before, it logged "daily backup failed")."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from consultdesk.services import backup
from consultdesk.ui import app
from consultdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _daily(ws):
    return backup.backup_folder(ws.data_dir) / f"daily-{date.today().isoformat()}.db"


def test_quitting_while_locked_logs_no_backup_warning_and_today_is_backed_up(qtbot, window, caplog):
    ws = window.ws
    assert not _daily(ws).exists()
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.app_lock.locked and ws.db.locked
    assert _daily(ws).exists()  # made behind the lock screen, before the key went
    with caplog.at_level(logging.WARNING):
        app._daily_backup(ws)  # what the app runs as it quits
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_second_lock_the_same_day_makes_no_second_copy(qtbot, window):
    ws = window.ws
    backup.auto_backup(ws)
    before = _daily(ws).stat().st_mtime_ns
    window.app_lock.lock()
    assert ws.db.locked and _daily(ws).stat().st_mtime_ns == before
    assert sorted(p.name for p in backup.backup_folder(ws.data_dir).glob("daily-*.db")) == [
        _daily(ws).name
    ]
