"""The medicines catalog of a workspace and the import of a downloaded product list."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.catalog import CatalogMatch, MatchRank
from consultdesk.domain.medication import Ingredient
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import catalog as service
from consultdesk.services.workspace import Workspace
from tests.conftest import PASSPHRASE

HIRA_STYLE = (
    "제품명,업체명,주성분코드,성분명,ATC코드,보험코드\n"
    "노바스크정5밀리그램,한국화이자제약,111501ATB,암로디핀베실산염,C08CA01,641100050\n"
    "엑스포지정5/160밀리그램,한국노바티스,111501ATB;508001ATB,암로디핀;발사르탄,"
    '"C08CA01, C09CA03",645001230\n'
    "리피토정10밀리그램,비아트리스코리아,469001ATB,아토르바스타틴칼슘,C10AA05,641900040\n"
    "아모잘탄정5/50밀리그램,한미약품,,,C09DB06,643500310\n"
    "노바스크정5밀리그램,한국화이자제약,111501ATB,암로디핀베실산염,C08CA01,641100050\n"
    "판피린큐액,동아제약,,,,\n"
)


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _labels(ws: Workspace, query: str) -> list[str]:
    return [m.label for m in service.medicines_catalog(ws).search(query)]


def _refusal(ws: Workspace, path: Path) -> tuple[str, dict[str, object]]:
    with pytest.raises(ValidationFailed) as caught:
        service.import_products(ws, path)
    (problem,) = caught.value.problems
    return problem.code, problem.params


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_a_product_list_is_imported_and_its_products_are_found(
    workspace: Workspace, tmp_path: Path, encoding: str
) -> None:
    seen: list[float] = []
    summary = service.import_products(
        workspace, _write(tmp_path, HIRA_STYLE, encoding), seen.append
    )
    assert summary.file_name == "list.csv"
    assert (summary.rows, summary.products, summary.merged_duplicates) == (6, 5, 1)
    assert (summary.combinations, summary.without_atc, summary.replaced) == (1, 1, 0)
    assert summary.total == 5 == service.imported_product_count(workspace)
    assert summary.ignored_columns == ("보험코드",)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)

    assert _labels(workspace, "ㄴㅂㅅㅋ") == ["노바스크정5밀리그램"]
    (exforge,) = service.medicines_catalog(workspace).search("엑스포지")
    assert exforge.kind == "product"
    assert exforge.product is not None and exforge.product.company == "한국노바티스"
    assert service.ingredients_for(exforge) == (
        Ingredient("C08CA01", "암로디핀", "amlodipine"),
        Ingredient("C09CA03", "발사르탄", "valsartan"),
    )


def test_bundled_ingredients_come_before_products_and_stay_matched(
    workspace: Workspace, tmp_path: Path
) -> None:
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE))
    first = service.medicines_catalog(workspace).search("암로디핀")[0]
    assert (first.kind, first.rank) == ("ingredient", MatchRank.EXACT)
    assert service.ingredients_for(first) == (Ingredient("C08CA01", "암로디핀", "amlodipine"),)


def test_a_who_combination_code_is_taken_apart_into_its_ingredients(
    workspace: Workspace, tmp_path: Path
) -> None:
    # C09DB06 losartan and amlodipine (resources/catalog/combinations.csv): the rules must see
    # the losartan and the amlodipine, not a code no rule names.
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE))
    (amosartan,) = service.medicines_catalog(workspace).search("아모잘탄")
    assert [i.atc for i in service.ingredients_for(amosartan)] == ["C09CA01", "C08CA01"]


def test_a_product_without_atc_code_is_found_but_fills_no_ingredient(
    workspace: Workspace, tmp_path: Path
) -> None:
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE))
    (syrup,) = service.medicines_catalog(workspace).search("판피린")
    assert service.ingredients_for(syrup) == ()


def test_a_later_list_replaces_products_of_the_same_name_and_keeps_the_others(
    workspace: Workspace, tmp_path: Path
) -> None:
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE, name="2025.csv"))
    newer = (
        "product_name,atc_code,company\n리피토정10밀리그램,C10AA05,새회사\nNorvasc 5mg,C08CA01,\n"
    )
    summary = service.import_products(workspace, _write(tmp_path, newer, name="2026.csv"))
    assert (summary.products, summary.replaced, summary.total) == (2, 1, 6)
    (lipitor,) = service.medicines_catalog(workspace).search("리피토")
    assert lipitor.product is not None and lipitor.product.company == "새회사"
    # Names are compared as the import compares them (case-insensitively).
    again = service.import_products(
        workspace, _write(tmp_path, "name,ATC\nNORVASC 5MG,C08CA01\n", name="x.csv")
    )
    assert (again.replaced, again.total) == (1, 6)
    assert _labels(workspace, "norvasc") == ["NORVASC 5MG"]


def test_a_broken_list_imports_nothing_and_names_the_line_and_reason(
    workspace: Workspace, tmp_path: Path
) -> None:
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE))
    before = service.medicines_catalog(workspace)
    broken = (
        "제품명,ATC코드\n"
        "새로운정10밀리그램,C10AA05\n"
        "\n"
        "엑스포지정5/160밀리그램,C08CA01;C09CA3\n"
        "다른정,C10AA07\n"
    )
    code, params = _refusal(workspace, _write(tmp_path, broken, "cp949", "broken.csv"))
    assert code == "product_bad_atc_code"
    assert params["line"] == 4
    assert params["content"] == "엑스포지정5/160밀리그램,C08CA01;C09CA3"
    assert "C09CA3" in str(params["detail"])
    assert service.imported_product_count(workspace) == 5
    assert service.medicines_catalog(workspace) is before
    assert _labels(workspace, "새로운") == []


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "product_empty_file", 1),
        ("제품명,주성분코드\n노바스크정,111501ATB\n", "product_missing_column", 1),
        ("제품명,품목명,ATC코드\n가,나,C08CA01\n", "product_duplicate_column", 1),
        ("제품명,ATC코드\n노바스크정,C08CA01,5mg\n", "product_too_many_fields", 2),
        ("제품명,ATC코드\n노바스크정,C08CA01\n,C09CA03\n", "product_missing_product_name", 3),
        ('제품명,ATC코드\n"노바스크정,C08CA01\n', "product_bad_csv", 2),
        ("제품명,ATC코드\n\n", "product_no_products", 2),
    ],
)
def test_each_kind_of_broken_file_has_its_own_reason(
    workspace: Workspace, tmp_path: Path, text: str, code: str, line: int
) -> None:
    found, params = _refusal(workspace, _write(tmp_path, text))
    assert (found, params["line"]) == (code, line)
    assert service.imported_product_count(workspace) == 0


def test_bytes_that_are_no_text_are_refused_with_their_line(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("제품명,ATC코드\n노바스크정,C08CA01\n".encode("cp949") + b"\xff\xfe,C09CA03\n")
    code, params = _refusal(workspace, path)
    assert (code, params["line"]) == ("product_undecodable", 3)


def test_a_missing_file_is_refused_without_a_crash(workspace: Workspace, tmp_path: Path) -> None:
    code, params = _refusal(workspace, tmp_path / "gone.csv")
    assert code == service.UNREADABLE
    assert params["detail"]


def test_every_refusal_code_is_one_of_the_announced_codes() -> None:
    from consultdesk.domain.product_import import ImportReason

    assert {f"product_{r.value}" for r in ImportReason} < set(service.PROBLEM_CODES)


def test_imported_products_are_kept_in_the_database(tmp_path: Path) -> None:
    from consultdesk.services.workspace import Profile

    data = tmp_path / "data"
    ws = Workspace.create(data, PASSPHRASE, PASSPHRASE, Profile("박약사"))
    try:
        service.import_products(ws, _write(tmp_path, HIRA_STYLE))
    finally:
        ws.close()
    reopened = Workspace.unlock(data, PASSPHRASE)
    try:
        assert _labels(reopened, "리피토") == ["리피토정10밀리그램"]
    finally:
        reopened.close()


def test_the_catalog_is_built_once_and_replaced_by_an_import_or_a_clear(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = service.medicines_catalog(workspace)
    assert service.medicines_catalog(workspace) is first
    assert len(first) == len(service.bundled_ingredients())
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE))
    imported = service.medicines_catalog(workspace)
    assert imported is not first and len(imported) == len(first) + 5
    assert service.clear_products(workspace) == 5
    assert service.imported_product_count(workspace) == 0
    assert _labels(workspace, "노바스크") == []
    assert _labels(workspace, "암로디핀")[0] == "암로디핀"


# --- from a chosen line to a medication row ----------------------------------------------------


def _one(ws: Workspace, query: str) -> CatalogMatch:
    return service.medicines_catalog(ws).search(query)[0]


def test_strengths_are_suggested_from_the_catalog_or_the_product_name(
    workspace: Workspace, tmp_path: Path
) -> None:
    service.import_products(workspace, _write(tmp_path, HIRA_STYLE))
    assert service.strength_suggestions(_one(workspace, "암로디핀")) == ("2.5 mg", "5 mg", "10 mg")
    assert service.strength_suggestions(_one(workspace, "노바스크")) == ("5 mg",)
    assert service.strength_suggestions(_one(workspace, "엑스포지")) == ("5/160 mg",)
    assert service.strength_suggestions(_one(workspace, "판피린")) == ()


@pytest.mark.parametrize(
    ("name", "strength"),
    [
        ("노바스크정5밀리그램", "5 mg"),
        ("리피토정10mg", "10 mg"),
        ("엑스포지정5/160밀리그램", "5/160 mg"),
        ("란투스주솔로스타100단위/mL", "100 U/mL"),
        ("히알루론산나트륨점안액0.1%", "0.1%"),
        ("알파칼시돌캡슐0.25마이크로그램", "0.25 mcg"),
        ("판피린큐액", ""),
    ],
)
def test_the_strength_written_in_a_product_name_is_read(name: str, strength: str) -> None:
    assert service.product_strength(name) == strength


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("노바스크정5밀리그램", "oral"),
        ("겔포스엠현탁액", "oral"),
        ("디클로페낙나트륨겔", "topical"),
        ("케토톱플라스타", "topical"),
        ("히알루론산나트륨점안액0.1%", "eye"),
        ("란투스주솔로스타", "injection"),
        ("스피리바레스피맷", "inhaled"),
        ("뉴프람패취", "transdermal"),
        ("이름만있는약", ""),
    ],
)
def test_the_form_written_in_a_product_name_is_read(name: str, form: str) -> None:
    assert service.product_form(name) == form


def test_the_suggested_form_of_an_ingredient_is_its_own_and_a_product_falls_back_to_oral(
    workspace: Workspace, tmp_path: Path
) -> None:
    service.import_products(
        workspace,
        _write(tmp_path, "제품명,ATC코드\n볼타렌에멀겔,M02AA15\n이름만있는약,C10AA05\n수수께끼,\n"),
    )
    by_code = {
        m.ingredients[0].atc: service.suggested_form(m)
        for m in service.medicines_catalog(workspace).search("디클로페낙")
    }
    assert by_code == {"M01AB05": "oral", "M02AA15": "topical"}
    assert service.suggested_form(_one(workspace, "볼타렌")) == "topical"
    assert service.suggested_form(_one(workspace, "이름만")) == "oral"
    assert service.suggested_form(_one(workspace, "수수께끼")) == "oral"


def test_imports_and_removals_are_in_the_access_log(workspace: Workspace, tmp_path: Path) -> None:
    from sqlmodel import select

    from consultdesk.storage.models import AuditEvent

    service.import_products(workspace, _write(tmp_path, HIRA_STYLE, name="hira-2026.csv"))
    service.clear_products(workspace)
    with workspace.db.session() as s:
        events = [
            (e.action, e.record_id, e.actor)
            for e in s.exec(select(AuditEvent).where(AuditEvent.entity == "imported_product"))
        ]
    assert events == [("import", "hira-2026.csv", "박약사"), ("delete", "*", "박약사")]
