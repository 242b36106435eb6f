"""Shared-measures files: the versioned, de-identified JSON a team sends to the backbone
organisation, and the sum of several teams' files (`consultdesk report --combine`).

A JSON report is always de-identified (services.measures.deidentify): counts, medians and
shares only, small cells suppressed, no names, phones, ids or free text. Teams' figures are
added only for indicators with the same id, version and definition digest; a file whose
definitions differ is refused, saying which indicator and how.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from consultdesk.domain.measures import Cell, Group, GroupBy, MeasureSet, MeasuresReport
from consultdesk.services.measures import (
    REPORT_FORMAT,
    REPORT_FORMAT_VERSION,
    bundled_measures,
    deidentify,
    deidentify_together,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
# Version 1 files had no complementary suppression: their suppressed cells are all small ones.
READS_FORMAT_VERSIONS = (1, REPORT_FORMAT_VERSION)


class ReportFileError(ValueError):
    """A report file that cannot be used, with the reason in words (shown as is by the CLI)."""


def report_json(report: MeasuresReport) -> dict[str, Any]:
    """The report as JSON data. Not yet de-identified reports are de-identified first."""
    if not report.deidentified:
        report = deidentify(report)
    used = {c.indicator for c in report.cells}
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "measure_set": report.measures.id,
        "period": {"from": report.start.isoformat(), "to": report.end.isoformat()},
        "by": report.by.value,
        "deidentified": True,
        "suppress_below": report.suppress_below,
        "centre_filter": bool(report.centre),
        "indicators": [
            {
                "id": i.id,
                "version": i.version,
                "digest": i.digest,
                "unit": i.unit.value,
                "aggregate": i.aggregate,
                "breakdown": i.breakdown,
                "title_ko": i.title_ko,
                "title_en": i.title_en,
            }
            for i in report.measures.indicators
            if i.id in used
        ],
        "groups": [
            {"key": g.key, "label_ko": g.label_ko, "label_en": g.label_en} for g in report.groups
        ],
        "cells": [
            {
                "indicator": c.indicator,
                "group": c.group,
                "category": c.category,
                "value": c.value,
                "suppressed": c.suppressed,
                # "small": fewer than suppress_below people; "complementary": hidden so that
                # a small one cannot be worked out from the totals
                "suppression": (
                    None if not c.suppressed else "complementary" if c.secondary else "small"
                ),
                "numerator": c.numerator,
                "denominator": c.denominator,
            }
            for c in report.cells
        ],
    }


def write_json(report: MeasuresReport, path: Path) -> Path:
    text = json.dumps(report_json(report), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class _TeamFile:
    name: str
    data: dict[str, Any]


def _read(path: Path) -> _TeamFile:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReportFileError(f"{path.name}: the file is too large to be a report.")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        if isinstance(e, ReportFileError):
            raise
        raise ReportFileError(f"{path.name}: not a readable JSON report ({e}).") from e
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise ReportFileError(f"{path.name}: not a ConsultDesk measures report.")
    if data.get("format_version") not in READS_FORMAT_VERSIONS:
        raise ReportFileError(
            f"{path.name}: report format version {data.get('format_version')}, "
            f"this version reads {REPORT_FORMAT_VERSION}."
        )
    if data.get("deidentified") is not True:
        raise ReportFileError(f"{path.name}: only de-identified reports can be combined.")
    return _TeamFile(path.name, data)


def _definitions(team: _TeamFile) -> dict[str, tuple[int, str]]:
    return {i["id"]: (int(i["version"]), str(i["digest"])) for i in team.data["indicators"]}


def combine_files(paths: list[Path], measures: MeasureSet | None = None) -> MeasuresReport:
    """Several teams' de-identified JSON reports added into one.

    Counts are summed. A sum with suppressed parts is not a number but the range it must lie
    in (``Cell.low`` .. ``Cell.high``): each "<k" part is 1 to k-1, each complementary one ("x")
    k or more, so with one of those there is only a lower bound. Shares and ratios are summed
    as numerator and denominator, and hidden ("x") when any part is suppressed; medians cannot
    be added and stay empty. Refused (ReportFileError) when the files' definitions, periods,
    grouping or thresholds differ."""
    if len(paths) < 2:
        raise ReportFileError("Give at least two report files to combine.")
    measures = measures or bundled_measures()
    teams = [_read(p) for p in paths]
    first = teams[0]
    reference = _definitions(first)
    for team in teams[1:]:
        for key in ("period", "by", "suppress_below"):
            if team.data.get(key) != first.data.get(key):
                raise ReportFileError(
                    f"{team.name}: its {key} ({team.data.get(key)}) differs from "
                    f"{first.name} ({first.data.get(key)})."
                )
        theirs = _definitions(team)
        for indicator_id in sorted(set(reference) | set(theirs)):
            mine, other = reference.get(indicator_id), theirs.get(indicator_id)
            if mine is None or other is None:
                where = first.name if mine is None else team.name
                raise ReportFileError(f"{where}: has no indicator {indicator_id}.")
            if mine[0] != other[0]:
                raise ReportFileError(
                    f"{team.name}: indicator {indicator_id} is version {other[0]}, "
                    f"{first.name} has version {mine[0]}."
                )
            if mine[1] != other[1]:
                raise ReportFileError(
                    f"{team.name}: indicator {indicator_id} has another definition "
                    f"than in {first.name} (version {mine[0]} both)."
                )
    known = {i.id: i for i in measures.indicators}
    aggregate = {i["id"]: i["aggregate"] for i in first.data["indicators"]}
    by = GroupBy(first.data["by"])
    groups: dict[str, Group] = {}
    sums: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {
            "value": 0.0,
            "num": 0.0,
            "den": 0.0,
            "suppressed": 0,
            "complementary": 0,
            "teams": 0,
        }
    )
    per_team_groups = by in (GroupBy.CENTRE, GroupBy.PHARMACIST)
    for n, team in enumerate(teams, start=1):
        prefix = f"T{n}-" if per_team_groups else ""
        for g in team.data["groups"]:
            key = prefix + g["key"]
            label = f"팀 {n} · " if per_team_groups else ""
            label_en = f"Team {n} · " if per_team_groups else ""
            groups.setdefault(key, Group(key, label + g["label_ko"], label_en + g["label_en"]))
        for c in team.data["cells"]:
            if c["indicator"] not in known:
                continue
            slot = sums[(c["indicator"], prefix + c["group"], c["category"])]
            slot["teams"] += 1
            if c.get("suppressed"):
                slot["suppressed"] += 1
                slot["complementary"] += c.get("suppression") == "complementary"
                continue
            slot["value"] += float(c["value"] or 0)
            slot["num"] += float(c.get("numerator") or 0)
            slot["den"] += float(c.get("denominator") or 0)
    k = int(first.data["suppress_below"])
    cells = []
    for (indicator_id, group, category), slot in sums.items():
        kind = aggregate.get(indicator_id, "sum")
        value: float | None
        num = den = low = high = None
        combinable = True
        hidden = slot["suppressed"] > 0
        if kind == "sum":
            value = None if hidden else slot["value"]
            if hidden:
                small = slot["suppressed"] - slot["complementary"]
                low = slot["value"] + small + slot["complementary"] * k
                high = None if slot["complementary"] else slot["value"] + small * (k - 1)
        elif kind in ("ratio", "share"):
            num, den = (None, None) if hidden else (slot["num"], slot["den"])
            value = (num / den) if num is not None and den else None
        else:  # medians cannot be added up
            value, combinable = None, False
        cells.append(
            Cell(
                indicator_id,
                group,
                category,
                value,
                people=0,
                numerator=num,
                denominator=den,
                suppressed=hidden and kind in ("ratio", "share"),
                secondary=hidden and kind in ("ratio", "share"),
                suppressed_parts=slot["suppressed"],
                combinable=combinable,
                low=low,
                high=high,
            )
        )
    period = first.data["period"]
    return MeasuresReport(
        measures,
        date.fromisoformat(period["from"]),
        date.fromisoformat(period["to"]),
        by,
        tuple(groups.values()),
        tuple(cells),
        deidentified=True,
        suppress_below=int(first.data["suppress_below"]),
        teams=tuple(t.name for t in teams),
    )


def write_report(
    report: MeasuresReport,
    path: Path,
    fmt: str,
    lang: str = "ko",
    total: MeasuresReport | None = None,
) -> Path:
    """The report in one of the four formats (JSON is always de-identified). ``total`` (the
    same period, not grouped) puts the whole period and the goals next to the groups in the
    PDF."""
    if fmt == "json":
        if not report.deidentified and total is not None:
            total, report = deidentify_together([total, report])  # one table, as published
        return write_json(report, path)
    if fmt == "xlsx":
        from consultdesk.reports.measures_tables import write_xlsx

        return write_xlsx(report, path, lang)
    if fmt == "csv":
        from consultdesk.reports.measures_tables import write_csv

        return write_csv(report, path, lang)
    if fmt == "pdf":
        from consultdesk.paths import resource_path
        from consultdesk.reports.fonts import register_fonts
        from consultdesk.reports.measures_pdf import write_pdf

        register_fonts(resource_path("fonts"))

        return write_pdf(report, path, lang, total)
    raise ValueError(fmt)
