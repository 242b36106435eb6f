"""The access log screen (issue 12): the rows with who, device, what and whose; the chain's
state; the month's check; and opening it is logged."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QMenu

from consultdesk.domain.ids import short_device
from consultdesk.services import access_log, sync
from consultdesk.services.documents import DocumentKind
from consultdesk.storage.models import SHARED_TABLES
from consultdesk.ui import i18n
from consultdesk.ui.access_log_dialog import AccessLogDialog, action_word, subject_word
from consultdesk.ui.main_window import MainWindow
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)
from tests.services.visit_data import NAME, make_visit


def test_the_log_lists_whose_records_were_seen_and_marks_the_month(qtbot, workspace):
    make_visit(workspace)
    dialog = AccessLogDialog(workspace)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled() and dialog.table.rowCount() > 0)
    residents_shown = {dialog.table.item(i, 4).text() for i in range(dialog.table.rowCount())}
    assert NAME in residents_shown
    assert dialog.table.item(0, 1).text() == "박약사"
    assert "0" not in dialog.status.text().split()[0]  # a row count, then the chain's state
    dialog.mark_button.click()
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled())
    assert access_log.checked_months(workspace)
    assert {"view"} <= {
        r.action for r in access_log.list_rows(workspace) if r.entity == "access_log"
    }


def test_the_access_log_is_in_the_tools_menu(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    menus = window.menuBar().findChildren(QMenu)
    assert any(window.access_log_action in m.actions() for m in menus)


def test_the_screen_on_b_shows_as_rows_with_as_pharmacist_and_device(
    qtbot, new_laptop, share
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    make_visit(a)
    sync.sync_now(a)
    sync.sync_now(b)
    dialog = AccessLogDialog(b)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled() and dialog.table.rowCount() > 0)

    def shown() -> set[tuple[str, str]]:
        table = dialog.table
        return {(table.item(i, 1).text(), table.item(i, 2).text()) for i in range(table.rowCount())}

    assert ("a 약사", short_device(a.device)) in shown()
    assert dialog.tr("The log is intact.") in dialog.status.text()
    # One laptop's rows only, chosen by its pharmacist's name: A's, then B's (its own look at
    # the log just now).
    index = dialog.device.findData(a.device)
    assert dialog.device.itemText(index) == f"a 약사 ({short_device(a.device)})"
    dialog.device.setCurrentIndex(index)
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled())
    assert {name for name, _ in shown()} == {"a 약사"}
    dialog.device.setCurrentIndex(dialog.device.findData(b.device))
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled())
    assert {name for name, _ in shown()} == {"b 약사"}


def test_every_column_but_the_reason_shows_its_texts_whole(qtbot, workspace):
    """The time and the action were cut to "…" while the reason, last, took the room."""
    make_visit(workspace)
    dialog = AccessLogDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled() and dialog.table.rowCount() > 0)
    table = dialog.table
    metrics = table.fontMetrics()
    for column in range(AccessLogDialog.REASON_COLUMN):
        widest = max(
            metrics.horizontalAdvance(table.item(row, column).text())
            for row in range(table.rowCount())
        )
        assert table.columnWidth(column) > widest, column


SOURCES = Path(__file__).resolve().parents[2] / "src" / "consultdesk"
# audit("action", "subject", ...) and log_view("subject", ...) with the codes written out.
LOGGED = re.compile(r'audit\(\s*"([a-z_]+)",\s*"([a-z_]+)"|log_view\(\s*"([a-z_]+)"')


def hangul(text: str) -> bool:
    return any("가" <= c <= "힣" for c in text)


def logged_codes() -> tuple[set[str], set[str]]:
    """The actions and what they were done to, as the app writes them to the log: the codes in
    the sources, and the ones passed in a variable (a resident saved, a document written or
    printed, a conflict on any shared record)."""
    actions = {"create", "update", "export", "print"}
    subjects = {"document", *(f"document_{kind.value}" for kind in DocumentKind)}
    subjects |= set(SHARED_TABLES)
    for path in SOURCES.rglob("*.py"):
        for action, subject, screen in LOGGED.findall(path.read_text(encoding="utf-8")):
            actions |= {action} if action else set()
            subjects |= {subject or screen}
    assert len(actions) > 15 and len(subjects) > 20  # the pattern still finds the calls
    return actions, subjects


def test_every_action_and_subject_the_app_logs_reads_as_korean_words():
    """All shown as words ("조회 · resident_search" was shown as it was written)."""
    actions, subjects = logged_codes()
    untranslated = [a for a in sorted(actions) if not hangul(action_word(a))]
    untranslated += [s for s in sorted(subjects) if not hangul(subject_word(s))]
    assert untranslated == []


def test_in_english_every_action_and_subject_reads_as_english_words():
    """The same codes with the English catalogue: words, not codes (no "resident_search", no
    "decide_flag"), and none left in Korean."""
    actions, subjects = logged_codes()
    i18n.install("en")
    try:
        words = {code: action_word(code) for code in actions}
        words |= {code: subject_word(code) for code in subjects}
    finally:
        i18n.install("ko")
    not_words = {code: word for code, word in words.items() if "_" in word or hangul(word)}
    assert not_words == {}
    assert words["resident_search"] == "Residents list"
    assert words["decide_flag"] == "decide on a risk flag"


def test_the_time_of_each_row_is_on_this_computer_s_clock(qtbot, workspace, monkeypatch):
    """The log keeps UTC; a pharmacist in Seoul read every time nine hours early, with a T and
    an offset in it."""
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        make_visit(workspace)
        dialog = AccessLogDialog(workspace)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.show_button.isEnabled() and dialog.table.rowCount() > 0)
        stored = [r.at for r in access_log.read_log(workspace, date(2000, 1, 1))]
        shown = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
        seoul = {
            (datetime.fromisoformat(at) + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M:%S")
            for at in stored
        }
        assert shown and set(shown) <= seoul
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
