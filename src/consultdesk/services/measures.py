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
"""

from __future__ import annotations

import gc
import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from consultdesk.domain.dates import full_age
from consultdesk.domain.measures import (
    TIME_GROUPS,
    Cell,
    Group,
    GroupBy,
    Indicator,
    MeasureSet,
    MeasuresReport,
    Unit,
)
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import OVERDUE_AFTER_DAYS, ReferralState
from consultdesk.domain.rules.flag import KIND_MEDICATION, KIND_SOCIAL
from consultdesk.domain.screening import (
    ScreeningForm,
    load_form,
    load_service_catalog,
    observation_flag,
)
from consultdesk.paths import resource_path
from consultdesk.services.workspace import Workspace
from consultdesk.storage import measures_repo as repo

MEASURES_FILE = "measures/indicators.json"
REPORT_FORMAT = "consultdesk.measures.report"
REPORT_FORMAT_VERSION = 1
SUPPRESS_SETTING = "measures.suppress_below"
MAX_RANGE_DAYS = 3 * 366 + 1


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
    unknown = sorted(set(ids) - set(_COMPUTE))
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
    # Service names come from the service catalog the referral sheet uses.
    data.setdefault("categories", {})["service"] = {
        key: list(names) for key, names in service_names().items()
    }
    return parse_measures(data)


# --- requests and results -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportRequest:
    start: date
    end: date
    by: GroupBy = GroupBy.ALL
    centre_id: str | None = None
    pharmacist: str | None = None  # a device id
    today: date | None = None


@dataclass(frozen=True, slots=True)
class PharmacistChoice:
    device: str
    name: str


# --- computing ----------------------------------------------------------------------------------


@dataclass
class _Facts:
    residents: dict[str, repo.ResidentFact]
    sessions: list[repo.SessionFact]  # up to the end, included residents only
    meds: dict[str, repo.MedicineCounts]
    problems: dict[str, list[repo.ProblemFact]]
    decisions: dict[str, list[repo.DecisionFact]]
    referrals: list[repo.ReferralFact]
    first: dict[str, repo.SessionFact]  # each resident's first finished session ever
    rule_severity: dict[str, str]
    form: ScreeningForm | None


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


def _load(ws: Workspace, request: ReportRequest, devices: bool = True) -> _Facts:
    with ws.db.session(read_only=True) as s:
        people = {r.id: r for r in repo.residents(s)}
        for resident_id in _excluded_by_consent(repo.health_consents(s)):
            people.pop(resident_id, None)
        if request.centre_id is not None:
            people = {k: v for k, v in people.items() if v.centre_id == request.centre_id}
        sessions = [
            x for x in repo.sessions_until(s, request.end, devices) if x.resident_id in people
        ]
        meds = repo.medicine_counts(s)
        counted = {x.id for x in sessions if x.visit_date >= request.start}
        problems: dict[str, list[repo.ProblemFact]] = defaultdict(list)
        for p in repo.problems(s):
            if p.consultation_id in counted:
                problems[p.consultation_id].append(p)
        decisions: dict[str, list[repo.DecisionFact]] = defaultdict(list)
        for d in repo.decisions(s):
            if d.consultation_id in counted:
                decisions[d.consultation_id].append(d)
        referrals = [r for r in repo.referrals(s) if r.resident_id in people]
    sessions.sort(key=lambda x: (x.visit_date, x.id))
    first: dict[str, repo.SessionFact] = {}
    for x in sessions:
        first.setdefault(x.resident_id, x)
    if request.pharmacist is not None:
        sessions = [x for x in sessions if x.device == request.pharmacist]
        referrals = [r for r in referrals if r.device == request.pharmacist]
    return _Facts(
        people,
        sessions,
        meds,
        problems,
        decisions,
        referrals,
        first,
        _rule_severities(),
        _screening_form(),
    )


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def time_groups(start: date, end: date, by: GroupBy) -> list[Group]:
    """The months, quarters or years from start to end (clipped to them), empty ones too."""
    groups: list[Group] = []
    cursor = _month_start(start)
    while cursor <= end:
        if by is GroupBy.MONTH:
            nxt = _next_month(cursor)
            key = f"{cursor.year:04d}-{cursor.month:02d}"
            ko, en = f"{cursor.year}년 {cursor.month}월", f"{cursor:%b} {cursor.year}"
        elif by is GroupBy.QUARTER:
            q = (cursor.month - 1) // 3
            cursor = date(cursor.year, q * 3 + 1, 1)
            nxt = date(cursor.year + (q == 3), (q * 3 + 3) % 12 + 1, 1)
            key = f"{cursor.year:04d}-Q{q + 1}"
            ko, en = f"{cursor.year}년 {q + 1}분기", f"Q{q + 1} {cursor.year}"
        else:
            cursor = date(cursor.year, 1, 1)
            nxt = date(cursor.year + 1, 1, 1)
            key = f"{cursor.year:04d}"
            ko, en = f"{cursor.year}년", key
        groups.append(Group(key, ko, en, max(cursor, start), min(nxt - timedelta(days=1), end)))
        cursor = nxt
    return groups


def _time_key(d: date, by: GroupBy) -> str:
    if by is GroupBy.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if by is GroupBy.QUARTER:
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def age_band(measures: MeasureSet, birth: date | None, on: date) -> str:
    if birth is None:
        return "unknown"
    age = full_age(birth, on)
    for lo, hi, label in measures.age_bands:
        if lo <= age <= hi:
            return label
    return "unknown"


class _Grouper:
    """Puts each fact in its group: by its date for time groups, by its resident or its
    recording device otherwise."""

    def __init__(self, ws: Workspace, measures: MeasureSet, req: ReportRequest, f: _Facts):
        self.req, self.f, self.measures = req, f, measures
        self.local = ws.device
        self.local_name = ws.profile.pharmacist_name

    def key(self, on: date, resident_id: str, device: str) -> str:
        by = self.req.by
        if by is GroupBy.ALL:
            return "all"
        if by in TIME_GROUPS:
            return _time_key(on, by)
        if by is GroupBy.CENTRE:
            return self.f.residents[resident_id].centre_id or "none"
        if by is GroupBy.PHARMACIST:
            return device or "unknown"
        person = self.f.residents[resident_id]
        if by is GroupBy.SEX:
            return person.sex or "unknown"
        return age_band(self.measures, person.birth_date, self.req.end)

    def device_label(self, device: str) -> tuple[str, str]:
        if device == self.local and self.local_name:
            return self.local_name, self.local_name
        if device == "unknown":
            return "기록 없음", "Not recorded"
        # Other laptops' names do not travel through sync yet: the device's short id stands in.
        return f"약사 {device[:8]}", f"Pharmacist {device[:8]}"

    def groups(self, keys: Iterable[str], centres: Mapping[str, str]) -> list[Group]:
        by = self.req.by
        if by is GroupBy.ALL:
            return [Group("all", "전체", "All", self.req.start, self.req.end)]
        if by in TIME_GROUPS:
            return time_groups(self.req.start, self.req.end, by)
        out = []
        for key in sorted(set(keys)):
            if by is GroupBy.CENTRE:
                name = centres.get(key)
                ko, en = (name, name) if name else ("복지관 없음", "No centre")
            elif by is GroupBy.PHARMACIST:
                ko, en = self.device_label(key)
            elif by is GroupBy.SEX:
                ko = self.measures.category_label("sex", "" if key == "unknown" else key, "ko")
                en = self.measures.category_label("sex", "" if key == "unknown" else key, "en")
            else:
                ko, en = ("기록 없음", "Not recorded") if key == "unknown" else (f"{key}세", key)
            out.append(Group(key, ko, en, self.req.start, self.req.end))
        return out


_SOCIAL_CACHE: dict[tuple[int, str], list[tuple[str, str, str]]] = {}
_SOCIAL_CACHE_MAX = 200_000


def _social_cached(form: ScreeningForm, screening: str) -> list[tuple[str, str, str]]:
    """The same answers give the same risks (the form is immutable): many sessions share
    their answers, and a recount after a filter change finds them known."""
    key = (id(form), screening)
    found = _SOCIAL_CACHE.get(key)
    if found is None:
        if len(_SOCIAL_CACHE) >= _SOCIAL_CACHE_MAX:
            _SOCIAL_CACHE.clear()
        found = _SOCIAL_CACHE[key] = social_risks(form, screening)
    return found


def social_risks(form: ScreeningForm, screening: str) -> list[tuple[str, str, str]]:
    """(flag key, domain, severity) of the social flags a session's answers raise: the same
    flags as domain.screening.social_flags (tests/services/test_measures.py compares them on
    the demo data), worked out without building each flag, for 50,000 sessions at a time.
    Answers that no longer fit the form are skipped, as the flags panel skips them."""
    try:
        answers = json.loads(screening or "{}")
    except ValueError:
        return []
    if not isinstance(answers, dict):
        return []
    out: list[tuple[str, str, str]] = []
    for question in form.questions:
        value = answers.get(question.id)
        if value is None:
            continue
        chosen = (value,) if isinstance(value, str) else tuple(str(v) for v in value)
        hits = [o for o in (question.option(a) for a in chosen) if o is not None and o.severity]
        if not hits:
            continue
        worst = min((o.severity for o in hits if o.severity), key=lambda sev: sev.rank)
        subject = ",".join(sorted(o.id for o in hits))
        key = f"social.{form.id}.{question.id}||{subject}"
        out.append((key, question.domain, worst.value))
    for scale in form.scales:
        total = 0
        for question_id in scale.question_ids:
            item = form.question(question_id)
            value = answers.get(question_id)
            if item is None or value is None:
                continue
            first = value if isinstance(value, str) else (value[0] if value else "")
            option = item.option(str(first))
            if option is not None and option.score:
                total += option.score
        if total >= scale.at_least:
            out.append((f"social.{form.id}.{scale.id}|", scale.domain, scale.severity.value))
    return out


@dataclass
class _Bucket:
    sessions: list[repo.SessionFact] = field(default_factory=list)
    referrals_sent: list[repo.ReferralFact] = field(default_factory=list)
    referrals_ack: list[repo.ReferralFact] = field(default_factory=list)
    referrals_closed: list[repo.ReferralFact] = field(default_factory=list)
    referrals_all: list[repo.ReferralFact] = field(default_factory=list)


class _Computer:
    def __init__(self, facts: _Facts, bucket: _Bucket, group: Group, req: ReportRequest):
        self.f, self.b, self.g, self.req = facts, bucket, group, req
        self.cells: list[Cell] = []
        self._latest: dict[str, repo.SessionFact] = {}
        for x in bucket.sessions:  # sorted by date: the last one wins
            self._latest[x.resident_id] = x
        self._social: dict[str, list[tuple[str, str, str]]] = {}

    # helpers
    def add(
        self,
        ind: str,
        value: float | None,
        people: Iterable[str],
        category: str = "",
        numerator: float | None = None,
        denominator: float | None = None,
        subjects: Iterable[str] | None = None,
        min_people: int | None = None,
    ) -> None:
        # Sets, not sorted lists: a year's cell can rest on 50,000 sessions, and the list
        # behind it is sorted by name only when someone opens it (subjects_of).
        residents = set(people)
        count = len(residents) if min_people is None else min_people
        shown = residents if subjects is None else set(subjects)
        self.cells.append(
            Cell(ind, self.g.key, category, value, count, numerator, denominator, tuple(shown))
        )

    def count_by(
        self,
        ind: str,
        items: Iterable[tuple[str, str]],
        categories: Sequence[str] = (),
    ) -> None:
        """Items are (category, resident id): one cell per category and a total."""
        per: dict[str, list[str]] = {c: [] for c in categories}
        everyone: list[str] = []
        for category, resident_id in items:
            per.setdefault(category, []).append(resident_id)
            everyone.append(resident_id)
        self.add(ind, len(everyone), everyone)
        for category, ids in per.items():
            self.add(ind, len(ids), ids, category)

    def meds_of(self, x: repo.SessionFact) -> int:
        counts = self.f.meds.get(x.id)
        return counts.regular_taken if counts else 0

    def social_of(self, x: repo.SessionFact) -> list[tuple[str, str, str]]:
        """(flag key, domain, severity) of a session's screening answers."""
        if not x.screening or x.screening == "{}" or self.f.form is None:
            return []
        return _social_cached(self.f.form, x.screening)

    # the indicators
    def people(self) -> None:
        s = self.b.sessions
        reached = {x.resident_id for x in s}
        ids = {x.id for x in s}
        new = {r for r in reached if self.f.first[r].id in ids}
        self.add("residents_reached", len(reached), reached)
        self.add("residents_new", len(new), new)
        self.add("residents_returning", len(reached - new), reached - new)
        self.add("sessions", len(s), reached)
        ratio = len(s) / len(reached) if reached else None
        self.add(
            "sessions_per_resident", ratio, reached, numerator=len(s), denominator=len(reached)
        )
        self.count_by(
            "visits_by_place",
            ((x.place, x.resident_id) for x in s),
            ("home", "welfare_centre", "pharmacy", "phone"),
        )

    def medicines(self) -> None:
        latest = self._latest
        firsts = {r: self.meds_of(self.f.first[r]) for r in latest}
        lasts = {r: self.meds_of(x) for r, x in latest.items()}
        self.add("meds_first_median", _median(firsts.values()), latest)
        self.add("meds_latest_median", _median(lasts.values()), latest)
        twice = [r for r, x in latest.items() if self.f.first[r].id != x.id]
        down = [r for r in twice if lasts[r] < firsts[r]]
        self.add(
            "meds_went_down",
            len(down) / len(twice) if twice else None,
            twice,
            numerator=len(down),
            denominator=len(twice),
            min_people=min(len(down), len(twice)) if down else len(twice),
            subjects=down,
        )
        for n in (5, 10):
            first_hit = [r for r, v in firsts.items() if v >= n]
            last_hit = [r for r, v in lasts.items() if v >= n]
            self.add(f"poly{n}_first", len(first_hit), first_hit)
            self.add(f"poly{n}_latest", len(last_hit), last_hit)
        found: list[str] = []
        disposed: list[str] = []
        found_n = disposed_n = 0
        for x in self.b.sessions:
            c = self.f.meds.get(x.id)
            if c is None:
                continue
            if c.found:
                found_n += c.found
                found.append(x.resident_id)
            if c.disposed:
                disposed_n += c.disposed
                disposed.append(x.resident_id)
        self.add("leftover_found", found_n, found)
        self.add("disposed", disposed_n, disposed)

    def problems(self) -> None:
        rows = [(p, x.resident_id) for x in self.b.sessions for p in self.f.problems.get(x.id, ())]
        self.count_by(
            "drp_found",
            ((p.category, r) for p, r in rows),
            ("effectiveness", "adverse_effect", "adherence", "duplication", "interaction"),
        )
        resolved = [r for p, r in rows if p.has_outcome]
        self.add("drp_resolved", len(resolved), resolved)
        advice = [r for p, r in rows if p.intervention == "advice"]
        contact = [r for p, r in rows if p.intervention == "contact_prescriber"]
        self.add("advice_given", len(advice), advice)
        self.add("prescriber_contacted", len(contact), contact)

    def flags(self) -> None:
        decided: list[tuple[str, str]] = []
        family: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for x in self.b.sessions:
            decisions = self.f.decisions.get(x.id)
            if not decisions:
                continue
            social = {key: sev for key, _, sev in self.social_of(x)}
            for risk in _observed(x):
                try:
                    flag = observation_flag(risk[0], risk[1])
                except ValueError:
                    continue
                social[flag.key] = flag.severity.value
            for d in decisions:
                rule_id = d.flag_key.split("|", 1)[0]
                if rule_id.startswith("social."):
                    kind, severity = KIND_SOCIAL, social.get(d.flag_key, "unknown")
                    fam = "social"
                else:
                    kind = KIND_MEDICATION
                    severity = self.f.rule_severity.get(rule_id, "unknown")
                    fam = rule_id.split(".", 1)[0] if "." in rule_id else "other"
                decided.append((f"{kind}.{severity}", x.resident_id))
                family[fam].append((d.status, x.resident_id))
        self.count_by("flags_decided", decided)
        everyone = [r for items in family.values() for _, r in items]
        dismissed_all = [r for items in family.values() for st, r in items if st == "dismissed"]
        self._share("flags_dismissed_share", "", dismissed_all, everyone)
        for fam, items in sorted(family.items()):
            dismissed = [r for st, r in items if st == "dismissed"]
            self._share("flags_dismissed_share", fam, dismissed, [r for _, r in items])

    def _share(self, ind: str, category: str, hits: list[str], base: list[str]) -> None:
        self.add(
            ind,
            len(hits) / len(base) if base else None,
            base,
            category,
            numerator=len(hits),
            denominator=len(base),
            min_people=min(len(set(hits)), len(set(base))) if hits else len(set(base)),
        )

    def social(self) -> None:
        per_domain: dict[str, set[str]] = defaultdict(set)
        anyone: set[str] = set()
        severities: list[tuple[str, str]] = []
        for x in self.b.sessions:
            for _, domain, _ in self.social_of(x):
                per_domain[domain].add(x.resident_id)
                anyone.add(x.resident_id)
            for _, severity in _observed(x):
                severities.append((severity, x.resident_id))
        self.add("social_risk_residents", len(anyone), anyone)
        for domain, ids in sorted(per_domain.items()):
            self.add("social_risk_residents", len(ids), ids, domain)
        self.count_by("observations", severities, ("high", "moderate", "low"))

    def referrals(self) -> None:
        b = self.b
        self.add(
            "referrals_sent",
            len(b.referrals_sent),
            (r.resident_id for r in b.referrals_sent),
            subjects=(r.id for r in b.referrals_sent),
        )
        self.add(
            "referrals_acknowledged",
            len(b.referrals_ack),
            (r.resident_id for r in b.referrals_ack),
            subjects=(r.id for r in b.referrals_ack),
        )
        self._referral_split("referrals_closed", b.referrals_closed, lambda r: r.outcome)
        self._referral_split("referral_reply_status", b.referrals_ack, lambda r: r.reply_status)
        to_ack = [_days(r.sent_on, r.acknowledged_on) for r in b.referrals_ack if _both(r)]
        self.add(
            "days_to_acknowledge",
            _median(to_ack),
            (r.resident_id for r in b.referrals_ack if _both(r)),
            subjects=(r.id for r in b.referrals_ack if _both(r)),
        )
        closed = [r for r in b.referrals_closed if r.sent_on and r.closed_on]
        self.add(
            "days_to_close",
            _median([_days(r.sent_on, r.closed_on) for r in closed]),
            (r.resident_id for r in closed),
            subjects=(r.id for r in closed),
        )
        as_of = self.g.end or self.req.end
        today = self.req.today or date.today()
        as_of = min(as_of, today)
        overdue = [r for r in b.referrals_all if _overdue(r, as_of)]
        self.add(
            "referrals_overdue",
            len(overdue),
            (r.resident_id for r in overdue),
            subjects=(r.id for r in overdue),
        )
        linked: dict[str, list[repo.ReferralFact]] = defaultdict(list)
        for r in b.referrals_ack:
            if r.reply_status != "linked":
                continue
            for service in _services(r.services):
                linked[service].append(r)
        total = [r for items in linked.values() for r in items]
        self.add(
            "services_linked",
            len(total),
            (r.resident_id for r in total),
            subjects=(r.id for r in total),
        )
        for service, items in sorted(linked.items()):
            self.add(
                "services_linked",
                len(items),
                (r.resident_id for r in items),
                service,
                subjects=(r.id for r in items),
            )

    def _referral_split(
        self, ind: str, items: list[repo.ReferralFact], key: Callable[[repo.ReferralFact], str]
    ) -> None:
        self.add(ind, len(items), (r.resident_id for r in items), subjects=(r.id for r in items))
        per: dict[str, list[repo.ReferralFact]] = defaultdict(list)
        for r in items:
            per[key(r)].append(r)
        for category, rows in sorted(per.items()):
            self.add(
                ind,
                len(rows),
                (r.resident_id for r in rows),
                category,
                subjects=(r.id for r in rows),
            )


