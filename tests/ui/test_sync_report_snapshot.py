"""The sync report says when a laptop started or caught up from a team snapshot, and when it
waits for one (docs/sync.md, "Snapshots and folder compaction"). The UI tests run in Korean
(tests/ui/conftest.py): the texts checked are the translations."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from consultdesk.sync.folder import DeviceWaiting
from consultdesk.sync.report import SnapshotRead, SyncReport
from consultdesk.ui.sync_report_dialog import SyncReportDialog

WRITER = "01a235c486f77b19a3d4724c90036599"


def dialog(qtbot: QtBot, report: SyncReport) -> SyncReportDialog:
    shown = SyncReportDialog(report, None)
    qtbot.addWidget(shown)
    return shown


def details(shown: SyncReportDialog) -> list[str]:
    return [shown.details.item(row).text() for row in range(shown.details.count())]


def test_a_laptop_that_caught_up_is_told_its_unsent_changes_were_kept(qtbot: QtBot) -> None:
    report = SyncReport(snapshot_read=SnapshotRead(WRITER, 3, 120, rejoined=True))
    shown = dialog(qtbot, report)
    text = shown.summary.text()
    assert "팀 스냅숏(컴퓨터 90036599)으로 따라잡았고" in text
    assert "아직 보내지 않은 변경 사항은 그대로 두었다가 보냈습니다" in text
    assert "모두 이미 최신 상태입니다" not in text


def test_a_newcomer_is_told_it_started_from_a_snapshot(qtbot: QtBot) -> None:
    report = SyncReport(snapshot_read=SnapshotRead(WRITER, 3, 27_864, rejoined=False))
    shown = dialog(qtbot, report)
    # The records it took, which the "changes applied" line above does not count.
    started = "팀 스냅숏(컴퓨터 90036599)에서 기록 27,864건을 받아 시작했습니다"
    assert started in shown.summary.text()


def test_a_laptop_waiting_for_a_snapshot_is_told_nothing_is_lost(qtbot: QtBot) -> None:
    report = SyncReport(
        waiting=[DeviceWaiting(WRITER, 4, 5, "compacted")],
        removed=[Path("devices/x/changes/000001.cdsync")],
    )
    shown = dialog(qtbot, report)
    text = shown.summary.text()
    assert "팀 스냅숏을 기다리는 중이며" in text and "잃지 않습니다" in text
    assert "모두 이미 최신 상태입니다" not in text
    lines = details(shown)
    assert "컴퓨터 90036599: 5번 파일과 그 뒤 일부 파일이 팀 폴더에서 정리되었습니다." in lines[0]
    assert not any("번 파일을 기다리는 중입니다" in line for line in lines)
    assert any("파일 1개를 팀 폴더에서 정리했습니다" in line for line in lines)


def test_every_detail_line_is_read_whole_without_scrolling_sideways(qtbot: QtBot) -> None:
    """A newcomer waiting on five computers reads five long lines: each wraps within the list
    at the dialog's own width (it ran past the list's right edge, behind a sideways scroll bar,
    at 1366 × 768)."""
    devices = [f"01a235c486f77b19a3d4724c9003659{n}" for n in range(5)]
    report = SyncReport(waiting=[DeviceWaiting(d, 0, 1, "compacted") for d in devices])
    shown = dialog(qtbot, report)
    shown.show()
    qtbot.waitExposed(shown)
    view = shown.details
    assert view.horizontalScrollBar().maximum() == 0
    width = view.viewport().width()
    line = view.fontMetrics().height()
    for row in range(view.count()):
        rect = view.visualRect(view.model().index(row, 0))
        assert rect.width() <= width
        assert rect.height() >= 2 * line  # wrapped onto a second line, not cut
