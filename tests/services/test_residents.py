from datetime import date

import pytest

from consultdesk.demo import fill_demo
from consultdesk.domain import hangul
from consultdesk.domain.consent import ConsentKind, ConsentStatus, status_of
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import centres, consent, residents
from consultdesk.storage.models import AuditEvent


def test_search_by_name_phone_and_initials(workspace):
    kim = residents.save_resident(workspace, ResidentDraft(name="김민수", phone="010-0123-4567"))
    residents.save_resident(workspace, ResidentDraft(name="박민서", phone="010-0999-0000"))
    names = lambda q: [r.name for r in residents.search_residents(workspace, q)[0]]  # noqa: E731
    assert names("김민") == ["김민수"]
    assert names("ㄱㅁㅅ") == ["김민수"]
    assert names("ㅁㅅ") == ["김민수", "박민서"]
    assert names("김ㅁ") == ["김민수"]
    assert names("4567") == ["김민수"]
    assert names("0123-45") == ["김민수"]
    assert names("%") == []
    assert residents.search_residents(workspace, "")[1] == 2
    assert residents.search_residents(workspace, "ㄱㅁㅅ")[0][0].id == kim


def test_full_width_digits_find_the_phone(workspace):
    """What a Korean input method in full-width mode types: ０１２３ is 0123 (the phone search,
    not a name search for the characters)."""
    wide = ResidentDraft(name="김민수", phone="０１０ ０１２３ ４５６７")
    residents.save_resident(workspace, wide)
    residents.save_resident(workspace, ResidentDraft(name="박민서", phone="010-0999-0000"))
    names = lambda q: [r.name for r in residents.search_residents(workspace, q)[0]]  # noqa: E731
    assert names("４５６７") == ["김민수"]
    assert names("０１２３－４５") == ["김민수"]
    assert names("０１０\u3000０９９９") == ["박민서"]
    assert names("０１０") == ["김민수", "박민서"]


def test_search_over_many_residents_reports_the_total(workspace):
    fill_demo(workspace, residents=400)
    rows, total = residents.search_residents(workspace, "", limit=50)
    assert len(rows) == 50 and total == 400
    rows, total = residents.search_residents(workspace, "ㄱ", limit=1000)
    assert total == len(rows) > 0
    assert all("ㄱ" in hangul.initials(r.name) for r in rows)


def test_a_case_worker_must_belong_to_the_chosen_centre(workspace):
    a = centres.save_centre(workspace, "햇살복지관")
    b = centres.save_centre(workspace, "푸른숲복지관")
    worker = centres.save_case_worker(workspace, b, "이사례", "010-0000-2222")
    with pytest.raises(ValidationFailed) as e:
        residents.save_resident(
            workspace, ResidentDraft(name="김민수", centre_id=a, case_worker_id=worker)
        )
    assert [p.code for p in e.value.problems] == ["case_worker_unknown"]
    rid = residents.save_resident(
        workspace, ResidentDraft(name="김민수", centre_id=b, case_worker_id=worker)
    )
    detail = residents.open_resident(workspace, rid)
    assert (detail.centre_name, detail.case_worker_name) == ("푸른숲복지관", "이사례")


def test_a_registration_number_in_a_centre_or_witness_is_refused(workspace):
    with pytest.raises(ValidationFailed):
        centres.save_centre(workspace, "복지관 480305-1234567")
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    with pytest.raises(ValidationFailed):
        consent.record_consent(
            workspace,
            rid,
            ConsentKind.HEALTH_INFO,
            True,
            date(2026, 1, 1),
            "verbal",
            "4803051234567",
        )


def test_consent_state_after_grant_and_withdrawal(workspace):
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    cid = consent.record_consent(
        workspace, rid, ConsentKind.SHARE_WELFARE, True, date(2026, 3, 1), "verbal", "최복지"
    )
    assert (
        status_of(consent.consents_for(workspace, rid), ConsentKind.SHARE_WELFARE)[0]
        is ConsentStatus.GRANTED
    )
    with pytest.raises(ValidationFailed) as e:
        consent.withdraw_consent(workspace, cid, date(2026, 2, 1), today=date(2026, 11, 21))
    assert e.value.problems[0].code == "withdrawal_before_consent"
    consent.withdraw_consent(workspace, cid, date(2026, 4, 1), today=date(2026, 11, 21))
    assert (
        status_of(consent.consents_for(workspace, rid), ConsentKind.SHARE_WELFARE)[0]
        is ConsentStatus.WITHDRAWN
    )
    assert (
        status_of(consent.consents_for(workspace, rid), ConsentKind.HEALTH_INFO)[0]
        is ConsentStatus.NONE
    )


def test_viewing_and_changing_a_resident_is_in_the_access_log(workspace):
    from sqlmodel import select

    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    residents.open_resident(workspace, rid)
    with workspace.db.session() as s:
        events = [
            (e.action, e.resident_id, e.actor)
            for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))
        ]
    assert events == [("create", rid, "박약사"), ("view", rid, "박약사")]


def test_a_case_worker_email_is_checked(workspace):
    centre = centres.save_centre(workspace, "햇살복지관", phone="1588-1234")
    with pytest.raises(ValidationFailed) as e:
        centres.save_case_worker(workspace, centre, "이사례", email="park@@x")
    assert [(p.field, p.code) for p in e.value.problems] == [("email", "email_malformed")]
    worker = centres.save_case_worker(
        workspace, centre, "이사례", phone="0507-1234-5678", email="park@example.org"
    )
    (saved,) = centres.list_case_workers(workspace, centre)
    assert (saved.id, saved.phone, saved.email) == (worker, "0507-1234-5678", "park@example.org")