def _days(first: date | None, then: date | None) -> int:
    assert first is not None and then is not None
    return (then - first).days


def _both(r: repo.ReferralFact) -> bool:
    return r.sent_on is not None and r.acknowledged_on is not None


def _overdue(r: repo.ReferralFact, as_of: date) -> bool:
    """Sent more than two weeks before ``as_of`` and not acknowledged (nor closed) by then
    (domain.referral.is_overdue, seen from the end of the period)."""
    if r.sent_on is None or r.sent_on > as_of or (as_of - r.sent_on).days <= OVERDUE_AFTER_DAYS:
        return False
    state = r.state
    if state == ReferralState.DRAFT:
        return False
    if state in (ReferralState.ACKNOWLEDGED, ReferralState.CLOSED):
        answered = r.acknowledged_on or (r.closed_on if state == ReferralState.CLOSED else None)
        return answered is not None and answered > as_of
    return True


def _services(text: str) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return sorted({str(v) for v in value}) if isinstance(value, list) else []


def _observed(x: repo.SessionFact) -> list[tuple[str, str]]:
    if not x.observed or x.observed == "[]":
        return []
    try:
        value = json.loads(x.observed or "[]")
    except ValueError:
        return []
    out = []
    for risk in value if isinstance(value, list) else []:
        if isinstance(risk, dict) and str(risk.get("text", "")).strip():
            out.append((str(risk["text"]), str(risk.get("severity") or "moderate")))
    return out


