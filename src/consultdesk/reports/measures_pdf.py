"""The funder's shared-measures report (공동 성과 지표 보고서): the same A4 page, header, footer,
fonts and tables as the referral sheet, with charts drawn by ReportLab's graphics.

Page 1: what the report covers, how it counts, the monthly bars and the progress towards the
goals; then one table per area (people and visits, medicines, problems and flags, social
risks, referrals) with the groups side by side; last, every definition.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from consultdesk.domain.measures import Cell, GroupBy, Indicator, MeasuresReport
from consultdesk.reports.blocks import data_table, fields_grid, heading
from consultdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
from consultdesk.reports.labels import Lang, check_lang
from consultdesk.reports.layout import CONTENT_WIDTH, PageDecor, build_document
from consultdesk.reports.measures_tables import AREAS
from consultdesk.reports.styles import ACCENT, MUTED, RULE, Styles, make_styles
from consultdesk.reports.text import para

BASE_SIZE = 9
GROUPS_PER_TABLE = 6
LABEL_WIDTH = 26 * mm
BAR_COLOURS = (colors.HexColor("#2F5D62"), colors.HexColor("#D98E48"))

_WORDS = {
    "ko": {
        "title": "공동 성과 지표 보고서",
        "period": "기간",
        "by": "묶음",
        "centre": "복지관",
        "all_centres": "모든 복지관",
        "made": "작성일",
        "teams": "합친 파일",
        "kind": "종류",
        "deidentified": "비식별 통계",
        "identified": "내부용 (비식별 아님)",
        "confidential_plain": (
            "비식별 통계 — 개인 정보는 없습니다. 내담자 {k}명 미만은 '<{k}', 그 수를 알아낼 "
            "수 없도록 함께 가린 칸은 'x'입니다."
        ),
        "confidential_inside": (
            "내부용 — 작은 수는 누구인지 알려 줄 수 있습니다. 밖으로 보낼 때는 비식별로 내보내세요."
        ),
        "intro": (
            "마친 상담(완료·고치는 중)만 셉니다. 작성 중인 상담, 삭제된 기록, 건강정보 동의를 "
            "철회했거나 거부한 내담자는 세지 않습니다. 의뢰는 지금 상태로 세며, 다시 열린 "
            "의뢰는 종결로 세지 않습니다."
        ),
        "suppressed": (
            "내담자 {k}명 미만에 근거한 칸은 '<{k}'로 가렸습니다: 작은 수는 동네나 복지관과 "
            "겹쳐 보면 누구인지 알 수 있습니다. 합계에서 나머지를 빼서 가린 수를 알아낼 수 "
            "없도록 함께 가린 칸은 'x'입니다."
        ),
        "combined": (
            "여러 팀의 비식별 보고서를 더했습니다. 가려진 부분이 있는 합계는 값이 들어갈 수 "
            "있는 범위입니다 ('<{k}'은 1~{k1}, 'x'는 {k} 이상이므로 'x'가 있으면 '≥ 최소값'). "
            "비율은 가려진 부분이 있으면 'x', 중앙값은 더할 수 없어 비워 둡니다."
        ),
        "chart_months": "묶음별 상담 횟수와 만난 내담자",
        "chart_goals": "목표 달성률 (기간에 맞춘 목표 대비 %)",
        "indicator": "지표",
        "whole": "기간 전체",
        "definitions": "지표 정의",
        "goal": "목표 {goal:g} / {per}",
        "per.year": "년",
        "per.month": "월",
        "no_data": "이 기간에 마친 상담이 없습니다.",
    },
    "en": {
        "title": "Shared measures report",
        "period": "Period",
        "by": "Grouped by",
        "centre": "Welfare centre",
        "all_centres": "All welfare centres",
        "made": "Made on",
        "teams": "Files combined",
        "kind": "Kind",
        "deidentified": "De-identified statistics",
        "identified": "Internal (not de-identified)",
        "confidential_plain": (
            "De-identified statistics — no personal data. Fewer than {k} residents: '<{k}'; "
            "hidden with them so that they cannot be worked out: 'x'."
        ),
        "confidential_inside": (
            "Internal — small numbers can tell who someone is. Export de-identified to send it."
        ),
        "intro": (
            "Finished consultations only (final, or reopened for an amendment). Drafts, deleted "
            "records and residents whose health-information consent is withdrawn or refused do "
            "not count. Referrals count in their current state; a reopened one is not closed."
        ),
        "suppressed": (
            "Cells resting on fewer than {k} residents show '<{k}': next to a district or a "
            "centre, a small number can tell who it is. Cells hidden with them so that they "
            "cannot be worked out from a total minus the others show 'x'."
        ),
        "combined": (
            "Several teams' de-identified reports added up. A sum with suppressed parts is the "
            "range it lies in (a '<{k}' part is 1 to {k1}, an 'x' part {k} or more, so with an "
            "'x' only a lower bound, '≥'); a share with a suppressed part shows 'x'; medians "
            "cannot be added and stay empty."
        ),
        "chart_months": "Consultations and residents reached, by group",
        "chart_goals": "Progress towards the goals (% of the goal for the period)",
        "indicator": "Indicator",
        "whole": "Whole period",
        "definitions": "Definitions",
        "goal": "Goal {goal:g} per {per}",
        "per.year": "year",
        "per.month": "month",
        "no_data": "No finished consultation in this period.",
    },
}

_BY = {
    "ko": {
        "all": "전체",
        "month": "월별",
        "quarter": "분기별",
        "year": "연도별",
        "centre": "복지관별",
        "pharmacist": "약사별",
        "age_band": "연령대별",
        "sex": "성별",
    },
    "en": {
        "all": "none",
        "month": "month",
        "quarter": "quarter",
        "year": "year",
        "centre": "welfare centre",
        "pharmacist": "pharmacist",
        "age_band": "age band",
        "sex": "sex",
    },
}


def _w(lang: Lang, key: str, **values: object) -> str:
    text = _WORDS[lang][key]
    return text.format(**values) if values else text


def value_text(cell: Cell | None, report: MeasuresReport) -> str:
    """The cell as the screen shows it (a combined sum with suppressed parts as its range)."""
    return report.text(cell)


def goal_progress(total: MeasuresReport, lang: Lang) -> list[tuple[str, float | None]]:
    """(title, % of the goal) for each indicator with a goal, the goal scaled to the period;
    None when the number is suppressed."""
    days = (total.end - total.start).days + 1
    out: list[tuple[str, float | None]] = []
    for indicator in total.measures.indicators:
        if indicator.goal is None:
            continue
        scale = days / 365 if indicator.goal_per == "year" else days / 30.4
        goal = indicator.goal * scale
        cell = total.cell(indicator.id)
        if cell is not None and cell.suppressed:
            out.append((indicator.title(lang), None))
            continue
        value = cell.value if cell is not None and cell.value is not None else 0.0
        out.append((indicator.title(lang), 100 * value / goal if goal else 0.0))
    return out


def _nice_step(rough: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is at least ``rough``: axis steps a reader
    can add up."""
    steps = [m * 10**k for k in range(8) for m in (1, 2, 5)]
    return next(step for step in steps if step >= rough)


