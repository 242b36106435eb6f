from datetime import date

from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents
from consultdesk.ui.consent_dialog import ConsentDialog, WithdrawConsentDialog
from consultdesk.ui.residents_view import ResidentsView


def test_consent_is_visible_at_a_glance_and_can_be_withdrawn(qtbot, workspace, monkeypatch):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.select(rid)
    share = view.panel.consent_labels[ConsentKind.SHARE_WELFARE]
    assert "기록 없음" in share.text()
    assert not view.panel.withdraw_buttons[ConsentKind.SHARE_WELFARE].isEnabled()

    def record(ws, resident_id, kind, parent):
        dialog = ConsentDialog(ws, resident_id, kind, parent)
        qtbot.addWidget(dialog)
        dialog.method.setCurrentIndex(dialog.method.findData("verbal"))
        dialog.decided_on.setText("2026-13-01")
        dialog.submit()
        assert "YYYY-MM-DD" in dialog.error.text()
        dialog.decided_on.setText(date.today().isoformat())
        dialog.submit()
        assert "입회" in dialog.error.text()  # verbal consent needs a witness
        dialog.witness.setText("최복지")
        dialog.submit()
        return dialog.saved_id

    monkeypatch.setattr(
        ConsentDialog,
        "ask",
        classmethod(
            lambda cls, ws, r, k=ConsentKind.HEALTH_INFO, parent=None: record(ws, r, k, parent)
        ),
    )
    view.panel.record_buttons[ConsentKind.SHARE_WELFARE].click()
    assert "동의함" in share.text() and "입회인: 최복지" in share.text()
    assert view.panel.withdraw_buttons[ConsentKind.SHARE_WELFARE].isEnabled()

    def withdraw(ws, consent_id, parent):
        dialog = WithdrawConsentDialog(ws, consent_id, parent)
        qtbot.addWidget(dialog)
        dialog.submit()
        return dialog.result() == WithdrawConsentDialog.DialogCode.Accepted

    monkeypatch.setattr(
        WithdrawConsentDialog,
        "ask",
        classmethod(lambda cls, ws, c, parent=None: withdraw(ws, c, parent)),
    )
    view.panel.withdraw_buttons[ConsentKind.SHARE_WELFARE].click()
    assert "철회" in share.text()
    assert not view.panel.withdraw_buttons[ConsentKind.SHARE_WELFARE].isEnabled()