def _median(values: Iterable[float]) -> float | None:
    items = list(values)
    return float(statistics.median(items)) if items else None


_COMPUTE = {
    "residents_reached": "people",
    "residents_new": "people",
    "residents_returning": "people",
    "sessions": "people",
    "sessions_per_resident": "people",
    "visits_by_place": "people",
    "meds_first_median": "medicines",
    "meds_latest_median": "medicines",
    "meds_went_down": "medicines",
    "poly5_first": "medicines",
    "poly5_latest": "medicines",
    "poly10_first": "medicines",
    "poly10_latest": "medicines",
    "leftover_found": "medicines",
    "disposed": "medicines",
    "drp_found": "problems",
    "drp_resolved": "problems",
    "advice_given": "problems",
    "prescriber_contacted": "problems",
    "flags_decided": "flags",
    "flags_dismissed_share": "flags",
    "social_risk_residents": "social",
    "observations": "social",
    "referrals_sent": "referrals",
    "referrals_acknowledged": "referrals",
    "referrals_closed": "referrals",
    "referral_reply_status": "referrals",
    "days_to_acknowledge": "referrals",
    "days_to_close": "referrals",
    "referrals_overdue": "referrals",
    "services_linked": "referrals",
}


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
    facts = _load(ws, req, devices)
    with ws.db.session(read_only=True) as s:
        centres = repo.centre_names(s)
    threshold = suppress_below(ws)
    return [_build(ws, replace(req, by=by), measures, facts, centres, threshold) for by in bys]


