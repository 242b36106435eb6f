"""The indicators' arithmetic (services/measures.py reads the facts and puts them in groups):
one Computer per group works every indicator out of that group's sessions and referrals, keeping
the residents (or referrals) behind each number.

`COMPUTE` names the method that computes each indicator id; an indicator the data file defines
without one is refused when the file is read (services/measures.parse_measures).
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from consultdesk.domain.measures import Cell, Group, ReportRequest, social_risks
from consultdesk.domain.referral import OVERDUE_AFTER_DAYS, ReferralState
from consultdesk.domain.rules.flag import KIND_MEDICATION, KIND_SOCIAL
from consultdesk.domain.screening import ScreeningForm, observation_flag
from consultdesk.storage import measures_repo as repo


@dataclass
class Facts:
    residents: dict[str, repo.ResidentFact]
    sessions: list[repo.SessionFact]  # up to the end, included residents only
    problems: dict[str, list[repo.ProblemRow]]  # by session
    decisions: dict[str, list[repo.DecisionFact]]
    referrals: list[repo.ReferralFact]
    first: dict[str, repo.SessionFact]  # each resident's first finished session ever
    rule_severity: dict[str, str]
    form: ScreeningForm | None


# Problem categories with a row of their own even when none was found.
SHOWN_PROBLEM_CATEGORIES = frozenset(
    ("effectiveness", "adverse_effect", "adherence", "duplication", "interaction")
)

_KNOWN_PROBLEM_CATEGORIES = frozenset(repo.PROBLEM_CATEGORIES)

_SOCIAL_CACHE: dict[tuple[int, str], list[tuple[str, str, str]]] = {}
_SOCIAL_CACHE_MAX = 200_000
# The social flags (flag key -> severity) of each form, answers and observations
# (Computer._social_severities).
_SEVERITY_CACHE: dict[tuple[int, str, str], dict[str, str]] = {}


def social_cached(form: ScreeningForm, screening: str) -> list[tuple[str, str, str]]:
    """The same answers give the same risks (the form is immutable): many sessions share
    their answers, and a recount after a filter change finds them known."""
    key = (id(form), screening)
    found = _SOCIAL_CACHE.get(key)
    if found is None:
        if len(_SOCIAL_CACHE) >= _SOCIAL_CACHE_MAX:
            _SOCIAL_CACHE.clear()
        found = _SOCIAL_CACHE[key] = social_risks(form, screening)
    return found


@dataclass
class Bucket:
    sessions: list[repo.SessionFact] = field(default_factory=list)
    referrals_sent: list[repo.ReferralFact] = field(default_factory=list)
    referrals_ack: list[repo.ReferralFact] = field(default_factory=list)
    referrals_closed: list[repo.ReferralFact] = field(default_factory=list)
    referrals_all: list[repo.ReferralFact] = field(default_factory=list)


class Computer:
    def __init__(self, facts: Facts, bucket: Bucket, group: Group, req: ReportRequest):
        self.f, self.b, self.g, self.req = facts, bucket, group, req
        self.cells: list[Cell] = []
        self._latest: dict[str, repo.SessionFact] = {}
        for x in bucket.sessions:  # sorted by date: the last one wins
            self._latest[x.resident_id] = x

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
        # A set the caller made is used as it is (a cell only reads it).
        residents = people if type(people) is set else set(people)
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

    def social_of(self, x: repo.SessionFact) -> list[tuple[str, str, str]]:
        """(flag key, domain, severity) of a session's screening answers."""
        if not x.screening or x.screening == "{}" or self.f.form is None:
            return []
        return social_cached(self.f.form, x.screening)

    # the indicators
    def people(self) -> None:
        s = self.b.sessions
        reached = {x.resident_id for x in s}
        ids = {x.id for x in s}
        new = {r for r in reached if self.f.first[r].id in ids}
        self.add("residents_reached", len(reached), reached)
        self.add("residents_new", len(new), new)
        returning = reached - new
        self.add("residents_returning", len(returning), returning)
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
        first = self.f.first
        firsts = {r: first[r].regular_taken for r in latest}
        lasts = {r: x.regular_taken for r, x in latest.items()}
        self.add("meds_first_median", median(firsts.values()), latest)
        self.add("meds_latest_median", median(lasts.values()), latest)
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
            if x.found:
                found_n += x.found
                found.append(x.resident_id)
            if x.disposed:
                disposed_n += x.disposed
                disposed.append(x.resident_id)
        self.add("leftover_found", found_n, found)
        self.add("disposed", disposed_n, disposed)

    def problems(self) -> None:
        # One pass over the counted sessions' category rows (repo.ProblemRow).
        problems = self.f.problems
        residents: list[str] = []
        found: dict[str, int] = {}
        people: dict[str, list[str]] = {}
        outcome_n = advice_n = contact_n = 0
        with_outcome: list[str] = []
        with_advice: list[str] = []
        with_contact: list[str] = []
        for x in self.b.sessions:
            rows = problems.get(x.id)
            if not rows:
                continue
            r = x.resident_id
            residents.append(r)
            for _, category, n, outcome, advice, contact in rows:
                if category in found:
                    found[category] += n
                    people[category].append(r)
                else:
                    found[category] = n
                    people[category] = [r]
                if outcome:
                    outcome_n += outcome
                    with_outcome.append(r)
                if advice:
                    advice_n += advice
                    with_advice.append(r)
                if contact:
                    contact_n += contact
                    with_contact.append(r)
        self.add("drp_found", sum(found.values()), residents)
        for category in repo.PROBLEM_CATEGORIES:
            if category in found or category in SHOWN_PROBLEM_CATEGORIES:
                self.add("drp_found", found.get(category, 0), people.get(category, ()), category)
        known = _KNOWN_PROBLEM_CATEGORIES
        for category, n in found.items():  # a newer release's, in the order first found
            if category not in known:
                self.add("drp_found", n, people[category], category)
        self.add("drp_resolved", outcome_n, with_outcome)
        self.add("advice_given", advice_n, with_advice)
        self.add("prescriber_contacted", contact_n, with_contact)

    def flags(self) -> None:
        decided: list[tuple[str, str]] = []
        family: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # A medication flag's kind, severity and family follow from its key alone: worked out
        # once a key (a year holds a hundred thousand decisions over a few hundred keys).
        medication: dict[str, tuple[str, list[tuple[str, str]]] | None] = {}
        social_kinds: dict[str, str] = {}  # severity -> "social.<severity>"
        social_family = family["social"]
        of_session = self.f.decisions.get
        for x in self.b.sessions:
            decisions = of_session(x.id)
            if not decisions:
                continue
            r = x.resident_id
            social: dict[str, str] | None = None  # worked out for a social flag only
            for _, key, status in decisions:
                if key in medication:
                    known = medication[key]
                else:
                    known = medication[key] = self._medication_flag(key, family)
                if known is None:  # a social flag: its severity is the session's answers'
                    if social is None:
                        social = self._social_severities(x)
                    severity = social.get(key, "unknown")
                    kind = social_kinds.get(severity)
                    if kind is None:
                        kind = social_kinds[severity] = f"{KIND_SOCIAL}.{severity}"
                    decided.append((kind, r))
                    social_family.append((status, r))
                else:
                    decided.append((known[0], r))
                    known[1].append((status, r))
        if not social_family:
            del family["social"]  # no social decision: no row of its own
        self.count_by("flags_decided", decided)
        everyone = [r for items in family.values() for _, r in items]
        dismissed_all = [r for items in family.values() for st, r in items if st == "dismissed"]
        self._share("flags_dismissed_share", "", dismissed_all, everyone)
        for fam, items in sorted(family.items()):
            dismissed = [r for st, r in items if st == "dismissed"]
            self._share("flags_dismissed_share", fam, dismissed, [r for _, r in items])

    def _medication_flag(
        self, key: str, family: dict[str, list[tuple[str, str]]]
    ) -> tuple[str, list[tuple[str, str]]] | None:
        """("medication.<severity>", its family's list) for a medication flag's key; None for a
        social one."""
        rule_id = key.split("|", 1)[0]
        if rule_id.startswith("social."):
            return None
        severity = self.f.rule_severity.get(rule_id, "unknown")
        fam = rule_id.split(".", 1)[0] if "." in rule_id else "other"
        return f"{KIND_MEDICATION}.{severity}", family[fam]

    def _social_severities(self, x: repo.SessionFact) -> dict[str, str]:
        """Flag key → severity of the social flags a session's answers and observations
        raise (the same answers and observations raise the same, the form being immutable:
        kept for each pair, as social_cached keeps the risks of each answers' text)."""
        form = self.f.form
        key = (id(form), x.screening, x.observed)
        found = _SEVERITY_CACHE.get(key)
        if found is None:
            if len(_SEVERITY_CACHE) >= _SOCIAL_CACHE_MAX:
                _SEVERITY_CACHE.clear()
            found = _SEVERITY_CACHE[key] = self._work_out_severities(x)
        return found

    def _work_out_severities(self, x: repo.SessionFact) -> dict[str, str]:
        social = {key: sev for key, _, sev in self.social_of(x)}
        for risk in _observed(x):
            try:
                flag = observation_flag(risk[0], risk[1])
            except ValueError:
                continue
            social[flag.key] = flag.severity.value
        return social

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
            median(to_ack),
            (r.resident_id for r in b.referrals_ack if _both(r)),
            subjects=(r.id for r in b.referrals_ack if _both(r)),
        )
        closed = [r for r in b.referrals_closed if r.sent_on and r.closed_on]
        self.add(
            "days_to_close",
            median([_days(r.sent_on, r.closed_on) for r in closed]),
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


def median(values: Iterable[float]) -> float | None:
    items = list(values)
    return float(statistics.median(items)) if items else None


COMPUTE = {
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
