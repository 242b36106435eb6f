from datetime import date

import pytest

from consultdesk.domain.dates import full_age, parse_date
from consultdesk.domain.phone import format_phone, is_email_address
from consultdesk.domain.resident import ResidentDraft, validate_resident

TODAY = date(2026, 11, 21)


def codes(draft: ResidentDraft) -> set[tuple[str, str]]:
    _, problems = validate_resident(draft, TODAY)
    return {(p.field, p.code) for p in problems}


def test_a_valid_resident_is_normalised():
    data, problems = validate_resident(
        ResidentDraft(name="  김  민수 ", birth_date="1948.3.5", phone="01012345678", sex="male"),
        TODAY,
    )
    assert problems == []
    assert data is not None
    assert (data.name, data.birth_date, data.phone) == (
        "김 민수",
        date(1948, 3, 5),
        "010-1234-5678",
    )


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        (ResidentDraft(name=""), ("name", "name_empty")),
        (ResidentDraft(name="   "), ("name", "name_empty")),
        (ResidentDraft(name="김" * 61), ("name", "name_too_long")),
        (ResidentDraft(name="김", birth_date="1948-13-01"), ("birth_date", "date_malformed")),
        (ResidentDraft(name="김", birth_date="어제"), ("birth_date", "date_malformed")),
        (ResidentDraft(name="김", birth_date="2027-01-01"), ("birth_date", "birth_date_future")),
        (ResidentDraft(name="김", birth_date="1890-01-01"), ("birth_date", "birth_date_absurd")),
        (ResidentDraft(name="김", phone="12345"), ("phone", "phone_malformed")),
        (ResidentDraft(name="김", notes="주민번호 480305-1234567"), ("notes", "rrn_refused")),
        (ResidentDraft(name="김", allergies="4803052234567"), ("allergies", "rrn_refused")),
        (ResidentDraft(name="김", sex="x"), ("sex", "choice_invalid")),
        (
            ResidentDraft(name="김", case_worker_id="w1"),
            ("case_worker_id", "case_worker_without_centre"),
        ),
    ],
)
def test_bad_input_is_refused_with_a_code(draft, expected):
    assert expected in codes(draft)


def test_registration_number_typed_as_phone_is_refused_not_formatted():
    assert ("phone", "rrn_refused") in codes(ResidentDraft(name="김", phone="480305-1234567"))


def test_korean_age_counts_completed_years():
    assert full_age(date(1948, 11, 21), TODAY) == 78
    assert full_age(date(1948, 11, 22), TODAY) == 77
    assert full_age(date(1948, 2, 29), date(2026, 2, 28)) == 77
    assert full_age(date(1948, 2, 29), date(2026, 3, 1)) == 78


def test_dates_in_the_forms_people_type():
    assert parse_date("2026-11-21") == parse_date("2026.11.21") == parse_date("20261121")
    assert parse_date("2026년 11월 21일") == date(2026, 11, 21)
    assert parse_date("2026-02-30") is None


def test_phone_formats():
    assert format_phone("02 1234 5678") == "02-1234-5678"
    assert format_phone("031-123-4567") == "031-123-4567"
    assert format_phone("1588 1234") == "1588-1234"
    assert format_phone("010-123") is None


# --- issue 10: every date field takes both ways of writing a date ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-21",
        "2026. 11. 21.",
        "2026. 11. 21",
        "2026.11.21.",
        "2026/11/21",
        "20261121",
        "2026년 11월 21일",
        " 2026-11-21 ",
    ],
)
def test_both_korean_and_iso_dates_are_read(text):
    assert parse_date(text) == date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    ["2026. 11. 31.", "2026-02-29", "2026. 13. 1.", "2026-11", "21. 11. 2026.", "2026..11.21", ""],
)
def test_impossible_or_partial_dates_are_refused(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1588-1234", "1588-1234"),
        ("1644 5678", "1644-5678"),
        ("15771234", "1577-1234"),
        ("0507-1234-5678", "0507-1234-5678"),
        ("050712345678", "0507-1234-5678"),
        ("0505-123-4567", "0505-123-4567"),
        ("080-123-4567", "080-123-4567"),
        ("080 1234 5678", "080-1234-5678"),
        ("070-1234-5678", "070-1234-5678"),
    ],
)
def test_business_numbers_are_accepted(text, shown):
    assert format_phone(text) == shown


@pytest.mark.parametrize("text", ["0500-123-4567", "0507-123", "080-12-345", "1234-5678", "15881"])
def test_numbers_outside_the_plan_are_refused(text):
    assert format_phone(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "１９４８－０３－０５",
        "１９４８．３．５．",
        "１９４８／０３／０５",
        "１９４８년 ３월 ５일",
        "１９４８０３０５",
    ],
)
def test_full_width_dates_are_read(text):
    assert parse_date(text) == date(1948, 3, 5)


def test_a_full_width_birth_year_alone_is_read():
    data, problems = validate_resident(ResidentDraft(name="김", birth_date="～１９４４"), TODAY)
    assert problems == [] and data is not None
    assert (data.birth_date, data.birth_approximate) == (date(1944, 7, 1), True)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # A Korean input method in full-width mode (전각) types these digits and signs.
        ("０１０ １２３４ ５６７８", "010-1234-5678"),
        ("０１０－１２３４－５６７８", "010-1234-5678"),
        ("０２\u3000１２３\u3000４５６７", "02-123-4567"),
        ("＋８２ １０ １２３４ ５６７８", "010-1234-5678"),
        ("１５８８－１２３４", "1588-1234"),
        ("010-１２３４-5678", "010-1234-5678"),
    ],
)
def test_full_width_digits_are_read_as_the_number(text, shown):
    assert format_phone(text) == shown


def test_digits_are_ascii_whatever_digits_were_typed():
    from consultdesk.domain.phone import digits

    assert digits("０１０－１２") == "01012"
    assert digits("٠١٠ ١٢") == "01012"  # Arabic-Indic digits are decimal digits too
    assert digits("010-12") == "01012"
    assert digits("전화 없음") == ""


def test_a_full_width_phone_is_saved_in_the_usual_form():
    draft = ResidentDraft(name="김", phone="０１０ １２３４ ５６７８")
    data, problems = validate_resident(draft, TODAY)
    assert problems == [] and data is not None and data.phone == "010-1234-5678"


def test_a_registration_number_in_full_width_digits_is_refused_as_a_phone():
    draft = ResidentDraft(name="김", phone="４８０３０５－１２３４５６７")
    assert ("phone", "rrn_refused") in codes(draft)


def test_a_business_number_is_a_valid_resident_phone():
    data, problems = validate_resident(ResidentDraft(name="김", phone="0507 1234 5678"), TODAY)
    assert problems == [] and data is not None and data.phone == "0507-1234-5678"


@pytest.mark.parametrize(
    "text", ["park@example.org", "kim.sarye+centre@mail.go.kr", "lee@복지관.kr", "a_b@x-y.co.kr"]
)
def test_real_email_addresses_are_accepted(text):
    assert is_email_address(text)


@pytest.mark.parametrize(
    "text",
    [
        "park@@x",
        "park@x",
        "park",
        "@example.org",
        "park@",
        "park@.org",
        "park@example.",
        "pa rk@example.org",
        "park..lee@example.org",
        ".park@example.org",
        "park@-example.org",
        "park@example.o",
        "park@exa_mple.org",
        "park@example.org@x.org",
    ],
)
def test_malformed_email_addresses_are_refused(text):
    assert not is_email_address(text)
