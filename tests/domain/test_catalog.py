"""The bundled medicines catalog and the search box a pharmacist types into."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consultdesk.domain.catalog import (
    FORMS,
    Catalog,
    CatalogError,
    CatalogIngredient,
    MatchRank,
    Product,
    fold,
    load_catalog,
)
from consultdesk.domain.hangul import consonants, initials, is_initials_query, matches

CATALOG_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalog"
CATALOG_CSV = CATALOG_DIR / "ingredients.csv"
ATC_SHAPE = re.compile(r"^[A-Z]\d\d[A-Z][A-Z]\d\d$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _raw_rows() -> list[dict[str, str]]:
    # Read the file without the loader, so a loader bug cannot hide a data problem.
    with CATALOG_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


RAW_ROWS = _raw_rows()
CATALOG = load_catalog(CATALOG_CSV)


def _ingredient(name_ko: str, name_en: str, atc: str = "") -> CatalogIngredient:
    return CatalogIngredient(atc, name_ko, name_en, (), "oral", "other")


# --- the bundled file -------------------------------------------------------------------------


def test_bundled_catalog_lists_at_least_300_ingredients() -> None:
    assert len(RAW_ROWS) >= 300
    assert len(CATALOG.ingredients) == len(RAW_ROWS)


def test_every_atc_code_is_a_who_level5_code_or_empty() -> None:
    bad = [r["atc"] for r in RAW_ROWS if r["atc"] and not ATC_SHAPE.match(r["atc"])]
    assert bad == []


def test_no_atc_code_appears_twice_for_the_same_form() -> None:
    counts = Counter((r["atc"], r["form"]) for r in RAW_ROWS if r["atc"])
    assert [key for key, n in counts.items() if n > 1] == []


def test_every_row_has_a_korean_and_an_english_name() -> None:
    assert [r for r in RAW_ROWS if not HANGUL.search(r["name_ko"])] == []
    assert [r for r in RAW_ROWS if not r["name_en"].strip()] == []


def test_english_names_are_lower_case_except_abbreviations() -> None:
    # INNs are written in lower case; only an abbreviation such as "(MSM)" or "COMT" and the WHO
    # vitamin letters ("retinol (vit A)") may be upper case.
    for row in RAW_ROWS:
        words = re.sub(r"\b[A-Z]{2,}\b|\(vit [A-Z]\d*\)", "", row["name_en"])
        assert words == words.lower(), row["name_en"]


def test_every_form_is_one_of_the_known_forms() -> None:
    assert {r["form"] for r in RAW_ROWS} <= FORMS


def test_the_catalog_covers_the_medicines_older_adults_take_most() -> None:
    expected = {
        "C08CA01": "암로디핀",
        "A10BA02": "메트포르민",
        "C10AA05": "아토르바스타틴",
        "B01AC06": "아스피린",
        "B01AF01": "리바록사반",
        "N05CF02": "졸피뎀",
        "N06DA02": "도네페질",
        "A02BC01": "오메프라졸",
        "G04CA02": "탐스로신",
        "H03AA01": "레보티록신",
        "M05BA04": "알렌드론산",
        "R03BB04": "티오트로퓸",
        "N02BE01": "아세트아미노펜",
    }
    for code, name in expected.items():
        found = CATALOG.by_atc(code)
        assert found is not None, code
        assert found.name_ko == name


def test_rows_without_an_atc_code_are_explained_in_the_readme() -> None:
    readme = (CATALOG_DIR / "README.md").read_text(encoding="utf-8")
    for row in RAW_ROWS:
        if not row["atc"]:
            assert row["name_ko"] in readme, row["name_ko"]


def test_a_systemic_and_a_topical_form_are_two_rows_with_their_own_codes() -> None:
    forms = {r["form"]: r["atc"] for r in RAW_ROWS if r["name_en"] == "diclofenac"}
    assert forms == {"oral": "M01AB05", "topical": "M02AA15"}


def test_by_atc_ignores_case_and_spaces_and_returns_none_for_unknown_codes() -> None:
    found = CATALOG.by_atc(" c08ca01 ")
    assert found is not None and found.name_en == "amlodipine"
    assert found.strengths == ("2.5 mg", "5 mg", "10 mg")
    assert CATALOG.by_atc("Z99ZZ99") is None


# --- loading a broken file --------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ingredients.csv"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "atc,name_ko,name_en,strengths,form,group\n"


def test_loading_refuses_a_malformed_atc_code_and_names_the_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, HEADER + "C08CA01,암로디핀,amlodipine,5 mg,oral,x\nC08CA1,가,a,,oral,x\n"
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert caught.value.line == 3


def test_loading_refuses_the_same_atc_code_twice(tmp_path: Path) -> None:
    row = "C08CA01,암로디핀,amlodipine,5 mg,oral,x\n"
    with pytest.raises(CatalogError) as caught:
        load_catalog(_write(tmp_path, HEADER + row + row))
    assert caught.value.line == 3


def test_loading_refuses_unknown_columns_and_forms(tmp_path: Path) -> None:
    with pytest.raises(CatalogError):
        load_catalog(_write(tmp_path, "code,name\nC08CA01,암로디핀\n"))
    with pytest.raises(CatalogError):
        load_catalog(_write(tmp_path, HEADER + "C08CA01,암로디핀,amlodipine,,pill,x\n"))


# --- search -----------------------------------------------------------------------------------


def _labels(query: str, catalog: Catalog = CATALOG, limit: int = 20) -> list[str]:
    return [m.label for m in catalog.search(query, limit)]


def test_a_pharmacist_finds_amlodipine_by_its_korean_name() -> None:
    (first, *_) = CATALOG.search("암로디핀")
    assert first.label == "암로디핀"
    assert first.rank is MatchRank.EXACT
    assert [i.atc for i in first.ingredients] == ["C08CA01"]


def test_full_width_latin_finds_the_same_medicines_and_initials_still_work() -> None:
    """What a Korean input method in full-width mode types (ＡＭＬＯ, ａｓｐｉｒｉｎ) is the name in
    plain letters; the initial consonants (ㅇㄹㄷ) are not touched by that."""
    assert _labels("ＡＭＬＯＤＩＰＩＮＥ")[0] == "암로디핀"
    assert _labels("ｒｏｓｕｖａ")[:3] == _labels("rosuva")[:3]
    assert "암로디핀" in _labels("ㅇㄹㄷㅍ")


def test_english_names_match_whatever_the_case() -> None:
    assert _labels("AMLODIPINE")[0] == "암로디핀"
    assert _labels("Rosuva")[0] == "로수바스타틴"


def test_initial_consonants_find_the_ingredient() -> None:
    assert "암로디핀" in _labels("ㅇㄹㄷㅍ")
    assert "메트포르민" in _labels("ㅁㅌㅍㄹㅁ")


def test_typing_every_consonant_you_see_also_finds_it() -> None:
    assert "암로디핀" in _labels("ㅇㅁㄹㄷㅍ")


def test_a_query_mixing_syllables_and_initials_finds_it() -> None:
    # 레보암로디핀 also holds 암, ㄹ, ㄷ in a row; the name that starts with them comes first.
    assert _labels("암ㄹㄷ") == ["암로디핀", "레보암로디핀"]


def test_spaces_and_punctuation_in_names_do_not_matter() -> None:
    assert "오메가-3 지방산" in _labels("오메가3")
    assert "인슐린 휴먼(속효성)" in _labels("인슐린휴먼")


def test_exact_beats_prefix_beats_substring_beats_initials() -> None:
    catalog = Catalog(
        [
            _ingredient("가나다라", "d"),  # substring of "나다"
            _ingredient("나다", "a"),  # exact
            _ingredient("나다라", "b"),  # prefix
            _ingredient("녹두", "c"),  # initials ㄴㄷ
        ]
    )
    results = catalog.search("나다")
    assert [m.label for m in results] == ["나다", "나다라", "가나다라"]
    assert [m.rank for m in results] == [MatchRank.EXACT, MatchRank.PREFIX, MatchRank.SUBSTRING]
    initials_results = catalog.search("ㄴㄷ")
    assert [m.label for m in initials_results] == ["나다", "나다라", "녹두", "가나다라"]
    assert {m.rank for m in initials_results} == {MatchRank.INITIALS}


def test_equal_matches_keep_catalog_order() -> None:
    catalog = Catalog([_ingredient(f"로딘{n}", f"x{n}") for n in range(5)])
    assert _labels("로딘", catalog) == [f"로딘{n}" for n in range(5)]


def test_the_limit_caps_the_result_list() -> None:
    assert len(CATALOG.search("ㅇ", limit=7)) == 7
    assert CATALOG.search("ㅇ", limit=0) == []


def test_an_empty_or_blank_query_finds_nothing() -> None:
    assert CATALOG.search("") == []
    assert CATALOG.search("   ") == []


def test_a_name_nobody_wrote_finds_nothing() -> None:
    assert CATALOG.search("zzqx") == []


# --- products ---------------------------------------------------------------------------------


def _catalog_with_products(*products: Product) -> Catalog:
    catalog = Catalog(CATALOG.ingredients)
    catalog.add_products(products)
    return catalog


def test_a_combination_product_fills_every_ingredient() -> None:
    exforge = Product("엑스포지정5/160밀리그램", ("C08CA01", "C09CA03"), company="노바티스")
    catalog = _catalog_with_products(exforge)
    (match,) = catalog.search("엑스포지")
    assert match.kind == "product"
    assert match.product == exforge
    assert [i.name_ko for i in match.ingredients] == ["암로디핀", "발사르탄"]


def test_products_are_found_by_their_initials() -> None:
    catalog = _catalog_with_products(Product("노바스크정5밀리그램", ("C08CA01",)))
    assert [m.label for m in catalog.search("ㄴㅂㅅㅋ")] == ["노바스크정5밀리그램"]


def test_a_product_code_missing_from_the_catalog_still_yields_an_ingredient() -> None:
    amosartan = Product("아모잘탄정", ("C09DB06",), ingredient_names=("암로디핀·로사르탄",))
    (match,) = _catalog_with_products(amosartan).search("아모잘탄")
    assert [(i.atc, i.name_ko) for i in match.ingredients] == [("C09DB06", "암로디핀·로사르탄")]


def test_ingredients_come_before_products_of_the_same_rank() -> None:
    catalog = _catalog_with_products(Product("암로디핀정", ("C08CA01",)))
    assert _labels("암로디", catalog) == ["암로디핀", "암로디핀정", "레보암로디핀"]


# --- properties -------------------------------------------------------------------------------

ALL = len(CATALOG.ingredients)
PROPERTY_SETTINGS = settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(st.sampled_from(CATALOG.ingredients))
def test_every_ingredient_is_found_by_its_own_initials(ingredient: CatalogIngredient) -> None:
    query = initials(fold(ingredient.name_ko))
    assert ingredient in [m.ingredients[0] for m in CATALOG.search(query, limit=ALL)]


@PROPERTY_SETTINGS
@given(st.sampled_from(CATALOG.ingredients))
def test_every_ingredient_is_found_by_all_its_consonants(ingredient: CatalogIngredient) -> None:
    query = consonants(fold(ingredient.name_ko))
    # hangul.matches() reads a consonant spelling only when it is made of jamo alone; a name with
    # a digit or a Latin letter ("오메가-3", "코엔자임Q10") is outside that rule.
    assume(is_initials_query(query))
    assert ingredient in [m.ingredients[0] for m in CATALOG.search(query, limit=ALL)]


@PROPERTY_SETTINGS
@given(st.data())
def test_any_piece_of_a_korean_name_finds_the_ingredient(data: st.DataObject) -> None:
    ingredient = data.draw(st.sampled_from(CATALOG.ingredients))
    name = ingredient.name_ko
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    piece = name[start:end]
    assume(fold(piece))
    assert ingredient in [m.ingredients[0] for m in CATALOG.search(piece, limit=ALL)]


@PROPERTY_SETTINGS
@given(st.text(max_size=8), st.integers(0, 30))
def test_any_query_returns_ranked_distinct_results_within_the_limit(query: str, limit: int) -> None:
    results = CATALOG.search(query, limit)
    assert len(results) <= limit
    ranks = [m.rank for m in results]
    assert ranks == sorted(ranks)
    assert len({id(m.ingredients[0]) for m in results}) == len(results)


SYLLABLES = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.text(alphabet=SYLLABLES, min_size=2, max_size=6), min_size=1, max_size=20),
    st.data(),
)
def test_an_imported_product_is_found_by_any_mix_of_its_syllables_and_initials(
    names: list[str], data: st.DataObject
) -> None:
    catalog = _catalog_with_products(*(Product(n, ("C08CA01",)) for n in names))
    name = data.draw(st.sampled_from(names))
    as_initial = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    pairs = zip(name, as_initial, strict=True)
    query = "".join(initials(ch) if flag else ch for ch, flag in pairs)
    assert name in [m.label for m in catalog.search(query, limit=len(catalog))]


@PROPERTY_SETTINGS
@given(
    st.text(alphabet=st.sampled_from("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ아로디핀메트포민"), max_size=4)
)
def test_every_result_of_a_hangul_query_is_explained_by_its_names(query: str) -> None:
    q = fold(query)
    for match in CATALOG.search(query, limit=ALL):
        (ingredient,) = match.ingredients
        names = (fold(ingredient.name_ko), fold(ingredient.name_en))
        assert any(matches(name, q) for name in names), (query, match.label)


def test_old_spellings_and_common_names_find_the_catalog_row() -> None:
    from consultdesk.services.catalog import build_catalog

    catalog = build_catalog()
    for typed, label in [
        ("아카보스", "아카보즈"),
        ("스피로놀락톤", "스피로노락톤"),
        ("캡토프릴", "캅토프릴"),
        ("티오트로피움", "티오트로퓸"),
        ("이프라트로피움", "이프라트로퓸"),
        ("클로라제페이트", "클로라제핀산칼륨"),
        ("프레드니카베이트", "프레드니카르베이트"),
        ("인삼", "홍삼"),
        ("은행잎", "은행엽건조엑스"),
        ("보약", "한약(탕약)"),
    ]:
        found = catalog.search(typed, limit=5)
        assert found and found[0].label == label, (typed, [m.label for m in found])


def test_magnesium_oxide_is_two_rows_that_say_which() -> None:
    labels = {m.label: m.ingredients[0].atc for m in CATALOG.search("산화마그네슘", limit=5)}
    assert labels["산화마그네슘(변비약)"] == "A06AD02"
    assert labels["산화마그네슘(마그네슘 보충제)"] == "A12CC10"


def test_of_two_rows_with_one_name_the_oral_form_is_offered_first() -> None:
    """타크로리무스 is a capsule after a transplant (L04AD02, watched by the high-alert and
    interaction rules) and an ointment for eczema (D11AH01, first in the file's ATC order).
    Enter on the first line must not record the ointment for a capsule; both stay offered."""
    found = CATALOG.search("타크로리무스")
    codes = [m.ingredients[0].atc for m in found if m.label == "타크로리무스"]
    assert codes[:2] == ["L04AD02", "D11AH01"]
    found = CATALOG.search("diclofenac")
    assert [m.ingredients[0].form for m in found][:2] == ["oral", "topical"]
