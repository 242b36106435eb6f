"""The medicines catalog the inventory searches: the bundled ingredients plus imported products.

One Catalog per open workspace, built on first use and kept: a search is then a few string
scans. An import replaces the cached catalog with a new one built off the GUI thread, so a
search never waits for a rebuild and never sees a half-imported list (a Catalog is not changed
once it is published here).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

from consultdesk.domain.catalog import (
    Catalog,
    CatalogIngredient,
    CatalogMatch,
    Combinations,
    Product,
    load_catalog,
    load_classes,
    load_combinations,
    load_synonyms,
)
from consultdesk.domain.medication import LOCAL_FORMS, Ingredient
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.product_import import (
    ImportReason,
    ProductImportError,
    ProductList,
    parse_product_list,
)
from consultdesk.domain.rules.model import IngredientClass
from consultdesk.paths import resource_path
from consultdesk.services.workspace import Workspace
from consultdesk.storage import catalog_repo

Progress = Callable[[float], None]

BUNDLED_CATALOG = "catalog/ingredients.csv"
BUNDLED_CLASSES = "catalog/classes.csv"
BUNDLED_COMBINATIONS = "catalog/combinations.csv"
BUNDLED_SYNONYMS = "catalog/synonyms.csv"
# Share of the progress bar each step gets: reading the file, writing it, indexing it.
_READ, _WRITE = 0.55, 0.35

# Held while a catalog is built or replaced, so that a build that read the database before an
# import cannot publish its older list after the import's. Lookups do not take it: a search on
# the GUI thread must not wait for a build running in the background.
_build_lock = threading.Lock()
_catalogs: WeakKeyDictionary[Workspace, Catalog] = WeakKeyDictionary()


@cache
def bundled_ingredients() -> tuple[CatalogIngredient, ...]:
    """The ingredients of resources/catalog/ingredients.csv (read once per process)."""
    return load_catalog(resource_path(BUNDLED_CATALOG)).ingredients


@cache
def bundled_synonyms() -> dict[tuple[str, str], tuple[str, ...]]:
    """Other names the search finds catalog rows by (resources/catalog/synonyms.csv)."""
    return load_synonyms(resource_path(BUNDLED_SYNONYMS))


@cache
def bundled_combinations() -> Combinations:
    """WHO combination codes taken apart (resources/catalog/combinations.csv, read once)."""
    return load_combinations(resource_path(BUNDLED_COMBINATIONS))


@cache
def bundled_classes() -> tuple[IngredientClass, ...]:
    """The ATC classes of ingredients WHO has not coded (resources/catalog/classes.csv)."""
    return load_classes(resource_path(BUNDLED_CLASSES))


def medicines_catalog(ws: Workspace) -> Catalog:
    """The catalog for this workspace: built on the first call, then the same object until an
    import or a clear replaces it. Safe to call from any thread."""
    catalog = _catalogs.get(ws)
    if catalog is not None:
        return catalog
    with _build_lock:
        catalog = _catalogs.get(ws)
        if catalog is None:  # nobody built it while this thread waited for the lock
            catalog = _build(_load_products(ws))
            _catalogs[ws] = catalog
        return catalog


def catalog_ready(ws: Workspace) -> bool:
    """True once the catalog of this workspace is built (a search then never waits)."""
    return ws in _catalogs


def build_catalog(products: Iterable[Product] = ()) -> Catalog:
    """The bundled ingredients plus these products, as a workspace's catalog holds them."""
    catalog = Catalog(
        bundled_ingredients(), bundled_synonyms(), combinations=bundled_combinations()
    )
    catalog.add_products(products)
    return catalog


_build = build_catalog


def _publish(ws: Workspace, catalog: Catalog) -> None:
    with _build_lock:
        _catalogs[ws] = catalog


def _load_products(ws: Workspace) -> list[Product]:
    # A read-only (deferred) transaction: reading 50,000 rows must not hold the write lock.
    with ws.db.session(read_only=True) as s:
        return catalog_repo.stored_products(s)


# --- importing a product list ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, for the person who ran it."""

    file_name: str
    rows: int  # product rows read from the file
    products: int  # distinct products in the file
    merged_duplicates: int  # rows folded into an earlier row with the same product name
    combinations: int  # products with two or more ATC codes
    without_atc: int  # products without any ATC code: found by name, unseen by the rules
    replaced: int  # products that replaced the same name from an earlier import
    total: int  # products stored after the import
    ignored_columns: tuple[str, ...]


