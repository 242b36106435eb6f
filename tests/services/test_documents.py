"""Documents from a real encrypted workspace: the consent gate, what the case worker sees, file
names, atomic writes, the access log and batch export. PDFs are read back with pypdf."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col, select

from consultdesk.domain.consultation import ObservedRisk, Present
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.reports.document_words import WORDS
from consultdesk.services import consent, documents, flags, referrals, residents
from consultdesk.services.consultations import load_consultation, save_consultation
from consultdesk.services.documents import DocumentKind, DocumentRequest, read_facts
from consultdesk.services.referrals import ReferralOptions
from consultdesk.storage.errors import DiskFull
from consultdesk.storage.models import AuditEvent, Referral
from tests.disk_full import disk_full
from tests.services.visit_data import NAME, VISIT, add_consultation, make_resident, make_visit

TODAY = date(2026, 11, 3)
CODE = re.compile(r"^CD-2026-[0-9A-HJKMNP-TV-Z]{6}$")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where documents go (the workspace fixture keeps its database in tmp_path/data)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def export(ws, kind, resident_id, out, **fields):
    return documents.export_document(
        ws, DocumentRequest(kind, resident_id, **fields), out, today=TODAY
    )


def exports_logged(ws) -> list[AuditEvent]:
    with ws.db.session() as s:
        q = select(AuditEvent).where(col(AuditEvent.action).in_(["export", "print"]))
        return list(s.exec(q.order_by(col(AuditEvent.at))))


def test_referral_is_blocked_without_consent_to_share(workspace, out_dir):
    visit = make_visit(workspace, share=None)
    assert documents.referral_blocked_reason(workspace, visit.resident_id) == (
        "consent_to_share_missing"
    )
    out = out_dir / "referral.pdf"
    with pytest.raises(ValidationFailed) as e:
        export(workspace, DocumentKind.REFERRAL, visit.resident_id, out)
    assert e.value.problems[0].code == "consent_to_share_missing"
    assert not out.exists() and list(out_dir.iterdir()) == []
    # Only the referral sheet goes to the centre: the resident's own documents stay available.
    export(workspace, DocumentKind.MEDICATION_LIST, visit.resident_id, out_dir / "list.pdf")
    export(workspace, DocumentKind.SUMMARY, visit.resident_id, out_dir / "summary.pdf")
    assert [e.detail.split()[0] for e in exports_logged(workspace)] == ["medlist", "summary"]
    with workspace.db.session() as s:
        assert s.exec(select(Referral)).all() == []


def test_refused_or_withdrawn_consent_blocks_the_referral_too(workspace, out_dir):
    refused = make_visit(workspace, share=False)
    assert documents.referral_blocked_reason(workspace, refused.resident_id) == (
        "consent_to_share_refused"
    )
    visit = make_visit(workspace, name="김민수")
    assert documents.referral_blocked_reason(workspace, visit.resident_id) is None
    record = consent.consents_for(workspace, visit.resident_id)[0]
    consent.withdraw_consent(workspace, record.id, VISIT, today=TODAY)
    assert documents.referral_blocked_reason(workspace, visit.resident_id) == (
        "consent_to_share_withdrawn"
    )
    with pytest.raises(ValidationFailed):
        export(workspace, DocumentKind.REFERRAL, visit.resident_id, out_dir / "r.pdf")


def test_a_referral_needs_a_centre_to_go_to(workspace):
    rid, _, _ = make_resident(workspace)
    residents.save_resident(workspace, ResidentDraft(name=NAME, birth_date="1946-05-10"), rid)
    assert documents.referral_blocked_reason(workspace, rid) == "referral_needs_centre"


def test_the_referral_sheet_shows_the_least_data_and_plain_words(workspace, out_dir):
    visit = make_visit(workspace)
    out = out_dir / "referral.pdf"
    result = export(workspace, DocumentKind.REFERRAL, visit.resident_id, out)
    text = text_of(out)
    assert CODE.match(result.reference) and result.reference in text
    assert NAME in text and "1946년생" in text and "만 80세" in text and "여" in text
    # Phone and district only when the pharmacist ticks them.
    assert "010-0000-5678" not in text and "관악구" not in text
    assert "햇살종합사회복지관 (예시)" in text and "박사례" in text
    assert "박약사" in text and "우리약국" in text and "010-0000-1111" in text
    assert "2026-10-20" in text and "서면" in text  # the consent record
    assert "사회적 고립" in text and "냉장고가 거의 비어 있었습니다." in text
    assert "보일러가 고장 나" in text  # the pharmacist's own observations
    # 7 regular medicines from 3 clinics (the OTC painkiller and the disposed one don't count).
    assert "정기적으로 드시는 약이 7종이고, 병원 3곳에서" in " ".join(text.split())
    assert "스스로 끊으신 약: 코자정(혈압약)" in text
    assert "약값이 부담되어 혈압약 한 가지를 끊으셨습니다." in text
    # Requested: only the service the pharmacist ticked for what they observed, not every
    # service the flags suggest.
    assert "식사 지원(도시락·밑반찬)" in text
    assert "에너지 지원" not in text and "복약 지원" not in text
    assert "C08CA01" not in text and "Beers" not in text  # no rule jargon for a case worker


def test_ticked_phone_and_district_services_and_opinion_are_printed(workspace, out_dir):
    visit = make_visit(workspace)
    options = ReferralOptions(
        services=("energy_support", "보일러 수리 업체 연결"),
        opinion="약 정리와 안부 전화가 함께 이루어지면 좋겠습니다.",
        include_phone=True,
        include_district=True,
    )
    out = out_dir / "r.pdf"
    export(workspace, DocumentKind.REFERRAL, visit.resident_id, out, options=options)
    text = text_of(out)
    assert "010-0000-5678" in text and "서울 관악구" in text
    assert "에너지 지원" in text and "보일러 수리 업체 연결" in text
    assert "식사 지원" not in text  # the pharmacist took it off the suggestions
    assert "약 정리와 안부 전화가" in text


def test_a_dismissed_flag_is_not_sent_to_the_case_worker(workspace, out_dir):
    visit = make_visit(workspace)
    isolation = next(
        v
        for v in flags.flags_for_consultation(workspace, visit.consultation_id)
        if v.flag.params.get("question") == "social_contacts"
    )
    flags.decide_flag(
        workspace, visit.consultation_id, isolation.key, "dismissed", "딸이 매일 전화함"
    )
    out = out_dir / "r.pdf"
    export(workspace, DocumentKind.REFERRAL, visit.resident_id, out)
    assert "사회적 고립" not in text_of(out)
    summary = out_dir / "s.pdf"
    export(workspace, DocumentKind.SUMMARY, visit.resident_id, summary)
    assert "딸이 매일 전화함" in text_of(summary)  # the file keeps the decision and its reason


def test_english_documents_use_english_words(workspace, out_dir):
    visit = make_visit(workspace)
    out = out_dir / "r.pdf"
    export(workspace, DocumentKind.REFERRAL, visit.resident_id, out, lang="en")
    text = " ".join(text_of(out).split())
    assert "Takes 7 medicines regularly, prescribed by 3 clinics." in text
    assert "Has stopped taking: 코자정 (혈압약)" in text
    assert "Meal support (lunch boxes, side dishes)" in text and "Social isolation" in text


def test_the_medication_list_leaves_out_what_was_stopped_or_disposed(workspace, out_dir):
    visit = make_visit(workspace, share=None)
    out = out_dir / "list.pdf"
    export(workspace, DocumentKind.MEDICATION_LIST, visit.resident_id, out)
    text = text_of(out)
    assert "노바스크정 5mg" in text and "혈압약" in text and "타이레놀정" in text
    assert "예전 위장약" not in text
    assert "페니실린" in text  # allergies on the resident's own list
    summary = out_dir / "summary.pdf"
    export(workspace, DocumentKind.SUMMARY, visit.resident_id, summary)
    text = text_of(summary)
    assert "예전 위장약" in text and "폐기" in text  # the file keeps the whole inventory
    assert "2026-11-02 14:30" in text and "독거" in text


def test_no_session_means_no_document(workspace, out_dir):
    rid, _, _ = make_resident(workspace)
    with pytest.raises(ValidationFailed) as e:
        export(workspace, DocumentKind.SUMMARY, rid, out_dir / "s.pdf")
    assert e.value.problems[0].code == "no_consultation"


def test_exports_are_in_the_access_log_with_the_document_kind(workspace, out_dir):
    visit = make_visit(workspace)
    result = export(workspace, DocumentKind.REFERRAL, visit.resident_id, out_dir / "r.pdf")
    doc = documents.prepare_document(
        workspace, DocumentRequest(DocumentKind.MEDICATION_LIST, visit.resident_id), TODAY
    )
    documents.record_document(workspace, doc, "print", TODAY)
    logged = exports_logged(workspace)
    assert [(e.action, e.entity, e.resident_id) for e in logged] == [
        ("export", "document", visit.resident_id),
        ("print", "document", visit.resident_id),
    ]
    assert logged[0].detail == f"referral {result.reference} ko"
    assert logged[1].detail.startswith("medlist CD-2026-")
    assert logged[0].actor == "박약사"


def test_exporting_the_same_session_twice_keeps_one_draft_referral(workspace, out_dir):
    visit = make_visit(workspace)
    first = export(workspace, DocumentKind.REFERRAL, visit.resident_id, out_dir / "a.pdf")
    second = export(
        workspace,
        DocumentKind.REFERRAL,
        visit.resident_id,
        out_dir / "b.pdf",
        options=ReferralOptions(services=("medical_cost",), opinion="다시 인쇄"),
    )
    assert first.referral_id == second.referral_id and first.reference == second.reference
    detail = referrals.referral_detail(workspace, first.referral_id)
    assert detail.state == "draft" and detail.options.services == ("medical_cost",)
    assert detail.options.opinion == "다시 인쇄" and detail.consultation_id == visit.consultation_id


def test_a_sent_referral_is_reprinted_as_it_was_sent(workspace, out_dir):
    visit = make_visit(workspace)
    options = ReferralOptions(services=("energy_support",), opinion="처음 의견")
    first = export(
        workspace, DocumentKind.REFERRAL, visit.resident_id, out_dir / "a.pdf", options=options
    )
    referrals.mark_sent(workspace, first.referral_id, TODAY, today=TODAY)
    out = out_dir / "again.pdf"
    again = export(
        workspace,
        DocumentKind.REFERRAL,
        visit.resident_id,
        out,
        referral_id=first.referral_id,
        options=ReferralOptions(opinion="바뀐 의견"),
    )
    text = text_of(out)
    assert again.reference == first.reference
    assert "처음 의견" in text and "바뀐 의견" not in text and "에너지 지원" in text
    assert referrals.referral_detail(workspace, first.referral_id).options == options
    # Reprinted from the session it was written from, even after a newer session.
    add_consultation(workspace, visit.resident_id)
    reprint = documents.prepare_document(
        workspace,
        DocumentRequest(DocumentKind.REFERRAL, visit.resident_id, referral_id=first.referral_id),
        TODAY,
    )
    assert reprint.consultation_id == visit.consultation_id and reprint.frozen
    # A new sheet of the latest session is a new referral, not the sent one.
    third = export(workspace, DocumentKind.REFERRAL, visit.resident_id, out_dir / "c.pdf")
    assert third.referral_id != first.referral_id


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(workspace, out_dir):
    visit = make_visit(workspace)
    out = out_dir / "referral.pdf"
    out.write_bytes(b"the file that was there")
    # A referral sheet saves its referral record (with a long opinion): a full disk refuses it.
    long_opinion = ReferralOptions(opinion="계단이 많은 집. " * 300)
    request = DocumentRequest(DocumentKind.REFERRAL, visit.resident_id, options=long_opinion)
    doc = documents.prepare_document(workspace, request, TODAY)
    with disk_full(workspace.db), pytest.raises(DiskFull):
        documents.write_document(workspace, doc, out, TODAY)
    assert out.read_bytes() == b"the file that was there"
    assert sorted(p.name for p in out_dir.iterdir()) == ["referral.pdf"]
    assert exports_logged(workspace) == []
    with workspace.db.session() as s:
        assert s.exec(select(Referral)).all() == []
    documents.write_document(workspace, doc, out, TODAY)
    assert out.read_bytes().startswith(b"%PDF") and len(exports_logged(workspace)) == 1


def test_consent_withdrawn_between_preview_and_save_stops_the_export(workspace, out_dir):
    visit = make_visit(workspace)
    doc = documents.prepare_document(
        workspace, DocumentRequest(DocumentKind.REFERRAL, visit.resident_id), TODAY
    )
    record = consent.consents_for(workspace, visit.resident_id)[0]
    consent.withdraw_consent(workspace, record.id, TODAY, today=TODAY)
    with pytest.raises(ValidationFailed) as e:
        documents.write_document(workspace, doc, out_dir / "r.pdf", TODAY)
    assert e.value.problems[0].code == "consent_to_share_withdrawn"
    assert list(out_dir.iterdir()) == []


def test_batch_export_names_files_by_code_and_skips_who_cannot_be_referred(workspace, out_dir):
    a = make_visit(workspace)
    b_rid, _, _ = make_resident(
        workspace, name="김민수", centre_id=a.centre_id, worker_id=a.worker_id
    )
    add_consultation(workspace, b_rid)
    c = make_visit(workspace, share=None, name="이영희")
    seen: list[tuple[int, int]] = []
    requests = [
        DocumentRequest(DocumentKind.REFERRAL, r) for r in (a.resident_id, b_rid, c.resident_id)
    ]
    result = documents.export_batch(
        workspace, requests, out_dir, lambda done, total: seen.append((done, total)), today=TODAY
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    names = sorted(p.name for p in out_dir.iterdir())
    assert len(names) == 2 and all(re.fullmatch(r"referral-CD-2026-\w{6}\.pdf", n) for n in names)
    assert not any(n in "".join(names) for n in (NAME, "김민수", "이영희"))
    assert [(r.resident_id, p.code) for r, p in result.skipped] == [
        (c.resident_id, "consent_to_share_missing")
    ]
    assert len(exports_logged(workspace)) == 2


def test_batch_export_stops_when_asked(workspace, out_dir):
    visit = make_visit(workspace)
    requests = [DocumentRequest(kind, visit.resident_id) for kind in DocumentKind]
    result = documents.export_batch(
        workspace, requests, out_dir, stop=lambda: len(list(out_dir.iterdir())) >= 1, today=TODAY
    )
    assert result.stopped and len(result.written) == 1


def test_a_file_name_already_taken_gets_a_number(out_dir):
    (out_dir / "referral-CD-2026-AAAAAA.pdf").write_bytes(b"x")
    assert documents.free_path(out_dir, "referral-CD-2026-AAAAAA.pdf").name == (
        "referral-CD-2026-AAAAAA-2.pdf"
    )


def test_both_languages_have_the_same_words_and_placeholders():
    ko, en = WORDS["ko"], WORDS["en"]
    assert ko.keys() == en.keys()
    for key in ko:
        assert sorted(re.findall(r"\{\w+\}", ko[key])) == sorted(re.findall(r"\{\w+\}", en[key])), (
            key
        )


def test_suggested_services_leave_out_dismissed_flags(workspace):
    visit = make_visit(workspace)
    before = documents.suggested_services(workspace, visit.consultation_id)
    assert "energy_support" in before and "medication_support" in before
    heating = next(
        v
        for v in flags.flags_for_consultation(workspace, visit.consultation_id)
        if v.flag.params.get("question") == "heating_cooling"
    )
    flags.decide_flag(workspace, visit.consultation_id, heating.key, "dismissed", "보일러 고침")
    after = documents.suggested_services(workspace, visit.consultation_id)
    assert "energy_support" not in after


def test_the_documents_see_the_same_flags_as_the_flags_panel(workspace):
    visit = make_visit(workspace)
    with workspace.db.session() as s:
        facts = read_facts(s, visit.resident_id, None)
    assert documents.consultation_flags(workspace, facts) == flags.flags_for_consultation(
        workspace, visit.consultation_id
    )


def test_a_new_sheet_requests_what_was_ticked_for_the_observations(workspace, out_dir):
    visit = make_visit(workspace)
    data = load_consultation(workspace, visit.consultation_id)
    assert data is not None
    observed = (
        *data.observed,
        ObservedRisk("난방이 안 되는 방에서 지내심", "high", ("energy_support", "meal_support")),
        ObservedRisk("계단에 손잡이가 없음", "low", ()),
    )
    save_consultation(workspace, replace(data, observed=observed))
    choices = documents.service_choices(workspace, visit.consultation_id)
    assert choices.ticked == ("meal_support", "energy_support")  # in order, once each
    assert "medication_support" in choices.offered  # suggested by the flags, not ticked
    assert not set(choices.ticked) & set(choices.offered)
    doc = documents.prepare_document(
        workspace, DocumentRequest(DocumentKind.REFERRAL, visit.resident_id), TODAY
    )
    assert doc.content.services_requested == ("식사 지원(도시락·밑반찬)", "에너지 지원")


def test_the_summary_keeps_the_observations_and_who_was_present(workspace, out_dir):
    visit = make_visit(workspace)
    data = load_consultation(workspace, visit.consultation_id)
    assert data is not None
    present = frozenset({Present.RESIDENT, Present.FAMILY})
    save_consultation(workspace, replace(data, visit=replace(data.visit, present=present)))
    out = out_dir / "summary.pdf"
    export(workspace, DocumentKind.SUMMARY, visit.resident_id, out)
    text = " ".join(text_of(out).split())
    assert "함께한 사람 내담자 본인, 가족" in text
    assert "약사 관찰" in text and "냉장고가 거의 비어 있었습니다." in text
    assert "식사 지원(도시락·밑반찬)" in text  # the service ticked for that observation
    assert "보일러가 고장 나 전기장판 하나로 지내십니다." in text  # the visit's own notes
    assert "상담 기록입니다" in text and "연계 업무 외" not in text  # the summary's own footer


def test_the_summary_prints_the_visit_time_as_recorded_and_no_time_as_none(workspace, out_dir):
    """A cleared time, or one written in words, was printed as 00:00 until 7 December."""
    visit = make_visit(workspace)
    data = load_consultation(workspace, visit.consultation_id)
    assert data is not None
    for recorded, shown in (
        ("", f"일시 {data.visit.visit_date} 장소"),
        ("오후 2시 반", "오후 2시 반"),
    ):
        save_consultation(workspace, replace(data, visit=replace(data.visit, visit_time=recorded)))
        out = out_dir / "summary.pdf"
        export(workspace, DocumentKind.SUMMARY, visit.resident_id, out)
        text = " ".join(text_of(out).split())
        assert "00:00" not in text and shown in text
