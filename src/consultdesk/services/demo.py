"""Sample data for demonstrations and benchmarks: realistic, clearly fictional.

Names are random combinations of common syllables; phone numbers use the 010-0xxx block, which
is not assigned to subscribers; centre names end in "(예시)" so no one mistakes them for real ones.
The consultations are made in services/demo_sessions.py.

Everything goes through ChangeWriter.bulk_create, so the change log is filled as for records
typed in. For consultations, medicines and problems a field that holds its column's default is
left out of the insert and so out of the change log: a laptop that receives the record builds
it from the column defaults plus the logged fields (services/sync_store.py), which gives the
same row, and the log shrinks by half (50,000 sessions would otherwise write 8 million rows).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, SQLModel

from consultdesk.domain.ids import new_id
from consultdesk.domain.phone import digits
from consultdesk.domain.screening import load_form
from consultdesk.paths import resource_path
from consultdesk.services.catalog import bundled_ingredients
from consultdesk.services.demo_referrals import fill_referrals
from consultdesk.services.demo_sessions import (
    SHOWCASE_CONDITIONS,
    SHOWCASE_NAME,
    Batch,
    MedicineNames,
    SessionMaker,
    iter_counts,
    showcase_sessions,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage.models import (
    CaseWorker,
    Consent,
    Consultation,
    DrugProblemEntry,
    MedicationEntry,
    Resident,
    WelfareCentre,
)
from consultdesk.storage.residents_repo import search_key_initials
from consultdesk.storage.settings_repo import get_setting, put_setting

MAX_RESIDENTS = 10_000
MAX_SESSIONS = 50_000
SHOWCASE_KEY = "demo_showcase_resident"
_SESSIONS_PER_BATCH = 1000
_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구"
    "민유나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
)
_GIVEN = "민서준영지수현우연하은진정희숙자순미경옥선철호성동상재석태광명기종덕춘복만길분례"
_DISTRICTS = [
    "서울 관악구",
    "서울 동작구",
    "서울 구로구",
    "서울 금천구",
    "서울 영등포구",
    "서울 노원구",
    "서울 강북구",
    "서울 도봉구",
    "서울 중랑구",
    "서울 은평구",
]
_CENTRES = [
    "햇살종합사회복지관 (예시)",
    "푸른숲종합사회복지관 (예시)",
    "다온종합사회복지관 (예시)",
    "한울종합사회복지관 (예시)",
    "새봄종합사회복지관 (예시)",
]
_CONDITIONS = [
    "고혈압",
    "당뇨병",
    "고지혈증",
    "골관절염",
    "골다공증",
    "불면증",
    "우울증",
    "만성 위염",
    "전립선비대증",
    "심방세동",
    "만성 신장병",
    "경도인지장애",
]
_ALLERGIES = ["", "", "", "", "페니실린 (두드러기)", "아스피린 (천식 악화)", "설파제 (발진)"]
_NOTES = [
    "",
    "",
    "계단이 많은 집. 무릎 통증으로 외출이 어려움.",
    "자녀가 주 1회 방문.",
    "이웃과 교류가 거의 없음.",
    "난방비 부담을 호소함.",
    "약 보관 상자가 따로 없음.",
]
_LIVING = ["alone", "alone", "alone", "spouse", "family", "carer"]


# How common each condition is among the residents (roughly: older adults in a visiting
# medication programme, who are chosen because they take many medicines).
_PREVALENCE = {
    "고혈압": 0.65,
    "당뇨병": 0.35,
    "고지혈증": 0.45,
    "골관절염": 0.45,
    "골다공증": 0.25,
    "불면증": 0.25,
    "우울증": 0.12,
    "만성 위염": 0.3,
    "전립선비대증": 0.3,  # asked of men only
    "심방세동": 0.08,
    "만성 신장병": 0.08,
    "경도인지장애": 0.12,
}


def _conditions(rng: random.Random, sex: str) -> list[str]:
    found = [
        c
        for c in _CONDITIONS
        if (sex == "male" or c != "전립선비대증") and rng.random() < _PREVALENCE.get(c, 0.1)
    ]
    return found or [rng.choice(_CONDITIONS[:4])]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)


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
    sessions, the first resident is the showcase (see showcase_resident)."""
    if not 0 <= residents <= MAX_RESIDENTS:
        raise ValueError(f"residents must be between 0 and {MAX_RESIDENTS}")
    if sessions is not None and not 0 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions must be between 0 and {MAX_SESSIONS}")
    rng = random.Random(seed)
    today = date.today()
    with_sessions = residents > 0 and sessions != 0
    # The showcase takes three sessions of the total; a smaller total goes to random residents.
    showcase = with_sessions and (sessions is None or sessions >= 3)
    share = 0.15 if with_sessions else 1.0

    def resident_progress(fraction: float) -> None:
        if progress:
            progress(fraction * share)

    conditions = _fill_residents(ws, residents, rng, today, showcase, resident_progress)
    if not with_sessions:
        if progress:
            progress(1.0)
        return DemoSummary(residents, 0, 0, 0, None)
    showcase_id = conditions[0][0] if showcase else None
    if showcase_id is not None:
        with ws.db.session() as s:
            put_setting(s, SHOWCASE_KEY, showcase_id)
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
    written = {"sessions": 0, "medications": 0, "problems": 0}

    def flush() -> None:
        with ws.db.session() as s:
            _bulk(ws, s, Consultation, batch.consultations)
            _bulk(ws, s, MedicationEntry, batch.medications)
            _bulk(ws, s, DrugProblemEntry, batch.problems)
        written["sessions"] += len(batch.consultations)
        written["medications"] += len(batch.medications)
        written["problems"] += len(batch.problems)
        for rows in (batch.consultations, batch.medications, batch.problems):
            rows.clear()
        if progress:
            progress(share + (1 - share) * written["sessions"] / total)

    for (resident_id, resident_conditions), count in zip(conditions, counts, strict=True):
        maker.resident(resident_id, resident_conditions, count, batch)
        if len(batch.consultations) >= _SESSIONS_PER_BATCH:
            flush()
    flush()
    # referrals in every state and flag decisions, from the sessions' social risks
    fill_referrals(ws, form, today)
    return DemoSummary(
        residents, written["sessions"], written["medications"], written["problems"], showcase_id
    )


