"""The 성과 지표 area on the hand-made team: the numbers, a click down to the residents behind
one, the de-identified switch, the charts, an export, and the area inside the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from consultdesk.services.access_log import DownloadReason, list_rows
from consultdesk.services.measures import GroupBy
from consultdesk.services.workspace import Workspace
from consultdesk.ui import i18n
from consultdesk.ui.measures_view import MeasuresView
from tests.reason_helpers import answering_reason
from tests.services.measures_team import DEVICE_B, END, START, TODAY, Team, build_team


@pytest.fixture
def team(workspace: Workspace) -> Team:
    return build_team(workspace)


def _row(view: MeasuresView, indicator: str, category: str = "") -> int:
    for n, row in enumerate(view.model.rows):
        if row.indicator.id == indicator and row.category == category:
            return n
    raise AssertionError(indicator)


def _text(view: MeasuresView, row: int, column: int) -> str:
    return str(view.model.index(row, column).data())


def _click(qtbot, view: MeasuresView, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model.index(row, column)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _shown(qtbot, workspace: Workspace) -> MeasuresView:  # type: ignore[no-untyped-def]
    view = MeasuresView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.today = TODAY
    assert view.total is None  # nothing counted before the area is shown
    with qtbot.waitSignal(view.filters_ready, timeout=20_000):
        view.load_filters()
    view._active = True
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.set_period(START, END)
    return view


def test_numbers_groups_and_drill_down(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, workspace)
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "기간 전체"
    months = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2, 8)]
    assert months == [f"2026년 {m}월" for m in range(1, 7)]
    sessions = _row(view, "sessions")
    assert _text(view, sessions, 0) == "상담 횟수"
    assert [_text(view, sessions, c) for c in range(1, 8)] == ["5", "2", "1", "1", "1", "0", "0"]
    assert _text(view, _row(view, "meds_went_down"), 1) == "50%"
    assert _text(view, _row(view, "visits_by_place", "pharmacy"), 0).strip() == "약국"

    _click(qtbot, view, _row(view, "residents_returning"), 1)
    assert [view.drill_list.item(i).text() for i in range(view.drill_list.count())] == ["박세나"]
    assert view.drill_title.text() == "다시 만난 내담자: 내담자 1명"
    with qtbot.waitSignal(view.resident_requested) as asked:
        view.drill_list.setFocus()
        view.drill_list.setCurrentRow(0)
        QTest.keyClick(view.drill_list, Qt.Key.Key_Return)
    assert asked.args == [team.residents["R3"]]

    _click(qtbot, view, _row(view, "referrals_overdue"), 1)
    assert view.drill_list.count() == 1
    assert view.drill_list.item(0).text().endswith("최네오")
    assert view.drill_list.item(0).text().startswith("CD-")
    assert view.drill_title.text().endswith(": 의뢰 1건")

    # A breakdown's row names the part clicked, after the indicator.
    home = _row(view, "visits_by_place", "home")
    _click(qtbot, view, home, 1)
    place = _text(view, home, 0).strip()
    indicator = _text(view, _row(view, "visits_by_place"), 0)
    count = view.drill_list.count()
    assert count > 0
    assert view.drill_title.text() == f"{indicator} — {place}: 내담자 {count}명"


def test_filters_and_grouping(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, workspace)
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.by.setCurrentIndex(view.by.findData(GroupBy.CENTRE.value))
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2, 4)]
    assert headers == ["행복복지관", "희망복지관"]
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.centre.setCurrentIndex(view.centre.findData(team.centre_2))
    assert _text(view, _row(view, "residents_reached"), 1) == "2"
    assert view.pharmacist.count() == 4  # all, this laptop and the two others
    assert view.pharmacist.itemText(1) == "박약사"


def test_deidentified_switch_and_charts(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, workspace)
    bars = view.consultations_chart.series()[0]
    assert [bars.barSets()[0].at(i) for i in range(6)] == [2, 1, 1, 1, 0, 0]
    assert len(view.goal_progress(view.total)) == 3  # type: ignore[arg-type]
    view.deidentified.setChecked(True)
    reached = _row(view, "residents_reached")
    assert _text(view, reached, 1) == "<5"
    assert _text(view, _row(view, "visits_by_place", "phone"), 1) == "0"
    _click(qtbot, view, reached, 1)
    assert view.drill_list.count() == 0
    assert "비식별" in view.drill_title.text()


def test_export_xlsx(qtbot, workspace: Workspace, team: Team, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, workspace)
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(MeasuresView, "choose_file", classmethod(lambda cls, parent, s: target))
    # A report with names is a download of personal data: its reason goes in the access log.
    with answering_reason(DownloadReason.OTHER, "구청 실적 보고") as asked:
        view.export_button.click()
        qtbot.waitUntil(lambda: view.export_button.isEnabled() and target.exists(), timeout=20_000)
    assert asked and [r.reason for r in list_rows(workspace) if r.entity == "measures"][-1] == (
        "other: 구청 실적 보고"
    )
    book = load_workbook(target)
    assert book.sheetnames[:2] == ["설명", "전체 표"]
    line = next(r for r in book["전체 표"].iter_rows(values_only=True) if r[0] == "sessions")
    assert line[3:] == (2, 1, 1, 1, 0, 0)


def test_area_in_main_window(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    from consultdesk.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "성과 지표" in titles
    with qtbot.waitSignal(window.measures.computed, timeout=20_000):
        window.nav.setCurrentRow(window.stack.indexOf(window.measures))
    assert window.stack.currentWidget() is window.measures


def test_closing_the_area_while_it_counts(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    """The counts arrive after the view is gone: nothing is drawn into deleted charts."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from consultdesk.ui import tasks

    view = MeasuresView(workspace)
    view.show()
    view.refresh()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert tasks.wait_all(20_000)
    qtbot.wait(200)  # the queued results are delivered here