def _build(
    ws: Workspace,
    req: ReportRequest,
    measures: MeasureSet,
    facts: _Facts,
    centres: Mapping[str, str],
    threshold: int,
) -> MeasuresReport:
    grouper = _Grouper(ws, measures, req, facts)
    buckets: dict[str, _Bucket] = defaultdict(_Bucket)
    in_period = [x for x in facts.sessions if req.start <= x.visit_date <= req.end]
    for x in in_period:
        buckets[grouper.key(x.visit_date, x.resident_id, x.device)].sessions.append(x)
    for r in facts.referrals:
        if r.sent_on is not None and req.start <= r.sent_on <= req.end:
            buckets[grouper.key(r.sent_on, r.resident_id, r.device)].referrals_sent.append(r)
        acked = r.state in (ReferralState.ACKNOWLEDGED, ReferralState.CLOSED)
        if acked and r.acknowledged_on and req.start <= r.acknowledged_on <= req.end:
            key = grouper.key(r.acknowledged_on, r.resident_id, r.device)
            buckets[key].referrals_ack.append(r)
        if r.state == ReferralState.CLOSED and r.closed_on and req.start <= r.closed_on <= req.end:
            key = grouper.key(r.closed_on, r.resident_id, r.device)
            buckets[key].referrals_closed.append(r)
    groups = grouper.groups(buckets.keys(), centres)
    # Overdue is a state at the end of each group's period, not an event in it.
    for g in groups:
        for r in facts.referrals:
            if r.sent_on is None or r.sent_on > (g.end or req.end):
                continue
            if req.by in TIME_GROUPS or grouper.key(r.sent_on, r.resident_id, r.device) == g.key:
                buckets[g.key].referrals_all.append(r)
    cells: list[Cell] = []
    for g in groups:
        comp = _Computer(facts, buckets.get(g.key) or _Bucket(), g, req)
        comp.people()
        comp.medicines()
        comp.problems()
        comp.flags()
        comp.social()
        comp.referrals()
        cells.extend(comp.cells)
    known = {i.id for i in measures.indicators}
    centre = centres.get(req.centre_id or "", "") if req.centre_id else ""
    pharmacist = grouper.device_label(req.pharmacist)[0] if req.pharmacist else ""
    return MeasuresReport(
        measures,
        req.start,
        req.end,
        req.by,
        tuple(groups),
        tuple(c for c in cells if c.indicator in known),
        suppress_below=threshold,
        centre=centre,
        pharmacist=pharmacist,
    )


