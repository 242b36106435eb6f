"""Consent first (PIPA art. 23): a new consultation waits for consent to health information,
offers to record it on the spot, and a withdrawal blocks new sessions but not old records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QDialog

from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consent, documents
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.ui.app import Shell
from consultdesk.ui.consent_dialog import ConsentDialog
from tests.consent_helpers import consent_to_health_info
from tests.services.visit_data import VISIT, make_visit
from tests.ui.modal import click_button, message_text, when_modal


@pytest.fixture
def window(qtbot, workspace):
    shell = Shell(workspace)
    qtbot.addWidget(shell.window)
    shell.window.show()
    return shell.window


def press_new(window, resident_id: str) -> None:
    window.show_resident(resident_id)
    window.residents.panel.timeline.new_button.click()


def test_a_new_consultation_offers_to_record_consent_and_then_starts(qtbot, window, workspace):
    resident = save_resident(workspace, ResidentDraft(name="최복순", birth_date="1942-07-01"))
    prompts = []

    def record_verbal_consent(dialog):
        assert isinstance(dialog, ConsentDialog)
        assert dialog.kind.currentData() == ConsentKind.HEALTH_INFO.value
        method = dialog.method
        assert isinstance(method, QComboBox)
        method.setCurrentIndex(method.findData("verbal"))
        dialog.witness.setText("사회복지사 김")
        click_button("저장")(dialog)

    def answer_prompt(prompt):
        prompts.append(message_text(prompt))
        when_modal(record_verbal_consent)
        click_button("동의 기록…")(prompt)

    when_modal(answer_prompt)
    press_new(window, resident)
    assert "건강정보 수집·이용 동의가 기록되어 있지 않습니다" in prompts[0]
    assert window.stack.currentWidget() is window.editor
    assert window.editor.data.resident_id == resident
    records = consent.consents_for(workspace, resident)
    assert [(r.kind, r.method.value, r.witness) for r in records] == [
        (ConsentKind.HEALTH_INFO, "verbal", "사회복지사 김")
    ]
    assert window.editor.close_consultation()


def test_not_now_starts_nothing(qtbot, window, workspace):
    resident = save_resident(workspace, ResidentDraft(name="최복순"))
    when_modal(click_button("나중에"))
    press_new(window, resident)
    assert window.stack.currentWidget() is window.residents
    assert svc.resident_timeline(workspace, resident) == []


def test_cancelling_the_consent_dialog_starts_nothing(qtbot, window, workspace):
    resident = save_resident(workspace, ResidentDraft(name="최복순"))

    def answer_prompt(prompt):
        when_modal(lambda dialog: dialog.reject() if isinstance(dialog, QDialog) else None)
        click_button("동의 기록…")(prompt)

    when_modal(answer_prompt)
    press_new(window, resident)
    assert svc.resident_timeline(workspace, resident) == []
    assert consent.consents_for(workspace, resident) == []


def test_a_withdrawn_consent_blocks_new_sessions_and_keeps_old_ones_readable(
    qtbot, window, workspace
):
    resident = save_resident(workspace, ResidentDraft(name="최복순"))
    granted = consent_to_health_info(workspace, resident, on=date(2026, 1, 5))
    earlier = svc.start_consultation(workspace, resident, today=date(2026, 2, 1))
    session = replace(svc.open_consultation(workspace, earlier), advice="물을 자주 드세요")
    svc.finalise_consultation(workspace, session, today=date(2026, 2, 1))
    consent.withdraw_consent(workspace, granted, date(2026, 3, 1), today=date(2026, 3, 1))
    seen = []
    when_modal(lambda notice: notice.accept(), seen)
    press_new(window, resident)
    assert "철회했으므로 새 상담을 기록할 수 없습니다" in message_text(seen[0])
    assert "이전 기록은 계속 볼 수 있습니다" in message_text(seen[0])
    assert [s.id for s in svc.resident_timeline(workspace, resident)] == [earlier]
    # The earlier, finished session still opens (read-only).
    assert window.open_consultation(earlier)
    assert window.editor.data.advice == "물을 자주 드세요"
    with pytest.raises(ValidationFailed) as refused:
        svc.start_consultation(workspace, resident)
    assert refused.value.problems[0].code == "health_consent_withdrawn"


def test_a_referral_needs_consent_to_health_information_too(workspace):
    visit = make_visit(workspace)  # consents to health information and to sharing
    assert documents.referral_blocked_reason(workspace, visit.resident_id) is None
    health = next(
        r
        for r in consent.consents_for(workspace, visit.resident_id)
        if r.kind is ConsentKind.HEALTH_INFO
    )
    consent.withdraw_consent(workspace, health.id, VISIT, today=VISIT)
    assert documents.referral_blocked_reason(workspace, visit.resident_id) == (
        "health_consent_withdrawn"
    )
