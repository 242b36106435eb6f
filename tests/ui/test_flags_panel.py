"""The live flags panel with real widgets on a real workspace."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QUrl

from consultdesk.domain.dates import full_age
from consultdesk.services import flags
from consultdesk.services.consultations import load_consultation, save_consultation
from consultdesk.services.workspace import Workspace
from consultdesk.ui.flags_panel import (
    LINK_SCHEME,
    SOURCE_TOGGLE,
    DismissFlagDialog,
    FlagsPanel,
)
from consultdesk.ui.messages import message_for
from consultdesk.ui.residents_view import ResidentPanel
from tests.conftest import PASSPHRASE
from tests.services.test_flags import (
    IBUPROFEN,
    OMEPRAZOLE,
    WARFARIN,
    by_rule,
    consultation_with,
    medication,
    new_resident,
)

NSAID = "ddi.warfarin_nsaid"


class EditorLoop:
    """What the consultation editor does around the panel: recompute the flags from what is
    on screen, and store the pharmacist's decisions through the service."""

    def __init__(self, ws: Workspace, panel: FlagsPanel, consultation_id: str) -> None:
        self.ws = ws
        self.panel = panel
        self.data = load_consultation(ws, consultation_id)
        assert self.data is not None
        panel.decided.connect(self.decide)
        self.recompute()

    def recompute(self) -> bool:
        ctx = flags.load_flag_context(self.ws)
        decisions = flags.flag_decisions(self.ws, self.data.id)
        age = full_age(date(1948, 3, 5), self.data.visit.visit_date)  # new_resident's birth
        return self.panel.set_flags(flags.compute_flags(ctx, self.data, age, decisions), "ko")

    def add(self, name, ingredient) -> None:
        self.data = replace(
            self.data, medications=(*self.data.medications, medication(name, ingredient))
        )
        save_consultation(self.ws, self.data)
        self.recompute()

    def decide(self, key: str, status: str, reason: str) -> None:
        flags.decide_flag(self.ws, self.data.id, key, status, reason)
        self.recompute()


def nsaid(panel: FlagsPanel):
    return panel.view(by_rule(panel.views(), NSAID).key)


def entry_text(panel: FlagsPanel, view) -> str:
    """The flag's entry as the pharmacist reads it: from its reason to the next entry."""
    text = panel.text()
    start = text.index(view.text("ko" if "출혈" in text or "위험" in text else "en"))
    following = [text.find(v.text(panel._lang), start + 1) for v in panel.views()]
    ends = [i for i in following if i > start]
    return text[start : min(ends) if ends else len(text)]


def click(panel: FlagsPanel, key: str, action: str) -> None:
    """Follow a decision link, as a click or Enter on it does; the link must be on screen."""
    href = f"{LINK_SCHEME}:{action}:{[v.key for v in panel.views()].index(key)}"
    assert f'href="{href}"' in panel.browser.toHtml(), f"no {action} link for {key}"
    panel.browser.anchorClicked.emit(QUrl(href))


def link_texts(panel: FlagsPanel, view) -> list[str]:
    """The link texts on a flag's card, as the browser's document holds them."""
    index = [v.key for v in panel.views()].index(view.key)
    found = re.findall(
        rf'<a href="{LINK_SCHEME}:[a-z]+:{index}"[^>]*>(?:<span[^>]*>)?([^<]*)<',
        panel.browser.toHtml(),
    )
    return found


