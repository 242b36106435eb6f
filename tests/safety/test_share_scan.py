"""Nothing readable about a resident on the team share (issue 12): after a full journey on two
laptops (register, consent, record a session, export the referral sheet, sync both ways,
reprint the sheet on the other laptop by its reference code) no file on the share holds the
resident's name, phone or notes, in any encoding a program might have used."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import documents, residents, shared_referrals, sync
from consultdesk.services.consultations import load_consultation
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)
from tests.services.visit_data import add_consultation, make_resident

NAME = "제갈복례"
PHONE = "010-3141-5926"
NOTES = "딸이 주말에만 옴. 현관 비밀번호는 메모지에."
OBSERVATION = "보일러가 고장 나 전기장판 하나로 지내십니다."


def _needles() -> list[bytes]:
    found = []
    for text in (NAME, PHONE, PHONE.replace("-", ""), NOTES, OBSERVATION):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "cp949"):
            found.append(text.encode(encoding))
    return found


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_after_a_journey_no_file_on_the_share_names_the_resident(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    rid, centre_id, worker_id = make_resident(a, name=NAME, phone=PHONE)
    residents.save_resident(
        a,
        ResidentDraft(
            name=NAME,
            birth_date="1946-05-10",
            sex="female",
            phone=PHONE,
            centre_id=centre_id,
            case_worker_id=worker_id,
            notes=NOTES,
        ),
        resident_id=rid,
    )
    cid = add_consultation(a, rid)
    sheet = documents.export_document(
        a, documents.DocumentRequest(documents.DocumentKind.REFERRAL, rid, cid), tmp_path / "r.pdf"
    )
    assert NAME in _pdf_text(sheet.path)
    sync.sync_now(a)
    join(b, share)
    sync.sync_now(b)
    sync.sync_now(a)

    # The teammate prints the same sheet from the synced records, by its reference code.
    again = shared_referrals.referral_by_reference(b, sheet.reference.lower())
    reprint = documents.export_document(b, again, tmp_path / "again.pdf")
    assert reprint.reference == sheet.reference

    # The same sheet, but signed by the teammate who printed it.
    def content(path: Path) -> list[str]:
        return [line for line in _pdf_text(path).splitlines() if "약사" not in line]

    assert content(reprint.path) == content(sheet.path)
    assert NAME in _pdf_text(reprint.path) and "b 약사" in _pdf_text(reprint.path)
    assert load_consultation(b, cid) is not None
    residents.save_resident(  # the teammate corrects the phone: b sends a bundle too
        b,
        ResidentDraft(
            name=NAME,
            birth_date="1946-05-10",
            sex="female",
            phone=PHONE,
            centre_id=centre_id,
            case_worker_id=worker_id,
            notes=NOTES + " 확인함",
        ),
        resident_id=rid,
    )
    sync.sync_now(b)
    sync.sync_now(a)

    files = [p for p in share.rglob("*") if p.is_file()]
    assert len(files) >= 3  # team file and both laptops' bundles
    readable = {
        str(p.relative_to(share)) for p in files if any(n in p.read_bytes() for n in _needles())
    }
    assert readable == set()
    assert not any(p.suffix.lower() == ".pdf" for p in files)


def test_an_unknown_reference_code_is_a_validation_message(new_laptop: MakeLaptop) -> None:
    import pytest

    from consultdesk.domain.problems import ValidationFailed

    with pytest.raises(ValidationFailed) as error:
        shared_referrals.referral_by_reference(new_laptop("a"), "CD-2026-NOPE00")
    assert [p.code for p in error.value.problems] == ["referral_unknown"]
