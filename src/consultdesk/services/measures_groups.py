"""Putting the facts of a period in their groups (month, quarter, year, centre, pharmacist, age
band, sex) and turning each group into the cells of a report (services/measures_compute.py does
the arithmetic of each indicator)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from consultdesk.domain.ids import short_device
from consultdesk.domain.measures import (
    TIME_GROUPS,
    Cell,
    Group,
    GroupBy,
    MeasureSet,
    MeasuresReport,
    ReportRequest,
    age_band,
    time_groups,
    time_key,
)
from consultdesk.domain.referral import ReferralState
from consultdesk.services.measures_compute import Bucket, Computer, Facts


class Grouper:
    """Puts each fact in its group: by its date for time groups, by its resident or its
    recording device otherwise."""

    def __init__(
        self,
        measures: MeasureSet,
        req: ReportRequest,
        f: Facts,
        local: str,
        local_name: str,
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.req, self.f, self.measures = req, f, measures
        self.local = local  # this laptop's device id and its pharmacist's name
        self.local_name = local_name
        self.names = names or {}  # device -> pharmacist, as the bundles said (team_repo)

    def key(self, on: date, resident_id: str, device: str) -> str:
        by = self.req.by
        if by is GroupBy.ALL:
            return "all"
        if by in TIME_GROUPS:
            return time_key(on, by)
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
        name = self.names.get(device)
        if name:  # it came with that laptop's bundles
            return name, name
        # No bundle of that laptop named its pharmacist yet: the device's short id stands in.
        return f"약사 {short_device(device)}", f"Pharmacist {short_device(device)}"

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


def build_report(
    req: ReportRequest,
    measures: MeasureSet,
    facts: Facts,
    centres: Mapping[str, str],
    threshold: int,
    local: tuple[str, str],
    names: Mapping[str, str] | None = None,
) -> MeasuresReport:
    """One report: the facts in their groups (``req.by``), every indicator of each group.
    ``local`` is this laptop's device id and pharmacist's name (its own group's label);
    ``names`` the other devices' pharmacists (team_repo.member_names)."""
    grouper = Grouper(measures, req, facts, *local, names)
    buckets: dict[str, Bucket] = defaultdict(Bucket)
    in_period = [x for x in facts.sessions if req.start <= x.visit_date <= req.end]
    if req.by is GroupBy.ALL:
        buckets["all"].sessions = in_period  # one group: no key to work out per session
    else:
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
        comp = Computer(facts, buckets.get(g.key) or Bucket(), g, req)
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
