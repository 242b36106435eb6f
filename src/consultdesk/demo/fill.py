"""Sample data for demonstrations and benchmarks: realistic, clearly fictional.

Names are random combinations of common syllables; phone numbers use the 010-0xxx block, which
is not assigned to subscribers; centre names end in "(예시)" so no one mistakes them for real ones.
The tables are resources/demo/*.json; the consultations are made in demo/sessions.py, the
showcase in demo/showcase.py, the referrals in demo/referrals.py.

A client of the services, as the command line is: everything is written through the
workspace's change-log writer (demo/writes.py), so the change log is filled as for records typed
in. The rows are made from the seed alone (demo_parts), for a large fill in a second process
while this one writes them (demo/aside.py).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import SQLModel

from consultdesk.demo import data
from consultdesk.demo.aside import parts_aside
from consultdesk.demo.referrals import Candidate, make_referrals
from consultdesk.demo.sessions import Batch, MedicineNames, SessionMaker, iter_counts
from consultdesk.demo.showcase import showcase_sessions
from consultdesk.demo.writes import DemoPart, Row, new_records
from consultdesk.domain.ids import new_id
from consultdesk.domain.phone import digits
from consultdesk.domain.screening import load_form
from consultdesk.paths import resource_path
from consultdesk.process import collection_paused
from consultdesk.services.catalog import bundled_ingredients
from consultdesk.services.workspace import Workspace
from consultdesk.storage.bulk import bulk_cache
from consultdesk.storage.models import (
    CaseWorker,
    Consent,
    Consultation,
    DrugProblemEntry,
    FlagDecision,
    MedicationEntry,
    Referral,
    Resident,
    WelfareCentre,
)
from consultdesk.storage.residents_repo import search_key_initials
from consultdesk.storage.settings_repo import get_setting, put_setting

MAX_RESIDENTS = 10_000
MAX_SESSIONS = 50_000
SHOWCASE_KEY = "demo_showcase_resident"
_SESSIONS_PER_BATCH = 1000
# From this many sessions the rows are made in a second process while this one writes
# (demo/aside.py); a smaller fill is over before that process would have started.
ASIDE_FROM_SESSIONS = 2000
# A batch's pages (its records, change rows, field clocks and their indexes) stay in memory
# until its commit.
_FILL_CACHE_MIB = 128


def _conditions(rng: random.Random, sex: str) -> list[str]:
    p = data.people()
    found = [
        c
        for c, share in p.prevalence.items()
        if (sex == "male" or c not in p.men_only) and rng.random() < share
    ]
    return found or [rng.choice(p.conditions[:4])]


def _name(rng: random.Random) -> str:
    p = data.people()
    return rng.choice(p.surnames) + rng.choice(p.given) + rng.choice(p.given)


def _phone(rng: random.Random) -> str:
    return f"010-0{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    residents: int
    sessions: int
    medications: int
    problems: int
    # The resident whose latest session is the ten-medicine showcase (None without sessions).
    showcase_resident_id: str | None


def showcase_resident(ws: Workspace) -> str | None:
    """The demo resident made for screenshots and demonstrations, if this is a demo database:
    ten medicines from three clinics (warfarin with an NSAID among them) and social screening
    answers in the latest session, today's visit, still a draft."""
    with ws.db.session(read_only=True) as s:
        return get_setting(s, SHOWCASE_KEY) or None


def fill_demo(
    ws: Workspace,
    residents: int = 200,
    seed: int = 20261121,
    progress: Callable[[float], None] | None = None,
    sessions: int | None = 0,
) -> DemoSummary:
    """Add welfare centres, case workers and `residents` residents with consent records, and
    consultations for them: `sessions` in total (at most 8 per resident and MAX_SESSIONS in
    all), or None for 1 to 8 per resident. When the total leaves room for its three
    sessions, the first resident is the showcase (see showcase_resident).

    Fastest in a database still being built (Workspace.create's ``fill``, as `consultdesk
    demo` does): see storage/database.py, build mode."""
    if not 0 <= residents <= MAX_RESIDENTS:
        raise ValueError(f"residents must be between 0 and {MAX_RESIDENTS}")
    if sessions is not None and not 0 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions must be between 0 and {MAX_SESSIONS}")
    with collection_paused():  # the fill makes millions of short-lived rows
        return _fill(ws, residents, seed, progress, sessions)