def test_adding_two_interacting_medicines_shows_the_flag_and_a_dismissal_sticks(
    qtbot, workspace, tmp_path, monkeypatch
):
    data = consultation_with(workspace, OMEPRAZOLE)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    loop = EditorLoop(workspace, panel, data.id)
    assert NSAID not in {v.flag.rule_id for v in panel.views()}
    assert panel.group_title("medication").startswith("의약품")

    loop.add(*WARFARIN)
    assert NSAID not in {v.flag.rule_id for v in panel.views()}
    loop.add(*IBUPROFEN)
    view = nsaid(panel)
    assert view.flag.severity.value == "high"
    entry = entry_text(panel, view)
    assert "높음" in panel.text()
    assert "와파린과 소염진통제" in entry
    assert "와파린정 2mg, 부루펜정 400mg" in entry
    # The rule id and the citation sit behind the card's 출처 toggle.
    assert "ddi.warfarin_nsaid" not in entry and "Holbrook" not in entry
    assert "출처" in link_texts(panel, view)
    click(panel, view.key, SOURCE_TOGGLE)
    entry = entry_text(panel, view)
    assert "규칙: ddi.warfarin_nsaid" in entry and "Holbrook" in entry
    assert "출처 닫기" in link_texts(panel, view)
    others = [v for v in panel.views() if v.key != view.key]
    assert others and not any(v.flag.source in panel.text() for v in others if v.flag.source)
    assert panel.offered(view.key) == {"confirmed", "dismissed"}

    asked: list[str] = []

    def answer(flag_text, parent=None):
        asked.append(flag_text)
        return "처방의가 단기 병용을 알고 있음"

    monkeypatch.setattr(DismissFlagDialog, "ask", classmethod(lambda cls, t, p=None: answer(t)))
    with qtbot.waitSignal(panel.decided) as signal:
        click(panel, view.key, "dismissed")
    assert signal.args[1:] == ["dismissed", "처방의가 단기 병용을 알고 있음"]
    assert asked and "와파린" in asked[0]

    dismissed = nsaid(panel)
    status = panel.status_text(dismissed)
    assert status == "제외함 — 사유: 처방의가 단기 병용을 알고 있음"
    assert status in panel.text()  # shown, not only stored
    assert panel.offered(dismissed.key) == {"open"}
    assert panel.ordered("medication")[-1].key == dismissed.key  # dismissed go last
    assert panel.text().rindex("와파린과 소염진통제") > panel.text().index(
        panel.ordered("medication")[0].text("ko")
    )
    assert "제외 1건" in panel.group_title("medication")
    # Redrawn after the decision (and on every change): the opened source stays open.
    assert "Holbrook" in entry_text(panel, dismissed)
    click(panel, dismissed.key, SOURCE_TOGGLE)
    assert "Holbrook" not in panel.text()
    click(panel, dismissed.key, SOURCE_TOGGLE)

    # Close everything, open the workspace again, and build a new panel from the service.
    workspace.close()
    reopened = Workspace.unlock(tmp_path / "data", PASSPHRASE)
    try:
        again = FlagsPanel()
        qtbot.addWidget(again)
        again.set_flags(flags.flags_for_consultation(reopened, data.id), "ko")
        view = nsaid(again)
        assert view.status == "dismissed"
        assert "처방의가 단기 병용을 알고 있음" in again.text()
        assert "Holbrook" not in again.text()  # a new panel starts with sources closed
        # Reopening puts it back among the open flags.
        loop = EditorLoop(reopened, again, data.id)  # kept: Qt holds bound slots weakly
        click(again, view.key, "open")
        assert nsaid(again).status == "open"
        assert flags.flag_decisions(reopened, data.id)[view.key].status == "open"
    finally:
        reopened.close()


def test_cancelling_the_dismissal_changes_nothing(qtbot, workspace, monkeypatch):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    loop = EditorLoop(workspace, panel, data.id)  # noqa: F841 (kept alive for its slot)
    monkeypatch.setattr(DismissFlagDialog, "ask", classmethod(lambda cls, t, p=None: None))
    with qtbot.assertNotEmitted(panel.decided):
        click(panel, nsaid(panel).key, "dismissed")
    assert flags.flag_decisions(workspace, data.id) == {}


