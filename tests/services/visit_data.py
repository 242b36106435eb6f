"""A realistic visit to print documents from: a resident of a welfare centre who lives alone,
takes many medicines from three clinics, stopped one herself, and answered the screening.

Used by the document, referral, UI and CLI tests (names and numbers are fictional).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from consultdesk.domain.consent import ConsentKind
from consultdesk.domain.consultation import (
    Action,
    Intervention,
    MedicationRow,
    ObservedRisk,
    ProblemCategory,
    ProblemRow,
    Source,
)
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import centres, consent, residents
from consultdesk.services.consultations import load_consultation, save_consultation
from consultdesk.services.consultations import start_consultation as start
from consultdesk.services.workspace import Workspace

VISIT = date(2026, 11, 2)
CONSENT_DAY = date(2026, 10, 20)
NAME = "홍길순"


def _med(name: str, atc: str, ko: str, en: str, **fields: object) -> MedicationRow:
    values: dict[str, object] = {"morning": "1", "prescriber": "하늘내과의원"}
    values.update(fields)
    return MedicationRow(
        id=new_id(),
        name_as_found=name,
        ingredients=(Ingredient(atc, ko, en),),
        **values,  # type: ignore[arg-type]
    )


def medicines() -> tuple[MedicationRow, ...]:
    return (
        _med("노바스크정", "C08CA01", "암로디핀", "amlodipine", strength="5mg", purpose="혈압약"),
        _med(
            "다이아벡스정",
            "A10BA02",
            "메트포르민",
            "metformin",
            strength="500mg",
            evening="1",
            purpose="당뇨약",
        ),
        _med(
            "리피토정",
            "C10AA05",
            "아토르바스타틴",
            "atorvastatin",
            morning="",
            bedtime="1",
            purpose="콜레스테롤약",
        ),
        _med(
            "코자정",
            "C09CA01",
            "로사르탄",
            "losartan",
            purpose="혈압약",
            adherence=Adherence.STOPPED_ON_OWN,
        ),
        _med(
            "스틸녹스정",
            "N05CF02",
            "졸피뎀",
            "zolpidem",
            morning="",
            bedtime="1",
            prescriber="가람정신건강의학과의원",
            purpose="수면제",
        ),
        _med(
            "쎄레브렉스캡슐",
            "M01AH01",
            "셀레콕시브",
            "celecoxib",
            prescriber="바른정형외과의원",
            purpose="무릎 통증",
            storage_problem="유효기간 지남",
        ),
        _med(
            "아스피린프로텍트정",
            "B01AC06",
            "아스피린",
            "acetylsalicylic acid",
            purpose="혈전 예방",
            adherence=Adherence.MISSES_DOSES,
        ),
        _med(
            "타이레놀정",
            "N02BE01",
            "아세트아미노펜",
            "paracetamol",
            morning="",
            as_needed="1",
            source=Source.OTC,
            prescriber="",
            purpose="진통제",
        ),
        _med(
            "예전 위장약",
            "A02BC01",
            "오메프라졸",
            "omeprazole",
            purpose="위장약",
            action=Action.DISPOSE,
        ),
    )


@dataclass(frozen=True)
class Visit:
    resident_id: str
    consultation_id: str
    centre_id: str
    worker_id: str


def make_resident(
    ws: Workspace,
    name: str = NAME,
    share: bool | None = True,
    phone: str = "010-0000-5678",
    centre_id: str | None = None,
    worker_id: str | None = None,
) -> tuple[str, str, str]:
    """A resident of a welfare centre; `share` None records no consent to share at all."""
    if centre_id is None:
        centre_id = centres.save_centre(ws, "햇살종합사회복지관 (예시)", "서울 관악구")
        worker_id = centres.save_case_worker(ws, centre_id, "박사례", "010-0000-2222")
    rid = residents.save_resident(
        ws,
        ResidentDraft(
            name=name,
            birth_date="1946-05-10",
            sex="female",
            phone=phone,
            district="서울 관악구",
            living_situation="alone",
            centre_id=centre_id,
            case_worker_id=worker_id,
            chronic_conditions="고혈압, 당뇨병",
            allergies="페니실린 (두드러기)",
        ),
    )
    if share is not None:
        consent.record_consent(
            ws, rid, ConsentKind.SHARE_WELFARE, share, CONSENT_DAY, "written", today=VISIT
        )
    # Recorded second, so tests that take the resident's first consent get the one to share.
    consent.record_consent(
        ws, rid, ConsentKind.HEALTH_INFO, True, CONSENT_DAY, "written", today=VISIT
    )
    assert worker_id is not None
    return rid, centre_id, worker_id


def make_visit(ws: Workspace, share: bool | None = True, name: str = NAME) -> Visit:
    rid, centre_id, worker_id = make_resident(ws, name=name, share=share)
    return Visit(rid, add_consultation(ws, rid), centre_id, worker_id)


def add_consultation(ws: Workspace, resident_id: str) -> str:
    cid = start(ws, resident_id, today=VISIT, time="14:30")
    data = load_consultation(ws, cid)
    assert data is not None
    data = replace(
        data,
        medications=medicines(),
        problems=(
            ProblemRow(
                new_id(),
                ProblemCategory.COST,
                "약값이 부담되어 혈압약 한 가지를 끊으셨습니다.",
                Intervention.REFER_CASE_WORKER,
                "의료비 지원 연계가 필요합니다.",
            ),
            ProblemRow(new_id(), ProblemCategory.ADHERENCE, "아침 약을 자주 잊음"),
        ),
        advice=(
            "아침 약은 식탁 위 약 정리함에서 드시기로 했습니다.\n"
            "유효기간 지난 약은 약국에 가져오세요."
        ),
        follow_up_plan="2주 뒤 다시 방문",
        next_visit=date(2026, 11, 16),
        screening={"social_contacts": "none", "heating_cooling": "often", "medicine_cost": "yes"},
        observed=(ObservedRisk("냉장고가 거의 비어 있었습니다.", "moderate", ("meal_support",)),),
        observations="보일러가 고장 나 전기장판 하나로 지내십니다.",
    )
    save_consultation(ws, data)
    return cid