def _fill(
    ws: Workspace,
    residents: int,
    seed: int,
    progress: Callable[[float], None] | None,
    sessions: int | None,
) -> DemoSummary:
    today = date.today()
    expected = 5 * residents if sessions is None else sessions
    aside = expected >= ASIDE_FROM_SESSIONS and not getattr(sys, "frozen", False)
    parts = parts_aside if aside else demo_parts
    written: Counter[type[SQLModel]] = Counter()
    showcase_id = None
    for part in parts(residents, seed, today, sessions):
        with ws.db.session() as s, bulk_cache(s, _FILL_CACHE_MIB):
            for model, groups in part.tables:
                for rows in groups:
                    ws.writer.bulk_create(s, model, rows)
                    written[model] += len(rows)
            if part.showcase is not None:
                showcase_id = part.showcase
                put_setting(s, SHOWCASE_KEY, showcase_id)
        if progress:
            progress(part.done)
    return DemoSummary(
        residents,
        written[Consultation],
        written[MedicationEntry],
        written[DrugProblemEntry],
        showcase_id,
    )


def demo_parts(residents: int, seed: int, today: date, sessions: int | None) -> Iterator[DemoPart]:
    """Everything the demo writes, in the order it is written, made from the seed alone (so
    it can be made in another process: demo/aside.py)."""
    rng = random.Random(seed)
    with_sessions = residents > 0 and sessions != 0
    # The showcase takes three sessions of the total; a smaller total goes to random residents.
    showcase = with_sessions and (sessions is None or sessions >= 3)
    share = 0.15 if with_sessions else 1.0
    made = _Residents()
    yield from _resident_parts(made, residents, rng, today, showcase, share)
    if not with_sessions:
        return
    conditions = made.conditions
    showcase_id = conditions[0][0] if showcase else None
    if showcase_id is not None:
        yield DemoPart((), share, showcase_id)
        conditions = conditions[1:]
    fixed = 3 if showcase else 0
    budget = None if sessions is None else sessions - fixed
    counts = list(iter_counts(rng, len(conditions), budget, MAX_SESSIONS - fixed))
    total = max(1, fixed + sum(counts))
    names = MedicineNames(bundled_ingredients())
    form = load_form(resource_path("screening/default.json"))
    maker = SessionMaker(rng, today, names, form)
    batch = Batch()
    if showcase_id is not None:
        showcase_sessions(maker, showcase_id, batch)
    done = 0
    candidates: list[Candidate] = []

    def flush() -> DemoPart:
        nonlocal batch, done
        candidates.extend(_candidates(batch.consultations, made.sharing))
        done += len(batch.consultations)
        part = DemoPart(
            (
                new_records(Consultation, batch.consultations),
                new_records(MedicationEntry, batch.medications),
                new_records(DrugProblemEntry, batch.problems),
            ),
            share + (1 - share) * done / total,
        )
        batch = Batch()
        return part

    for (resident_id, resident_conditions), count in zip(conditions, counts, strict=True):
        maker.resident(resident_id, resident_conditions, count, batch)
        if len(batch.consultations) >= _SESSIONS_PER_BATCH:
            yield flush()
    last = flush()
    # referrals in every state and flag decisions, from the sessions' social risks
    referrals, decisions = make_referrals(form, today, candidates)
    yield DemoPart(
        (*last.tables, new_records(Referral, referrals), new_records(FlagDecision, decisions)),
        1.0,
    )


@dataclass(slots=True)
class _Residents:
    """What the residents' parts made: each resident's id and chronic conditions, in the
    order made (the showcase first when asked for), and who agreed to sharing with the
    centre."""

    conditions: list[tuple[str, list[str]]] = field(default_factory=list)
    sharing: set[str] = field(default_factory=set)


