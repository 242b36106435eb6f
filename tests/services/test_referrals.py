"""Referral tracking on a real encrypted workspace: draft -> sent -> acknowledged -> closed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import col, select

from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.referral import ReferralState
from consultdesk.services import consent, referrals
from consultdesk.services.referrals import ReferralFilter, ReferralOptions
from consultdesk.storage.models import AuditEvent
from tests.change_rows import logged
from tests.services.visit_data import add_consultation, make_resident, make_visit

CREATED = date(2026, 11, 3)


def codes(error: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [p.code for p in error.value.problems]


@pytest.fixture
def draft(workspace):
    visit = make_visit(workspace)
    rid = referrals.draft_referral(
        workspace,
        new_id(),
        visit.resident_id,
        visit.consultation_id,
        ReferralOptions(services=("energy_support",), opinion="난방 지원이 급합니다."),
        today=CREATED,
    )
    return rid


def test_a_referral_goes_from_draft_to_closed_with_the_date_of_each_step(workspace, draft):
    sent, replied, closed = CREATED + timedelta(days=1), date(2026, 11, 10), date(2026, 11, 20)
    referrals.mark_sent(workspace, draft, sent, today=sent)
    referrals.record_reply(
        workspace,
        draft,
        replied,
        actions="에너지 바우처 신청을 도왔습니다.",
        status="linked",
        by="박사례",
        today=replied,
    )
    referrals.close_referral(workspace, draft, closed, "resolved", today=closed)
    d = referrals.referral_detail(workspace, draft)
    assert d.state is ReferralState.CLOSED
    assert (d.created_on, d.sent_on, d.acknowledged_on, d.closed_on) == (
        CREATED,
        sent,
        replied,
        closed,
    )
    assert (d.reply_received_on, d.reply_status, d.reply_by) == (replied, "linked", "박사례")
    assert d.reply_actions == "에너지 바우처 신청을 도왔습니다." and d.outcome == "resolved"
    with workspace.db.session() as s:
        actions = s.exec(
            select(AuditEvent.action)
            .where(AuditEvent.record_id == draft)
            .order_by(col(AuditEvent.at))
        ).all()
        # Referral is shared with the team: every step reaches the change log.
    fields = {c.field for c in logged(workspace, draft)}
    assert list(actions) == ["draft", "referral_sent", "referral_reply", "referral_closed"]
    assert {"state", "sent_on", "acknowledged_on", "closed_on", "reply_status"} <= fields
    assert referrals.list_open_referrals(workspace, today=closed) == []


def test_steps_out_of_order_or_with_impossible_dates_are_refused(workspace, draft):
    with pytest.raises(ValidationFailed) as e:
        referrals.mark_sent(workspace, draft, CREATED - timedelta(days=1), today=CREATED)
    assert codes(e) == ["referral_date_order"]
    with pytest.raises(ValidationFailed) as e:
        referrals.mark_sent(workspace, draft, CREATED + timedelta(days=2), today=CREATED)
    assert codes(e) == ["date_future"]
    with pytest.raises(ValidationFailed) as e:
        referrals.record_reply(workspace, draft, CREATED, today=CREATED)
    assert codes(e) == ["referral_state"]  # nothing was sent yet
    with pytest.raises(ValidationFailed) as e:
        referrals.close_referral(workspace, draft, CREATED, "resolved", today=CREATED)
    assert codes(e) == ["referral_state"]
    referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    with pytest.raises(ValidationFailed) as e:
        referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    assert codes(e) == ["referral_state"]  # sent once is enough
    later = date(2026, 11, 30)
    with pytest.raises(ValidationFailed) as e:
        referrals.record_reply(workspace, draft, CREATED - timedelta(days=1), today=later)
    assert codes(e) == ["referral_date_order"]
    with pytest.raises(ValidationFailed) as e:
        referrals.record_reply(workspace, draft, later, status="could_not_link", today=later)
    assert codes(e) == ["reason_required"]
    with pytest.raises(ValidationFailed) as e:
        referrals.close_referral(workspace, draft, later, "", today=later)
    assert codes(e) == ["outcome_required"]
    with pytest.raises(ValidationFailed) as e:
        referrals.close_referral(workspace, draft, later, "not_resolved", "  ", today=later)
    assert codes(e) == ["reason_required"]
    assert referrals.referral_detail(workspace, draft).state is ReferralState.SENT


def test_a_referral_not_resolved_keeps_its_reason(workspace, draft):
    referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    referrals.record_reply(
        workspace,
        draft,
        date(2026, 11, 5),
        status="could_not_link",
        reason="연락이 닿지 않음",
        today=date(2026, 11, 5),
    )
    referrals.close_referral(
        workspace,
        draft,
        date(2026, 11, 6),
        "not_resolved",
        "세 번 방문했으나 만나지 못함",
        today=date(2026, 11, 6),
    )
    d = referrals.referral_detail(workspace, draft)
    assert (d.reply_reason, d.outcome, d.outcome_reason) == (
        "연락이 닿지 않음",
        "not_resolved",
        "세 번 방문했으나 만나지 못함",
    )


def test_a_closed_referral_cannot_be_closed_before_the_reply(workspace, draft):
    referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    referrals.record_reply(workspace, draft, date(2026, 11, 10), today=date(2026, 11, 10))
    with pytest.raises(ValidationFailed) as e:
        referrals.close_referral(
            workspace, draft, date(2026, 11, 9), "resolved", today=date(2026, 11, 10)
        )
    assert codes(e) == ["referral_date_order"]


def test_the_open_list_shows_age_and_flags_sent_referrals_without_reply_after_14_days(
    workspace,
):
    visit = make_visit(workspace)
    ids = {}
    for name, created, sent in (
        ("overdue", date(2026, 10, 1), date(2026, 10, 2)),  # 16 days without a reply
        ("fresh", date(2026, 10, 3), date(2026, 10, 4)),  # exactly 14 days: not yet
        ("replied", date(2026, 9, 1), date(2026, 9, 2)),
        ("draft", date(2026, 9, 20), None),
    ):
        cid = add_consultation(workspace, visit.resident_id)
        rid = referrals.draft_referral(
            workspace, new_id(), visit.resident_id, cid, ReferralOptions(), today=created
        )
        if sent:
            referrals.mark_sent(workspace, rid, sent, today=sent)
        ids[name] = rid
    referrals.record_reply(workspace, ids["replied"], date(2026, 9, 5), today=date(2026, 9, 5))
    rows = referrals.list_open_referrals(workspace, today=date(2026, 10, 18))
    by_id = {r.id: r for r in rows}
    assert rows[0].id == ids["overdue"]
    assert [by_id[ids[n]].overdue for n in ("overdue", "fresh", "replied", "draft")] == [
        True,
        False,
        False,
        False,
    ]
    assert [by_id[ids[n]].age_days for n in ("overdue", "fresh", "replied", "draft")] == [
        16,
        14,
        46,
        28,
    ]
    row = by_id[ids["overdue"]]
    assert row.resident_name == "홍길순" and row.centre_name == "햇살종합사회복지관 (예시)"
    assert row.case_worker_name == "박사례" and row.reference.startswith("CD-2026-")


def test_a_referral_cannot_be_drafted_or_sent_without_consent_to_share(workspace, draft):
    rid, _, _ = make_resident(workspace, name="김민수", share=None)
    cid = add_consultation(workspace, rid)
    with pytest.raises(ValidationFailed) as e:
        referrals.draft_referral(workspace, new_id(), rid, cid, ReferralOptions(), today=CREATED)
    assert codes(e) == ["consent_to_share_missing"]
    resident = referrals.referral_detail(workspace, draft).resident_id
    record = consent.consents_for(workspace, resident)[0]
    consent.withdraw_consent(workspace, record.id, CREATED, today=CREATED)
    with pytest.raises(ValidationFailed) as e:
        referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    assert codes(e) == ["consent_to_share_withdrawn"]


def test_only_a_draft_can_be_discarded(workspace, draft):
    other = referrals.draft_referral(
        workspace,
        new_id(),
        referrals.referral_detail(workspace, draft).resident_id,
        None,
        ReferralOptions(),
        today=CREATED,
    )
    referrals.discard_draft(workspace, other)
    with pytest.raises(ValidationFailed) as e:
        referrals.referral_detail(workspace, other)
    assert codes(e) == ["referral_gone"]
    referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    with pytest.raises(ValidationFailed) as e:
        referrals.discard_draft(workspace, draft)
    assert codes(e) == ["referral_state"]


def test_a_registration_number_in_the_reply_or_opinion_is_refused(workspace, draft):
    resident = referrals.referral_detail(workspace, draft).resident_id
    with pytest.raises(ValidationFailed) as e:
        referrals.draft_referral(
            workspace,
            new_id(),
            resident,
            None,
            ReferralOptions(opinion="주민번호 460510-2234567"),
            today=CREATED,
        )
    assert codes(e) == ["rrn_refused"]
    referrals.mark_sent(workspace, draft, CREATED, today=CREATED)
    with pytest.raises(ValidationFailed) as e:
        referrals.record_reply(
            workspace, draft, CREATED, actions="460510-2234567 확인", today=CREATED
        )
    assert codes(e) == ["rrn_refused"]


def _closed(workspace, visit, created, closed_on, outcome, reason=""):
    cid = add_consultation(workspace, visit.resident_id)
    rid = referrals.draft_referral(
        workspace, new_id(), visit.resident_id, cid, ReferralOptions(), today=created
    )
    referrals.mark_sent(workspace, rid, created, today=created)
    referrals.close_referral(workspace, rid, closed_on, outcome, reason, today=closed_on)
    return rid


def test_closed_referrals_stay_findable_with_their_outcome(workspace, draft):
    visit = make_visit(workspace, name="김민수")
    early = _closed(workspace, visit, date(2026, 9, 1), date(2026, 9, 21), "resolved")
    late = _closed(
        workspace, visit, date(2026, 10, 1), date(2026, 10, 6), "not_resolved", "연락 두절"
    )
    today = date(2026, 11, 10)
    open_rows = referrals.list_referrals(workspace, ReferralFilter.OPEN, today)
    assert [r.id for r in open_rows] == [draft]
    closed = referrals.list_referrals(workspace, ReferralFilter.CLOSED, today)
    assert [r.id for r in closed] == [late, early]  # the most recently closed first
    assert (closed[0].outcome, closed[0].outcome_reason) == ("not_resolved", "연락 두절")
    assert closed[0].closed_on == date(2026, 10, 6) and closed[1].outcome == "resolved"
    assert closed[1].age_days == 20 and not closed[1].overdue  # how long it took
    every = referrals.list_referrals(workspace, ReferralFilter.ALL, today)
    assert [r.id for r in every] == [draft, late, early]  # open ones first
    assert referrals.list_open_referrals(workspace, today) == open_rows
    # Found by reference, resident or centre, among the chosen ones.
    assert [r.id for r in referrals.find_referrals(every, ReferralFilter.ALL, "김민수")] == [
        late,
        early,
    ]
    code = closed[1].reference
    assert [r.id for r in referrals.find_referrals(every, ReferralFilter.CLOSED, code.lower())] == [
        early
    ]
    # As a Korean input method in full-width mode types it: ｃｄ－２０２６－….
    wide = code.lower().translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    assert [r.id for r in referrals.find_referrals(every, ReferralFilter.ALL, wide)] == [early]
    assert referrals.find_referrals(every, ReferralFilter.OPEN, "김민수") == []
    assert len(referrals.find_referrals(every, ReferralFilter.ALL, "햇살 복지관")) == 3


def test_the_detail_carries_the_residents_case_worker(workspace, draft):
    assert referrals.referral_detail(workspace, draft).case_worker_name == "박사례"
