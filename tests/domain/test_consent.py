from datetime import date

from consultdesk.domain.consent import (
    ConsentKind,
    ConsentMethod,
    ConsentRecord,
    ConsentStatus,
    may_share_with_welfare_centre,
    status_of,
    validate_consent,
)


def rec(kind, granted, on, withdrawn=None, stamp=""):
    return ConsentRecord(
        "x" + stamp, kind, granted, on, ConsentMethod.WRITTEN, "", withdrawn, stamp
    )


def test_sharing_needs_its_own_consent():
    health = rec(ConsentKind.HEALTH_INFO, True, date(2026, 1, 1))
    assert not may_share_with_welfare_centre([health])
    share = rec(ConsentKind.SHARE_WELFARE, True, date(2026, 1, 1))
    assert may_share_with_welfare_centre([health, share])


def test_withdrawal_and_refusal_block_sharing():
    withdrawn = rec(ConsentKind.SHARE_WELFARE, True, date(2026, 1, 1), date(2026, 3, 1))
    assert status_of([withdrawn], ConsentKind.SHARE_WELFARE)[0] is ConsentStatus.WITHDRAWN
    assert not may_share_with_welfare_centre([withdrawn])
    refused_later = rec(ConsentKind.SHARE_WELFARE, False, date(2026, 2, 1))
    granted = rec(ConsentKind.SHARE_WELFARE, True, date(2026, 1, 1))
    assert (
        status_of([granted, refused_later], ConsentKind.SHARE_WELFARE)[0] is ConsentStatus.REFUSED
    )


def test_the_latest_record_of_the_same_day_decides():
    first = rec(ConsentKind.SHARE_WELFARE, False, date(2026, 1, 1), stamp="1")
    second = rec(ConsentKind.SHARE_WELFARE, True, date(2026, 1, 1), stamp="2")
    assert may_share_with_welfare_centre([second, first])


def test_verbal_consent_needs_a_witness():
    problems = validate_consent(True, date(2026, 1, 1), "verbal", "", date(2026, 11, 21))
    assert [p.code for p in problems] == ["witness_required"]
    assert validate_consent(True, date(2026, 1, 1), "verbal", "최복지", date(2026, 11, 21)) == []
    future = validate_consent(True, date(2027, 1, 1), "written", "", date(2026, 11, 21))
    assert [p.code for p in future] == ["date_future"]