def test_the_profile_is_edited_checked_and_used_from_then_on(workspace):
    from sqlmodel import select

    from consultdesk.services import profile
    from consultdesk.services.workspace import Profile, Workspace
    from tests.conftest import PASSPHRASE

    with pytest.raises(ValidationFailed) as e:
        profile.save_profile(workspace, Profile("  ", "우리약국", "12"))
    assert {p.code for p in e.value.problems} == {"name_empty", "phone_malformed"}
    assert workspace.profile.pharmacist_name == "박약사"  # nothing changed
    profile.save_profile(workspace, Profile(" 김  약사 ", "행복약국", "0507 1234 5678"))
    assert workspace.profile == Profile("김 약사", "행복약국", "0507-1234-5678")
    rid = residents.save_resident(workspace, ResidentDraft(name="김민수"))
    with workspace.db.session() as s:
        events = list(s.exec(select(AuditEvent).where(AuditEvent.record_id == rid)))
        changed = list(s.exec(select(AuditEvent).where(AuditEvent.entity == "profile")))
    assert [e.actor for e in events] == ["김 약사"]
    assert [(e.action, e.actor) for e in changed] == [("update", "박약사")]
    data_dir = workspace.data_dir
    workspace.close()
    again = Workspace.unlock(data_dir, PASSPHRASE)
    try:
        assert again.profile == Profile("김 약사", "행복약국", "0507-1234-5678")
    finally:
        again.close()


def test_the_search_lists_what_a_reading_of_every_resident_finds(workspace):
    """The search is SQL on the driver over an index (storage/residents_repo.py, migration
    0014). Checked against every resident read through the ORM and matched here: literal %, _
    and / in names, spaces, initials mixed with syllables, phone digits, a removed resident, a
    removed centre (shown as none), the name order with ties by id, the limit and the total."""
    from sqlmodel import select

    from consultdesk.domain.phone import digits
    from consultdesk.storage.models import Resident, WelfareCentre

    open_centre = centres.save_centre(workspace, "햇살종합사회복지관")
    closed = centres.save_centre(workspace, "닫힌복지관")
    names = ["김민수", "김민수", "김 민수", "박_서", "이%영", "최/정", "Kim Minsu", "kim", "정ㅈ"]
    for i, name in enumerate(names):
        residents.save_resident(
            workspace,
            ResidentDraft(
                name=name,
                phone=f"010-0{i}23-45{i}7",
                birth_date=f"19{40 + i}-0{1 + i % 9}-1{i}",
                centre_id=open_centre if i % 2 else closed,
            ),
        )
    gone = residents.save_resident(workspace, ResidentDraft(name="김민정", phone="010-0123-0000"))
    residents.delete_resident(workspace, gone)
    # A centre removed on another laptop while residents here still name it (a sync brings it).
    with workspace.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE welfare_centre SET deleted = 1 WHERE id = ?", (closed,))
    fill_demo(workspace, residents=60)

    with workspace.db.session(read_only=True) as s:
        everyone = [r for r in s.exec(select(Resident)).all() if not r.deleted]
        centre_names = {c.id: c.name for c in s.exec(select(WelfareCentre)).all() if not c.deleted}
    everyone.sort(key=lambda r: (r.name, r.id))

    def expected(query: str) -> list[tuple[str, str, str]]:
        q = query.strip()
        compact = q.replace(" ", "")
        q_digits = digits(q)
        if not q:
            kept = everyone
        elif q_digits and len(q_digits) == len(compact.replace("-", "")):
            kept = [r for r in everyone if q_digits in digits(r.phone)]
        elif hangul.is_initials_query(q):
            kept = [r for r in everyone if compact in initials(r.name)]
        elif any(ch in hangul.INITIALS for ch in q):  # narrowed by initials, then matched
            kept = [
                r
                for r in everyone
                if initials(compact) in initials(r.name)
                and hangul.matches(r.name.replace(" ", ""), compact)
            ]
        else:  # LIKE: ASCII letters in either case
            kept = [r for r in everyone if {q.lower(), compact.lower()} & _parts(r.name.lower())]
        return [(r.id, r.name, centre_names.get(r.centre_id or "", "")) for r in kept]

    queries = ["", "김", "김민수", "김 민", "민 수", "_", "%", "/", "박_", "이%", "최/", "kim"]
    queries += ["KIM M", "ㄱㅁㅅ", "ㄱ", "김ㅁ", "정ㅈ", "0123", "010-01", "45", "  김  "]
    for query in queries:
        want = expected(query)
        for limit in (3, 300):
            rows, total = residents.search_residents(workspace, query, limit=limit)
            got = [(r.id, r.name, r.centre_name) for r in rows]
            assert (got, total) == (want[:limit], len(want)), (query, limit)
    assert residents.search_residents(workspace, "김민정")[1] == 0  # the removed one
    assert {r.centre_name for r in residents.search_residents(workspace, "김민수")[0]} == {
        "",
        "햇살종합사회복지관",
    }


def initials(text: str) -> str:
    return hangul.initials(text).replace(" ", "")


def _parts(text: str) -> set[str]:
    """Every piece of ``text`` (what LIKE '%piece%' accepts)."""
    return {text[i:j] for i in range(len(text) + 1) for j in range(i, len(text) + 1)}
