"""Moments the app keeps in UTC read on this computer's clock (ui/times.py): the access log, a
consultation's earlier versions, an imported DUR file's day, a retired computer's day. Run in
Asia/Seoul, where the kept text read nine hours early (a morning's change as the evening
before)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from consultdesk.domain.dur_import import DurKind
from consultdesk.services.consultations import Version
from consultdesk.services.rule_imports import ImportedRuleSetInfo
from consultdesk.services.team_devices import TeamDevice
from consultdesk.sync.team import Retirement
from consultdesk.ui.consultation_editor import HistoryDialog
from consultdesk.ui.dur_import_dialog import ImportedSetsModel
from consultdesk.ui.sync_devices import TeamDevicesDialog
from consultdesk.ui.times import DAY, SECOND, local_text

EVENING_UTC = "2026-12-06T22:30:05+00:00"  # 7:30 the next morning in Seoul


@pytest.fixture(autouse=True)
def in_seoul(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_kept_moment_reads_on_this_computer_s_clock() -> None:
    assert local_text(EVENING_UTC) == "2026-12-07 07:30"
    assert local_text(EVENING_UTC, SECOND) == "2026-12-07 07:30:05"
    assert local_text("2026-12-06T22:30:05.123+00:00", DAY) == "2026-12-07"


@pytest.mark.parametrize("kept", ["", "어제", "2026-12-06T22:30:05", "2026-13-40T00:00:00+00:00"])
def test_a_text_that_is_not_a_moment_with_its_offset_is_shown_as_it_is(kept: str) -> None:
    assert local_text(kept) == kept


def test_an_earlier_version_says_when_it_was_replaced_on_this_computer_s_clock(qtbot) -> None:
    version = Version(1, "용량을 잘못 적음", "2026-12-06T22:30:05.123+00:00", {"advice": ""})
    dialog = HistoryDialog([version])
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "2026-12-07 07:30" in text and "22:30" not in text


def test_an_imported_dur_file_s_day_is_this_computer_s(qtbot) -> None:
    model = ImportedSetsModel()
    model.beginResetModel()
    model.rows = [
        ImportedRuleSetInfo(DurKind.COMBINATION, "병용금기.csv", "2026-11", EVENING_UTC, 12, "")
    ]
    model.endResetModel()
    assert model.data(model.index(0, ImportedSetsModel.IMPORTED)) == "2026-12-07"


def test_a_retired_computer_s_day_is_this_computer_s(qtbot, workspace) -> None:
    dialog = TeamDevicesDialog(workspace)
    qtbot.addWidget(dialog)
    note = Retirement("01a235c486f77b19a3d4724c90036599", "01a2", EVENING_UTC, 4)
    device = TeamDevice(note.device_id, "김약사", False, 4, note)
    assert "2026-12-07에 팀에서 뺌" in dialog.describe(device)