def _drawing(height: float) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, height)
    # Otherwise the drawing starts its state in Helvetica, listed unembedded on the page.
    drawing.initialFontName = FONT_REGULAR
    return drawing


def _months_chart(report: MeasuresReport, lang: Lang) -> Drawing | None:
    groups = list(report.groups)
    if not groups or len(groups) > 24:
        return None
    height = 62 * mm
    drawing = _drawing(height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = CONTENT_WIDTH - 18 * mm, height - 24 * mm
    series = []
    for indicator in ("sessions", "residents_reached"):
        values = []
        for g in groups:
            cell = report.cell(indicator, g.key)
            values.append(cell.value if cell is not None and cell.value is not None else 0)
        series.append(values)
    chart.data = series
    labels = []
    for indicator in ("sessions", "residents_reached"):
        row = []
        for g in groups:
            cell = report.cell(indicator, g.key)
            row.append(value_text(cell, report) if cell is not None else "")
        labels.append(row)
    # Suppressed cells draw no bar and say so, rather than looking like a zero.
    chart.barLabelArray = labels
    chart.barLabelFormat = "values"
    top = max([max(s) for s in series if s] + [1])
    chart.valueAxis.valueMin = 0
    step = _nice_step(top / 5)
    chart.valueAxis.valueMax = step * (-(-int(top * 1.15) // step) or 1)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.categoryAxis.categoryNames = _axis_labels(report, lang)
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 7 if len(groups) <= 12 else 6
    chart.categoryAxis.strokeColor = RULE
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for n, colour in enumerate(BAR_COLOURS):
        chart.bars[n].fillColor = colour
        chart.bars[n].strokeColor = None
    chart.barLabels.fontName = FONT_REGULAR
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 14 * mm, height - 3 * mm
    legend.fontName = FONT_REGULAR
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60 * mm
    legend.colorNamePairs = [
        (BAR_COLOURS[0], report.measures.get("sessions").title(lang)),
        (BAR_COLOURS[1], report.measures.get("residents_reached").title(lang)),
    ]
    drawing.add(legend)
    return drawing


_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _axis_labels(report: MeasuresReport, lang: Lang) -> list[str]:
    """Short labels under the bars: 1월 … 12월 (the year where it changes) for months."""
    if report.by is not GroupBy.MONTH:
        return [g.label(lang)[:14] for g in report.groups]
    out = []
    for n, g in enumerate(report.groups):
        year, month = int(g.key[:4]), int(g.key[5:7])
        text = f"{month}월" if lang == "ko" else _MONTHS_EN[month - 1]
        if n == 0 or month == 1:
            text = f"{year % 100:02d}.{text}" if lang == "ko" else f"{text} {year % 100:02d}"
        out.append(text)
    return out


def _goals_chart(total: MeasuresReport, lang: Lang) -> Drawing | None:
    progress = goal_progress(total, lang)
    if not progress:
        return None
    row = 9 * mm
    height = row * len(progress) + 14 * mm
    drawing = _drawing(height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 48 * mm, 8 * mm
    chart.width, chart.height = CONTENT_WIDTH - 62 * mm, row * len(progress)
    top = 50 * -(-max([150.0] + [p or 0.0 for _, p in progress]) // 50)
    chart.data = [[p or 0.0 for _, p in reversed(progress)]]
    chart.barLabelArray = [
        [
            f"{p:.0f}%" if p is not None else f"<{total.suppress_below}"
            for _, p in reversed(progress)
        ]
    ]
    chart.barLabelFormat = "values"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = 25 if top <= 150 else 50
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.strokeColor = RULE
    chart.categoryAxis.categoryNames = [title for title, _ in reversed(progress)]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.strokeColor = RULE
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabels.fontName = FONT_BOLD
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    # The 100 % line: where the goal for the period is reached.
    x = chart.x + chart.width * 100 / top
    drawing.add(
        Line(x, chart.y, x, chart.y + chart.height, strokeColor=MUTED, strokeDashArray=[2, 2])
    )
    drawing.add(
        String(
            x + 1,
            chart.y + chart.height + 2,
            "100%",
            fontName=FONT_REGULAR,
            fontSize=6,
            fillColor=MUTED,
        )
    )
    return drawing


def _area_tables(
    report: MeasuresReport, total: MeasuresReport | None, lang: Lang, s: Styles
) -> list[Flowable]:
    show_groups = report.by is not GroupBy.ALL or total is None
    groups = list(report.groups) if show_groups else []
    chunks: list[list] = [
        groups[i : i + GROUPS_PER_TABLE] for i in range(0, len(groups), GROUPS_PER_TABLE)
    ] or [[]]
    story: list[Flowable] = []
    number = ParagraphStyle("number", parent=s.cell, alignment=TA_RIGHT)
    by_area: dict[str, list[Indicator]] = {}
    for indicator in report.measures.indicators:
        by_area.setdefault(indicator.group, []).append(indicator)
    for area, indicators in by_area.items():
        story += heading(AREAS.get(area, (area, area))[0 if lang == "ko" else 1], s)
        for chunk in chunks:
            header = [_w(lang, "indicator")]
            if total is not None:
                header.append(_w(lang, "whole"))
            header += [g.label(lang) for g in chunk]
            rows = []
            for indicator in indicators:
                categories = ["", *_categories(report, total, indicator.id)]
                for category in categories:
                    if category:
                        words = report.measures.category_text(indicator, category, lang)
                        label = "\u00a0" * 5 + words
                    else:
                        label = indicator.title(lang)
                    values = []
                    if total is not None:
                        values.append(value_text(total.cell(indicator.id, "all", category), total))
                    values += [
                        value_text(report.cell(indicator.id, g.key, category), report)
                        for g in chunk
                    ]
                    if any(values) or not category:
                        rows.append([label, *(para(v, number) for v in values)])
            columns = len(header) - 1
            number_width = min(24 * mm, (CONTENT_WIDTH - 62 * mm) / max(columns, 1))
            label_width = CONTENT_WIDTH - number_width * columns
            story.append(
                data_table(
                    header,
                    rows,
                    s,
                    col_widths=[label_width] + [number_width] * columns,
                    zebra=True,
                )
            )
            story.append(Spacer(1, 2 * mm))
    return story


def _categories(report: MeasuresReport, total: MeasuresReport | None, indicator: str) -> list[str]:
    found = list(total.categories(indicator)) if total is not None else []
    for category in report.categories(indicator):
        if category not in found:
            found.append(category)
    return found


def build_measures_pdf(
    report: MeasuresReport,
    out: Path | BinaryIO,
    lang: Lang = "ko",
    *,
    total: MeasuresReport | None = None,
    made_on: date | None = None,
    invariant: bool = False,
) -> None:
    """Write the report (and, when given, the whole period's totals next to its groups)."""
    lang = check_lang(lang)
    s = make_styles(BASE_SIZE)
    k = report.suppress_below
    rows: list[list[tuple[str, str]]] = [
        [
            (_w(lang, "period"), f"{report.start.isoformat()} – {report.end.isoformat()}"),
            (_w(lang, "by"), _BY[lang].get(report.by.value, report.by.value)),
        ],
        [
            (_w(lang, "centre"), report.centre or _w(lang, "all_centres")),
            (_w(lang, "made"), (made_on or date.today()).isoformat()),
        ],
        [(_w(lang, "kind"), _w(lang, "deidentified" if report.deidentified else "identified"))],
    ]
    if report.teams:
        rows.append([(_w(lang, "teams"), ", ".join(report.teams))])
    story: list[Flowable] = [
        para(_w(lang, "title"), s.title),
        fields_grid(rows, s, width=CONTENT_WIDTH, label_width=LABEL_WIDTH),
        Spacer(1, 2 * mm),
        para(_w(lang, "intro"), s.body),
    ]
    if report.deidentified:
        story.append(para(_w(lang, "suppressed", k=k), s.small))
    if report.teams:
        story.append(para(_w(lang, "combined", k=k, k1=k - 1), s.small))
    months = _months_chart(report, lang) if report.by is not GroupBy.ALL else None
    if months is not None:
        story += [*heading(_w(lang, "chart_months"), s), months]
    goals = _goals_chart(total or report, lang) if (total or report.by is GroupBy.ALL) else None
    if goals is not None:
        story += [*heading(_w(lang, "chart_goals"), s), goals]
    story += _area_tables(report, total, lang, s)
    story += heading(_w(lang, "definitions"), s)
    for indicator in report.measures.indicators:
        goal = ""
        if indicator.goal is not None:
            per = _WORDS[lang].get(f"per.{indicator.goal_per}", indicator.goal_per)
            goal = " · " + _w(lang, "goal", goal=indicator.goal, per=per)
        story.append(
            KeepTogether(
                [
                    para(
                        f"{indicator.title(lang)} ({indicator.id}, v{indicator.version}){goal}",
                        s.cell_head,
                    ),
                    para(indicator.definition(lang), s.small),
                ]
            )
        )
    confidential = "confidential_plain" if report.deidentified else "confidential_inside"
    decor = PageDecor(title=_w(lang, "title"), confidential=_w(lang, confidential, k=k), lang=lang)
    build_document(out, story, decor, invariant=invariant)


def write_pdf(
    report: MeasuresReport,
    path: Path,
    lang: str = "ko",
    total: MeasuresReport | None = None,
) -> Path:
    build_measures_pdf(report, path, check_lang(lang), total=total)
    return path
