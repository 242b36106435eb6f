"""The sync screen's "files we ignore" and "computers in the team", through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync, team_devices
from consultdesk.ui.sync_devices import TeamDevicesDialog
from consultdesk.ui.sync_files import IgnoredFilesDialog
from consultdesk.ui.sync_report_dialog import SyncReportDialog
from consultdesk.ui.sync_view import SyncView
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)
from tests.ui.message_boxes import BoxAnswers, stop_unanswered  # noqa: F401


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """The dialogs the sync screen opens, shown but not run modally, for the test to drive."""
    shown: list[QDialog] = []

    def open_screen(self: SyncView, dialog: QDialog) -> None:
        dialog.show()
        shown.append(dialog)

    monkeypatch.setattr(SyncView, "open_screen", open_screen)
    return shown


def test_a_copy_is_reported_once_then_listed_and_this_laptops_duplicates_removed(
    qtbot, new_laptop: MakeLaptop, share: Path, opened: list[QDialog]
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    residents.save_resident(b, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    sync.sync_now(b)
    own = team.folder / "devices" / a.device / "changes"
    other = team.folder / "devices" / b.device / "changes"
    copy = own / "000001.sync-conflict-20261202-041500-7JQ2XKA.cdsync"
    copy.write_bytes((own / "000001.cdsync").read_bytes())
    theirs = other / "000001 (1).cdsync"
    theirs.write_bytes((other / "000001.cdsync").read_bytes())

    first = SyncReportDialog(sync.sync_now(a), None)
    qtbot.addWidget(first)
    assert "건너뛴 파일: 2개" in first.summary.text()
    second = SyncReportDialog(sync.sync_now(a), None)
    qtbot.addWidget(second)
    assert "건너뛴 파일" not in second.summary.text()
    assert "전처럼 무시한 파일: 2개" in second.summary.text()
    assert second.details.count() == 0

    view = SyncView(a)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.ignored_button.isEnabled())
    view.ignored_button.click()
    [dialog] = opened
    assert isinstance(dialog, IgnoredFilesDialog)
    lines = [dialog.files.item(i).text() for i in range(dialog.files.count())]
    assert len(lines) == 2
    [mine] = [line for line in lines if copy.name in line]
    assert "지울 수 있습니다" in mine
    assert not any("지울 수 있습니다" in line for line in lines if theirs.name in line)
    assert dialog.clean_button.isEnabled()
    dialog.clean_button.click()
    assert not copy.exists() and theirs.exists() and (own / "000001.cdsync").exists()
    assert "1개" in dialog.outcome.text()
    assert dialog.files.count() == 1 and not dialog.clean_button.isEnabled()


def test_retiring_a_lost_laptop_from_the_sync_screen(
    qtbot, new_laptop: MakeLaptop, share: Path, opened: list[QDialog]
) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    join(c, share)
    residents.save_resident(c, ResidentDraft(name="박정자"))
    for laptop in (c, a, b):
        sync.sync_now(laptop)
    view = SyncView(a)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.devices_button.isEnabled())
    view.devices_button.click()
    [dialog] = opened
    assert isinstance(dialog, TeamDevicesDialog)
    assert dialog.devices.count() == 3
    assert "이 컴퓨터" in dialog.devices.item(0).text()
    dialog.devices.setCurrentRow(0)
    assert not dialog.retire_button.isEnabled()  # not this computer
    row = next(i for i, d in enumerate(dialog.known) if d.device_id == c.device)
    dialog.devices.setCurrentRow(row)
    assert dialog.retire_button.isEnabled()
    cancelled = BoxAnswers(QMessageBox.StandardButton.Cancel)
    dialog.retire_button.click()
    assert cancelled.done and all(d.retired is None for d in team_devices.team_devices(a))
    answers = BoxAnswers("retire")
    dialog.retire_button.click()
    assert answers.done and c.device[-8:] in answers.texts[0]
    assert "팀에서 뺌" in dialog.devices.item(row).text()
    assert "팀에서 뺐습니다" in dialog.outcome.text()
    assert not dialog.retire_button.isEnabled()
    devices = {d.device_id: d for d in team_devices.team_devices(b)}
    assert devices[c.device].retired is not None  # B reads it from the team folder


def test_the_computers_of_the_team_name_the_other_laptops_pharmacist(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="홍길동"))
    sync.sync_now(a)
    sync.sync_now(b)
    dialog = TeamDevicesDialog(b)
    qtbot.addWidget(dialog)
    shown = {
        dialog.devices.item(i).data(Qt.ItemDataRole.UserRole): dialog.devices.item(i).text()
        for i in range(dialog.devices.count())
    }
    assert "(a 약사)" in shown[a.device]  # its name came with A's bundle
    assert "(b 약사)" in shown[b.device]