# --- de-identification --------------------------------------------------------------------------


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


def deidentify(report: MeasuresReport, threshold: int | None = None) -> MeasuresReport:
    """No ids, no names: the lists behind each number are dropped, pharmacists become "약사 A",
    and a cell resting on fewer than ``threshold`` people (but more than none) is suppressed."""
    k = report.suppress_below if threshold is None else threshold
    cells = []
    for c in report.cells:
        small = 0 < c.people < k
        if small:
            c = replace(c, value=None, numerator=None, denominator=None, suppressed=True)
        cells.append(replace(c, subjects=()))
    groups = list(report.groups)
    keys = {g.key: g.key for g in groups}
    if report.by in (GroupBy.PHARMACIST, GroupBy.CENTRE):
        prefix_ko, prefix_en = (
            ("약사", "Pharmacist")
            if report.by is GroupBy.PHARMACIST
            else (
                "복지관",
                "Centre",
            )
        )
        renamed = []
        for n, g in enumerate(groups):
            letter = _letters(n)
            keys[g.key] = letter
            if report.by is GroupBy.PHARMACIST:
                renamed.append(
                    replace(
                        g,
                        key=letter,
                        label_ko=f"{prefix_ko} {letter}",
                        label_en=f"{prefix_en} {letter}",
                    )
                )
            else:
                renamed.append(replace(g, key=letter))
        groups = renamed
        cells = [replace(c, group=keys[c.group]) for c in cells]
    return replace(
        report,
        groups=tuple(groups),
        cells=tuple(cells),
        deidentified=True,
        suppress_below=k,
        pharmacist="",
        _index={},
    )


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


