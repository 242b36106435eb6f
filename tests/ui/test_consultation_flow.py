"""From the residents list to a consultation and back: the timeline, the comparison, the
follow-up list, and the language switch with a session open."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from consultdesk.domain.consultation import MedicationRow
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Ingredient
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.ui import i18n
from consultdesk.ui.app import Shell
from consultdesk.ui.timeline_view import ComparisonDialog
from tests.consent_helpers import consent_to_health_info

AMLODIPINE = Ingredient("C08CA01", "암로디핀", "amlodipine")
ZOLPIDEM = Ingredient("N05CF02", "졸피뎀", "zolpidem")


def session(ws, resident, day, meds, next_visit=None, final=True):
    consent_to_health_info(ws, resident)
    cid = svc.start_consultation(ws, resident, today=day)
    data = replace(
        svc.open_consultation(ws, cid),
        medications=tuple(meds),
        advice="물을 충분히 드세요",
        next_visit=next_visit,
    )
    if final:
        svc.finalise_consultation(ws, data, today=day)
    else:
        svc.save_consultation(ws, data)
    return cid


def test_new_consultation_from_the_timeline_resumes_a_draft(qtbot, workspace):
    resident = save_resident(workspace, ResidentDraft(name="홍길동"))
    consent_to_health_info(workspace, resident)
    shell = Shell(workspace)
    window = shell.window
    qtbot.addWidget(window)
    window.show()
    window.show_resident(resident)
    timeline = window.residents.panel.timeline
    assert timeline.list.count() == 0 and timeline.new_button.isEnabled()
    timeline.new_button.click()
    assert window.stack.currentWidget() is window.editor
    assert "홍길동" in window.nav.currentItem().text()
    first = window.editor.data.id
    assert window.editor.close_consultation()
    assert window.stack.currentWidget() is window.residents
    assert window.nav.count() == window.stack.count() - 1
    assert timeline.list.count() == 1
    # The draft is still unfinished: "new consultation" goes back to it.
    timeline.new_button.click()
    assert window.editor.data.id == first
    window.editor.close_consultation()


def test_comparing_two_sessions_from_the_timeline(qtbot, workspace):
    resident = save_resident(workspace, ResidentDraft(name="김영희"))
    a = MedicationRow(new_id(), "노바스크", (AMLODIPINE,), morning="1")
    z = MedicationRow(new_id(), "스틸녹스", (ZOLPIDEM,), bedtime="1")
    session(workspace, resident, date(2026, 10, 1), [a, z])
    second = svc.start_consultation(workspace, resident, today=date(2026, 11, 1))
    data = svc.open_consultation(workspace, second)
    kept = [replace(m, morning="2") for m in data.medications if m.name_as_found == "노바스크"]
    svc.finalise_consultation(
        workspace, replace(data, medications=tuple(kept), advice="용량 변경"), date(2026, 11, 1)
    )
    shell = Shell(workspace)
    qtbot.addWidget(shell.window)
    shell.window.show_resident(resident)
    timeline = shell.window.residents.panel.timeline
    assert timeline.list.count() == 2
    assert "2회차" in timeline.list.item(0).text()  # newest first
    assert not timeline.compare_button.isEnabled()
    timeline.list.selectAll()
    assert timeline.compare_button.isEnabled()
    timeline.compare()
    dialog = timeline.findChild(ComparisonDialog)
    assert dialog is not None
    text = dialog.text.toPlainText()
    assert "스틸녹스" in text and "노바스크" in text and "1 → 2" in text
    dialog.close()


def test_follow_up_list_shows_overdue_and_this_week(qtbot, workspace):
    today = date.today()
    late = save_resident(workspace, ResidentDraft(name="이늦음", phone="010-1111-2222"))
    soon = save_resident(workspace, ResidentDraft(name="박곧옴"))
    far = save_resident(workspace, ResidentDraft(name="최나중"))
    session(workspace, late, today - timedelta(days=40), [], today - timedelta(days=3))
    session(workspace, soon, today - timedelta(days=20), [], today)
    session(workspace, far, today - timedelta(days=20), [], today + timedelta(days=30))
    shell = Shell(workspace)
    window = shell.window
    qtbot.addWidget(window)
    window.nav.setCurrentRow(window.stack.indexOf(window.follow_ups))
    model = window.follow_ups.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["이늦음", "박곧옴"]
    assert "3일" in model.index(0, 4).data()
    window.follow_ups._open(model.index(0, 0))
    assert window.stack.currentWidget() is window.residents
    assert window.residents.panel.detail.data.name == "이늦음"


def test_switching_language_keeps_the_open_session(qtbot, workspace):
    resident = save_resident(workspace, ResidentDraft(name="홍길동"))
    consent_to_health_info(workspace, resident)
    cid = svc.start_consultation(workspace, resident)
    shell = Shell(workspace)
    qtbot.addWidget(shell.window)
    shell.window.open_consultation(cid)
    shell.window.editor.advice.setPlainText("언어를 바꿔도 남아야 함")
    shell.change_language("en")
    try:
        qtbot.addWidget(shell.window)
        editor = shell.window.editor
        assert editor.data is not None and editor.data.id == cid
        assert editor.advice.toPlainText() == "언어를 바꿔도 남아야 함"
        assert editor.tabs.tabText(0) == "Medicines"
        assert editor.close_consultation()
    finally:
        i18n.install("ko")


def test_declining_the_recovered_draft_keeps_it_and_stops_asking(qtbot, workspace, monkeypatch):
    from consultdesk.ui.consultation_editor import RecoverPrompt

    resident = save_resident(workspace, ResidentDraft(name="홍길동"))
    consent_to_health_info(workspace, resident)
    cid = svc.start_consultation(workspace, resident)
    svc.mark_editing(workspace, cid)  # as if the app had died with it open
    asked = []
    monkeypatch.setattr(
        RecoverPrompt, "ask", classmethod(lambda cls, offer, parent: asked.append(offer) or False)
    )
    shell = Shell(workspace)
    qtbot.addWidget(shell.window)
    shell.window.offer_recovery()
    assert [o.consultation_id for o in asked] == [cid]
    assert shell.window.stack.currentWidget() is not shell.window.editor
    assert svc.draft_to_recover(workspace) is None  # not asked again at the next start
    assert svc.unfinished_consultation(workspace, resident) == cid  # the draft itself is kept
