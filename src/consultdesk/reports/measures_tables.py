"""Shared-measures tables: XLSX (openpyxl) and CSV.

The workbook has a README sheet with every definition and the rules of the report (what is
counted, what is suppressed and why), a sheet with every group side by side, and one sheet per
group. Numbers are numbers; a suppressed cell holds the text "<5" (the threshold in force).
Headers are Korean by default (English with lang="en").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from consultdesk.domain.measures import SECONDARY_MARK, Cell, Indicator, MeasuresReport

_HEAD = {
    "ko": {
        "readme": "설명",
        "overview": "전체 표",
        "title": "공동 성과 지표",
        "period": "기간",
        "by": "묶음",
        "centre": "복지관",
        "pharmacist": "약사",
        "teams": "합친 파일",
        "deidentified": "비식별",
        "yes": "예",
        "no": "아니요 (이 컴퓨터 안에서만 보세요)",
        "suppress": "작은 수 가림",
        "suppress_text": (
            "내담자 {k}명 미만에 근거한 칸은 '<{k}'로 가립니다. 작은 수는 동네·복지관과 "
            "겹쳐 보면 누구인지 알 수 있기 때문입니다. 합계에서 나머지를 빼서 가린 수를 "
            "알아낼 수 없도록 함께 가린 칸은 'x'로 표시합니다. 기준은 설정에서 바꿀 수 "
            "있습니다."
        ),
        "combined_text": (
            "여러 팀의 비식별 파일을 더했습니다. 가려진 부분이 있는 합계는 값이 들어갈 수 있는 "
            "범위로 적습니다 ('<{k}'은 1~{k1}, 'x'는 {k} 이상이므로 'x'가 있으면 '≥ 최소값'). "
            "비율은 가려진 부분이 있으면 'x', 중앙값은 더할 수 없어 비워 둡니다."
        ),
        "rules": "세는 방법",
        "rules_text": (
            "마친 상담(완료·고치는 중)만 셉니다. 작성 중인 상담, 삭제된 기록, 건강정보 동의를 "
            "철회했거나 거부한 내담자는 세지 않습니다. 의뢰는 지금 상태로 셉니다."
        ),
        "id": "지표 ID",
        "indicator": "지표",
        "definition": "정의",
        "unit": "단위",
        "version": "버전",
        "goal": "목표",
        "area": "영역",
        "detail": "세부",
        "value": "값",
        "numerator": "분자",
        "denominator": "분모",
        "note": "비고",
        "total": "합계",
        "not_combinable": "합칠 수 없음",
        "parts_hidden": "가려진 팀 {n}곳 포함",
        "group": "묶음",
    },
    "en": {
        "readme": "README",
        "overview": "All groups",
        "title": "Shared measures",
        "period": "Period",
        "by": "Grouped by",
        "centre": "Welfare centre",
        "pharmacist": "Pharmacist",
        "teams": "Files combined",
        "deidentified": "De-identified",
        "yes": "yes",
        "no": "no (keep it on this laptop)",
        "suppress": "Small numbers suppressed",
        "suppress_text": (
            "A cell resting on fewer than {k} residents shows '<{k}': a small number next to a "
            "district or a centre can tell who it is. Cells hidden with it so that it cannot "
            "be worked out from a total minus the others show 'x'. The threshold is a setting."
        ),
        "combined_text": (
            "Several teams' de-identified files added up. A sum with suppressed parts shows "
            "the range it lies in (a '<{k}' part is 1 to {k1}, an 'x' part {k} or more, so "
            "with an 'x' only a lower bound, '≥'). A share with a suppressed part shows 'x'; "
            "medians cannot be added."
        ),
        "rules": "What counts",
        "rules_text": (
            "Finished consultations only (final, or reopened for an amendment). Drafts, deleted "
            "records and residents whose health-information consent is withdrawn or refused "
            "do not count. Referrals count in their current state."
        ),
        "id": "Indicator id",
        "indicator": "Indicator",
        "definition": "Definition",
        "unit": "Unit",
        "version": "Version",
        "goal": "Goal",
        "area": "Area",
        "detail": "Detail",
        "value": "Value",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "note": "Note",
        "total": "Total",
        "not_combinable": "cannot be combined",
        "parts_hidden": "{n} team(s) suppressed",
        "group": "Group",
    },
}

AREAS = {
    "people": ("사람과 방문", "People and visits"),
    "medicines": ("약", "Medicines"),
    "problems": ("문제와 신호", "Problems and flags"),
    "social": ("사회적 위험", "Social risks"),
    "referrals": ("의뢰", "Referrals"),
}

UNITS = {
    "residents": ("명", "residents"),
    "sessions": ("회", "sessions"),
    "ratio": ("비", "ratio"),
    "medicines": ("개", "medicines"),
    "share": ("비율", "share"),
    "problems": ("건", "problems"),
    "flags": ("건", "flags"),
    "observations": ("건", "observations"),
    "referrals": ("건", "referrals"),
    "days": ("일", "days"),
}

# openpyxl (0.15-0.3 s to import) loads when a workbook is written, not with the app: the
# start-up's background load imports every report module.
_HEAD_FILL_COLOUR = "DDE6F0"


def _words(lang: str) -> dict[str, str]:
    return _HEAD["ko" if lang == "ko" else "en"]


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "ko" else pair[1]


def rows_of(report: MeasuresReport, group: str, lang: str) -> Iterator[tuple[Indicator, Cell]]:
    """The cells of one group in the order of the definitions: total first, then its parts."""
    for indicator in report.measures.indicators:
        total = report.cell(indicator.id, group)
        if total is not None:
            yield indicator, total
        for category in report.categories(indicator.id):
            cell = report.cell(indicator.id, group, category)
            if cell is not None:
                yield indicator, cell


def cell_value(cell: Cell, k: int) -> float | int | str | None:
    """What the table holds: a number, "<k" when it counts too few, "x" when hidden with such a
    cell, a range ("12–18", "≥12") for a combined sum with suppressed parts, None when there is
    nothing."""
    if cell.suppressed:
        return SECONDARY_MARK if cell.secondary else f"<{k}"
    if cell.low is not None:
        return f"≥{int(cell.low)}" if cell.high is None else f"{int(cell.low)}–{int(cell.high)}"
    if cell.value is None:
        return None
    if float(cell.value).is_integer():
        return int(cell.value)
    return round(float(cell.value), 4)


def cell_note(cell: Cell, report: MeasuresReport, lang: str) -> str:
    words = _words(lang)
    if not cell.combinable:
        return words["not_combinable"]
    if cell.suppressed_parts:
        return words["parts_hidden"].format(n=cell.suppressed_parts)
    return ""


def _detail(report: MeasuresReport, indicator: Indicator, cell: Cell, lang: str) -> str:
    if not cell.category:
        return _words(lang)["total"] if indicator.breakdown else ""
    return report.measures.category_text(indicator, cell.category, lang)


def _sheet_title(text: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", text)[:28] or "-"
    title, n = base, 2
    while title.lower() in used:
        title = f"{base[:25]} ({n})"
        n += 1
    used.add(title.lower())
    return title


def _header(ws, values: list[str]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font, PatternFill

    ws.append(values)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEAD_FILL_COLOUR)


def _widths(ws, widths: list[int]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.utils import get_column_letter

    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width


def write_xlsx(report: MeasuresReport, path: Path, lang: str = "ko") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    words = _words(lang)
    k = report.suppress_below
    book = Workbook()
    used: set[str] = set()
    readme = book.active
    assert readme is not None
    readme.title = _sheet_title(words["readme"], used)
    readme.append([words["title"]])
    readme["A1"].font = Font(bold=True, size=14)
    readme.append([words["period"], f"{report.start.isoformat()} – {report.end.isoformat()}"])
    readme.append([words["by"], report.by.value])
    if report.centre:
        readme.append([words["centre"], report.centre])
    if report.pharmacist:
        readme.append([words["pharmacist"], report.pharmacist])
    if report.teams:
        readme.append([words["teams"], ", ".join(report.teams)])
    readme.append([words["deidentified"], words["yes"] if report.deidentified else words["no"]])
    readme.append([words["suppress"], words["suppress_text"].format(k=k)])
    if report.teams:
        readme.append(["", words["combined_text"].format(k=k, k1=k - 1)])
    readme.append([words["rules"], words["rules_text"]])
    readme.append([])
    _header(
        readme,
        [words[h] for h in ("id", "area", "indicator", "definition", "unit", "version", "goal")],
    )
    for i in report.measures.indicators:
        goal = f"{i.goal:g} / {i.goal_per}" if i.goal is not None else ""
        readme.append(
            [
                i.id,
                _pick(AREAS.get(i.group, (i.group, i.group)), lang),
                i.title(lang),
                i.definition(lang),
                _pick(UNITS.get(i.unit.value, (i.unit.value, i.unit.value)), lang),
                i.version,
                goal,
            ]
        )
    for row in readme.iter_rows(min_row=1, max_row=readme.max_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _widths(readme, [22, 14, 30, 70, 10, 8, 14])

    overview = book.create_sheet(_sheet_title(words["overview"], used))
    _header(
        overview,
        [words["id"], words["indicator"], words["detail"]] + [g.label(lang) for g in report.groups],
    )
    first = report.groups[0].key if report.groups else "all"
    keys = [(ind, cell.category) for ind, cell in rows_of(report, first, lang)]
    seen = set(keys)
    for g in report.groups[1:]:  # categories found only in a later group
        for ind, cell in rows_of(report, g.key, lang):
            if (ind, cell.category) not in seen:
                seen.add((ind, cell.category))
                keys.append((ind, cell.category))
    order = {i.id: n for n, i in enumerate(report.measures.indicators)}
    keys.sort(key=lambda pair: order[pair[0].id])
    for indicator, category in keys:
        line: list[object] = [indicator.id, indicator.title(lang)]
        probe = next(
            (
                report.cell(indicator.id, g.key, category)
                for g in report.groups
                if report.cell(indicator.id, g.key, category)
            ),
            None,
        )
        line.append(_detail(report, indicator, probe, lang) if probe else category)
        for g in report.groups:
            cell = report.cell(indicator.id, g.key, category)
            line.append(cell_value(cell, k) if cell else None)
        overview.append(line)
    _widths(overview, [22, 34, 22] + [12] * len(report.groups))
    overview.freeze_panes = "D2"

    for g in report.groups:
        sheet = book.create_sheet(_sheet_title(g.label(lang), used))
        _header(
            sheet,
            [
                words[h]
                for h in (
                    "id",
                    "area",
                    "indicator",
                    "detail",
                    "value",
                    "numerator",
                    "denominator",
                    "unit",
                    "note",
                )
            ],
        )
        for indicator, cell in rows_of(report, g.key, lang):
            sheet.append(
                [
                    indicator.id,
                    _pick(AREAS.get(indicator.group, (indicator.group,) * 2), lang),  # type: ignore[arg-type]
                    indicator.title(lang),
                    _detail(report, indicator, cell, lang),
                    cell_value(cell, k),
                    cell.numerator if not cell.suppressed else None,
                    cell.denominator if not cell.suppressed else None,
                    _pick(UNITS.get(indicator.unit.value, ("", "")), lang),
                    cell_note(cell, report, lang),
                ]
            )
        _widths(sheet, [22, 14, 34, 22, 10, 10, 10, 8, 18])
        sheet.freeze_panes = "E2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_csv(report: MeasuresReport, path: Path, lang: str = "ko") -> Path:
    """One row per group, indicator and detail; UTF-8 with a BOM so Excel reads Korean."""
    words = _words(lang)
    k = report.suppress_below
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            [
                words["group"],
                words["id"],
                words["indicator"],
                words["detail"],
                words["value"],
                words["numerator"],
                words["denominator"],
                words["note"],
            ]
        )
        for g in report.groups:
            for indicator, cell in rows_of(report, g.key, lang):
                value = cell_value(cell, k)
                out.writerow(
                    [
                        g.label(lang),
                        indicator.id,
                        indicator.title(lang),
                        _detail(report, indicator, cell, lang),
                        "" if value is None else value,
                        "" if cell.numerator is None or cell.suppressed else cell.numerator,
                        "" if cell.denominator is None or cell.suppressed else cell.denominator,
                        cell_note(cell, report, lang),
                    ]
                )
    return path
