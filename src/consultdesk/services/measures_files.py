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
)

MAX_FILE_BYTES = 20 * 1024 * 1024


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
    if data.get("format_version") != REPORT_FORMAT_VERSION:
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

    Counts are summed; a team's suppressed cell adds nothing but is counted in
    ``Cell.suppressed_parts`` (the total is then a lower bound). Shares and ratios are summed
    as numerator and denominator; medians cannot be added and stay empty. Refused
    (ReportFileError) when the files' definitions, periods, grouping or thresholds differ."""
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
        lambda: {"value": 0.0, "num": 0.0, "den": 0.0, "suppressed": 0, "teams": 0}
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
                continue
            slot["value"] += float(c["value"] or 0)
            slot["num"] += float(c.get("numerator") or 0)
            slot["den"] += float(c.get("denominator") or 0)
    cells = []
    for (indicator_id, group, category), slot in sums.items():
        kind = aggregate.get(indicator_id, "sum")
        value: float | None
        num = den = None
        combinable = True
        if kind == "sum":
            value = None if slot["suppressed"] == slot["teams"] else slot["value"]
        elif kind in ("ratio", "share"):
            num, den = slot["num"], slot["den"]
            value = (num / den) if den and not slot["suppressed"] else None
            if slot["suppressed"]:
                num = den = None
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
                suppressed=bool(slot["suppressed"]) and slot["suppressed"] == slot["teams"],
                suppressed_parts=slot["suppressed"],
                combinable=combinable,
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
