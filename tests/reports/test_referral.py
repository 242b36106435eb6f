"""The referral sheet carries what the case worker needs, and only that."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from consultdesk.reports.content import SocialRiskSeen
from consultdesk.reports.referral import build_referral_pdf
from consultdesk.reports.samples import sample_referral

from .report_pdf_reading import RRN_LIKE, build_to_memory

LONG_OBSERVATION = " ".join(
    [
        "어르신께서는 작년 겨울 배우자를 여의신 뒤로 이웃과의 왕래가 거의 끊겼다고 하셨습니다.",
        "경로당에도 발길을 끊으셨고 하루 종일 텔레비전만 켜 두신 채 지내신다고 합니다.",
        "냉장고에는 반찬이 거의 없었고 끼니를 라면이나 떡으로 때우는 날이 많다고 하셨습니다.",
        "난방비가 부담되어 보일러를 거의 돌리지 않으시며 방 안 온도계는 섭씨 14도를 가리켰습니다.",
        "자녀분과는 연락이 닿지 않은 지 여러 해가 되었고 이야기를 꺼내시며 눈물을 보이셨습니다.",
        "복지관 프로그램을 안내해 드리자 예전에 다니던 노래교실이 그립다고 말씀하셨습니다.",
        "계단이 가파르고 손잡이가 없어 외출을 망설이시며 지난달에는 넘어질 뻔하셨다고 합니다.",
        "약값과 관리비를 내고 나면 한 달 생활비가 빠듯하여 병원 방문을 미루신 적도 있습니다.",
    ]
)


def test_referral_shows_who_consent_risks_requests_and_contact() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral())
    text = pdf.text
    for expected in [
        "연계 의뢰서",
        "가람종합사회복지관",
        "박예시 사례담당자",
        "이가상 약사",
        "가람마을약국",
        "010-0000-1234",
        "2026-11-21",
        "R-2026-0042",
        "홍길순",
        "1946년생 (만 80세)",
        "개인정보 제3자 제공 동의",
        "2026-11-07",
        "서면",
        "사회적 고립",
        "나흘 동안",
        "약 12종을 병원 3곳에서",
        "주간 약 정리함",
        "병원 동행 서비스",
        "약사 의견",
    ]:
        assert expected in text, expected


def test_reply_slip_has_room_for_every_answer_on_its_own_page() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral())
    slip = pdf.pages[-1]
    for expected in [
        "회신서",
        "받은 날",
        "조치 내용",
        "□ 연계 완료",
        "□ 진행 중",
        "□ 연계하지 못함",
        "연계하지 못한 이유",
        "사례담당자 이름",
        "서명",
        "회신일",
        "R-2026-0042",
    ]:
        assert expected in slip, expected
    assert "약사 의견" not in slip


def test_referral_in_english_is_complete() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral(), "en")
    for expected in [
        "Referral to the welfare centre",
        "Consent to share with a third party",
        "Social risks seen",
        "Medication matters a case worker can help with",
        "Services requested",
        "Pharmacist's opinion",
        "Reply slip",
        "Could not link",
        "born 1946 (age 80)",
        "Written",
        "Confidential",
    ]:
        assert expected in pdf.text, expected
    assert "연계 의뢰서" not in pdf.text


def test_phone_and_district_are_left_out_unless_the_pharmacist_ticked_them() -> None:
    content = sample_referral()
    content = replace(content, resident=replace(content.resident, phone=None, district=None))
    pdf = build_to_memory(build_referral_pdf, content)
    assert "010-0000-5678" not in pdf.text
    assert "가람구" not in pdf.text
    assert "거주 지역" not in pdf.text


def test_typical_referral_is_two_pages_with_page_x_of_y() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral())
    assert len(pdf.pages) == 2
    assert "2쪽 중 1쪽" in pdf.pages[0]
    assert "2쪽 중 2쪽" in pdf.pages[1]


def test_every_page_is_marked_confidential_with_title_and_reference() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral())
    for page in pdf.pages:
        assert "대외비" in page
        assert "연계 의뢰서" in page
        assert "문서번호 R-2026-0042" in page


def test_a_long_korean_observation_wraps_between_words_never_inside_one() -> None:
    content = replace(
        sample_referral(), social_risks=(SocialRiskSeen("사회적 고립", LONG_OBSERVATION),)
    )
    pdf = build_to_memory(build_referral_pdf, content)
    region = pdf.pages[0].split("약사가 보고 들은 내용")[1].split("4. 사례담당자")[0]
    observation_lines = [line for line in region.strip().splitlines()[1:] if line.strip()]
    assert len(observation_lines) >= 6, "the observation should wrap over many lines"
    words = set(LONG_OBSERVATION.split())
    for line in observation_lines:
        fragments = [token for token in line.split() if token not in words]
        assert not fragments, f"line broken inside a word: {line!r}"
    assert " ".join(observation_lines).split() == LONG_OBSERVATION.split()


def test_a_registration_number_typed_into_a_note_never_reaches_paper() -> None:
    content = replace(
        sample_referral(),
        pharmacist_opinion="주민번호 460101-2345678 확인함. 다른 표기 4601012345678 도 있음.",
    )
    pdf = build_to_memory(build_referral_pdf, content)
    assert not RRN_LIKE.search(pdf.text)
    assert "******-*******" in pdf.text
    assert "010-0000-1234" in pdf.text  # phone numbers are not mistaken for one


def test_pdf_title_names_the_document_not_the_resident() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral())
    meta = pdf.metadata
    assert meta["/Title"] == "연계 의뢰서 R-2026-0042"
    assert all("홍길순" not in value for value in meta.values())


def test_referral_can_be_written_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "R-2026-0042.pdf"
    build_referral_pdf(sample_referral(), target)
    assert target.read_bytes().startswith(b"%PDF-")


def test_same_content_gives_the_same_bytes_in_invariant_mode() -> None:
    first, second = io.BytesIO(), io.BytesIO()
    build_referral_pdf(sample_referral(), first, invariant=True)
    build_referral_pdf(sample_referral(), second, invariant=True)
    assert first.getvalue() == second.getvalue()


def test_no_text_in_the_pdf_is_drawn_in_an_unembedded_base_font() -> None:
    pdf = build_to_memory(build_referral_pdf, sample_referral())
    assert not re.search(rb"/Helvetica|/Times|/Courier", pdf.data)


def test_an_observation_longer_than_a_page_continues_on_the_next_page() -> None:
    sentence = "보일러가 고장 나 전기장판 하나로 겨울을 나고 계십니다."
    content = replace(
        sample_referral(), social_risks=(SocialRiskSeen("난방", " ".join([sentence] * 150)),)
    )
    pdf = build_to_memory(build_referral_pdf, content)
    total = len(pdf.pages)
    assert total >= 4
    # Nothing lost or doubled where the row breaks across pages.
    assert pdf.text.count("보일러가") == 150
    assert pdf.text.count("계십니다.") == 150
    continued = [page for page in pdf.pages[1:-1] if "보일러가 고장 나" in page]
    assert continued and all("약사가 보고 들은 내용" in page for page in continued)
    assert f"{total}쪽 중 {total}쪽" in pdf.pages[-1]