# --- the pharmacists of the team, for the filter ------------------------------------------------


def pharmacists(ws: Workspace, end: date) -> list[PharmacistChoice]:
    """The devices that recorded a finished session up to ``end``, this laptop's first."""
    with ws.db.session(read_only=True) as s:
        devices = {x.device for x in repo.sessions_until(s, end) if x.device}
    devices.add(ws.device)
    grouper_names = []
    for device in sorted(devices, key=lambda d: (d != ws.device, d)):
        if device == ws.device:
            name = ws.profile.pharmacist_name or device[:8]
        else:
            name = f"약사 {device[:8]}"
        grouper_names.append(PharmacistChoice(device, name))
    return grouper_names


# --- drill-down ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubjectLine:
    resident_id: str
    name: str
    reference: str = ""  # a referral's code


def subjects_of(ws: Workspace, report: MeasuresReport, cell: Cell) -> list[SubjectLine]:
    """The residents (or referrals) behind a number, for a person allowed to see them; the
    look is written to the access log."""
    if report.deidentified or not cell.subjects:
        return []
    indicator = report.measures.get(cell.indicator)
    with ws.db.session() as s:
        if indicator.unit is Unit.REFERRALS or indicator.group == "referrals":
            lines = repo.referral_lines(s, cell.subjects)
            out = [
                SubjectLine(rid, name, ref)
                for ref, rid, name in (lines[i] for i in cell.subjects if i in lines)
            ]
        else:
            names = repo.resident_names(s, cell.subjects)
            out = [SubjectLine(i, names[i]) for i in cell.subjects if i in names]
        event = ws.audit("view", "measures", cell.indicator, None)
        event.detail = f"{len(out)} listed"
        s.add(event)
    out.sort(key=lambda line: (line.name, line.reference))
    return out
