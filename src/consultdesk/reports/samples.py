"""Fictional sample documents for screenshots, manual review and tests.

Names, places and phone numbers are invented (가람구 is not a Seoul district; 010-0000-xxxx
numbers are not assigned). Medicine names are real ingredients so the layout sees real lengths.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from consultdesk.reports.content import (
    Adherence,
    ConsentMethod,
    ConsentOnFile,
    ConsultationSummaryContent,
    DoseSchedule,
    DrugProblem,
    FlagEntry,
    FlagKind,
    FlagStatus,
    InventoryItem,
    MedicationListContent,
    MedicationListItem,
    MedicationMatter,
    ObservationSeen,
    PharmacistContact,
    Place,
    Present,
    ReferralContent,
    ReferralResident,
    Severity,
    Sex,
    SocialRiskSeen,
    Source,
    SummaryResident,
    VisitInfo,
)
from consultdesk.reports.fonts import register_fonts
from consultdesk.reports.labels import Lang
from consultdesk.reports.medlist import build_medication_list_pdf
from consultdesk.reports.referral import build_referral_pdf
from consultdesk.reports.summary import build_consultation_summary_pdf

PHARMACIST = PharmacistContact(name="이가상", organisation="가람마을약국", phone="010-0000-1234")
RESIDENT_NAME = "홍길순"
REFERENCE = "R-2026-0042"
DAY = date(2026, 11, 21)


def sample_referral() -> ReferralContent:
    return ReferralContent(
        reference_code=REFERENCE,
        referred_on=DAY,
        welfare_centre="가람종합사회복지관",
        case_worker="박예시",
        pharmacist=PHARMACIST,
        resident=ReferralResident(
            name=RESIDENT_NAME,
            sex=Sex.FEMALE,
            birth_year=1946,
            age_years=80,
            phone="010-0000-5678",
            district="서울특별시 가람구",
        ),
        consent=ConsentOnFile(
            given_on=date(2026, 11, 7), method=ConsentMethod.WRITTEN, witness="박예시 사례담당자"
        ),
        social_risks=(
            SocialRiskSeen(
                risk="사회적 고립",
                observation=(
                    "혼자 사시며 아들은 지방에 있어 명절에만 옵니다. 지난주에는 나흘 동안 "
                    "아무와도 이야기하지 않았다고 하셨습니다."
                ),
            ),
            SocialRiskSeen(
                risk="난방·주거 환경",
                observation=(
                    "보일러가 고장 나 전기장판 하나로 지내십니다. 안방 벽에 곰팡이가 넓게 "
                    "피어 있고 창문 틈으로 바람이 들어옵니다."
                ),
            ),
            SocialRiskSeen(
                risk="병원 동행",
                observation=(
                    "무릎 통증으로 혼자 버스를 타기 어려워 정형외과 진료를 두 번 거르셨습니다."
                ),
            ),
        ),
        medication_matters=(
            MedicationMatter(
                situation="약 12종을 병원 3곳에서 받아 드시며, 봉투가 섞여 있습니다.",
                help_needed="주간 약 정리함에 약을 나누어 넣는 것을 일주일에 한 번 도와주세요.",
            ),
            MedicationMatter(
                situation="혈압약을 아침에 자주 잊으십니다.",
                help_needed="안부 전화 때 아침 약을 드셨는지 여쭤봐 주세요.",
            ),
        ),
        services_requested=(
            "보일러 수리 또는 주거환경 개선 지원",
            "정서 지원(말벗 봉사, 안부 전화)",
            "병원 동행 서비스",
        ),
        pharmacist_opinion=(
            "복약 이행이 떨어진 주된 이유는 약이 많고 봉투가 섞인 데다 혼자 지내시며 챙겨 줄 "
            "사람이 없기 때문으로 보입니다. 약 정리와 안부 전화가 함께 이루어지면 혈압 조절에 "
            "도움이 될 것입니다. 다음 방문은 2026-12-05로 예정되어 있습니다."
        ),
    )


_LIST_ITEMS: tuple[MedicationListItem, ...] = (
    MedicationListItem("암로디핀정 5mg", "혈압약", DoseSchedule(morning="1정"), "매일 같은 시간에"),
    MedicationListItem(
        "메트포르민정 500mg",
        "당뇨약",
        DoseSchedule(morning="1정", evening="1정"),
        "식사 바로 뒤에 드세요",
    ),
    MedicationListItem("아토르바스타틴정 10mg", "콜레스테롤약", DoseSchedule(bedtime="1정")),
    MedicationListItem(
        "아스피린장용정 100mg", "피를 묽게 하는 약", DoseSchedule(morning="1정"), "씹지 마세요"
    ),
    MedicationListItem(
        "아세트아미노펜정 500mg",
        "진통제 (무릎 통증)",
        DoseSchedule(as_needed="1정"),
        "하루 4번까지, 4시간 간격",
    ),
    MedicationListItem("비타민 B12 500µg", "영양제", DoseSchedule(noon="1정"), "점심 식사 뒤"),
)


def sample_medication_list() -> MedicationListContent:
    return MedicationListContent(
        resident_name=RESIDENT_NAME,
        prepared_on=DAY,
        pharmacist=PHARMACIST,
        items=_LIST_ITEMS,
        allergies=("페니실린 (두드러기)", "조영제 (구토)"),
        reference_code=REFERENCE,
    )


def sample_summary() -> ConsultationSummaryContent:
    inventory = (
        InventoryItem(
            "암로디핀정",
            "5mg",
            DoseSchedule(morning="1"),
            "고혈압",
            "하늘내과의원",
            adherence=Adherence.MISSES_DOSES,
            action="약 정리함 사용 안내",
        ),
        InventoryItem(
            "메트포르민정", "500mg", DoseSchedule(morning="1", evening="1"), "당뇨", "하늘내과의원"
        ),
        InventoryItem(
            "아토르바스타틴정", "10mg", DoseSchedule(bedtime="1"), "이상지질혈증", "하늘내과의원"
        ),
        InventoryItem(
            "졸피뎀정",
            "10mg",
            DoseSchedule(bedtime="1"),
            "불면",
            "가람정신건강의학과의원",
            adherence=Adherence.TAKES_MORE,
            action="처방의에게 감량 검토 요청",
        ),
        InventoryItem(
            "록소프로펜정",
            "60mg",
            DoseSchedule(as_needed="1"),
            "무릎 통증",
            "바른정형외과의원",
            storage_problem="유효기간 지난 약 1통",
            action="폐기 안내, 아세트아미노펜으로 변경 제안",
        ),
        InventoryItem(
            "비타민 B12",
            "500µg",
            DoseSchedule(noon="1"),
            "영양 보충",
            "자가 구입",
            source=Source.SUPPLEMENT,
        ),
    )
    return ConsultationSummaryContent(
        reference_code="C-2026-0117",
        pharmacist=PHARMACIST,
        resident=SummaryResident(
            name=RESIDENT_NAME,
            sex=Sex.FEMALE,
            birth_year=1946,
            age_years=80,
            living_situation="독거",
            welfare_centre="가람종합사회복지관",
            case_worker="박예시",
            conditions=("고혈압", "제2형 당뇨병", "무릎 골관절염"),
            allergies=("페니실린 (두드러기)",),
        ),
        visit=VisitInfo(
            visit_number=2,
            visit_date=date(2026, 11, 21),
            visit_time="14:30",
            place=Place.HOME,
            duration_minutes=50,
            present=(Present.RESIDENT, Present.CASE_WORKER),
        ),
        inventory=inventory,
        flags=(
            FlagEntry(
                FlagKind.MEDICATION,
                "여러 곳에서 처방",
                "처방처 3곳 (하늘내과의원, 가람정신건강의학과의원, 바른정형외과의원)",
                FlagStatus.CONFIRMED,
            ),
            FlagEntry(
                FlagKind.MEDICATION,
                "고령자 주의 약물",
                "졸피뎀: 낙상 위험 (2023 AGS Beers Criteria)",
                FlagStatus.CONFIRMED,
            ),
            FlagEntry(
                FlagKind.MEDICATION,
                "NSAID와 아스피린 병용",
                "록소프로펜 + 아스피린: 위장관 출혈 위험",
                FlagStatus.DISMISSED,
                "아스피린은 지난달 처방의가 중단함 (봉투만 남아 있음)",
            ),
            FlagEntry(
                FlagKind.SOCIAL,
                "사회적 고립",
                "LSNS-6 점수 8점 (12점 이하)",
                FlagStatus.CONFIRMED,
            ),
            FlagEntry(FlagKind.SOCIAL, "난방비 부담", "선별 문항 4번 '예'", FlagStatus.OPEN),
        ),
        observed=(
            ObservationSeen(
                "냉장고가 거의 비어 있고 유통기한 지난 반찬만 있었음",
                Severity.HIGH,
                ("식사 지원(도시락·밑반찬)", "푸드뱅크·푸드마켓"),
            ),
            ObservationSeen("현관 계단에 손잡이가 없음", Severity.LOW),
        ),
        observations=(
            "보일러가 고장 나 전기장판 하나로 지내심. 약 봉투가 여러 곳에 흩어져 있었음."
        ),
        problems=(
            DrugProblem(
                "졸피뎀을 잠이 안 올 때 한 알 더 드심",
                "처방의에게 서면으로 감량 검토 요청, 수면 위생 안내",
                "처방의 회신 기다리는 중",
            ),
            DrugProblem(
                "유효기간 지난 진통제 보관",
                "약국에서 폐기하도록 수거",
                "수거함",
            ),
        ),
        advice=(
            "아침 약은 식탁 위 약 정리함에서 드시도록 자리를 정했습니다.",
            "무릎이 아플 때는 아세트아미노펜을 먼저 드시고 하루 4번을 넘기지 마세요.",
        ),
        follow_up_plan=(
            "복지관 사례담당자에게 주거환경 개선과 안부 전화 연계를 의뢰함 (R-2026-0042). "
            "2주 뒤 방문하여 약 정리함 사용과 졸피뎀 복용을 다시 확인."
        ),
        next_visit=date(2026, 12, 5),
    )


def render_samples(out_dir: Path, fonts_dir: Path, lang: Lang = "ko") -> list[Path]:
    """Write the three sample PDFs into `out_dir` and return their paths.

    `make screenshots` converts them to PNG with pdftoppm.
    """
    register_fonts(fonts_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "ko" else f"-{lang}"
    targets = [
        (out_dir / f"referral-sample{suffix}.pdf", build_referral_pdf, sample_referral()),
        (
            out_dir / f"medication-list-sample{suffix}.pdf",
            build_medication_list_pdf,
            sample_medication_list(),
        ),
        (
            out_dir / f"consultation-summary-sample{suffix}.pdf",
            build_consultation_summary_pdf,
            sample_summary(),
        ),
    ]
    for path, build, content in targets:
        build(content, path, lang, invariant=True)  # type: ignore[operator]
    return [path for path, _, _ in targets]
