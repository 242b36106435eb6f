"""Shared measurement (PRODUCT.md job 7): the indicators of resources/measures/,
computed over the synced team's records for a period, grouped by month, quarter, year, welfare
centre, pharmacist, age band or sex.

What counts (resources/measures/README.md has the reasons):
- finished sessions only (final, or final and reopened for an amendment); an amended session is
  one session; drafts and tombstones never count, nor anything of a deleted resident;
- a resident whose latest health-information consent is withdrawn or refused is left out of
  every indicator (a withdrawal stops further use of their health information);
- a referral counts in its current state: a closed one that was reopened is not closed.

The result keeps, for each number, the residents (or referrals) behind it, so a screen can show
the list to someone allowed to see it; `deidentify` drops them and suppresses small cells
before anything leaves the laptop.

This module reads the facts and answers the screens and the CLI; measures_groups.py puts the facts
in groups, measures_compute.py works out each indicator, and domain/measures.py holds the pure
parts (time groups, age bands, social risks, de-identification).
"""

from __future__ import annotations

import gc
import json
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from consultdesk.domain.ids import short_device
from consultdesk.domain.measures import (
    Cell,
    Group,
    GroupBy,
    Indicator,
    MeasureSet,
    MeasuresReport,
    ReportRequest,
    Unit,
    deidentify,
    deidentify_together,
    social_risks,
)
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.screening import ScreeningForm, load_form, load_service_catalog
from consultdesk.paths import resource_path
from consultdesk.reports import coded_words
from consultdesk.services.changes import ChangeSet, subscribe
from consultdesk.services.measures_compute import COMPUTE, Facts
from consultdesk.services.measures_groups import build_report
from consultdesk.services.workspace import Workspace
from consultdesk.storage import measures_repo as repo
from consultdesk.storage import team_repo

__all__ = [
    "Cell",
    "Group",
    "GroupBy",
    "Indicator",
    "MeasuresReport",
    "PharmacistChoice",
    "ReportRequest",
    "bundled_measures",
    "compute_report",
    "compute_reports",
    "deidentify",
    "deidentify_together",
    "pharmacists",
    "service_names",
    "set_suppress_below",
    "social_risks",
    "subjects_of",
    "suppress_below",
]

MEASURES_FILE = "measures/indicators.json"
REPORT_FORMAT = "consultdesk.measures.report"
REPORT_FORMAT_VERSION = 2  # 2: complementary suppression ("suppression" per cell)
SUPPRESS_SETTING = "measures.suppress_below"
MAX_RANGE_DAYS = 3 * 366 + 1
# The indicators' breakdowns that are coded values, and their group in reports/coded_words.py.
CODED_BREAKDOWNS = {
    "place": "place",
    "category": "problem_category",
    "kind": "flag_kind",
    "severity": "severity",
    "status": "flag_status",
    "outcome": "outcome",
    "reply_status": "reply_status",
    "sex": "sex",
}


def parse_measures(data: Mapping[str, Any]) -> MeasureSet:
    indicators = []
    for entry in data["indicators"]:
        goal = entry.get("goal") or {}
        indicators.append(
            Indicator(
                id=entry["id"],
                version=int(entry["version"]),
                group=entry["group"],
                unit=Unit(entry["unit"]),
                aggregate=entry["aggregate"],
                title_ko=entry["title_ko"],
                title_en=entry["title_en"],
                definition_ko=entry["definition_ko"],
                definition_en=entry["definition_en"],
                breakdown=entry.get("breakdown", ""),
                goal=float(goal["value"]) if "value" in goal else None,
                goal_per=goal.get("per", ""),
            )
        )
    ids = [i.id for i in indicators]
    if len(set(ids)) != len(ids):
        raise ValueError("two indicators share an id")
    unknown = sorted(set(ids) - set(COMPUTE))
    if unknown:
        raise ValueError(f"no computation for indicators {unknown}")
    categories = {
        group: {key: (names[0], names[1]) for key, names in values.items()}
        for group, values in data.get("categories", {}).items()
    }
    bands = tuple((int(lo), int(hi), str(label)) for lo, hi, label in data["age_bands"])
    return MeasureSet(
        data["set"], tuple(indicators), bands, int(data["suppress_below"]), categories
    )


