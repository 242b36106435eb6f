"""Sample data for demonstrations and benchmarks: realistic, clearly fictional.

Names are random combinations of common syllables; phone numbers use the 010-0xxx block, which
is not assigned to subscribers; centre names end in "(예시)" so no one mistakes them for real ones.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from consultdesk.domain.ids import new_id
from consultdesk.domain.phone import digits
from consultdesk.services.workspace import Workspace
from consultdesk.storage.models import CaseWorker, Consent, Resident, WelfareCentre
from consultdesk.storage.residents_repo import search_key_initials

MAX_RESIDENTS = 10_000
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


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)


def _phone(rng: random.Random) -> str:
    return f"010-0{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"


def fill_demo(
    ws: Workspace,
    residents: int = 200,
    seed: int = 20261121,
    progress: Callable[[float], None] | None = None,
) -> None:
    """Add welfare centres, case workers and `residents` residents with consent records."""
    if not 0 <= residents <= MAX_RESIDENTS:
        raise ValueError(f"residents must be between 0 and {MAX_RESIDENTS}")
    rng = random.Random(seed)
    today = date.today()
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
            worker = rng.choice(workers)
            name = _name(rng)
            phone = _phone(rng) if rng.random() < 0.9 else ""
            rid = new_id()
            batch.append(
                {
                    "id": rid,
                    "name": name,
                    "name_initials": search_key_initials(name),
                    "phone_digits": digits(phone),
                    "birth_date": date(
                        rng.randint(1932, 1962), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    "sex": rng.choice(["female", "female", "male"]),
                    "phone": phone,
                    "district": rng.choice(_DISTRICTS),
                    "living_situation": rng.choice(_LIVING),
                    "centre_id": worker["centre_id"],
                    "case_worker_id": worker["id"],
                    "chronic_conditions": ", ".join(rng.sample(_CONDITIONS, rng.randint(1, 4))),
                    "allergies": rng.choice(_ALLERGIES),
                    "notes": rng.choice(_NOTES),
                    "deleted": False,
                }
            )
            decided = today - timedelta(days=rng.randint(1, 400))
            for kind in ("health_info", "share_welfare"):
                if kind == "share_welfare" and rng.random() < 0.15:
                    continue  # some residents have not (yet) agreed to sharing
                verbal = rng.random() < 0.3
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
                if progress:
                    progress((n + 1) / residents)
