"""The bundled medicines catalog (resources/catalog/ingredients.csv) and its search box.

Search answers one keystroke at a time with 50,000 imported products loaded, so every name is
folded once when it is loaded, and the keys of each kind are joined into one string that
``str.find`` scans in C. Entries are joined in catalog order, so the hits of one kind arrive in
the order the results are shown and the scan stops as soon as the result list is full.
"""

from __future__ import annotations

import csv
import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Literal

from consultdesk.domain.hangul import INITIALS, consonants, initials, is_initials_query, matches
from consultdesk.domain.medication import Ingredient
from consultdesk.domain.rules.model import IngredientClass

COLUMNS = ("atc", "name_ko", "name_en", "strengths", "form", "group")
FORMS = frozenset(
    {
        "oral",
        "topical",
        "inhaled",
        "injection",
        "eye",
        "ear",
        "nasal",
        "rectal",
        "transdermal",
        "other",
    }
)
# WHO ATC level 5: anatomical group, two digits, two letters, two digits (e.g. C08CA01).
ATC_LEVEL5 = re.compile(r"^[A-Z]\d\d[A-Z][A-Z]\d\d$")
# Typed spaces and punctuation carry no meaning in a drug name: "오메가-3 지방산" should be found
# by "오메가3지방산" and "insulin (human)" by "insulinhuman".
_IGNORED = re.compile(r"[\s·・\-‐_/,()\[\]]+")
_SEP = "\n"  # never part of a folded key, so a hit cannot straddle two names


