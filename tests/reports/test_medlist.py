"""The personal medication list is readable for an older resident."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm

from consultdesk.reports.content import DoseSchedule, MedicationListItem
from consultdesk.reports.layout import PAGE_HEIGHT
from consultdesk.reports.medlist import build_medication_list_pdf
from consultdesk.reports.samples import sample_medication_list

from .report_pdf_reading import build_to_memory, text_runs


def forty_medicines() -> tuple[MedicationListItem, ...]:
    return tuple(
        MedicationListItem(
            name=f"가상약{number:02d}정 {number * 5}mg",
            purpose="혈압약" if number % 2 else "소화제",
            schedule=DoseSchedule(morning="1정", evening="½정" if number % 3 else ""),
            how_to_take="식후 30분" if number % 4 == 0 else "",
        )
        for number in range(1, 41)
    )


def test_list_says_what_each_medicine_is_for_and_when_to_take_it() -> None:
    pdf = build_to_memory(build_medication_list_pdf, sample_medication_list())
    for expected in [
        "홍길순 님의 약",
        "2026-11-21 기준",
        "알레르기·부작용",
        "페니실린 (두드러기)",
        "아침",
        "점심",
        "저녁",
        "자기 전",
        "필요할 때",
        "암로디핀정 5mg",
        "혈압약",
        "하루 4번까지, 4시간 간격",
        "1정",
        "이가상 약사",
        "010-0000-1234",
    ]:
        assert expected in pdf.text, expected


def test_micro_sign_is_printed_as_mu() -> None:
    pdf = build_to_memory(build_medication_list_pdf, sample_medication_list())
    assert "500μg" in pdf.text
    assert "µ" not in pdf.text


def test_list_in_english_has_every_heading() -> None:
    pdf = build_to_memory(build_medication_list_pdf, sample_medication_list(), "en")
    for expected in [
        "Medicines for 홍길순",
        "As of 2026-11-21",
        "Allergies and reactions",
        "Morning",
        "Noon",
        "Evening",
        "Bedtime",
        "Page 1 of 1",
    ]:
        assert expected in pdf.text, expected


def test_body_text_is_large_print() -> None:
    pdf = build_to_memory(build_medication_list_pdf, sample_medication_list())
    runs = text_runs(pdf, 0)
    # The running header and footer (outside the body frame) are the only small print.
    body = [run for run in runs if 25 * mm < run.y < PAGE_HEIGHT - 25 * mm]
    assert body, "no body text found"
    too_small = [(run.text, run.size) for run in body if run.size < 14]
    assert not too_small


def test_forty_medicines_continue_with_the_heading_row_and_right_page_numbers() -> None:
    content = replace(sample_medication_list(), items=forty_medicines())
    pdf = build_to_memory(build_medication_list_pdf, content)
    total = len(pdf.pages)
    assert total >= 3
    for number, page in enumerate(pdf.pages, start=1):
        assert f"{total}쪽 중 {number}쪽" in page
        assert "약 이름과 쓰임" in page, f"header row missing on page {number}"
        others = [n for n in range(1, total + 1) if n != number]
        assert all(f"{total}쪽 중 {n}쪽" not in page for n in others)
    for number in range(1, 41):
        assert f"가상약{number:02d}정" in pdf.text


def test_resident_name_stays_out_of_the_pdf_title() -> None:
    pdf = build_to_memory(build_medication_list_pdf, sample_medication_list())
    assert pdf.metadata["/Title"] == "나의 복약 목록 R-2026-0042"
    assert all("홍길순" not in value for value in pdf.metadata.values())


def test_a_list_without_medicines_or_allergies_says_so() -> None:
    content = replace(sample_medication_list(), items=(), allergies=(), reference_code=None)
    pdf = build_to_memory(build_medication_list_pdf, content)
    assert "기록된 약이 없습니다." in pdf.text
    # An empty field is not recorded: "none known" would tell a doctor something nobody asked.
    assert "알려진 것 없음" not in pdf.text
    assert "알레르기·부작용 기록 없음 (처방·조제 전에 확인해 주세요)" in " ".join(pdf.text.split())
    assert pdf.metadata["/Title"] == "나의 복약 목록"
