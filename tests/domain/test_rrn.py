from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from consultdesk.domain.rrn import contains_rrn, find_rrn

births = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))


def _rrn(birth: date, tail: int, sep: str) -> str:
    code = ("1" if birth.year < 2000 else "3") if tail % 2 else ("2" if birth.year < 2000 else "4")
    return f"{birth:%y%m%d}{sep}{code}{tail % 1_000_000:06d}"


@given(
    births,
    st.integers(0, 10**6),
    st.sampled_from(["-", "", " ", " - "]),
    st.text(st.characters(blacklist_categories=["Nd"]), max_size=20),
)
def test_a_registration_number_is_found_anywhere_in_a_note(birth, tail, sep, around):
    note = f"{around}주민번호 {_rrn(birth, tail, sep)} 확인함{around}"
    assert contains_rrn(note)


@given(st.from_regex(r"01[016789]-\d{3,4}-\d{4}", fullmatch=True))
def test_phone_numbers_are_not_registration_numbers(phone):
    assert not contains_rrn(f"연락처 {phone}")


def test_dates_and_short_numbers_are_not_flagged():
    assert not contains_rrn("1948-03-05 생, 처방 20261121")
    assert not contains_rrn("481305-1234567")  # month 13: not a date
    assert not contains_rrn("4803051234567890")  # too long: some other number
    assert find_rrn("메모 480305-1234567") == [(3, 17)]