@cache
def bundled_measures() -> MeasureSet:
    path: Path = resource_path(MEASURES_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    # Service names come from the service catalog the referral sheet uses, and the words of
    # coded values from the one table the screens and the documents use (the data file's own
    # words stay for codes the table lacks, such as an unknown severity).
    categories = data.setdefault("categories", {})
    categories["service"] = {key: list(names) for key, names in service_names().items()}
    for breakdown, group in CODED_BREAKDOWNS.items():
        words = categories.setdefault(breakdown, {})
        for code in coded_words.codes(group):
            words[code] = [coded_words.word(group, code, lang) for lang in ("ko", "en")]
    return parse_measures(data)


# --- requests and results -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PharmacistChoice:
    device: str
    name: str


def _excluded_by_consent(consents: Iterable[repo.ConsentFact]) -> set[str]:
    """Residents whose latest health-information consent is refused or withdrawn: the latest
    record decides, as domain.consent.status_of decides (by decision day, then recording)."""
    latest: dict[str, repo.ConsentFact] = {}
    for c in consents:
        kept = latest.get(c.resident_id)
        if kept is None or (c.decided_on, c.recorded_at) >= (kept.decided_on, kept.recorded_at):
            latest[c.resident_id] = c
    return {r for r, c in latest.items() if not c.granted or c.withdrawn_on is not None}


@cache
def _rule_severities() -> dict[str, str]:
    from consultdesk.domain.rules import load_rules
    from consultdesk.services.catalog import bundled_classes

    rules = load_rules(resource_path("rules"), classes=bundled_classes())
    return {info.id: info.severity.value for info in rules.all_infos()}


@cache
def _screening_form() -> ScreeningForm | None:
    from consultdesk.services.flags import SCREENING_FORM, SERVICE_CATALOG

    catalog = load_service_catalog(resource_path(SERVICE_CATALOG))
    return load_form(resource_path(SCREENING_FORM), catalog)


@cache
def service_names() -> dict[str, tuple[str, str]]:
    from consultdesk.services.flags import SERVICE_CATALOG

    catalog = load_service_catalog(resource_path(SERVICE_CATALOG))
    return {s.id: (s.name_ko, s.name_en) for s in catalog.services}


_FactsKey = tuple[date, date, str | None, str | None, bool]


class _FactsCache:
    """The facts read for the latest request on one database, dropped as soon as any
    change set is committed to it (every shared write and every sync import makes one, see
    docs/architecture.md "Change sets"): the screen recounts for each grouping, filter and
    chart, and the records have not changed in between."""

    # A year of the largest demo (10k residents, 50k sessions) is about 75 MB of facts: only
    # the latest request's are kept (its groupings and charts share them).
    KEEP = 1

    def __init__(self, ws: Workspace) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._facts: dict[_FactsKey, Facts] = {}
        subscribe(ws, self._changed)

    def _changed(self, _changes: ChangeSet) -> None:
        with self._lock:
            self._generation += 1
            self._facts.clear()

    def get(self, key: _FactsKey) -> tuple[Facts | None, int]:
        with self._lock:
            return self._facts.get(key), self._generation

    def put(self, key: _FactsKey, facts: Facts, generation: int) -> bool:
        """Keep the facts read since ``generation``; False if a change was committed
        meanwhile (they may be stale: nothing is kept)."""
        with self._lock:
            if generation != self._generation:
                return False
            if len(self._facts) >= self.KEEP:
                self._facts.pop(next(iter(self._facts)))
            self._facts[key] = facts
            return True


_caches: weakref.WeakKeyDictionary[object, _FactsCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _facts(ws: Workspace, request: ReportRequest, devices: bool) -> Facts:
    """The facts of a request, read once until the database changes."""
    with _caches_lock:
        cache = _caches.get(ws.db)
        if cache is None:
            cache = _caches[ws.db] = _FactsCache(ws)
    key = (request.start, request.end, request.centre_id, request.pharmacist, devices)
    facts, generation = cache.get(key)
    if facts is not None:
        return facts
    for _ in range(3):
        loaded = _load(ws, request, devices)
        if cache.put(key, loaded, generation):
            return loaded
        # A change was committed while the facts were read (on two connections, so they may
        # not even agree with each other): read them again, as of now.
        facts, generation = cache.get(key)
        if facts is not None:
            return facts
    return loaded  # changes kept coming: the latest read (the screen recounts on the next)


def _read_sessions_text(ws: Workspace, end: date, devices: bool) -> str:
    with ws.db.session(read_only=True) as s:
        return repo.sessions_until_text(s, end, devices)


def _load(ws: Workspace, request: ReportRequest, devices: bool = True) -> Facts:
    # The sessions (most of what is read) come from a second connection, in a thread, while this
    # one reads the other tables: SQLite builds them into one JSON text in a single step of the
    # driver, which holds no GIL meanwhile (decrypting the table's pages is most of it). Read
    # row by row in a thread, they were slower than on one connection (1.0 s against 0.6 s
    # over the 10k/50k demo), the two threads handing the GIL to each other for every row.
    # Two connections read at two moments: _facts reads again when a change was committed
    # in between.
    with ThreadPoolExecutor(1, thread_name_prefix="measures") as pool:
        text = pool.submit(_read_sessions_text, ws, request.end, devices)
        with ws.db.session(read_only=True) as s:
            people = {r.id: r for r in repo.residents(s)}
            for resident_id in _excluded_by_consent(repo.health_consents(s)):
                people.pop(resident_id, None)
            if request.centre_id is not None:
                people = {k: v for k, v in people.items() if v.centre_id == request.centre_id}
            problems = repo.problem_counts(s)  # looked up for the counted sessions only
            all_decisions = repo.decisions(s)
            referrals = [r for r in repo.referrals(s, devices) if r.resident_id in people]
        read = repo.sessions_from_text(text.result())
    sessions = [x for x in read if x.resident_id in people]
    counted = {x.id for x in sessions if x.visit_date >= request.start}
    decisions: dict[str, list[repo.DecisionFact]] = defaultdict(list)
    for d in all_decisions:
        if d.consultation_id in counted:
            decisions[d.consultation_id].append(d)
    # By visit date, then id: sorted by id, then (stably) by date, the same order as one sort
    # on both, for less than half the time (no key tuple per session).
    sessions.sort(key=itemgetter(0))
    sessions.sort(key=itemgetter(2))
    first: dict[str, repo.SessionFact] = {}
    for x in sessions:
        first.setdefault(x.resident_id, x)
    if request.pharmacist is not None:
        sessions = [x for x in sessions if x.device == request.pharmacist]
        referrals = [r for r in referrals if r.device == request.pharmacist]
    return Facts(
        people,
        sessions,
        problems,
        decisions,
        referrals,
        first,
        _rule_severities(),
        _screening_form(),
    )


def check_request(req: ReportRequest) -> None:
    if req.end < req.start:
        raise ValidationFailed(
            [Problem("end", "period_order", {}, "The end of the period is before its start.")]
        )
    if (req.end - req.start).days > MAX_RANGE_DAYS:
        raise ValidationFailed(
            [Problem("end", "period_too_long", {"years": 3}, "The period is longer than 3 years.")]
        )


def compute_report(
    ws: Workspace, req: ReportRequest, measures: MeasureSet | None = None
) -> MeasuresReport:
    """Every indicator for the period, per group. The residents and referrals behind each
    number are kept (`Cell.subjects`); pass the report through `deidentify` before it leaves
    this laptop."""
    return compute_reports(ws, req, (req.by,), measures)[0]


def compute_reports(
    ws: Workspace,
    req: ReportRequest,
    bys: Sequence[GroupBy],
    measures: MeasureSet | None = None,
) -> list[MeasuresReport]:
    """The same period and filters grouped several ways, reading the records once (the
    screen shows the totals, its chosen grouping and the months of the charts)."""
    check_request(req)
    measures = measures or bundled_measures()
    devices = req.pharmacist is not None or GroupBy.PHARMACIST in bys
    # Hundreds of thousands of small objects and no cycles among them: the cyclic collector
    # would walk them again and again while they are made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compute(ws, req, bys, measures, devices)
    finally:
        if collecting:
            gc.enable()


def _compute(
    ws: Workspace,
    req: ReportRequest,
    bys: Sequence[GroupBy],
    measures: MeasureSet,
    devices: bool,
) -> list[MeasuresReport]:
    facts = _facts(ws, req, devices)
    with ws.db.session(read_only=True) as s:
        centres = repo.centre_names(s)
        names = team_repo.member_names(s)
    threshold = suppress_below(ws)
    local = (ws.device, ws.profile.pharmacist_name)
    return [
        build_report(replace(req, by=by), measures, facts, centres, threshold, local, names)
        for by in bys
    ]


# --- the small-number threshold ------------------------------------------------------------------


def suppress_below(ws: Workspace) -> int:
    """The smallest number of people a published cell may count (a setting; default from the
    data file, 5)."""
    from consultdesk.storage.settings_repo import get_setting

    with ws.db.session(read_only=True) as s:
        text = get_setting(s, SUPPRESS_SETTING)
    try:
        value = int(text) if text else bundled_measures().suppress_below
    except ValueError:
        value = bundled_measures().suppress_below
    return max(1, value)


def set_suppress_below(ws: Workspace, value: int) -> None:
    from consultdesk.storage.settings_repo import put_setting

    if not 1 <= value <= 100:
        raise ValidationFailed(
            [Problem("suppress_below", "number_range", {"min": 1, "max": 100}, "1 to 100.")]
        )
    with ws.db.session() as s:
        put_setting(s, SUPPRESS_SETTING, str(value))


# --- the pharmacists of the team, for the filter ------------------------------------------------


def pharmacists(ws: Workspace, end: date) -> list[PharmacistChoice]:
    """The devices that recorded a finished session up to ``end``, this laptop's first."""
    with ws.db.session(read_only=True) as s:
        devices = {x.device for x in repo.sessions_until(s, end) if x.device}
        names = team_repo.member_names(s)  # the others' came with their bundles
    devices.add(ws.device)
    grouper_names = []
    for device in sorted(devices, key=lambda d: (d != ws.device, d)):
        if device == ws.device:
            name = ws.profile.pharmacist_name or short_device(device)
        else:
            name = names.get(device) or f"약사 {short_device(device)}"
        grouper_names.append(PharmacistChoice(device, name))
    return grouper_names


# --- drill-down ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubjectLine:
    resident_id: str
    name: str
    reference: str = ""  # a referral's code
    reason: str = ""  # why a referral was not resolved, or why the centre could not link it


def lists_referrals(report: MeasuresReport, cell: Cell) -> bool:
    """Whether the list behind a number is of referrals (otherwise of residents)."""
    indicator = report.measures.get(cell.indicator)
    return indicator.unit is Unit.REFERRALS or indicator.group == "referrals"


def subjects_of(ws: Workspace, report: MeasuresReport, cell: Cell) -> list[SubjectLine]:
    """The residents (or referrals) behind a number, for a person allowed to see them; the
    look is written to the access log."""
    if report.deidentified or not cell.subjects:
        return []
    with ws.db.session() as s:
        if lists_referrals(report, cell):
            lines = repo.referral_lines(s, cell.subjects)
            # The reasons go with the numbers they explain: not resolved, could not link.
            why = {
                ("referrals_closed", "not_resolved"): 3,
                ("referral_reply_status", "could_not_link"): 4,
            }.get((cell.indicator, cell.category))
            out = [
                SubjectLine(line[1], line[2], line[0], line[why] if why else "")
                for line in (lines[i] for i in cell.subjects if i in lines)
            ]
        else:
            names = repo.resident_names(s, cell.subjects)
            out = [SubjectLine(i, names[i]) for i in cell.subjects if i in names]
        event = ws.audit("view", "measures", cell.indicator, None)
        event.detail = f"{len(out)} listed"
        s.add(event)
    out.sort(key=lambda line: (line.name, line.reference))
    return out
