"""The consultation summary keeps the whole session for the file."""

from __future__ import annotations

from dataclasses import replace

from consultdesk.reports.content import Adherence, DoseSchedule, InventoryItem, Source
from consultdesk.reports.samples import sample_summary
from consultdesk.reports.summary import build_consultation_summary_pdf

from .report_pdf_reading import build_to_memory


def forty_items() -> tuple[InventoryItem, ...]:
    return tuple(
        InventoryItem(
            name=f"가상성분{number:02d}정",
            strength="10mg",
            schedule=DoseSchedule(morning="1"),
            purpose="고혈압",
            prescriber=f"가상내과{number % 4}의원",
            source=Source.PRESCRIPTION,
            adherence=Adherence.MISSES_DOSES if number % 5 == 0 else Adherence.AS_PRESCRIBED,
            action="복용 시간 안내" if number % 3 == 0 else "",
        )
        for number in range(1, 41)
    )


def test_summary_records_visit_inventory_flags_problems_advice_and_next_visit() -> None:
    pdf = build_to_memory(build_consultation_summary_pdf, sample_summary())
    for expected in [
        "복약상담 기록",
        "2회차",
        "2026-11-21 14:30",
        "가정 방문",
        "50분",
        "독거",
        "고혈압, 제2형 당뇨병, 무릎 골관절염",
        "복용 중인 약 6종 · 처방처 3곳",
        "졸피뎀정",
        "자기 전 1",
        "더 많이 복용",
        "유효기간 지난 약",
        "처방의에게 감량 검토",
        "건강기능식품",
        "500μg",
        "LSNS-6 점수 8점",
        "확인",
        "검토 전",
        "제외",
        "사유: 아스피린은 지난달",
        "약물 관련 문제와 중재",
        "수면 위생 안내",
        "아세트아미노펜을 먼저",
        "다음 방문 예정일",
        "2026-12-05",
    ]:
        assert expected in pdf.text, expected


def test_summary_in_english_translates_coded_values() -> None:
    pdf = build_to_memory(build_consultation_summary_pdf, sample_summary(), "en")
    for expected in [
        "Consultation summary",
        "Visit 2",
        "Home visit",
        "50 min",
        "Takes more",
        "Supplement",
        "Dismissed",
        "Reason:",
        "Not reviewed",
        "Bedtime 1",
        "Next visit",
        "6 medicines · 3 prescribers",
    ]:
        assert expected in pdf.text, expected


def test_forty_item_inventory_repeats_its_header_and_numbers_pages() -> None:
    content = replace(sample_summary(), inventory=forty_items())
    pdf = build_to_memory(build_consultation_summary_pdf, content)
    total = len(pdf.pages)
    assert total >= 3
    for number, page in enumerate(pdf.pages, start=1):
        assert f"{total}쪽 중 {number}쪽" in page
        assert "문서번호 C-2026-0117" in page
        assert "대외비" in page
    inventory_pages = [page for page in pdf.pages if "가상성분" in page]
    assert len(inventory_pages) >= 2
    assert all("실제 복용" in page for page in inventory_pages)


def test_empty_sections_say_none_rather_than_vanish() -> None:
    content = replace(sample_summary(), inventory=(), flags=(), problems=(), advice=())
    pdf = build_to_memory(build_consultation_summary_pdf, content)
    assert pdf.text.count("없음") >= 4
    assert "정하지 않음" not in pdf.text  # next visit is still set


def test_summary_title_has_no_resident_name() -> None:
    pdf = build_to_memory(build_consultation_summary_pdf, sample_summary())
    assert pdf.metadata["/Title"] == "복약상담 기록 C-2026-0117"
    assert all("홍길순" not in value for value in pdf.metadata.values())


def test_summary_keeps_the_pharmacists_observations_and_who_was_present() -> None:
    pdf = build_to_memory(build_consultation_summary_pdf, sample_summary())
    text = pdf.text
    assert "함께한 사람" in text and "내담자 본인, 사례담당자" in text
    assert "약사 관찰" in text
    assert "냉장고가 거의 비어 있고 유통기한 지난 반찬만 있었음" in text
    assert "높음" in text and "낮음" in text
    assert "식사 지원(도시락·밑반찬), 푸드뱅크·푸드마켓" in text
    assert "관찰 메모" in text and "보일러가 고장 나 전기장판 하나로 지내심." in text
    # The section sits between the flags and the drug-related problems.
    assert text.index("위험요인 검토") < text.index("약사 관찰") < text.index("약물 관련 문제")


def test_summary_observations_in_english() -> None:
    pdf = build_to_memory(build_consultation_summary_pdf, sample_summary(), "en")
    for expected in ["Present", "The resident, Case worker", "Pharmacist's observations"]:
        assert expected in pdf.text, expected
    assert "High" in pdf.text and "Services to link" in pdf.text


def test_no_observation_and_nobody_recorded_say_so() -> None:
    sample = sample_summary()
    content = replace(sample, observed=(), observations="", visit=replace(sample.visit, present=()))
    pdf = build_to_memory(build_consultation_summary_pdf, content)
    after = pdf.text.split("약사 관찰", 1)[1]
    assert after.split()[0] == "없음"
    assert "함께한 사람" in pdf.text and "기록 없음" in pdf.text


def test_the_summary_footer_is_its_own_not_the_referrals() -> None:
    for lang, own, referral in (
        ("ko", "상담 기록입니다", "연계 업무 외"),
        ("en", "consultation record", "except for this referral"),
    ):
        pdf = build_to_memory(build_consultation_summary_pdf, sample_summary(), lang)
        for page in pdf.pages:
            flat = " ".join(page.split())
            assert own in flat, (lang, page[-200:])
            assert referral not in flat, lang


def test_the_visit_time_is_printed_as_recorded_and_none_is_not_midnight() -> None:
    """The session's time is free text (the editor starts it at the time it was opened). Until
    7 December a cleared time, or one written "오후 2시", was printed as 00:00."""
    sample = sample_summary()
    cases = (("", "일시 2026-11-21 장소"), ("오후 2시쯤", "일시 2026-11-21 오후 2시쯤 장소"))
    for recorded, shown in cases:
        content = replace(sample, visit=replace(sample.visit, visit_time=recorded))
        pdf = build_to_memory(build_consultation_summary_pdf, content)
        assert "00:00" not in pdf.text
        assert shown in " ".join(pdf.text.split()), pdf.text[:300]


def test_allergies_and_conditions_not_recorded_are_not_printed_as_none() -> None:
    sample = sample_summary()
    content = replace(sample, resident=replace(sample.resident, allergies=(), conditions=()))
    text = " ".join(build_to_memory(build_consultation_summary_pdf, content).text.split())
    assert "알레르기·이상반응 기록 없음" in text and "알레르기·이상반응 없음" not in text
    assert "만성질환 기록 없음" in text and "만성질환 없음" not in text