def _bulk(ws: Workspace, s: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """Insert new records, leaving out fields that hold their column's default (see the module
    docstring). Rows with the same fields go in together, so each insert stays one batch."""
    table = model.__table__  # type: ignore[attr-defined]
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.default is not None and getattr(c.default, "is_scalar", False)
    }
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        slim = {k: v for k, v in row.items() if k not in defaults or v != defaults[k]}
        groups.setdefault(tuple(slim), []).append(slim)
    for group in groups.values():
        ws.writer.bulk_create(s, model, group)


def _fill_residents(
    ws: Workspace,
    residents: int,
    rng: random.Random,
    today: date,
    showcase: bool,
    progress: Callable[[float], None],
) -> list[tuple[str, list[str]]]:
    """Centres, case workers, residents and consents; returns each resident's id and chronic
    conditions, in the order made (the showcase first when asked for)."""
    made: list[tuple[str, list[str]]] = []
    with ws.db.session() as s:
        centres, workers = [], []
        for i, name in enumerate(_CENTRES):
            cid = new_id()
            centres.append(
                {
                    "id": cid,
                    "name": name,
                    "district": _DISTRICTS[i],
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
        ws.writer.bulk_create(s, WelfareCentre, centres)
        ws.writer.bulk_create(s, CaseWorker, workers)
        batch: list[dict[str, object]] = []
        consents: list[dict[str, object]] = []
        for n in range(residents):
            worker = workers[0] if showcase and n == 0 else rng.choice(workers)
            rid = new_id()
            if showcase and n == 0:
                name, phone = SHOWCASE_NAME, _phone(rng)
                conditions = SHOWCASE_CONDITIONS.split(", ")
                birth, sex, living = date(1944, 3, 5), "female", "alone"
                district, allergies = _DISTRICTS[0], ""
                notes = "자녀와 연락이 거의 없음. 겨울에 난방비 부담을 호소함."
            else:
                name = _name(rng)
                phone = _phone(rng) if rng.random() < 0.9 else ""
                birth = date(rng.randint(1932, 1962), rng.randint(1, 12), rng.randint(1, 28))
                sex = rng.choice(["female", "female", "male"])
                district, living = rng.choice(_DISTRICTS), rng.choice(_LIVING)
                conditions = _conditions(rng, sex)
                allergies, notes = rng.choice(_ALLERGIES), rng.choice(_NOTES)
            made.append((rid, conditions))
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
                ws.writer.bulk_create(s, Resident, batch)
                ws.writer.bulk_create(s, Consent, consents)
                batch, consents = [], []
                progress((n + 1) / residents)
    return made
