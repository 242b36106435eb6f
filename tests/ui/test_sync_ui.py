"""Sync on screen: status bar, "sync now", the report, team set-up, and deciding conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync, sync_conflicts
from consultdesk.sync.folder import SkippedFile
from consultdesk.sync.report import SyncReport
from consultdesk.ui.conflicts_view import ConflictsView
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.sync_report_dialog import SyncReportDialog
from consultdesk.ui.sync_status import SyncStatusBar
from consultdesk.ui.sync_view import SyncController, SyncView
from consultdesk.ui.team_setup_dialog import TeamSetupDialog
from tests.change_rows import logged
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    TEAM_PASSPHRASE,
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, object]]:
    shown: list[tuple[object, object]] = []
    monkeypatch.setattr(
        SyncReportDialog,
        "present",
        classmethod(lambda cls, report, error=None, parent=None: shown.append((report, error))),
    )
    return shown


def finish(qtbot, controller: SyncController) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)


def test_the_status_bar_shows_changes_waiting_then_the_last_sync(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a = new_laptop("a")
    controller = SyncController(a)
    bar = SyncStatusBar(controller)
    qtbot.addWidget(bar)
    assert bar.label.text() == "팀과 동기화하지 않음" and bar.button.isHidden()
    start_team(a, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    controller.refresh_status()  # in the background
    qtbot.waitUntil(lambda: "동기화한 적 없음" in bar.label.text())
    waiting = len(logged(a))  # one change per field of the resident
    assert waiting > 1 and f"보낼 변경 {waiting}건" in bar.label.text()
    progress: list[float] = []
    controller.progress.connect(progress.append)
    assert controller.sync_now()
    assert not controller.sync_now()  # one run at a time
    assert not bar.button.isEnabled()
    finish(qtbot, controller)
    assert progress and progress[-1] == 1.0
    qtbot.waitUntil(lambda: "마지막 동기화" in bar.label.text())
    assert "마지막 동기화" in bar.label.text() and "보낼 변경 0건" in bar.label.text()
    assert bar.button.isEnabled() and bar.conflicts.isHidden()


def test_sync_now_reports_what_happened_and_an_unreachable_share_calmly(
    qtbot, new_laptop: MakeLaptop, share: Path, reports: list[tuple[object, object]]
) -> None:
    a = new_laptop("a")
    start_team(a, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    view = SyncView(a)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: "행복약국 방문팀" in view.team_label.text())  # read in the background
    view.sync_button.click()
    finish(qtbot, view.controller)
    [(report, error)] = reports
    assert isinstance(report, SyncReport) and report.bundles_written == 1 and error is None
    share.rename(share.with_name("unplugged"))
    view.sync_button.click()
    finish(qtbot, view.controller)
    report, error = reports[-1]
    assert report is None and getattr(error, "code", None) == "share_unavailable"
    qtbot.waitUntil(lambda: "공유 폴더에 연결할 수 없습니다" in view.state_label.text())


def test_a_quiet_start_up_sync_opens_no_dialog(
    qtbot, new_laptop: MakeLaptop, share: Path, reports: list[tuple[object, object]]
) -> None:
    a = new_laptop("a")
    start_team(a, share)
    share.rename(share.with_name("unplugged"))
    view = SyncView(a)
    qtbot.addWidget(view)
    view.controller.start_up()
    finish(qtbot, view.controller)
    assert reports == []
    assert view.controller.last_error is not None


def test_the_report_dialog_lists_skipped_files_with_their_reasons(qtbot, tmp_path: Path) -> None:
    report = SyncReport(
        skipped=[
            SkippedFile(tmp_path / "devices" / "abc" / "changes" / "000002.cdsync", "truncated"),
            SkippedFile(tmp_path / "devices" / "desktop.ini", "system_file"),
        ],
        missing_devices=["0123456789abcdef"],
    )
    dialog = SyncReportDialog(report, None)
    qtbot.addWidget(dialog)
    assert "건너뛴 파일: 2개" in dialog.summary.text()
    lines = [dialog.details.item(i).text() for i in range(dialog.details.count())]
    assert "업로드 중" in lines[0] and "abc/changes/000002.cdsync" in lines[0]
    assert "운영체제" in lines[1]
    assert "89abcdef" in lines[2] and "삭제하지 않았습니다" in lines[2]


def test_joining_a_team_with_a_wrong_then_the_right_passphrase(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    dialog = TeamSetupDialog(b)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert "공유 폴더를 고르세요" in dialog.error.text()
    dialog.folder.setText(str(share))
    dialog.passphrase.setText("틀린 팀 암호입니다")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and not dialog.error.isHidden())
    assert "팀 암호가 틀렸습니다" in dialog.error.text()
    assert sync.team_summary(b) is None
    dialog.passphrase.setText(TEAM_PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.team is not None)
    assert dialog.team is not None and dialog.team.name == "행복약국 방문팀"
    assert sync.team_summary(b) == dialog.team


def test_the_join_dialog_finds_the_team_from_the_consultdesk_folder_or_says_which_to_pick(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    from consultdesk.sync.team import create_team
    from tests.services.sync_laptops import CHEAP_KDF

    a, b = new_laptop("a"), new_laptop("b")
    first = start_team(a, share)
    dialog = TeamSetupDialog(b)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(TEAM_PASSPHRASE)
    empty = share.parent / "empty"
    empty.mkdir()
    dialog.folder.setText(str(empty))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and not dialog.error.isHidden())
    assert f"{empty}에 ConsultDesk 팀이 없습니다" in dialog.error.text()
    assert "team.json이 있는 폴더" in dialog.error.text()
    second = create_team(share, "둘째 방문팀", TEAM_PASSPHRASE, kdf=CHEAP_KDF)
    dialog.folder.setText(str(share / "ConsultDesk"))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and not dialog.error.isHidden())
    text = dialog.error.text()
    assert "팀이 2개 있습니다" in text
    assert f"행복약국 방문팀: {first.folder}" in text and f"둘째 방문팀: {second.folder}" in text
    assert sync.team_summary(b) is None
    dialog.folder.setText(str(first.folder / "devices"))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.team is not None)
    assert dialog.team is not None and dialog.team.folder == first.folder


def test_creating_a_team_needs_a_name_and_matching_passphrases(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    dialog = TeamSetupDialog(new_laptop("a"))
    qtbot.addWidget(dialog)
    dialog.create_choice.setChecked(True)
    dialog.folder.setText(str(share))
    dialog.submit()
    assert "팀 이름" in dialog.error.text()
    dialog.name.setText("행복팀")
    dialog.passphrase.setText("우리 팀 암호 2026")
    dialog.again.setText("우리 팀 암호 2025")
    dialog.submit()
    assert "두 암호가 서로 다릅니다" in dialog.error.text()
    assert not (share / "ConsultDesk").exists()


def _conflicting_laptops(new_laptop: MakeLaptop, share: Path):  # type: ignore[no-untyped-def]
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", allergies="없음"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.save_resident(
        a, ResidentDraft(name="김순자", allergies="페니실린", notes="계단 많음"), kim
    )
    residents.save_resident(
        b, ResidentDraft(name="김순자", allergies="아스피린", notes="혼자 사심"), kim
    )
    sync.sync_now(a)
    sync.sync_now(b)
    sync.sync_now(a)
    return a, b, kim


def test_deciding_conflicts_side_by_side_or_with_a_typed_value(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, kim = _conflicting_laptops(new_laptop, share)
    view = ConflictsView(b)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 2
    assert view.title.text() == "결정할 충돌: 2건"
    # The safety field comes first, and says so.
    assert view.current is not None and view.current.field == "allergies"
    assert "김순자" in view.question.text() and "안전" in view.question.text()
    assert "알레르기" in view.model.data(view.model.index(0, 1))
    assert {view.kept_value.text(), view.other_value.text()} == {"페니실린", "아스피린"}
    assert "이 컴퓨터" in (view.kept_who.text() + view.other_who.text())
    with qtbot.waitSignal(view.resolved):
        view.other_button.click()
    chosen = residents.open_resident(b, kim)
    assert chosen is not None and chosen.data.allergies in {"페니실린", "아스피린"}
    assert view.model.rowCount() == 1 and view.current is not None
    assert view.current.field == "notes"
    view.merged.setText("계단 많음, 혼자 사심")
    with qtbot.waitSignal(view.resolved):
        view.merged_button.click()
    assert view.model.rowCount() == 0 and view.title.text() == "결정할 충돌이 없습니다."
    sync.sync_now(b)
    sync.sync_now(a)
    detail = residents.open_resident(a, kim)
    assert detail is not None and detail.data.notes == "계단 많음, 혼자 사심"
    assert sync_conflicts.list_conflicts(a) == []


def test_a_typed_value_that_does_not_fit_is_explained(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    _, b, _ = _conflicting_laptops(new_laptop, share)
    view = ConflictsView(b)
    qtbot.addWidget(view)
    view.show()
    first = view.current
    assert first is not None
    sync_conflicts.resolve_conflict(
        b, first.id, "페니실린"
    )  # decided meanwhile, e.g. in another window
    view.keep_button.click()
    assert view.error.isVisible() and "이미 해결" in view.error.text()
    assert view.model.rowCount() == 1


def test_the_main_window_syncs_at_start_up_and_leads_to_the_conflicts(
    qtbot, new_laptop: MakeLaptop, share: Path, reports: list[tuple[object, object]]
) -> None:
    _, b, _ = _conflicting_laptops(new_laptop, share)
    residents.save_resident(b, ResidentDraft(name="이영희"))
    window = MainWindow(b)
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "동기화" in titles
    controller = window.sync_area.controller
    assert controller.status().waiting == unsent(b) > 0
    qtbot.waitUntil(lambda: controller.status().waiting == 0, timeout=10_000)
    finish(qtbot, controller)
    assert reports == []  # the start-up sync is quiet
    # The bar reads the status in the background: it catches up with the finished sync.
    qtbot.waitUntil(lambda: "보낼 변경 0건" in window.sync_bar.label.text(), timeout=10_000)
    assert window.sync_bar.conflicts.text() == "충돌 2건"
    window.sync_bar.conflicts.click()
    assert window.stack.currentWidget() is window.sync_area
    assert window.sync_area.conflicts.model.rowCount() == 2


def test_the_conflicts_are_logged_as_viewed_only_once_they_are_shown(
    qtbot, new_laptop: MakeLaptop, share: Path, reports: list[tuple[object, object]]
) -> None:
    """The sync status read at start-up (and after saves) filled the conflicts list behind the
    residents screen, and the access log said the conflicts had been viewed."""
    from sqlmodel import select

    from consultdesk.storage.models import AuditEvent

    def viewed() -> int:
        with b.db.session(read_only=True) as s:
            rows = s.exec(select(AuditEvent).where(AuditEvent.entity == "conflicts")).all()
        return len(rows)

    _, b, _ = _conflicting_laptops(new_laptop, share)
    before = viewed()
    window = MainWindow(b)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync_area.controller
    qtbot.waitUntil(lambda: controller.status().waiting == 0, timeout=10_000)
    finish(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync_bar.conflicts.text() == "충돌 2건", timeout=10_000)
    assert viewed() == before
    window.sync_bar.conflicts.click()
    assert window.sync_area.conflicts.model.rowCount() == 2
    assert viewed() == before + 1


def test_quitting_sends_the_changes_still_waiting(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a = new_laptop("a")
    start_team(a, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    controller = SyncController(a)
    controller.send_on_quit()
    assert len(list(share.rglob("*.cdsync"))) == 1
    assert sync.sync_status(a).waiting == 0


def unsent(ws) -> int:  # type: ignore[no-untyped-def]
    """This laptop's change rows not yet in a bundle (what "waiting" counts)."""
    return len(logged(ws))


def test_a_large_count_of_waiting_changes_reads_with_thousands_separators(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    """A laptop that joins a team with years of unsent work (465,437 changes in the
    1,000-resident demo) is told so as the sync report counts: 465,437, not 465437."""
    from dataclasses import replace

    a = new_laptop("a")
    start_team(a, share)
    view = SyncView(a)
    qtbot.addWidget(view)
    bar = SyncStatusBar(view.controller)
    qtbot.addWidget(bar)
    status = replace(sync.sync_status(a), waiting=465_437)
    view.show_status(status)
    bar.show_status(status)
    assert "보낼 변경: 465,437건" in view.state_label.text()
    assert "보낼 변경 465,437건" in bar.label.text()