def test_pharmacist_filter(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, workspace)
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.pharmacist.setCurrentIndex(view.pharmacist.findData(DEVICE_B))
    # B saw R1 at the pharmacy in March and R4 at home in January (measures_team.py).
    assert _text(view, _row(view, "sessions"), 1) == "2"
    assert _text(view, _row(view, "visits_by_place", "pharmacy"), 1) == "1"


def _sums_are_safe(reports: tuple) -> int:  # type: ignore[type-arg]
    """No sum of what the screen shows has exactly one hidden cell beside a shown total (it
    would be the total minus the others); returns how many cells are hidden as complements."""
    from consultdesk.domain.measures_suppress import shown_sums

    cells = {
        (n, c.indicator, c.group, c.category): c for n, r in enumerate(reports) for c in r.cells
    }
    for _field, total, parts in shown_sums(list(reports), reports[0].suppress_below):
        shown_total = total in cells and not cells[total].suppressed
        hidden = [p for p in parts if p in cells and cells[p].suppressed]
        assert not (shown_total and len(hidden) == 1), (total, hidden)
    return sum(c.secondary for c in cells.values())


def test_deidentified_screen_hides_what_would_give_a_small_number_away(
    qtbot, workspace: Workspace, team: Team
) -> None:  # type: ignore[no-untyped-def]
    from consultdesk.services.measures import set_suppress_below

    set_suppress_below(workspace, 2)  # only the cells of one resident are small
    view = _shown(qtbot, workspace)
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.by.setCurrentIndex(view.by.findData(GroupBy.CENTRE.value))
    view.deidentified.setChecked(True)
    shown = view.shown_reports()
    assert shown is not None
    secondary = _sums_are_safe(shown)
    assert secondary > 0
    # What the table shows is what the report says: "<2" for a small cell, "x" for its complement.
    texts = set()
    for n, row in enumerate(view.model.rows):
        if row.category == "__area__":
            continue
        for column in range(1, view.model.columnCount()):
            texts.add(_text(view, n, column))
    assert {"<2", "x"} <= texts
    pharmacy = _row(view, "visits_by_place", "pharmacy")
    tip = view.model.index(pharmacy, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert _text(view, pharmacy, 1) == "<2" and "2명 미만" in tip


def test_deidentified_exports_from_the_screen(
    qtbot, workspace: Workspace, team: Team, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import json

    from pypdf import PdfReader

    from consultdesk.services.measures import set_suppress_below

    set_suppress_below(workspace, 2)
    view = _shown(qtbot, workspace)
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.by.setCurrentIndex(view.by.findData(GroupBy.CENTRE.value))
    view.deidentified.setChecked(True)
    for name in ("out.json", "out.pdf"):
        target = tmp_path / name
        monkeypatch.setattr(MeasuresView, "choose_file", classmethod(lambda cls, p, s, t=target: t))
        view.export_button.click()  # de-identified: no reason asked
        qtbot.waitUntil(
            lambda t=target: view.export_button.isEnabled() and t.exists(), timeout=20_000
        )
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    kinds = {c["suppression"] for c in data["cells"] if c["suppressed"]}
    assert kinds == {"small", "complementary"}
    assert [g["label_ko"] for g in data["groups"]] == ["행복복지관", "희망복지관"]
    assert "박약사" not in json.dumps(data, ensure_ascii=False)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "out.pdf").pages)
    assert "함께 가린 칸은 'x'" in text.replace("\n", "")