# Problem codes: "product_" + the domain's ImportReason, or "product_unreadable" when the file
# cannot be opened at all. Their sentences are in ui/messages.py.
UNREADABLE = "product_unreadable"
PROBLEM_CODES = (UNREADABLE, *(f"product_{reason.value}" for reason in ImportReason))


def _refused(error: ProductImportError, data: bytes) -> ValidationFailed:
    params = {"line": error.line, "content": _line_text(data, error.line), "detail": error.message}
    return ValidationFailed([Problem("file", f"product_{error.reason.value}", params, str(error))])


def _line_text(data: bytes, number: int, limit: int = 80) -> str:
    """Line ``number`` of the file as the person would see it, shortened, to quote in a message."""
    lines = data.split(b"\n", number)
    if not 1 <= number <= len(lines):
        return ""
    raw = lines[number - 1].rstrip(b"\r")
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp949", errors="replace")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_products(path: Path, progress: Progress | None = None) -> ProductList:
    """Parse a product list file; ValidationFailed names the line and the reason."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise ValidationFailed(
            [Problem("file", UNREADABLE, {"detail": detail}, f"cannot read {path.name}: {detail}")]
        ) from exc
    try:
        return parse_product_list(data, progress)
    except ProductImportError as exc:
        raise _refused(exc, data) from exc


def import_products(ws: Workspace, path: Path, progress: Progress | None = None) -> ImportSummary:
    """Read a product list and store it; a later file replaces products of the same name.

    Runs off the GUI thread. All or nothing: a malformed file raises ValidationFailed (with the
    line and one code per reason) before anything is written, and the products are written in
    one transaction.
    """

    def report(fraction: float) -> None:
        if progress is not None:
            progress(min(1.0, max(0.0, fraction)))

    parsed = read_products(path, lambda f: report(f * _READ))
    products = parsed.products
    with ws.db.session() as s:
        replaced = catalog_repo.store_products(
            s, products, path.name, lambda done: report(_READ + _WRITE * done / len(products))
        )
        total = catalog_repo.product_count(s)
        s.add(ws.audit("import", "imported_product", path.name, None))
    # Built and published only after the commit above, so the search never shows products that
    # a failed write rolled back, and the write lock is not held while the index is built.
    _publish(ws, _build(_load_products(ws)))
    report(1.0)
    return ImportSummary(
        file_name=path.name,
        rows=parsed.rows,
        products=len(products),
        merged_duplicates=parsed.rows - len(products),
        combinations=sum(1 for p in products if len(p.atc_codes) > 1),
        without_atc=sum(1 for p in products if not p.atc_codes),
        replaced=len(replaced),
        total=total,
        ignored_columns=parsed.ignored_columns,
    )


def imported_product_count(ws: Workspace) -> int:
    with ws.db.session(read_only=True) as s:
        return catalog_repo.product_count(s)


def clear_products(ws: Workspace) -> int:
    """Forget every imported product; the bundled ingredients stay. Returns how many went."""
    with ws.db.session() as s:
        count = catalog_repo.clear_products(s)
        s.add(ws.audit("delete", "imported_product", "*", None))
    _publish(ws, _build(()))
    return count


# --- from a chosen match to a medication row ---------------------------------------------------


def ingredients_for(match: CatalogMatch) -> tuple[Ingredient, ...]:
    """The ingredients a medication row stores for a chosen catalog line (every ingredient of a
    combination product, each with its ATC code, so the duplicate and class rules see them)."""
    return tuple(Ingredient(i.atc, i.name_ko, i.name_en) for i in match.ingredients)


# A strength written into a Korean product name: "노바스크정5밀리그램", "엑스포지정5/160밀리그램",
# "리피토정10mg", "란투스주100단위/mL". Units are written the way the bundled catalog writes them.
_STRENGTH = re.compile(
    r"(\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*)\s*"
    r"(밀리그램|밀리그람|mg|마이크로그램|마이크로그람|mcg|μg|µg|㎍|그램|그람|g|%|퍼센트|단위|iu)"
    r"(/\s*(?:밀리리터|ml|mL))?",
    re.IGNORECASE,
)
_UNITS = {
    "밀리그램": "mg",
    "밀리그람": "mg",
    "mg": "mg",
    "마이크로그램": "mcg",
    "마이크로그람": "mcg",
    "mcg": "mcg",
    "μg": "mcg",
    "µg": "mcg",
    "㎍": "mcg",
    "그램": "g",
    "그람": "g",
    "g": "g",
    "%": "%",
    "퍼센트": "%",
    "단위": "U",
    "iu": "IU",
}


def product_strength(name: str) -> str:
    """The strength a product name states ("노바스크정5밀리그램" → "5 mg"), or ""."""
    found = _STRENGTH.search(name)
    if found is None:
        return ""
    number, unit, per_ml = found.groups()
    text = f"{number}%" if unit == "%" or unit == "퍼센트" else f"{number} {_UNITS[unit.lower()]}"
    return text + ("/mL" if per_ml else "")


def strength_suggestions(match: CatalogMatch) -> tuple[str, ...]:
    """Strengths to offer for a chosen line: the one a product's name states, else the common
    strengths of a single ingredient from the bundled catalog."""
    if match.product is not None:
        stated = product_strength(match.product.name)
        return (stated,) if stated else ()
    if len(match.ingredients) == 1:
        return match.ingredients[0].strengths
    return ()


# Words in a Korean product name that give its form away. A distinctive word anywhere in the name
# decides ("히알루론산나트륨점안액" is an eye drop although it ends in "액"); otherwise the last
# of the common words does ("겔포스엠현탁액" is an oral suspension, "디클로페낙겔" a gel).
_DISTINCTIVE = (
    # Sublingual tablets and mouth sprays (니트로글리세린설하정) act systemically.
    ("oral", ("설하", "구강분무", "구강스프레이", "구강붕해")),
    ("transdermal", ("패취", "패치", "첩부")),
    ("eye", ("점안", "안연고", "안약")),
    ("ear", ("점이",)),
    ("nasal", ("비강", "나잘", "점비")),
    ("inhaled", ("흡입", "에어로", "디스커스", "엘립타", "레스피맷", "핸디헬러", "터부헬러")),
    ("rectal", ("좌제", "좌약", "관장")),
    ("injection", ("주사", "프리필드", "펜주")),
)
_COMMON = (
    ("topical", ("크림", "연고", "겔", "로션", "외용", "스프레이", "파스", "플라스타")),
    ("injection", ("주",)),
    ("oral", ("정", "캡슐", "시럽", "현탁", "과립", "액", "환", "산")),
)
_SPRAY = re.compile("스프레이|분무")
_DISTINCTIVE_WORD = re.compile("|".join(w for _, words in _DISTINCTIVE for w in words))
_COMMON_WORD = re.compile("|".join(w for _, words in _COMMON for w in words))
_FORM_OF = {w: form for form, words in _DISTINCTIVE + _COMMON for w in words}


def product_form(name: str) -> str:
    """The form a Korean product name states, or "" when it says none."""
    # Only the words before the strength: "노바스크정5밀리그램" → "노바스크정".
    words = re.split(r"\d", name, maxsplit=1)[0]
    found = _DISTINCTIVE_WORD.search(words)
    if found is not None:
        return _FORM_OF[found.group()]
    common = _COMMON_WORD.findall(words)
    return _FORM_OF[common[-1]] if common else ""


def suggested_form(match: CatalogMatch) -> str:
    """The form to record for a chosen line (it decides whether the systemic checks apply).

    An ingredient carries its form. For a product, its name decides ("노바스크정" oral,
    "디클로페낙겔" topical); failing that, the forms of its known ingredients if they agree;
    failing that "oral", because a medicine of unknown form must still be checked.
    """
    if match.product is None:
        forms = {i.form for i in match.ingredients}
        return forms.pop() if len(forms) == 1 else "oral"
    stated = product_form(match.product.name)
    # Ingredients the bundled catalog lacks are stand-ins of form "other", which says nothing.
    known = {i.form for i in match.ingredients if i.form != "other"}
    if stated == "topical" and _SPRAY.search(match.product.name) and known:
        # "스프레이" is a skin spray or a mouth spray; WHO gives skin forms their own codes
        # (M02AA ketoprofen), so a spray of a systemically coded ingredient (C01DA08
        # isosorbide dinitrate) is taken as the ingredient's form, not as topical.
        systemic = {f for f in known if f not in LOCAL_FORMS}
        if systemic == known and len(known) == 1:
            return known.pop()
    if stated:
        return stated
    return known.pop() if len(known) == 1 else "oral"
