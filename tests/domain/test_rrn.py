from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from consultdesk.domain.rrn import contains_rrn, find_rrn, normalise, text_problems

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


# --- held-out bad-input suite (issue 12): what people paste from forms, IMEs and PDFs ---

SLIPPED = [
    "８００１０１-１２３４５６７",  # full-width digits
    "８００１０１－１２３４５６７",  # full-width digits and dash
    "800101\uff0d1234567",  # FULLWIDTH HYPHEN-MINUS
    "800101\u20101234567",  # HYPHEN
    "800101\u20111234567",  # NON-BREAKING HYPHEN
    "800101\u22121234567",  # MINUS SIGN
    "800101-\u200b1234567",  # zero-width space after the dash
    "80\u200b0101\u200b-1234567",  # zero-width spaces inside the birth date
    "800101\u2060-\ufeff1234567",  # word joiner and BOM
    "800101\u00ad1234567",  # soft hyphen (a format character)
]


def test_registration_numbers_in_other_digits_and_dashes_are_found():
    missed = [text for text in SLIPPED if not contains_rrn(f"메모 {text} 끝")]
    assert missed == []


def test_normalising_does_not_flag_phone_numbers_or_dates():
    assert not contains_rrn("０１０－１２３４－５６７８")
    assert not contains_rrn("1948\u20103\u20105")


def test_a_lone_surrogate_is_a_problem_not_an_exception():
    problems = text_problems([("name", "김\ud800순"), ("notes", "괜찮음")])
    assert [(p.field, p.code) for p in problems] == [("name", "text_unreadable")]
    assert normalise("김\ud800순")  # normalising alone never raises


def _slow_find(text: str) -> list[tuple[int, int]]:
    """find_rrn as it was written first, without the shortcuts: NFKC, the format characters
    out, then the pattern and the birth date."""
    import re
    import unicodedata

    from consultdesk.domain import rrn

    folded = unicodedata.normalize("NFKC", text)
    cleaned = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return [
        m.span()
        for m in re.finditer(rrn._CANDIDATE, cleaned)
        if rrn._plausible_birth(m.group(1), m.group(2), m.group(3), m.group(4))
    ]


# Digits of every kind (ASCII, full-width, Arabic-Indic, circled, superscript), the dashes and
# separators, format characters, line breaks and tabs (text that is not printable takes the
# character-by-character path), Hangul: what could make a number, or hide one.
_PIECES = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９٠١٢٣①⑧²³-－‐–. ",
        *("\u200b", "\u200d", "\ufeff", "\u00ad", "\u0600", "김", "약", "a"),
        *("\n", "\t", "\u2028", "\u00a0"),  # not printable, but no format character
        *("800101", "1234567", "991231", "5012345", "８００１０１"),
    ]
)


@given(st.lists(_PIECES, max_size=16).map("".join))
def test_the_shortcuts_find_what_the_full_check_finds(text: str) -> None:
    assert find_rrn(text) == _slow_find(text)
