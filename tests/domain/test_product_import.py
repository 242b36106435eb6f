"""Importing a product list that a pharmacist downloaded (HIRA/MFDS style CSV)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.catalog import Product, load_catalog
from consultdesk.domain.product_import import (
    ImportReason,
    ProductImportError,
    parse_product_list,
    read_product_list,
)

CATALOG_CSV = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "ingredients.csv"

KOREAN_LIST = (
    "제품명,업체명,주성분코드,성분명,ATC코드\n"
    "노바스크정5밀리그램,한국화이자제약,111501ATB,암로디핀베실산염,C08CA01\n"
    "엑스포지정5/160밀리그램,한국노바티스,111501ATB;508001ATB,암로디핀;발사르탄,C08CA01;C09CA03\n"
    "리피토정10밀리그램,비아트리스코리아,469001ATB,아토르바스타틴칼슘,C10AA05\n"
)


def _write(tmp_path: Path, data: bytes, name: str = "products.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error(data: bytes) -> ProductImportError:
    with pytest.raises(ProductImportError) as caught:
        parse_product_list(data)
    return caught.value


# --- encodings and titles ---------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_a_korean_list_is_read_in_utf8_with_or_without_bom_and_in_cp949(
    tmp_path: Path, encoding: str
) -> None:
    path = _write(tmp_path, KOREAN_LIST.encode(encoding))
    result = read_product_list(path)
    assert [p.name for p in result.products] == [
        "노바스크정5밀리그램",
        "엑스포지정5/160밀리그램",
        "리피토정10밀리그램",
    ]
    exforge = result.products[1]
    assert exforge.atc_codes == ("C08CA01", "C09CA03")
    assert exforge.ingredient_codes == ("111501ATB", "508001ATB")
    assert exforge.ingredient_names == ("암로디핀", "발사르탄")
    assert exforge.company == "한국노바티스"
    assert result.rows == 3
    assert result.ignored_columns == ()


def test_english_titles_are_understood_whatever_their_case() -> None:
    data = (
        b"Product_Name,ATC_CODE,Ingredient Code,ingredient_name,Company\n"
        b"Norvasc 5mg,C08CA01,111501ATB,amlodipine,Pfizer\n"
    )
    (product,) = parse_product_list(data).products
    assert product == Product(
        "Norvasc 5mg", ("C08CA01",), ("111501ATB",), ("amlodipine",), "Pfizer"
    )


def test_mfds_open_api_field_names_are_understood() -> None:
    data = "ITEM_NAME,ENTP_NAME,ATC_CODE\n타이레놀정500밀리그램,한국얀센,N02BE01\n".encode()
    (product,) = parse_product_list(data).products
    assert product.company == "한국얀센"
    assert product.atc_codes == ("N02BE01",)


def test_columns_nobody_asked_for_are_ignored_and_reported() -> None:
    data = "품목기준코드,제품명,ATC코드,보험코드\n200808876,노바스크정,C08CA01,641100050\n".encode()
    result = parse_product_list(data)
    assert result.ignored_columns == ("품목기준코드", "보험코드")
    assert result.products[0].atc_codes == ("C08CA01",)


def test_a_tab_separated_export_is_read_too() -> None:
    data = "제품명\tATC코드\n노바스크정\tC08CA01\n".encode()
    assert parse_product_list(data).products[0].name == "노바스크정"


def test_a_product_without_an_atc_code_is_kept_with_no_codes() -> None:
    data = "제품명,ATC코드\n감기약시럽,\n".encode()
    assert parse_product_list(data).products == (Product("감기약시럽"),)


def test_lower_case_atc_codes_are_accepted_and_stored_upper_case() -> None:
    data = "제품명,ATC코드\n노바스크정,c08ca01\n".encode()
    assert parse_product_list(data).products[0].atc_codes == ("C08CA01",)


# --- combinations and duplicates --------------------------------------------------------------


def test_codes_separated_by_commas_in_a_quoted_cell_make_one_combination_product() -> None:
    data = '제품명,ATC코드\n엑스포지정,"C08CA01, C09CA03"\n'.encode()
    assert parse_product_list(data).products[0].atc_codes == ("C08CA01", "C09CA03")


def test_rows_with_the_same_product_name_are_merged_into_one_product() -> None:
    data = (
        "제품명,업체명,성분명,ATC코드\n"
        "엑스포지정,,암로디핀,C08CA01\n"
        "리피토정,비아트리스,아토르바스타틴,C10AA05\n"
        "엑스포지정,한국노바티스,발사르탄,C09CA03\n"
        "엑스포지정,한국노바티스,발사르탄,C09CA03\n"
    ).encode()
    result = parse_product_list(data)
    assert [p.name for p in result.products] == ["엑스포지정", "리피토정"]
    exforge = result.products[0]
    assert exforge.atc_codes == ("C08CA01", "C09CA03")
    assert exforge.ingredient_names == ("암로디핀", "발사르탄")
    assert exforge.company == "한국노바티스"
    assert result.rows == 4


def test_blank_lines_are_skipped() -> None:
    data = "제품명,ATC코드\n\n노바스크정,C08CA01\n,\n".encode()
    assert len(parse_product_list(data).products) == 1


# --- progress ---------------------------------------------------------------------------------


def test_progress_runs_from_zero_to_one_without_going_back() -> None:
    rows = "".join(f"제품{n}정,C08CA01\n" for n in range(1000))
    seen: list[float] = []
    parse_product_list(("제품명,ATC코드\n" + rows).encode("cp949"), seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    assert all(0.0 <= f <= 1.0 for f in seen)
    assert len(seen) > 10


# --- broken files -----------------------------------------------------------------------------


def test_an_empty_file_is_refused() -> None:
    for data in (b"", b"\xef\xbb\xbf", b"  \r\n\n"):
        error = _error(data)
        assert (error.line, error.reason) == (1, ImportReason.EMPTY_FILE)


def test_a_title_row_without_products_is_refused() -> None:
    error = _error("제품명,ATC코드\n\n".encode())
    assert error.reason == ImportReason.NO_PRODUCTS


def test_a_list_without_an_atc_column_is_refused_on_line_1() -> None:
    error = _error("제품명,주성분코드\n노바스크정,111501ATB\n".encode())
    assert (error.line, error.reason) == (1, ImportReason.MISSING_COLUMN)
    assert "ATC" in error.message or "atc" in error.message


def test_a_list_without_a_product_name_column_is_refused() -> None:
    error = _error("성분명,ATC코드\n암로디핀,C08CA01\n".encode())
    assert (error.line, error.reason) == (1, ImportReason.MISSING_COLUMN)


def test_two_columns_for_the_same_field_are_refused() -> None:
    error = _error("제품명,품목명,ATC코드\n가,나,C08CA01\n".encode())
    assert (error.line, error.reason) == (1, ImportReason.DUPLICATE_COLUMN)


def test_a_malformed_atc_code_is_refused_with_its_line_and_nothing_is_imported() -> None:
    data = "제품명,ATC코드\n노바스크정,C08CA01\n\n엑스포지정,C08CA01;C09CA3\n리피토정,C10AA05\n"
    error = _error(data.encode())
    assert (error.line, error.reason) == (4, ImportReason.BAD_ATC_CODE)
    assert "C09CA3" in error.message


def test_an_atc_level4_code_is_not_accepted_as_level5() -> None:
    error = _error("제품명,ATC코드\n노바스크정,C08CA\n".encode())
    assert (error.line, error.reason) == (2, ImportReason.BAD_ATC_CODE)


def test_a_row_without_a_product_name_is_refused() -> None:
    error = _error("제품명,ATC코드\n노바스크정,C08CA01\n,C09CA03\n".encode())
    assert (error.line, error.reason) == (3, ImportReason.MISSING_PRODUCT_NAME)


def test_a_row_with_more_values_than_titles_is_refused() -> None:
    error = _error("제품명,ATC코드\n노바스크정,C08CA01,5mg\n".encode())
    assert (error.line, error.reason) == (2, ImportReason.TOO_MANY_FIELDS)


def test_a_short_row_is_read_as_if_its_last_cells_were_empty() -> None:
    data = "제품명,ATC코드,업체명\n노바스크정,C08CA01\n".encode()
    assert parse_product_list(data).products[0].company == ""


def test_bytes_that_are_neither_utf8_nor_cp949_are_refused_with_their_line() -> None:
    data = "제품명,ATC코드\n노바스크정,C08CA01\n".encode("cp949") + b"\xff\xfe,C09CA03\n"
    error = _error(data)
    assert (error.line, error.reason) == (3, ImportReason.UNDECODABLE)


def test_a_damaged_utf8_file_is_refused_rather_than_read_as_cp949() -> None:
    data = "제품명,ATC코드\n노바스크정,C08CA01\n리피".encode() + b"\xed\xa0" + b",C10AA05\n"
    error = _error(data)
    assert (error.line, error.reason) == (3, ImportReason.UNDECODABLE)


def test_a_quote_that_is_never_closed_is_refused() -> None:
    error = _error('제품명,ATC코드\n"노바스크정,C08CA01\n'.encode())
    assert error.reason == ImportReason.BAD_CSV


def test_the_error_message_names_the_line() -> None:
    error = _error("제품명,ATC코드\n노바스크정,X\n".encode())
    assert str(error).startswith("line 2:")


# --- with the catalog -------------------------------------------------------------------------


def test_imported_products_are_found_in_the_catalog_with_all_their_ingredients(
    tmp_path: Path,
) -> None:
    catalog = load_catalog(CATALOG_CSV)
    catalog.add_products(read_product_list(_write(tmp_path, KOREAN_LIST.encode("cp949"))).products)
    (match,) = catalog.search("엑스포지")
    assert [i.name_ko for i in match.ingredients] == ["암로디핀", "발사르탄"]
    assert [m.label for m in catalog.search("ㄴㅂㅅㅋ")] == ["노바스크정5밀리그램"]


# --- properties -------------------------------------------------------------------------------

ATC_CODES = [i.atc for i in load_catalog(CATALOG_CSV).ingredients if i.atc]
NAMES = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1)


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(NAMES, st.lists(st.sampled_from(ATC_CODES), min_size=1, max_size=3, unique=True)),
        min_size=1,
        max_size=20,
        unique_by=lambda pair: pair[0],
    ),
    st.sampled_from(["utf-8", "utf-8-sig", "cp949"]),
)
def test_any_written_list_reads_back_the_same_products(
    products: list[tuple[str, list[str]]], encoding: str
) -> None:
    text = "제품명,ATC코드\n" + "".join(f"{name},{';'.join(codes)}\n" for name, codes in products)
    # CP949 (Unified Hangul Code) holds all 11,172 syllables, so every name can be written.
    result = parse_product_list(text.encode(encoding))
    assert [(p.name, list(p.atc_codes)) for p in result.products] == products
