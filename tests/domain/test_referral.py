from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from consultdesk.domain.ids import new_id
from consultdesk.domain.referral import age_days, is_overdue, reference_code


def test_reference_codes_are_short_readable_and_carry_no_name():
    code = reference_code("01a2000f-30c2-7bf1-82c1-502731bc6c1b", 2026)
    assert code.startswith("CD-2026-") and len(code) == len("CD-2026-XXXXXX")
    assert not set(code[8:]) & set("ILOU")  # no letters misheard over the phone


def test_reference_codes_of_different_referrals_differ():
    codes = {reference_code(new_id(), 2026) for _ in range(2000)}
    assert len(codes) == 2000


@given(st.uuids())
def test_a_reference_code_always_has_six_crockford_characters(value):
    tail = reference_code(str(value), 2026)[8:]
    assert len(tail) == 6 and all(c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ" for c in tail)


def test_overdue_means_sent_more_than_two_weeks_ago_and_not_acknowledged():
    today = date(2026, 11, 21)
    assert is_overdue("sent", date(2026, 11, 6), today)
    assert not is_overdue("sent", date(2026, 11, 7), today)
    assert not is_overdue("acknowledged", date(2026, 10, 1), today)
    assert not is_overdue("draft", None, today)
    assert age_days(date(2026, 11, 1), None, today) == 20
    assert age_days(date(2026, 11, 1), date(2026, 11, 11), today) == 10
