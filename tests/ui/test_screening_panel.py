"""The social risk screening panel: questions from the form, answers and observations."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton

from consultdesk.domain.consultation import ObservedRisk
from consultdesk.services import flags
from consultdesk.services.consultations import load_consultation, save_consultation
from consultdesk.ui import i18n
from consultdesk.ui.screening_panel import ScreeningPanel
from tests.services.test_flags import consultation_with

ANSWERS = {
    "housing_stability": "worried",
    "housing_conditions": ["mould", "no_heating"],
    "lonely_company": "often",
    "medicine_cost": "yes",
}
OBSERVED = (
    ObservedRisk("냉장고가 비어 있음", "high", ("meal_support",)),
    ObservedRisk("계단에 손잡이가 없음", "low", ()),
)


def make_panel(qtbot, workspace) -> ScreeningPanel:
    ctx = flags.load_flag_context(workspace)
    panel = ScreeningPanel(ctx.form, ctx.catalog)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()  # check boxes and radio buttons take clicks only where they are laid out
    qtbot.waitExposed(panel)
    return panel


def click(qtbot, button) -> None:
    # On the box or circle, as a person does: a check box in a wide grid column does not
    # take clicks on the empty space right of its text.
    where = QPoint(6, button.height() // 2) if button.isCheckable() else button.rect().center()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)


def test_the_form_is_shown_in_korean_grouped_by_domain(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    form = panel.form
    assert set(panel.questions) == {q.id for q in form.questions}
    housing = panel.questions["housing_stability"]
    assert isinstance(housing.buttons["worried"], QRadioButton)
    assert housing.buttons["worried"].text() == "걱정돼요"
    conditions = panel.questions["housing_conditions"]
    assert isinstance(conditions.buttons["mould"], QCheckBox)
    titles = {box.title() for box in panel.findChildren(type(panel.services.parent()))}
    assert {"주거", "외로움", "약값 부담"} <= titles


def test_the_form_follows_the_language(qtbot, workspace):
    i18n.install("en")
    try:
        panel = make_panel(qtbot, workspace)
        assert panel.questions["housing_stability"].buttons["worried"].text() == (
            "Yes, I am worried"
        )
    finally:
        i18n.install("ko")


def test_answers_and_observations_round_trip(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_state(ANSWERS, OBSERVED)
    assert panel.answers() == ANSWERS
    assert panel.observed() == OBSERVED
    panel.set_state({"food_worry": "never", "removed_question": "x"}, ())
    assert panel.answers() == {"food_worry": "never"}
    assert panel.observed() == ()


def test_clicking_answers_changes_them(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    food = panel.questions["food_worry"]
    with qtbot.waitSignal(panel.changed):
        click(qtbot, food.buttons["sometimes"])
    click(qtbot, food.buttons["often"])
    assert panel.answers() == {"food_worry": "often"}
    with qtbot.waitSignal(panel.changed):
        click(qtbot, food.clear_button)
    assert panel.answers() == {}


def test_none_of_these_cannot_be_combined_with_a_problem(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    conditions = panel.questions["housing_conditions"]
    click(qtbot, conditions.buttons["mould"])
    click(qtbot, conditions.buttons["pests"])
    assert panel.answers() == {"housing_conditions": ["mould", "pests"]}
    click(qtbot, conditions.buttons["none"])
    assert panel.answers() == {"housing_conditions": ["none"]}
    click(qtbot, conditions.buttons["leaks"])
    assert panel.answers() == {"housing_conditions": ["leaks"]}


def test_an_observation_is_added_with_severity_and_services_and_removed(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    panel.observation_text.setText("  냉장고가   비어 있음 ")
    panel.severity.setCurrentIndex(panel.severity.findData("high"))
    for i in range(panel.services.count()):
        item = panel.services.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "meal_support":
            item.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.add_button)
    assert panel.observed() == (ObservedRisk("냉장고가 비어 있음", "high", ("meal_support",)),)
    assert panel.observation_text.text() == ""
    row = panel._observed[0]
    assert "냉장고가 비어 있음 · 높음 · " in row.label.text()
    # The same words again are refused; so is a registration number.
    panel.observation_text.setText("냉장고가 비어 있음")
    click(qtbot, panel.add_button)
    assert len(panel.observed()) == 1 and not panel.observation_error.isHidden()
    panel.observation_text.setText("주민번호 480305-1234567 확인")
    click(qtbot, panel.add_button)
    assert len(panel.observed()) == 1 and "주민등록번호" in panel.observation_error.text()
    with qtbot.waitSignal(panel.changed):
        click(qtbot, row.remove_button)
    assert panel.observed() == ()


def test_read_only_shows_answers_but_takes_no_changes(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    panel.set_state(ANSWERS, OBSERVED)
    panel.set_read_only(True)
    assert not panel.questions["food_worry"].buttons["often"].isEnabled()
    assert not panel.add_button.isEnabled()
    assert not panel._observed[0].remove_button.isEnabled()
    with qtbot.assertNotEmitted(panel.changed):
        click(qtbot, panel.questions["food_worry"].buttons["often"])
    assert panel.answers() == ANSWERS
    panel.set_read_only(False)
    assert panel._observed[0].remove_button.isEnabled()


def test_answers_from_the_panel_raise_social_flags_for_the_session(qtbot, workspace):
    data = consultation_with(workspace)
    panel = make_panel(qtbot, workspace)
    panel.set_state(ANSWERS, OBSERVED)
    save_consultation(
        workspace, replace(data, screening=panel.answers(), observed=panel.observed())
    )
    social = [
        v for v in flags.flags_for_consultation(workspace, data.id) if v.flag.kind == "social"
    ]
    rules = {v.flag.rule_id for v in social}
    assert {
        "social.default.housing_stability",
        "social.default.housing_conditions",
        "social.default.medicine_cost",
        "social.observation",
    } <= rules
    assert sum(v.flag.rule_id == "social.observation" for v in social) == 2


def _top_of(panel: ScreeningPanel, widget) -> int:
    return widget.mapTo(panel, QPoint(0, 0)).y()


def test_choosing_an_answer_does_not_move_the_questions_below(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    ids = [q.id for q in panel.form.questions]
    first, below = panel.questions[ids[0]], panel.questions[ids[1]]
    before = _top_of(panel, below)
    click(qtbot, next(iter(first.buttons.values())))
    qtbot.waitUntil(lambda: first.clear_button.isVisible())
    QApplication.processEvents()  # let the layout settle before measuring
    assert _top_of(panel, below) == before
    click(qtbot, first.clear_button)
    QApplication.processEvents()
    assert first.value() is None and _top_of(panel, below) == before


def test_the_severity_list_goes_from_low_to_high(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    items = [panel.severity.itemText(i) for i in range(panel.severity.count())]
    assert items == ["낮음", "중간", "높음"]
    assert panel.severity.currentData() == "moderate"  # the default stays in the middle


def tick(panel: ScreeningPanel, service_id: str, on: bool = True) -> None:
    """Tick a service as a person does: on the check box of its row in the list."""
    for i in range(panel.services.count()):
        item = panel.services.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == service_id:
            panel.services.scrollToItem(item)
            rect = panel.services.visualItemRect(item)
            where = QPoint(rect.left() + 10, rect.center().y())
            if (item.checkState() == Qt.CheckState.Checked) != on:
                QTest.mouseClick(panel.services.viewport(), Qt.MouseButton.LeftButton, pos=where)
            assert (item.checkState() == Qt.CheckState.Checked) == on
            return
    raise AssertionError(service_id)


def ticked(panel: ScreeningPanel) -> set[str]:
    return {
        str(panel.services.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(panel.services.count())
        if panel.services.item(i).checkState() == Qt.CheckState.Checked
    }


def test_the_services_of_an_observation_can_be_changed_later(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    panel.set_state({}, OBSERVED)
    row = panel._observed[0]
    click(qtbot, row.change_button)
    # The observation comes back into the fields with its own ticks.
    assert panel.observation_text.text() == "냉장고가 비어 있음"
    assert panel.severity.currentData() == "high"
    assert ticked(panel) == {"meal_support"}
    assert panel.add_button.text() == "변경 저장" and panel.cancel_button.isVisible()
    assert row.label.font().bold() and not panel._observed[1].label.font().bold()
    tick(panel, "meal_support", on=False)
    tick(panel, "food_bank")
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.add_button)
    assert panel.observed() == (
        ObservedRisk("냉장고가 비어 있음", "high", ("food_bank",)),
        OBSERVED[1],
    )
    assert ticked(panel) == set() and panel.observation_text.text() == ""
    assert panel.add_button.text() == "추가" and panel.cancel_button.isHidden()
    assert not row.label.font().bold()
    assert "푸드뱅크" in row.label.text() and "식사" not in row.label.text()
    # Cancelling a change keeps the observation as it was.
    click(qtbot, row.change_button)
    tick(panel, "energy_support")
    with qtbot.assertNotEmitted(panel.changed):
        click(qtbot, panel.cancel_button)
    assert panel.observed()[0].services == ("food_bank",) and ticked(panel) == set()


def test_a_changed_observation_is_saved_with_the_session(qtbot, workspace):
    data = consultation_with(workspace)
    panel = make_panel(qtbot, workspace)
    panel.set_state({}, OBSERVED)
    click(qtbot, panel._observed[1].change_button)
    tick(panel, "housing_repair")
    click(qtbot, panel.add_button)
    save_consultation(workspace, replace(data, observed=panel.observed()))
    again = load_consultation(workspace, data.id)
    assert again is not None
    assert again.observed[1] == ObservedRisk("계단에 손잡이가 없음", "low", ("housing_repair",))


def test_ticks_never_carry_over_into_another_session(qtbot, workspace):
    panel = make_panel(qtbot, workspace)
    panel.set_state({}, OBSERVED)
    # Ticked for a new observation that was never added …
    panel.observation_text.setText("창문이 깨져 있음")
    tick(panel, "housing_repair")
    panel.severity.setCurrentIndex(panel.severity.findData("high"))
    panel.set_state({}, ())  # … then the next resident's session opens
    assert ticked(panel) == set() and panel.observation_text.text() == ""
    assert panel.severity.currentData() == "moderate"
    # The same while an observation was being changed.
    panel.set_state({}, OBSERVED)
    click(qtbot, panel._observed[0].change_button)
    panel.set_state({}, ())
    assert ticked(panel) == set() and panel.editing() is None
    assert panel.add_button.text() == "추가"