def test_confirming_marks_the_flag_and_keeps_it_in_place(qtbot, workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    loop = EditorLoop(workspace, panel, data.id)  # noqa: F841 (kept alive for its slot)
    position = [v.key for v in panel.ordered("medication")].index(nsaid(panel).key)
    click(panel, nsaid(panel).key, "confirmed")
    view = nsaid(panel)
    assert panel.status_text(view) == "확인함" and "확인함" in panel.text()
    assert panel.offered(view.key) == {"dismissed", "open"}  # may still be dismissed
    assert [v.key for v in panel.ordered("medication")].index(view.key) == position


def test_an_unchanged_flag_list_is_not_drawn_again(qtbot, workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN, OMEPRAZOLE)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    loop = EditorLoop(workspace, panel, data.id)
    document = panel.browser.document().toHtml()
    assert loop.recompute() is False
    assert panel.browser.document().toHtml() == document
    flags.decide_flag(workspace, data.id, nsaid(panel).key, "confirmed", "")
    assert loop.recompute() is True
    assert panel.browser.document().toHtml() != document


def test_the_dismiss_dialog_insists_on_a_reason(qtbot):
    dialog = DismissFlagDialog("와파린과 소염진통제")
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.result() == 0 and dialog.error.text() == message_for("reason_required")
    assert re.search("[가-힣]", dialog.error.text())
    dialog.reason.setEditText("주민번호 480305-1234567")
    dialog.submit()
    assert dialog.result() == 0 and "주민등록번호" in dialog.error.text()
    dialog.reason.setCurrentIndex(2)  # one of the suggested reasons
    dialog.submit()
    assert dialog.result() == 1 and dialog.result_reason == "단기간만 복용함"


def test_social_flags_have_their_own_group_with_services(qtbot, workspace):
    data = consultation_with(
        workspace, WARFARIN, IBUPROFEN, screening={"food_worry": "often", "meals": "one"}
    )
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    panel.set_flags(flags.flags_for_consultation(workspace, data.id), "ko")
    social = [v for v in panel.views() if v.flag.kind == "social"]
    assert len(social) == 2
    assert panel.group_title("social") == "사회적 위험 (2)"
    food = social[0]
    assert food.flag.severity.value == "high"
    entry = entry_text(panel, food)
    assert "연계 서비스 제안" in entry
    assert all(s.name_ko in entry for s in food.services)


def test_english_shows_the_english_reason(qtbot, workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    views = flags.flags_for_consultation(workspace, data.id)
    panel.set_flags(views, "en")
    assert "bleeding" in panel.text() and "출혈" not in panel.text()
    assert panel.set_flags(views, "ko") is True  # a language change is a change
    assert "출혈" in panel.text()


def test_a_final_session_shows_decisions_without_links(qtbot, workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    panel.set_flags(flags.flags_for_consultation(workspace, data.id), "ko")
    decision = re.compile(rf'href="{LINK_SCHEME}:(confirmed|dismissed|open):')
    assert decision.search(panel.browser.toHtml())
    panel.set_read_only(True)
    assert panel.offered(nsaid(panel).key) == set()
    assert not decision.search(panel.browser.toHtml())
    assert link_texts(panel, nsaid(panel)) == ["출처"]  # the source can still be read
    click(panel, nsaid(panel).key, SOURCE_TOGGLE)
    assert "Holbrook" in entry_text(panel, nsaid(panel))


def test_the_resident_overview_lists_open_flags_of_the_latest_session(qtbot, workspace):
    resident_id = new_resident(workspace)
    panel = ResidentPanel(workspace)
    qtbot.addWidget(panel)
    panel.show_resident(resident_id)
    # No consultation yet: not "no risk flags to review in the latest session".
    text = panel.open_flags.text()
    assert "아직 기록된 상담이 없습니다." in text and "위험 신호" not in text
    data = consultation_with(
        workspace,
        WARFARIN,
        IBUPROFEN,
        OMEPRAZOLE,
        resident_id=resident_id,
        screening={"food_worry": "often", "medicine_cost": "yes"},
    )
    panel.show_resident(resident_id)
    open_views = flags.open_flags_for_resident(workspace, resident_id)
    text = panel.open_flags.text()
    assert f"검토할 위험 신호: {len(open_views)}건" in text
    assert text.count("[높음]") == 3 and "외 " in text
    key = by_rule(open_views, NSAID).key
    flags.decide_flag(workspace, data.id, key, "dismissed", "처방의 확인")
    panel.show_resident(resident_id)
    assert f"검토할 위험 신호: {len(open_views) - 1}건" in panel.open_flags.text()
    for view in flags.open_flags_for_resident(workspace, resident_id):
        flags.decide_flag(workspace, data.id, view.key, "confirmed", "")
    panel.show_resident(resident_id)
    assert "최근 상담에서 검토할 위험 신호가 없습니다" in panel.open_flags.text()