def test_referrals_behind_a_number_say_why(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, workspace)
    _click(qtbot, view, _row(view, "referral_reply_status", "could_not_link"), 1)
    assert view.drill_list.count() == 1
    # R4's referral the centre could not link, with the reason it wrote (measures_team.py)
    assert view.drill_list.item(0).text().endswith("최네오 — 연락 안 됨")
    _click(qtbot, view, _row(view, "referral_reply_status", "linked"), 1)
    assert "—" not in view.drill_list.item(0).text()


def test_the_threshold_is_set_from_the_screen(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    from consultdesk.services.measures import suppress_below

    view = _shown(qtbot, workspace)
    view.deidentified.setChecked(True)
    assert view.threshold.value() == 5
    reached = _row(view, "residents_reached")
    assert _text(view, reached, 1) == "<5"  # 4 residents
    view.threshold.setValue(1)  # nothing is too small
    assert _text(view, reached, 1) == "4"
    qtbot.waitUntil(lambda: suppress_below(workspace) == 1, timeout=10_000)  # kept as the setting


def test_group_headings_are_not_cut(qtbot, workspace: Workspace, team: Team) -> None:  # type: ignore[no-untyped-def]
    from consultdesk.services.centres import save_centre

    # As long as the demo's centres' names
    save_centre(workspace, "푸른숲종합사회복지관 (예시)", centre_id=team.centre_1)
    view = _shown(qtbot, workspace)
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.by.setCurrentIndex(view.by.findData(GroupBy.CENTRE.value))
    header = view.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(2, view.model.columnCount()):
        text = str(view.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text


def test_a_goal_far_exceeded_does_not_shrink_the_other_bars(
    qtbot, workspace: Workspace, team: Team, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # The 10k demo reached one goal 70 times over: the axis ran to 7,050% and every other bar
    # was a sliver. The axis now ends at twice the goal; the bar past it keeps its number.
    view = _shown(qtbot, workspace)
    monkeypatch.setattr(view, "goal_progress", lambda _report: [("많이", 7028.0), ("조금", 40.0)])
    view._draw_goals(view.total)  # type: ignore[arg-type]
    x_axis = view.goals_chart.axes(Qt.Orientation.Horizontal)[0]
    assert (x_axis.min(), x_axis.max()) == (0, 200)
    bars = view.goals_chart.series()[0].barSets()[0]
    assert [bars.at(0), bars.at(1)] == [7028, 40]


def test_in_english_the_drill_down_title_counts_in_the_singular_and_the_plural(
    qtbot, workspace: Workspace, team: Team
) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    try:
        view = _shown(qtbot, workspace)
        _click(qtbot, view, _row(view, "residents_returning"), 1)
        assert view.drill_title.text() == "Returning residents: 1 resident"
        _click(qtbot, view, _row(view, "residents_reached"), 1)
        assert view.drill_list.count() > 1
        assert view.drill_title.text() == f"Residents reached: {view.drill_list.count()} residents"
        _click(qtbot, view, _row(view, "referrals_overdue"), 1)
        assert view.drill_title.text() == "Overdue referrals: 1 referral"
    finally:
        i18n.install("ko")
