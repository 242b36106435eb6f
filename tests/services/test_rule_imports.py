"""Importing a DUR file into a real workspace: which rows name no ingredient a medication row can
hold (the bundled catalog, or an imported product list), and their CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from consultdesk.services import catalog as catalog_service
from consultdesk.services import rule_imports
from tests.domain.test_dur_import import PUBLISHED_COMBINATION_HEADER, PUBLISHED_ROWS


def published(tmp_path: Path, name: str = "병용금기.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(
        ("\r\n".join([PUBLISHED_COMBINATION_HEADER, *PUBLISHED_ROWS]) + "\r\n").encode("cp949")
    )
    return path


def test_a_row_naming_no_catalog_ingredient_is_reported(workspace, tmp_path) -> None:
    summary = rule_imports.import_dur_file(workspace, published(tmp_path))
    assert [(r.line, r.dur_seq, r.unmatched) for r in summary.unmatched] == [
        (5, "1501", ("ingredient",))
    ]
    # The salt names of the other rows (칸데사르탄실렉세틸, 알리스키렌헤미푸마르산염,
    # 티자니딘염산염) all matched a catalog ingredient.
    assert summary.rules == 3


def test_an_imported_product_ingredient_counts_as_known(workspace, tmp_path) -> None:
    products = tmp_path / "products.csv"
    products.write_text("제품명,ATC코드,성분명\n운노우늄정,,운노우늄염화물\n", encoding="utf-8")
    catalog_service.import_products(workspace, products)
    summary = rule_imports.import_dur_file(workspace, published(tmp_path))
    assert summary.unmatched == ()


def test_the_unmatched_rows_export_as_utf8_csv_with_the_mfds_titles(workspace, tmp_path) -> None:
    summary = rule_imports.import_dur_file(workspace, published(tmp_path))
    target = tmp_path / "unmatched.csv"
    assert rule_imports.export_unmatched(target, summary.unmatched) == 1
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(rule_imports.UNMATCHED_COLUMNS)
    assert rows[1][:4] == ["5", "1501", "Unknownium Chloride", "운노우늄염화물"]
    with pytest.raises(OSError):
        rule_imports.export_unmatched(tmp_path / "missing" / "x.csv", summary.unmatched)