def _resident_parts(
    made: _Residents,
    residents: int,
    rng: random.Random,
    today: date,
    showcase: bool,
    share: float,
) -> Iterator[DemoPart]:
    """Centres, case workers, residents and consents, a thousand residents a part; every
    field of these is logged."""
    p = data.people()
    show = data.showcase()
    centres, workers = [], []
    for i, name in enumerate(p.centres):
        cid = new_id()
        centres.append(
            {
                "id": cid,
                "name": name,
                "district": p.districts[i],
                "phone": f"02-0{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                "deleted": False,
            }
        )
        for _ in range(3):
            workers.append(
                {
                    "id": new_id(),
                    "centre_id": cid,
                    "name": _name(rng),
                    "phone": _phone(rng),
                    "email": "",
                    "deleted": False,
                }
            )
    tables: list[tuple[type[SQLModel], tuple[list[Row], ...]]] = [
        (WelfareCentre, (centres,)),
        (CaseWorker, (workers,)),
    ]
    batch: list[Row] = []
    consents: list[Row] = []
    for n in range(residents):
        worker = workers[0] if showcase and n == 0 else rng.choice(workers)
        rid = new_id()
        if showcase and n == 0:
            name, phone = show.name, _phone(rng)
            conditions = list(show.conditions)
            birth, sex, living = date.fromisoformat(show.birth_date), show.sex, show.living
            district, allergies = p.districts[0], ""
            notes = show.notes
        else:
            name = _name(rng)
            phone = _phone(rng) if rng.random() < 0.9 else ""
            birth = date(rng.randint(1932, 1962), rng.randint(1, 12), rng.randint(1, 28))
            sex = rng.choice(["female", "female", "male"])
            district, living = rng.choice(p.districts), rng.choice(p.living)
            conditions = _conditions(rng, sex)
            allergies, notes = rng.choice(p.allergies), rng.choice(p.notes)
        made.conditions.append((rid, conditions))
        batch.append(
            {
                "id": rid,
                "name": name,
                "name_initials": search_key_initials(name),
                "phone_digits": digits(phone),
                "birth_date": birth,
                "sex": sex,
                "phone": phone,
                "district": district,
                "living_situation": living,
                "centre_id": worker["centre_id"],
                "case_worker_id": worker["id"],
                "chronic_conditions": ", ".join(conditions),
                "allergies": allergies,
                "notes": notes,
                "deleted": False,
            }
        )
        decided = today - timedelta(days=rng.randint(1, 400))
        for kind in ("health_info", "share_welfare"):
            if kind == "share_welfare" and rng.random() < 0.15 and not (showcase and n == 0):
                continue  # some residents have not (yet) agreed to sharing
            if kind == "share_welfare":
                made.sharing.add(rid)
            verbal = rng.random() < 0.3 and not (showcase and n == 0)
            consents.append(
                {
                    "id": new_id(),
                    "resident_id": rid,
                    "kind": kind,
                    "granted": True,
                    "decided_on": decided,
                    "method": "verbal" if verbal else "written",
                    "witness": _name(rng) if verbal else "",
                    "withdrawn_on": None,
                    "recorded_at": "",
                    "deleted": False,
                }
            )
        if len(batch) == 1000 or n == residents - 1:
            tables += [(Resident, (batch,)), (Consent, (consents,))]
            yield DemoPart(tuple(tables), share * (n + 1) / residents)
            tables, batch, consents = [], [], []
    if tables:  # no residents: the centres and case workers alone
        yield DemoPart(tuple(tables), share)


def _candidates(rows: list[dict[str, Any]], sharing: set[str]) -> list[Candidate]:
    """The finished sessions with answers or observations, of residents who agreed to sharing:
    what the demo referrals are made from."""
    return [
        Candidate(r["id"], r["resident_id"], r["visit_date"], r["screening"], r["observed"])
        for r in rows
        if r["status"] == "final"
        and (r["screening"] != "{}" or r["observed"] != "[]")
        and r["resident_id"] in sharing
    ]