# Full-width Latin letters, digits and signs (U+FF01–U+FF5E, and the ideographic space) as a
# Korean input method in full-width mode types them: ａｓｐｉｒｉｎ is aspirin. Only these:
# NFKC would also turn the initial consonants typed for a search (ㅇㅅㅍ) into other letters.
_NARROW = {wide: wide - 0xFEE0 for wide in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Looked for first: translate() with that table doubled the cost of folding the 50,000 names
# of an imported product list, which seldom hold any of them.
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def fold(text: str) -> str:
    """The form names are compared in: NFC (files from a Mac may be NFD), full-width Latin as
    ASCII, case-folded, no spaces or punctuation."""
    text = unicodedata.normalize("NFC", text)
    if _WIDE.search(text):
        text = text.translate(_NARROW)
    return _IGNORED.sub("", text.casefold())


class CatalogError(ValueError):
    """The bundled catalog file is malformed; ``line`` is 1-based (the header is line 1)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True, slots=True)
class CatalogIngredient:
    """One row of the catalog: an ingredient under one WHO ATC level-5 code ("" if it has none)."""

    atc: str
    name_ko: str
    name_en: str
    strengths: tuple[str, ...]
    form: str
    group: str


@dataclass(frozen=True, slots=True)
class Product:
    """A product from a user's product list. A combination product lists several codes."""

    name: str
    atc_codes: tuple[str, ...] = ()
    ingredient_codes: tuple[str, ...] = ()  # MFDS/HIRA 주성분코드, as the list wrote them
    ingredient_names: tuple[str, ...] = ()
    company: str = ""


class MatchRank(IntEnum):
    """Lower is better; results are ordered by rank, then by catalog order."""

    EXACT = 0
    PREFIX = 1
    SUBSTRING = 2
    INITIALS = 3


@dataclass(frozen=True, slots=True)
class CatalogMatch:
    """One line of the search results; a product line carries every ingredient it contains."""

    kind: Literal["ingredient", "product"]
    label: str
    rank: MatchRank
    ingredients: tuple[CatalogIngredient, ...]
    product: Product | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    ingredients: tuple[CatalogIngredient, ...]
    product: Product | None
    texts: tuple[str, ...]  # the raw names matches() is asked about


class _Haystack:
    """Keys of one kind joined by _SEP; maps a hit position back to its entry."""

    def __init__(self, keys: list[tuple[int, str]]) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._owner: list[int] = []
        pos = 0
        for entry, key in keys:
            self._starts.append(pos)
            self._owner.append(entry)
            parts.append(_SEP + key)
            pos += len(key) + 1
        self.text = "".join(parts) + _SEP

    def hits(self, needle: str) -> Iterator[int]:
        """Entries whose key contains ``needle``, in catalog order (an entry may repeat)."""
        start = 0
        while (pos := self.text.find(needle, start)) != -1:
            key = bisect_right(self._starts, pos) - 1
            yield self._owner[key]
            # Skip the rest of this key: one hit per key is enough.
            start = self._starts[key + 1] if key + 1 < len(self._starts) else len(self.text)

    def regex_hits(self, pattern: re.Pattern[str]) -> Iterator[int]:
        start = 0
        while (found := pattern.search(self.text, start)) is not None:
            key = bisect_right(self._starts, found.start()) - 1
            yield self._owner[key]
            start = self._starts[key + 1] if key + 1 < len(self._starts) else len(self.text)


class Combinations:
    """WHO combination codes (and the bundled combination rows) taken apart into their
    ingredients, from resources/catalog/combinations.csv, so that every rule sees each one:
    Ultracet's N02AJ13 is tramadol N02AX02 + paracetamol N02BE01."""

    def __init__(self, parts: Mapping[str, tuple[Ingredient, ...]] | None = None) -> None:
        self._parts = dict(parts or {})

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._parts

    def codes(self) -> tuple[str, ...]:
        return tuple(self._parts)

    def parts(self, code: str) -> tuple[Ingredient, ...]:
        return self._parts.get(code.strip().upper(), ())

    def expand(self, ingredients: Iterable[Ingredient]) -> tuple[Ingredient, ...]:
        """The ingredients with every combination code replaced by its components (each once)."""
        out: list[Ingredient] = []
        for ingredient in ingredients:
            parts = self._parts.get(ingredient.atc.strip().upper())
            for part in parts or (ingredient,):
                if part not in out:
                    out.append(part)
        return tuple(out)


def _systemic_first(ingredients: Sequence[CatalogIngredient]) -> list[CatalogIngredient]:
    """The catalog's order, except that rows sharing a Korean name put the oral form first:
    typing 타크로리무스 offers the capsule (L04AD02, an immunosuppressant the high-alert and
    interaction rules watch) before the ointment (D11AH01), which stays one line below."""
    first: dict[str, int] = {}
    for n, i in enumerate(ingredients):
        first.setdefault(i.name_ko, n)
    order = sorted(
        range(len(ingredients)),
        key=lambda n: (first[ingredients[n].name_ko], ingredients[n].form != "oral", n),
    )
    return [ingredients[n] for n in order]


class Catalog:
    """The ingredients of the bundled catalog plus any imported products, searchable by name."""

    def __init__(
        self,
        ingredients: Iterable[CatalogIngredient],
        synonyms: Mapping[tuple[str, str], tuple[str, ...]] | None = None,
        combinations: Combinations | None = None,
    ) -> None:
        self._ingredients = tuple(ingredients)
        self._combinations = combinations or Combinations()
        # (atc, name_ko) → other names the search also finds the ingredient by (old spellings,
        # common names: "아카보스" finds 아카보즈). The result still shows the catalog's name.
        self._synonyms = dict(synonyms or {})
        self._by_atc = {i.atc: i for i in self._ingredients if i.atc}
        self._products: list[Product] = []
        self._rebuild()

    @property
    def ingredients(self) -> tuple[CatalogIngredient, ...]:
        return self._ingredients

    @property
    def products(self) -> tuple[Product, ...]:
        return tuple(self._products)

    def by_atc(self, code: str) -> CatalogIngredient | None:
        return self._by_atc.get(code.strip().upper())

    def add_products(self, products: Iterable[Product]) -> None:
        self._products.extend(products)
        self._rebuild()

    def ingredients_of(self, product: Product) -> tuple[CatalogIngredient, ...]:
        """Every ingredient of a product, one per ATC code. A code the bundled catalog lacks (a
        combination code such as C09DB01, or a newer drug) still yields an ingredient, named from
        the product list, so that duplicate and class checks see every code."""
        out: list[CatalogIngredient] = []
        for n, code in enumerate(product.atc_codes):
            if code in self._combinations:
                parts = self._parts_of(code, "other")
                out += [p for p in parts if p not in out]
                continue
            known = self._by_atc.get(code)
            if known is not None:
                out.append(known)
                continue
            name = _paired(product.ingredient_names, n, len(product.atc_codes)) or code
            out.append(CatalogIngredient(code, name, name, (), "other", "other"))
        return tuple(out)

    def components(self, ingredient: CatalogIngredient) -> tuple[CatalogIngredient, ...]:
        """A bundled combination row (sacubitril/valsartan) as its ingredients; else itself."""
        if not ingredient.atc or ingredient.atc not in self._combinations:
            return (ingredient,)
        return self._parts_of(ingredient.atc, ingredient.form)

    def _parts_of(self, code: str, form: str) -> tuple[CatalogIngredient, ...]:
        parts = []
        for part in self._combinations.parts(code):
            known = self._by_atc.get(part.atc) if part.atc else None
            parts.append(
                known or CatalogIngredient(part.atc, part.name_ko, part.name_en, (), form, "other")
            )
        return tuple(parts)

    def search(self, query: str, limit: int = 20) -> list[CatalogMatch]:
        q = fold(query)
        if not q or limit <= 0:
            return []
        # Tiers run best first and each yields entries in catalog order, so the insertion order of
        # `found` is already the display order.
        found: dict[int, MatchRank] = {}

        def take(entries: Iterable[int], rank: MatchRank) -> None:
            for entry in entries:
                if len(found) >= limit:
                    return
                found.setdefault(entry, rank)

        take(self._exact.get(q, ()), MatchRank.EXACT)
        take(self._text.hits(_SEP + q), MatchRank.PREFIX)
        take(self._text.hits(q), MatchRank.SUBSTRING)
        if any(ch in INITIALS for ch in q):
            if is_initials_query(q):
                # Names that start with the typed initials come first.
                take(self._initials.hits(_SEP + q), MatchRank.INITIALS)
                spelled = heapq.merge(self._initials.hits(q), self._consonants.hits(q))
                take(spelled, MatchRank.INITIALS)
            else:
                take(self._mixed_hits(q), MatchRank.INITIALS)
        return [self._match(entry, rank) for entry, rank in found.items()]

    def __len__(self) -> int:
        return len(self._entries)

    def _mixed_hits(self, q: str) -> Iterator[int]:
        # "암ㄹㄷ": each typed jamo stands for any syllable with that initial. The regex finds
        # candidates fast; matches() has the final word so the rule stays the one in hangul.py.
        pattern = re.compile("".join(_syllable_class(ch) for ch in q))
        for entry in self._text.regex_hits(pattern):
            if any(matches(fold(text), q) for text in self._entries[entry].texts):
                yield entry

    def _match(self, entry: int, rank: MatchRank) -> CatalogMatch:
        e = self._entries[entry]
        kind: Literal["ingredient", "product"] = "product" if e.product else "ingredient"
        return CatalogMatch(kind, e.label, rank, e.ingredients, e.product)

    def _rebuild(self) -> None:
        self._entries: list[_Entry] = [
            _Entry(
                i.name_ko,
                self.components(i),
                None,
                (i.name_ko, i.name_en, *self._synonyms.get((i.atc, i.name_ko), ())),
            )
            for i in _systemic_first(self._ingredients)
        ]
        self._entries += [
            _Entry(p.name, self.ingredients_of(p), p, (p.name,)) for p in self._products
        ]
        self._exact: dict[str, list[int]] = {}
        text_keys: list[tuple[int, str]] = []
        hangul_keys: list[tuple[int, str]] = []
        for n, entry in enumerate(self._entries):
            for raw in entry.texts:
                key = fold(raw)
                if key:
                    text_keys.append((n, key))
                    self._exact.setdefault(key, [])
                    if n not in self._exact[key]:
                        self._exact[key].append(n)
            # Initials only make sense for the Korean name (or a product's Korean name).
            hangul_keys.append((n, fold(entry.texts[0])))
        self._text = _Haystack(text_keys)
        self._initials = _Haystack([(n, initials(key)) for n, key in hangul_keys])
        self._consonants = _Haystack([(n, consonants(key)) for n, key in hangul_keys])


def load_catalog(path: Path) -> Catalog:
    """Read the bundled catalog; raise CatalogError naming the line of the first bad row."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != COLUMNS:
            raise CatalogError(1, f"expected the columns {','.join(COLUMNS)}")
        rows: list[CatalogIngredient] = []
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            rows.append(_ingredient(row, line))
            atc = rows[-1].atc
            if atc and atc in seen:
                raise CatalogError(line, f"ATC code {atc} already used on line {seen[atc]}")
            seen[atc] = line
    return Catalog(rows)


SYNONYM_COLUMNS = ("atc", "name_ko", "synonym", "why")


def load_synonyms(path: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """Read resources/catalog/synonyms.csv: other names of a catalog row, keyed by the row's
    (atc, name_ko); raise CatalogError naming the line of the first bad row."""
    found: dict[tuple[str, str], list[str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != SYNONYM_COLUMNS:
            raise CatalogError(1, f"expected the columns {','.join(SYNONYM_COLUMNS)}")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(SYNONYM_COLUMNS):
                raise CatalogError(reader.line_num, f"expected {len(SYNONYM_COLUMNS)} fields")
            atc, name_ko, synonym, _why = (cell.strip() for cell in row)
            if not name_ko or not synonym:
                raise CatalogError(reader.line_num, "name_ko and synonym are required")
            found.setdefault((atc, name_ko), []).append(synonym)
    return {key: tuple(names) for key, names in found.items()}


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != columns:
            raise CatalogError(1, f"{path.name}: expected the columns {','.join(columns)}")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise CatalogError(reader.line_num, f"{path.name}: expected {len(columns)} fields")
            yield reader.line_num, dict(zip(columns, (c.strip() for c in row), strict=True))


CLASS_COLUMNS = ("name_en", "name_ko", "atc_class", "class_name", "source", "verified")
COMBINATION_COLUMNS = (
    "code", "name", "component_atc", "component_name_ko", "component_name_en", "source",
    "verified",
)  # fmt: skip
_ATC_CLASS = re.compile(r"^[A-Z]\d\d[A-Z][A-Z]?$")


def _verified(text: str, line: int) -> bool:
    if text not in ("true", "false"):
        raise CatalogError(line, "'verified' must be true or false")
    return text == "true"


def load_classes(path: Path) -> tuple[IngredientClass, ...]:
    """resources/catalog/classes.csv: the ATC class of ingredients WHO has not coded."""
    out = []
    for line, row in _rows(path, CLASS_COLUMNS):
        if not _ATC_CLASS.match(row["atc_class"]):
            raise CatalogError(line, f"{row['atc_class']!r} is not an ATC level-4 or -5 class")
        if not row["name_en"] or not row["name_ko"] or not row["source"]:
            raise CatalogError(line, "name_en, name_ko and source are required")
        verified = _verified(row["verified"], line)
        names = (row["name_en"], row["name_ko"])
        out.append(IngredientClass(*names, row["atc_class"], row["source"], verified))
    return tuple(out)


def load_combinations(path: Path) -> Combinations:
    """resources/catalog/combinations.csv: one row per component of a combination code."""
    parts: dict[str, tuple[Ingredient, ...]] = {}
    for line, row in _rows(path, COMBINATION_COLUMNS):
        code, part = row["code"], row["component_atc"]
        if not ATC_LEVEL5.match(code) or (part and not ATC_LEVEL5.match(part)):
            raise CatalogError(line, "code and component_atc must be ATC level-5 codes")
        if not row["component_name_en"] or not row["component_name_ko"] or not row["source"]:
            raise CatalogError(line, "component names and source are required")
        _verified(row["verified"], line)
        component = Ingredient(part, row["component_name_ko"], row["component_name_en"])
        parts[code] = (*parts.get(code, ()), component)
    return Combinations(parts)


def _ingredient(row: list[str], line: int) -> CatalogIngredient:
    if len(row) != len(COLUMNS):
        raise CatalogError(line, f"expected {len(COLUMNS)} fields, found {len(row)}")
    atc, name_ko, name_en, strengths, form, group = (cell.strip() for cell in row)
    if atc and not ATC_LEVEL5.match(atc):
        raise CatalogError(line, f"{atc!r} is not an ATC level-5 code")
    if not name_ko or not name_en:
        raise CatalogError(line, "the Korean and the English name are both required")
    if form not in FORMS:
        raise CatalogError(line, f"unknown form {form!r}")
    parts = tuple(s.strip() for s in strengths.split(";") if s.strip())
    return CatalogIngredient(atc, name_ko, name_en, parts, form, group or "other")


def _paired(names: tuple[str, ...], n: int, codes: int) -> str:
    # Names pair with codes only when the list gave one name per code.
    return names[n] if len(names) == codes else ""


def _syllable_class(ch: str) -> str:
    index = INITIALS.find(ch)
    if index < 0:
        return re.escape(ch)
    first = 0xAC00 + index * 21 * 28
    return f"[{ch}{chr(first)}-{chr(first + 21 * 28 - 1)}]"
