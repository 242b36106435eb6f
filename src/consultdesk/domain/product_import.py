"""Read a product list CSV that a user downloaded (e.g. from HIRA or MFDS) into Products.

All or nothing: the whole list comes back, or ProductImportError says which line is wrong and
why. Columns are found by their title, Korean or English; resources/catalog/README.md lists the
titles that are understood.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from consultdesk.domain.catalog import ATC_LEVEL5, Product

Progress = Callable[[float], None]


class ImportReason(StrEnum):
    """Why a file was refused; the UI translates these, the message is the English default."""

    EMPTY_FILE = "empty_file"
    UNDECODABLE = "undecodable"
    BAD_CSV = "bad_csv"
    MISSING_COLUMN = "missing_column"
    DUPLICATE_COLUMN = "duplicate_column"
    TOO_MANY_FIELDS = "too_many_fields"
    MISSING_PRODUCT_NAME = "missing_product_name"
    BAD_ATC_CODE = "bad_atc_code"
    NO_PRODUCTS = "no_products"


class ProductImportError(ValueError):
    """A product list that cannot be imported. ``line`` is 1-based; the title row is line 1."""

    def __init__(self, line: int, reason: ImportReason, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.reason = reason
        self.message = message


# Column titles are compared after _title_key(): NFC, case-folded, without spaces, "_", "-", ".",
# "(" and ")". The Korean titles are the ones HIRA/MFDS downloads use; the English ones are
# snake_case names and the MFDS open-API field names (ITEM_NAME, ENTP_NAME, ...).
TITLES: dict[str, tuple[str, ...]] = {
    "name": ("제품명", "품목명", "상품명", "productname", "product", "itemname", "name"),
    "atc": ("atc코드", "atc", "atccode", "atc분류코드"),
    "ingredient_code": ("주성분코드", "성분코드", "ingredientcode", "ingrcode"),
    "ingredient_name": ("성분명", "주성분명", "주성분", "일반명", "ingredientname", "ingrname"),
    "company": ("업체명", "제약사", "제조사", "회사명", "company", "manufacturer", "entpname"),
}
REQUIRED = ("name", "atc")
_TITLE_IGNORED = re.compile(r"[\s_\-.()]+")
_LIST_SPLIT = re.compile(r"[;,]")  # a combination product lists its codes as "A;B" or "A,B"
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class ProductList:
    """What an import produced: the products (duplicates merged) and the columns left unused."""

    products: tuple[Product, ...]
    ignored_columns: tuple[str, ...]
    rows: int


def read_product_list(path: Path, progress: Progress | None = None) -> ProductList:
    return parse_product_list(path.read_bytes(), progress)


def parse_product_list(data: bytes, progress: Progress | None = None) -> ProductList:
    text = _decode(data)
    if not text.strip():
        raise ProductImportError(1, ImportReason.EMPTY_FILE, "The file is empty.")
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    total_lines = max(1, text.count("\n") + 1)
    report_every = max(1, total_lines // 100)
    if progress is not None:
        progress(0.0)
    try:
        header = next(reader)
        columns, ignored = _map_columns(header)
        merged: dict[str, _Draft] = {}
        rows = 0
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            _add_row(merged, _cells(row, header, line), columns, line)
            if progress is not None and rows % report_every == 0:
                progress(min(line / total_lines, 0.99))
    except csv.Error as exc:
        raise ProductImportError(
            reader.line_num, ImportReason.BAD_CSV, f"The file is not valid CSV: {exc}."
        ) from exc
    if not merged:
        raise ProductImportError(
            reader.line_num, ImportReason.NO_PRODUCTS, "The file has a title row but no products."
        )
    if progress is not None:
        progress(1.0)
    products = tuple(draft.product() for draft in merged.values())
    return ProductList(products, ignored, rows)


@dataclass(slots=True)
class _Draft:
    name: str
    atc_codes: list[str]
    ingredient_codes: list[str]
    ingredient_names: list[str]
    company: str

    def product(self) -> Product:
        return Product(
            self.name,
            tuple(self.atc_codes),
            tuple(self.ingredient_codes),
            tuple(self.ingredient_names),
            self.company,
        )


def _decode(data: bytes) -> str:
    if data.startswith(_UTF8_BOM):
        return _strict(data[len(_UTF8_BOM) :], "utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Korean UTF-8 that breaks half-way is a damaged UTF-8 file, not CP949: reading it as
        # CP949 would import garbled names without a word.
        if any(b >= 0x80 for b in data[: exc.start]):
            raise _undecodable(data, exc.start) from exc
    return _strict(data, "cp949")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc.start) from exc


def _undecodable(data: bytes, offset: int) -> ProductImportError:
    line = data.count(b"\n", 0, offset) + 1
    return ProductImportError(
        line,
        ImportReason.UNDECODABLE,
        "The file is neither UTF-8 nor CP949 text; save it again as CSV (UTF-8).",
    )


def _title_key(title: str) -> str:
    return _TITLE_IGNORED.sub("", unicodedata.normalize("NFC", title).casefold())


_BY_TITLE = {title: field for field, titles in TITLES.items() for title in titles}


def _map_columns(header: list[str]) -> tuple[dict[str, int], tuple[str, ...]]:
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, title in enumerate(header):
        field = _BY_TITLE.get(_title_key(title))
        if field is None:
            if title.strip():
                ignored.append(title.strip())
            continue
        if field in columns:
            raise ProductImportError(
                1,
                ImportReason.DUPLICATE_COLUMN,
                f"Two columns hold the {field.replace('_', ' ')}: "
                f"{header[columns[field]].strip()!r} and {title.strip()!r}.",
            )
        columns[field] = index
    for field in REQUIRED:
        if field not in columns:
            expected = " or ".join(repr(t) for t in TITLES[field][:3])
            raise ProductImportError(
                1, ImportReason.MISSING_COLUMN, f"No column for the {field}: expected {expected}."
            )
    return columns, tuple(ignored)


def _cells(row: list[str], header: list[str], line: int) -> list[str]:
    # Spreadsheets drop empty trailing cells, so a short row is padded; a long one is refused
    # because its values can no longer be told apart.
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        raise ProductImportError(
            line,
            ImportReason.TOO_MANY_FIELDS,
            f"This row has {len(row)} values but the title row has {len(header)} columns.",
        )
    return (row + [""] * len(header))[: len(header)]


def _add_row(
    merged: dict[str, _Draft], cells: list[str], columns: dict[str, int], line: int
) -> None:
    def cell(field: str) -> str:
        return cells[columns[field]].strip() if field in columns else ""

    name = " ".join(unicodedata.normalize("NFC", cell("name")).split())
    if not name:
        raise ProductImportError(
            line, ImportReason.MISSING_PRODUCT_NAME, "This row has no product name."
        )
    atc_codes = [code.upper() for code in _split(cell("atc"))]
    for code in atc_codes:
        if not ATC_LEVEL5.match(code):
            raise ProductImportError(
                line,
                ImportReason.BAD_ATC_CODE,
                f"{code!r} is not a WHO ATC level-5 code (like C08CA01).",
            )
    draft = merged.get(name.casefold())
    if draft is None:
        draft = merged[name.casefold()] = _Draft(name, [], [], [], cell("company"))
    _extend(draft.atc_codes, atc_codes)
    _extend(draft.ingredient_codes, _split(cell("ingredient_code")))
    _extend(draft.ingredient_names, _split(cell("ingredient_name")))
    draft.company = draft.company or cell("company")


def _split(value: str) -> list[str]:
    return [part.strip() for part in _LIST_SPLIT.split(value) if part.strip()]


def _extend(target: list[str], values: list[str]) -> None:
    target.extend(v for v in values if v not in target)
