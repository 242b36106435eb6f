"""The referrals view with real widgets: age and overdue in words and colour, and a referral
moved from draft to closed through the dialogs (answered through their ask() seams)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from consultdesk.domain.ids import new_id
from consultdesk.services import referrals
from consultdesk.services.referrals import ReferralOptions
from consultdesk.ui.batch_export_dialog import BatchExportDialog
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.referrals_view import (
    OVERDUE_ROLE,
    CloseReferralDialog,
    MarkSentDialog,
    ReferralsView,
    ReferralTableModel,
    ReplyDialog,
)
from tests.services.visit_data import make_visit

TODAY = date.today()


def draft_for(ws, visit, created: date = TODAY) -> str:
    return referrals.draft_referral(
        ws,
        new_id(),
        visit.resident_id,
        visit.consultation_id,
        ReferralOptions(services=("energy_support",)),
        today=created,
    )


@pytest.fixture
def view(qtbot, workspace):
    widget = ReferralsView(workspace)
    qtbot.addWidget(widget)
    return widget


def answer_with(monkeypatch, qtbot, dialog_class, fill):
    """Replace the modal ask() with a real dialog that `fill` types into and submits."""

    def ask(cls, ws, detail, parent=None):
        dialog = dialog_class(ws, detail, parent)
        qtbot.addWidget(dialog)
        fill(dialog)
        return dialog.result() == dialog_class.DialogCode.Accepted

    monkeypatch.setattr(dialog_class, "ask", classmethod(ask))


def test_the_model_passes_the_model_tester(qtmodeltester, workspace):
    visit = make_visit(workspace)
    draft_for(workspace, visit)
    model = ReferralTableModel()
    model.set_rows(referrals.list_open_referrals(workspace))
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_overdue_referrals_come_first_and_say_so_in_words_and_colour(qtbot, workspace):
    visit = make_visit(workspace)
    late = draft_for(workspace, visit, TODAY - timedelta(days=30))
    referrals.mark_sent(workspace, late, TODAY - timedelta(days=20))
    fresh = draft_for(workspace, visit, TODAY - timedelta(days=3))
    referrals.mark_sent(workspace, fresh, TODAY - timedelta(days=2))
    draft_for(workspace, visit)
    view = ReferralsView(workspace)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 3
    first = model.index(0, ReferralTableModel.ATTENTION)
    assert model.rows[0].id == late and first.data(OVERDUE_ROLE) is True
    assert "회신 없음" in first.data() and "14" in first.data()
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, ReferralTableModel.AGE).data() == "20일"
    fresh_row = next(i for i, r in enumerate(model.rows) if r.id == fresh)
    assert model.index(fresh_row, ReferralTableModel.ATTENTION).data() == ""
    assert model.index(fresh_row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "발송함" in model.index(fresh_row, ReferralTableModel.STATE).data()
    assert "3건" in view.summary.text() and "회신 없음 1건" in view.summary.text()
    assert model.index(0, ReferralTableModel.CENTRE).data() == "햇살종합사회복지관 (예시) · 박사례"


def test_a_referral_moves_from_draft_to_closed_through_the_view(
    qtbot, view, workspace, monkeypatch
):
    visit = make_visit(workspace)
    rid = draft_for(workspace, visit, TODAY - timedelta(days=5))
    view.refresh()
    assert view.select(rid)
    assert view.sent_button.isEnabled() and not view.reply_button.isEnabled()
    assert not view.close_button.isEnabled()

    def send(dialog: MarkSentDialog) -> None:
        dialog.sent_on.setText((TODAY - timedelta(days=6)).isoformat())
        dialog.submit()
        assert "이전 단계 날짜" in dialog.error.text()  # before the draft was made
        dialog.sent_on.setText("2026-13-40")
        dialog.submit()
        assert "YYYY-MM-DD" in dialog.error.text()
        dialog.sent_on.setText((TODAY - timedelta(days=4)).isoformat())
        dialog.submit()

    answer_with(monkeypatch, qtbot, MarkSentDialog, send)
    view.sent_button.click()
    assert view.model.rows[0].state == "sent" and view.selected_ids() == [rid]
    assert view.reply_button.isEnabled() and not view.sent_button.isEnabled()

    def reply(dialog: ReplyDialog) -> None:
        dialog.received_on.setText((TODAY - timedelta(days=1)).isoformat())
        dialog.status.setCurrentIndex(dialog.status.findData("could_not_link"))
        dialog.submit()
        assert "사유" in dialog.error.text() or "이유" in dialog.error.text()
        dialog.actions_taken.setPlainText("가정 방문 두 번")
        dialog.reason.setText("전화를 받지 않으심")
        dialog.by.setText("박사례")
        dialog.submit()

    answer_with(monkeypatch, qtbot, ReplyDialog, reply)
    view.reply_button.click()
    detail = referrals.referral_detail(workspace, rid)
    assert detail.state == "acknowledged" and detail.reply_reason == "전화를 받지 않으심"
    assert "회신 받음" in view.model.index(0, ReferralTableModel.STATE).data()

    def close(dialog: CloseReferralDialog) -> None:
        dialog.submit()
        assert "해결됨 또는" in dialog.error.text()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("not_resolved"))
        dialog.submit()
        assert "사유" in dialog.error.text() or "이유" in dialog.error.text()
        dialog.reason.setText("연락이 닿지 않음")
        dialog.submit()

    answer_with(monkeypatch, qtbot, CloseReferralDialog, close)
    view.close_button.click()
    assert view.model.rowCount() == 0
    closed = referrals.referral_detail(workspace, rid)
    assert (closed.state, closed.outcome, closed.outcome_reason) == (
        "closed",
        "not_resolved",
        "연락이 닿지 않음",
    )


def test_a_cancelled_dialog_changes_nothing(qtbot, view, workspace, monkeypatch):
    visit = make_visit(workspace)
    rid = draft_for(workspace, visit)
    view.refresh()
    view.select(rid)
    monkeypatch.setattr(MarkSentDialog, "ask", classmethod(lambda cls, ws, d, p=None: False))
    view.sent_button.click()
    assert referrals.referral_detail(workspace, rid).state == "draft"


def test_a_draft_can_be_discarded_after_asking(qtbot, view, workspace, monkeypatch):
    visit = make_visit(workspace)
    rid = draft_for(workspace, visit)
    view.refresh()
    view.select(rid)
    answers = iter([False, True])
    monkeypatch.setattr(
        ReferralsView, "confirm_discard", classmethod(lambda cls, row, parent: next(answers))
    )
    view.discard_button.click()
    assert view.model.rowCount() == 1
    view.discard_button.click()
    assert view.model.rowCount() == 0


def test_the_sheets_of_all_drafts_are_exported_at_once(
    qtbot, view, workspace, monkeypatch, tmp_path: Path
):
    first = make_visit(workspace)
    second = make_visit(workspace, name="김민수")
    for visit in (first, second):
        draft_for(workspace, visit)
    view.refresh()
    out = tmp_path / "sheets"
    out.mkdir()
    monkeypatch.setattr(ReferralsView, "choose_folder", classmethod(lambda cls, parent: out))

    def run(cls, ws, items, folder, parent=None):
        dialog = BatchExportDialog(ws, items, folder, parent)
        qtbot.addWidget(dialog)
        dialog.start()
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30_000)
        return dialog.outcome

    monkeypatch.setattr(BatchExportDialog, "ask", classmethod(run))
    view.export_button.click()
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"referral-{r.reference}.pdf" for r in view.model.rows)


def test_the_main_window_has_a_referrals_area(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "의뢰 관리" in titles
    window.nav.setCurrentRow(window.stack.indexOf(window.referrals))
    assert window.stack.currentWidget() is window.referrals


def closed_referral(ws, visit, outcome: str, reason: str = "", days_ago: int = 1) -> str:
    rid = draft_for(ws, visit, TODAY - timedelta(days=days_ago + 10))
    referrals.mark_sent(ws, rid, TODAY - timedelta(days=days_ago + 9))
    referrals.close_referral(ws, rid, TODAY - timedelta(days=days_ago), outcome, reason)
    return rid


def choose_filter(qtbot, view: ReferralsView, label: str) -> None:
    """Pick a filter in the combo box with the keyboard, as a person would."""
    view.which.setFocus()
    while view.which.currentText() != label:
        before = view.which.currentIndex()
        qtbot.keyClick(view.which, Qt.Key.Key_Down)
        assert view.which.currentIndex() != before, label


def test_closed_referrals_stay_findable_with_their_outcome(qtbot, view, workspace):
    visit = make_visit(workspace)
    open_id = draft_for(workspace, visit)
    resolved = closed_referral(workspace, visit, "resolved", days_ago=5)
    not_resolved = closed_referral(workspace, visit, "not_resolved", "전화를 받지 않으심")
    view.refresh()
    view.show()
    qtbot.waitExposed(view)
    assert [r.id for r in view.model.rows] == [open_id]  # open ones, as before
    assert [view.which.itemText(i) for i in range(view.which.count())] == [
        "진행 중인 의뢰",
        "종결된 의뢰",
        "모든 의뢰",
    ]
    choose_filter(qtbot, view, "종결된 의뢰")
    assert [r.id for r in view.model.rows] == [not_resolved, resolved]
    outcome = view.model.index(0, ReferralTableModel.OUTCOME)
    assert outcome.data() == "해결되지 않음: 전화를 받지 않으심"
    assert view.model.index(1, ReferralTableModel.OUTCOME).data() == "해결됨"
    assert "종결" in view.model.index(0, ReferralTableModel.STATE).data()
    assert view.model.headerData(ReferralTableModel.OUTCOME, Qt.Orientation.Horizontal) == "결과"
    # A closed referral has no next step, but its sheet can still be printed again.
    view.select(resolved)
    assert not any(
        b.isEnabled()
        for b in (view.sent_button, view.reply_button, view.close_button, view.discard_button)
    )
    assert view.export_button.isEnabled()
    choose_filter(qtbot, view, "모든 의뢰")
    assert [r.id for r in view.model.rows] == [open_id, not_resolved, resolved]
    assert view.selected_ids() == [resolved]  # the selection follows the filter
    assert view.model.index(0, ReferralTableModel.OUTCOME).data() == ""
    # Found by its reference code, typed into the search box.
    code = view.model.rows[2].reference
    qtbot.keyClicks(view.search, code[-6:])
    assert [r.id for r in view.model.rows] == [resolved]
    view.search.clear()
    assert len(view.model.rows) == 3
    assert "1건" in view.summary.text()  # the summary still counts the open ones


def test_the_reply_starts_from_the_residents_case_worker(qtbot, view, workspace, monkeypatch):
    visit = make_visit(workspace)
    rid = draft_for(workspace, visit)
    referrals.mark_sent(workspace, rid, TODAY)
    view.refresh()
    view.select(rid)
    seen: list[str] = []

    def reply(dialog: ReplyDialog) -> None:
        seen.append(dialog.by.text())
        dialog.submit()

    answer_with(monkeypatch, qtbot, ReplyDialog, reply)
    view.reply_button.click()
    assert seen == ["박사례"]
    assert referrals.referral_detail(workspace, rid).reply_by == "박사례"
    # Once a reply names someone else, that name is what the dialog shows again.
    referrals.record_reply(workspace, rid, TODAY, by="김대리")
    view.refresh()
    view.select(rid)
    view.reply_button.click()
    assert seen == ["박사례", "김대리"]
