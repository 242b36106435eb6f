from hypothesis import given
from hypothesis import strategies as st

from consultdesk.domain import hangul

syllable = st.integers(0xAC00, 0xD7A3).map(chr)
names = st.text(syllable, min_size=1, max_size=5)


def test_initials_of_a_name():
    assert hangul.initials("김민수") == "ㄱㅁㅅ"
    assert hangul.initials("Kim 민수") == "Kim ㅁㅅ"


def test_initial_consonant_search_finds_the_name():
    assert hangul.matches("김민수", "ㄱㅁㅅ")
    assert hangul.matches("김민수", "ㅁㅅ")
    assert hangul.matches("김민수", "김ㅁ")
    assert not hangul.matches("김민수", "ㄱㅅ")
    assert not hangul.matches("박민수", "ㄱㅁㅅ")


def test_all_consonants_spelling_finds_the_name():
    assert hangul.consonants("암로디핀") == "ㅇㅁㄹㄷㅍㄴ"
    assert hangul.matches("암로디핀", "ㅇㅁㄹㄷㅍ")
    assert hangul.consonants("닭") == "ㄷㄹㄱ"


@given(names)
def test_every_name_is_found_by_its_own_initials(name):
    assert hangul.is_initials_query(hangul.initials(name))
    assert hangul.matches(name, hangul.initials(name))


@given(names, st.data())
def test_any_slice_of_initials_finds_the_name(name, data):
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    assert hangul.matches(name, hangul.initials(name[start:end]))


@given(names, names)
def test_an_initials_query_matches_only_through_the_name_s_consonants(name, other):
    query = hangul.initials(other)
    expected = query in hangul.initials(name) or query in hangul.consonants(name)
    assert hangul.matches(name, query) == expected
