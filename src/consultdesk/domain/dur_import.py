"""Read the Korean DUR files a user downloads (MFDS/KIDS DUR ingredient lists) into rules.

Supported lists: 병용금기 (combination contraindicated), 노인주의 (older-adult caution) and
효능군중복 (same efficacy group). ConsultDesk does not ship these lists (see
resources/rules/README.md for what the publishers allow), so the user imports their own
download; it may be CP949 or UTF-8 and its column titles may be the MFDS field names (as the
open API spells them: MIX, ORI, CLASS, INGR_KOR_NAME, DEL_YN…) or the Korean titles of the
published files (DUR번호, 단일/복합, 복합제, 상태…).

DUR rows name ingredients by MFDS code and Korean/English name, never by ATC code, so the
rules built here match by normalised name (see rules.matching.name_key). DUR names carry salts
and older synonyms the catalog does not use ("Clopidogrel Bisulfate", "클로피도그렐황산수소염",
"Acetaminophen"), so each name also gives the keys of its bare moiety and its catalog synonym
(`dur_name_keys`). The whole file is parsed before anything is returned: a malformed file raises
DurImportError and nothing is half-imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from consultdesk.domain.rules.flag import Severity
from consultdesk.domain.rules.matching import Match, name_key
from consultdesk.domain.rules.model import GroupRule, IngredientRule, PairRule, RuleInfo, RuleSet

SOURCE_LABEL = "MFDS DUR"
Progress = Callable[[float], None]


class DurKind(StrEnum):
    COMBINATION = "combination"  # 병용금기
    OLDER_ADULTS = "older_adults"  # 노인주의
    SAME_GROUP = "same_group"  # 효능군중복


class DurImportError(ValueError):
    """The file cannot be imported. `line` is the 1-based line in the file (1 = header)."""

    def __init__(self, line: int, reason_code: str, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.reason_code = reason_code
        self.message = message


@dataclass(frozen=True, slots=True)
class UnmatchedRow:
    """A DUR row whose ingredient (or partner ingredient) names no ingredient the catalog knows,
    so its rule can only fire on a medicine typed with exactly that name."""

    line: int
    dur_seq: str
    ingredient_en: str
    ingredient_ko: str
    partner_en: str = ""  # 병용금기 only
    partner_ko: str = ""
    unmatched: tuple[str, ...] = ("ingredient",)  # "ingredient" and/or "partner"


@dataclass(frozen=True, slots=True)
class DurImport:
    """What an import produced, for the engine (`rules`) and for the user (the counts)."""

    kind: DurKind
    version: str
    rules: RuleSet
    encoding: str
    rows_read: int
    rows_deleted: int
    rows_combination_products: int  # skipped: a combination product cannot be matched by name
    unmapped_columns: tuple[str, ...]
    # Rows naming an ingredient outside `known_keys`; empty when no keys were given.
    unmatched: tuple[UnmatchedRow, ...] = ()


# Column titles seen in downloads, by MFDS field name. Titles are compared after _title_key,
# so "DUR성분(영문)" and "DUR 성분 (영문)" are the same.
# MIX is the combination product itself (복합제, e.g. "[M040702]…"), not MIX_TYPE (단일/복합): the
# open API and the published 병용금기 file carry both, so they must map to different fields.
COLUMN_TITLES: Mapping[str, tuple[str, ...]] = {
    "DUR_SEQ": ("DUR_SEQ", "DUR번호", "DUR일련번호", "일련번호", "순번"),
    "TYPE_CODE": ("TYPE_CODE", "DUR유형코드", "유형코드"),
    "TYPE_NAME": ("TYPE_NAME", "DUR유형", "유형", "유형명"),
    "MIX_TYPE": ("MIX_TYPE", "단일/복합", "단일복합구분", "복합제구분"),
    "INGR_CODE": ("INGR_CODE", "DUR성분코드", "성분코드"),
    "INGR_ENG_NAME": (
        "INGR_ENG_NAME",
        "DUR성분(영문)",
        "DUR성분영문명",
        "성분영문명",
        "영문성분명",
    ),
    "INGR_NAME": ("INGR_NAME", "INGR_KOR_NAME", "DUR성분", "DUR성분명", "성분명"),
    "MIX_INGR": ("MIX_INGR", "MIX", "복합제"),
    "ORI_INGR": ("ORI_INGR", "ORI", "관계성분"),
    "CLASS_NAME": ("CLASS_NAME", "CLASS", "약효분류"),
    "FORM_NAME": ("FORM_NAME", "제형"),
    "MIXTURE_DUR_SEQ": ("MIXTURE_DUR_SEQ", "병용금기DUR번호", "병용금기DUR일련번호"),
    "MIXTURE_MIX_TYPE": ("MIXTURE_MIX_TYPE", "병용금기단일/복합"),
    "MIXTURE_INGR_CODE": ("MIXTURE_INGR_CODE", "병용금기DUR성분코드", "병용금기성분코드"),
    "MIXTURE_INGR_ENG_NAME": (
        "MIXTURE_INGR_ENG_NAME",
        "병용금기DUR성분(영문)",
        "병용금기DUR성분영문명",
        "병용금기성분영문명",
    ),
    "MIXTURE_INGR_NAME": (
        "MIXTURE_INGR_NAME",
        "MIXTURE_INGR_KOR_NAME",
        "병용금기DUR성분",
        "병용금기DUR성분명",
        "병용금기성분명",
    ),
    "MIXTURE_MIX_INGR": ("MIXTURE_MIX_INGR", "MIXTURE_MIX", "병용금기복합제"),
    "MIXTURE_ORI_INGR": ("MIXTURE_ORI_INGR", "MIXTURE_ORI", "병용금기관계성분"),
    "MIXTURE_CLASS_NAME": ("MIXTURE_CLASS_NAME", "MIXTURE_CLASS", "병용금기약효분류"),
    "NOTIFICATION_DATE": ("NOTIFICATION_DATE", "고시일자", "고시일"),
    "PROHBT_CONTENT": ("PROHBT_CONTENT", "금기내용", "상세정보", "주의내용"),
    "REMARK": ("REMARK", "비고"),
    "DEL_YN": ("DEL_YN", "상태", "삭제여부"),
    "EFFECT_CODE": ("EFFECT_CODE", "효능군", "효능군코드"),
    "SERS_NAME": ("SERS_NAME", "계열명", "계열"),
    "MAX_QTY": ("MAX_QTY", "1일최대투여량", "최대투여량"),
    "MAX_DOSAGE_TERM": ("MAX_DOSAGE_TERM", "최대투여기간일수", "최대투여기간"),
}

_TYPE_WORDS = {
    DurKind.COMBINATION: ("병용", "combination"),
    DurKind.OLDER_ADULTS: ("노인", "elderly", "older"),
    DurKind.SAME_GROUP: ("효능군", "therapeutic", "group"),
}
_DELETED = frozenset({"y", "yes", "삭제", "1"})
_ACTIVE = frozenset({"", "n", "no", "정상", "0"})
_COMBINATION_PRODUCT = frozenset({"복합", "복합제", "combination", "mixture", "m"})
_HEADER_SEARCH_LINES = 5
_TITLE_NOISE = re.compile(r"[\s_\-/()\[\]\ufeff]+")


def _title_key(title: str) -> str:
    return _TITLE_NOISE.sub("", title).casefold()


_TITLE_INDEX = {_title_key(t): name for name, titles in COLUMN_TITLES.items() for t in titles}

# Salt, ester and counter-ion words DUR names carry that rules.matching.name_key keeps (it strips
# the common ones: hydrochloride, besylate, tartrate…). Stripped only to make an extra key: the
# name as written stays a key too, so "potassium chloride" / "염화칼륨" still match themselves.
# fmt: off
_EXTRA_SALT_WORDS_EN = frozenset({
    "oxalate", "bisulfate", "bisulphate", "hydrogen", "hydrogensulfate", "cilexetil",
    "medoxomil", "tromethamine", "trometamol", "chloride", "pamoate", "embonate", "potassium",
    "dipotassium", "sodium", "calcium", "magnesium", "erbumine", "dihydrochloride", "sulfate",
    "sulphate", "maleate", "mesylate", "besylate", "hydrochloride", "hcl", "monohydrate",
    "camsylate", "nicotinate", "orotate", "adipate", "hemitartrate", "propionate",
    "dipropionate",
})
_EXTRA_SALT_SUFFIXES_KO = (
    "황산수소염", "옥살산염", "파모산염", "실렉세틸", "메독소밀", "트로메타민", "염화물",
    "브롬화물", "이칼륨", "이나트륨", "칼륨", "나트륨", "칼슘", "마그네슘", "염산염",
    "캄실산염", "니코틴산염", "오로트산염", "아디프산염", "토실산염", "일수화물", "수화물",
    "헤미",  # what is left of 헤미푸마르산염 (hemifumarate) once 푸마르산염 is stripped
)
# Other names of one ingredient: US (USAN) or older names in DUR files → the WHO INN the catalog
# uses (resources/catalog/ingredients.csv name_en / name_ko). Keys are name_key forms.
DUR_SYNONYMS: Mapping[str, str] = {
    "acetaminophen": "paracetamol",
    "chlorpheniramine": "chlorphenamine",
    "dexchlorphenamine": "dexchlorpheniramine",
    "glyburide": "glibenclamide",
    "meperidine": "pethidine",
    "valproate": "valproic acid",
    "divalproex": "valproic acid",
    "valproate semisodium": "valproic acid",
    "alendronate": "alendronic acid",
    "risedronate": "risedronic acid",
    "ibandronate": "ibandronic acid",
    "zoledronate": "zoledronic acid",
    "cholecalciferol": "colecalciferol",
    "nitroglycerin": "glyceryl trinitrate",
    "albuterol": "salbutamol",
    "methimazole": "thiamazole",
    "cyclosporine": "ciclosporin",
    "rifampin": "rifampicin",
    "clorazepate": "potassium clorazepate",
    "글리부리드": "글리벤클라미드",
    "메페리딘": "페티딘",
    "디발프로엑스": "발프로산",
    "발프로에이트": "발프로산",
    "알렌드로네이트": "알렌드론산",
}
# fmt: on


@lru_cache(maxsize=16384)
def dur_name_keys(name: str) -> tuple[str, ...]:
    """Every name key under which a DUR name can match a catalog ingredient: the name as
    written, its bare moiety (salt words removed) and the catalog's synonym of either."""
    base = name_key(name)
    if not base:
        return ()
    keys = [base]
    bare = _bare(base)
    if bare and bare != base:
        keys.append(bare)
    for key in list(keys):
        synonym = DUR_SYNONYMS.get(key)
        if synonym:
            keys.append(name_key(synonym))
    return tuple(dict.fromkeys(k for k in keys if k))


def _bare(key: str) -> str:
    if " " in key or key.isascii():
        first, *rest = key.split()
        if first in _EXTRA_SALT_WORDS_EN:
            # A mineral salt ("potassium chloride", "magnesium oxide") is its own ingredient; a
            # leading salt word is dropped only where the rest is a known synonym
            # ("sodium valproate").
            moiety = " ".join(rest)
            return moiety if moiety in DUR_SYNONYMS else key
        return " ".join([first, *(w for w in rest if w not in _EXTRA_SALT_WORDS_EN)])
    word = key
    changed = True
    while changed:
        changed = False
        for suffix in _EXTRA_SALT_SUFFIXES_KO:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                changed = True
                break
    return name_key(word) if word != key else key


def catalog_name_keys(names: Iterable[str]) -> frozenset[str]:
    """The keys of the names the catalog knows, for `parse_dur(known_keys=…)`."""
    return frozenset(k for n in names if n and (k := name_key(n)))


def import_dur_file(
    path: Path,
    *,
    version: str | None = None,
    kind: DurKind | None = None,
    progress: Progress | None = None,
    known_keys: frozenset[str] | None = None,
) -> DurImport:
    """Read a downloaded DUR CSV file; `version` defaults to the file name."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DurImportError(0, "unreadable", f"cannot read {path.name}: {exc}") from exc
    return parse_dur(
        data, version=version or path.name, kind=kind, progress=progress, known_keys=known_keys
    )


def parse_dur(
    data: bytes,
    *,
    version: str,
    kind: DurKind | None = None,
    progress: Progress | None = None,
    known_keys: frozenset[str] | None = None,
) -> DurImport:
    """Parse a DUR CSV (bytes in CP949 or UTF-8) into rules labelled with `version`.

    With `known_keys` (name keys of the catalog, see `catalog_name_keys`), rows whose ingredient
    matches none of them are listed in `DurImport.unmatched`; their rules are kept."""
    report = progress or (lambda _fraction: None)
    report(0.0)
    text, encoding = _decode(data)
    # newline="" lets the csv module see the file's own line endings, so quoted fields that
    # span lines keep their text and reader.line_num matches what an editor shows.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header, header_line = _find_header(reader)
        columns, unmapped = _map_columns(header, header_line)
        rows = _read_rows(reader, len(header), text.count("\n") + 1, report)
    except csv.Error as exc:  # e.g. a field beyond the csv module's size limit
        raise DurImportError(reader.line_num, "bad_csv", str(exc)) from exc
    file_kind = kind or _detect_kind(columns, rows, header_line)
    _check_required(file_kind, columns, header_line)
    builder = _Builder(file_kind, version, columns, known_keys)
    for line, row in rows:
        builder.add(line, row)
    result = DurImport(
        kind=file_kind,
        version=version,
        rules=builder.rule_set(),
        encoding=encoding,
        rows_read=len(rows),
        rows_deleted=builder.deleted,
        rows_combination_products=builder.combination_products,
        unmapped_columns=unmapped,
        unmatched=tuple(builder.unmatched),
    )
    report(1.0)
    return result


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DurImportError(1, "not_csv", "this is a spreadsheet file; save it as CSV first")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp949"), "cp949"
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise DurImportError(line, "encoding", "the text is neither UTF-8 nor CP949") from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if first.count("\t") > first.count(",") else ","


def _find_header(reader: Any) -> tuple[list[str], int]:
    """The first row naming at least two known columns; exports sometimes start with a title."""
    first: tuple[list[str], int] | None = None
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if first is None:
            first = (row, reader.line_num)
        if sum(_title_key(cell) in _TITLE_INDEX for cell in row) >= 2:
            return row, reader.line_num
        if reader.line_num >= _HEADER_SEARCH_LINES:
            break
    if first is None:
        raise DurImportError(1, "empty", "the file has no header row")
    # No recognisable header: report against the first row so the user sees what was found.
    return first


def _map_columns(header: Sequence[str], line: int) -> tuple[dict[str, int], tuple[str, ...]]:
    columns: dict[str, int] = {}
    unmapped: list[str] = []
    for position, title in enumerate(header):
        known = _TITLE_INDEX.get(_title_key(title))
        if known is None:
            if title.strip():
                unmapped.append(title.strip())
            continue
        if known in columns:
            raise DurImportError(
                line, "duplicate_column", f"column {title.strip()!r} appears twice"
            )
        columns[known] = position
    return columns, tuple(unmapped)


def _read_rows(
    reader: Any, width: int, total_lines: int, report: Progress
) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise DurImportError(
                reader.line_num, "field_count", f"{len(row)} fields where the header has {width}"
            )
        rows.append((reader.line_num, row))
        if len(rows) % 500 == 0:
            report(min(0.9, 0.9 * reader.line_num / max(total_lines, 1)))
    return rows


def _detect_kind(
    columns: Mapping[str, int], rows: Sequence[tuple[int, list[str]]], line: int
) -> DurKind:
    if "MIXTURE_INGR_ENG_NAME" in columns or "MIXTURE_INGR_NAME" in columns:
        return DurKind.COMBINATION
    if "EFFECT_CODE" in columns or "SERS_NAME" in columns:
        return DurKind.SAME_GROUP
    if "TYPE_NAME" in columns and rows:
        type_name = rows[0][1][columns["TYPE_NAME"]].casefold()
        for kind, words in _TYPE_WORDS.items():
            if any(word in type_name for word in words):
                return kind
    raise DurImportError(
        line,
        "unknown_kind",
        "cannot tell which DUR list this is; choose the list type when importing",
    )


def _check_required(kind: DurKind, columns: Mapping[str, int], line: int) -> None:
    needed: list[tuple[str, ...]] = [("INGR_ENG_NAME", "INGR_NAME")]
    if kind is DurKind.COMBINATION:
        needed.append(("MIXTURE_INGR_ENG_NAME", "MIXTURE_INGR_NAME"))
    if kind is DurKind.SAME_GROUP:
        needed.append(("EFFECT_CODE", "SERS_NAME"))
    for alternatives in needed:
        if not any(name in columns for name in alternatives):
            raise DurImportError(
                line, "missing_column", f"no column for {' or '.join(alternatives)}"
            )


class _Builder:
    """Turns rows into rules, merging rows that name the same ingredients (salts, forms); the
    forms (FORM_NAME) and conditions (REMARK) of merged rows are all kept in the flag text."""

    def __init__(
        self,
        kind: DurKind,
        version: str,
        columns: Mapping[str, int],
        known_keys: frozenset[str] | None = None,
    ) -> None:
        self.kind = kind
        self.version = version
        self.columns = columns
        self.known = known_keys
        self.deleted = 0
        self.combination_products = 0
        self.unmatched: list[UnmatchedRow] = []
        self._pairs: dict[frozenset[tuple[str, ...]], _RuleDraft] = {}
        self._older: dict[tuple[str, ...], _RuleDraft] = {}
        self._groups: dict[str, _GroupDraft] = {}
        self._ids: set[str] = set()

    def _get(self, row: Sequence[str], column: str) -> str:
        position = self.columns.get(column)
        return row[position].strip() if position is not None else ""

    def add(self, line: int, row: Sequence[str]) -> None:
        deleted = self._get(row, "DEL_YN").casefold()
        if deleted in _DELETED:
            self.deleted += 1
            return
        if deleted not in _ACTIVE:
            raise DurImportError(line, "bad_value", f"DEL_YN must be Y or N, not {deleted!r}")
        type_name = self._get(row, "TYPE_NAME").casefold()
        if type_name and not any(word in type_name for word in _TYPE_WORDS[self.kind]):
            raise DurImportError(
                line, "wrong_type", f"row of type {type_name!r} in a {self.kind} file"
            )
        if self._is_product(row, "MIX_TYPE") or self._is_product(row, "MIXTURE_MIX_TYPE"):
            self.combination_products += 1
            return
        first = self._names(line, row, "INGR_ENG_NAME", "INGR_NAME")
        if self.kind is DurKind.COMBINATION:
            self._add_pair(line, row, first)
        elif self.kind is DurKind.OLDER_ADULTS:
            self._add_older(line, row, first)
        else:
            self._add_group(line, row, first)

    def _is_product(self, row: Sequence[str], column: str) -> bool:
        return self._get(row, column).casefold() in _COMBINATION_PRODUCT

    def _names(self, line: int, row: Sequence[str], en: str, ko: str) -> tuple[str, str]:
        name_en, name_ko = self._get(row, en), self._get(row, ko)
        if not name_key(name_en) and not name_key(name_ko):
            raise DurImportError(line, "missing_value", f"no ingredient name in {en} or {ko}")
        return name_en, name_ko

    def _known(self, match: Match) -> bool:
        return self.known is None or bool(self.known.intersection(match.names))

    def _note_unmatched(
        self,
        line: int,
        row: Sequence[str],
        first: tuple[str, str],
        sides: tuple[str, ...],
        second: tuple[str, str] = ("", ""),
    ) -> None:
        if sides:
            seq = self._get(row, "DUR_SEQ")
            self.unmatched.append(UnmatchedRow(line, seq, *first, *second, unmatched=sides))

    def _rule_id(self, line: int, row: Sequence[str]) -> str:
        base = f"dur.{self.kind}.{self._get(row, 'DUR_SEQ') or f'L{line}'}"
        rule_id = base if base not in self._ids else f"{base}-L{line}"
        self._ids.add(rule_id)
        return rule_id

    def _source(self, row: Sequence[str], list_name: str) -> str:
        date = self._get(row, "NOTIFICATION_DATE")
        notified = f", 고시일자 {date}" if date else ""
        return f"{SOURCE_LABEL} {list_name} ({self.version}{notified})"

    def _details(self, draft: _RuleDraft, row: Sequence[str]) -> None:
        draft.add(
            self._get(row, "PROHBT_CONTENT"), self._get(row, "FORM_NAME"), self._get(row, "REMARK")
        )

    def _add_pair(self, line: int, row: Sequence[str], first: tuple[str, str]) -> None:
        second = self._names(line, row, "MIXTURE_INGR_ENG_NAME", "MIXTURE_INGR_NAME")
        first_match, second_match = _match(first), _match(second)
        sides = tuple(
            side
            for side, match in (("ingredient", first_match), ("partner", second_match))
            if not self._known(match)
        )
        self._note_unmatched(line, row, first, sides, second)
        key = frozenset({first_match.names, second_match.names})
        draft = self._pairs.get(key)
        if draft is None:
            draft = self._pairs[key] = _RuleDraft(
                rule_id=self._rule_id(line, row),
                source=self._source(row, "병용금기"),
                head_ko=f"병용금기: {_shown(first, ko=True)} + {_shown(second, ko=True)}",
                head_en=(
                    f"Korean DUR contraindicated combination: {_shown(first)} with {_shown(second)}"
                ),
                matches=(first_match, second_match),
            )
        self._details(draft, row)

    def _add_older(self, line: int, row: Sequence[str], names: tuple[str, str]) -> None:
        match = _match(names)
        self._note_unmatched(line, row, names, () if self._known(match) else ("ingredient",))
        draft = self._older.get(match.names)
        if draft is None:
            draft = self._older[match.names] = _RuleDraft(
                rule_id=self._rule_id(line, row),
                source=self._source(row, "노인주의"),
                head_ko=f"노인주의: {_shown(names, ko=True)}",
                head_en=f"Korean DUR older-adult caution: {_shown(names)}",
                matches=(match,),
            )
        self._details(draft, row)

    def _add_group(self, line: int, row: Sequence[str], names: tuple[str, str]) -> None:
        group = self._get(row, "EFFECT_CODE") or self._get(row, "SERS_NAME")
        if not group:
            raise DurImportError(line, "missing_value", "no efficacy group (EFFECT_CODE)")
        match = _match(names)
        self._note_unmatched(line, row, names, () if self._known(match) else ("ingredient",))
        draft = self._groups.get(group)
        if draft is None:
            label = self._get(row, "SERS_NAME") or group
            draft = self._groups[group] = _GroupDraft(label, self._source(row, "효능군중복"))
        draft.names.update(match.names)
        remark = self._get(row, "REMARK")
        if remark:
            note = f"{_shown(names, ko=True)}: {remark}"
            if note not in draft.remarks:
                draft.remarks.append(note)

    def rule_set(self) -> RuleSet:
        label = ((f"{SOURCE_LABEL} {self.kind}", self.version),)
        if self.kind is DurKind.COMBINATION:
            pairs = tuple(
                PairRule(d.info(Severity.HIGH), d.matches[0], d.matches[1])
                for d in self._pairs.values()
            )
            return RuleSet(interactions=pairs, versions=label)
        if self.kind is DurKind.OLDER_ADULTS:
            older = tuple(
                IngredientRule(d.info(Severity.MODERATE), d.matches[0], min_age=65)
                for d in self._older.values()
            )
            return RuleSet(older_adults=older, versions=label)
        groups = []
        for group in sorted(self._groups):
            draft = self._groups[group]
            remarks_ko = f" 비고: {'; '.join(draft.remarks)}." if draft.remarks else ""
            remarks_en = (
                f" Conditions (비고, in Korean): {'; '.join(draft.remarks)}."
                if draft.remarks
                else ""
            )
            info = RuleInfo(
                id=f"dur.same_group.{_slug(group)}",
                severity=Severity.MODERATE,
                reason_ko=(
                    f"효능군중복: 같은 효능군({draft.label}) 약이 두 가지 이상입니다.{remarks_ko}"
                ),
                reason_en=(
                    f"Korean DUR same efficacy group ({draft.label}): two or more medicines."
                    f"{remarks_en}"
                ),
                source=draft.source,
            )
            groups.append(GroupRule(info, Match(names=tuple(sorted(draft.names)))))
        return RuleSet(groups=tuple(groups), versions=label)


@dataclass(slots=True)
class _RuleDraft:
    """One rule while rows are read: rows naming the same ingredients add their form (FORM_NAME),
    condition (REMARK) and official note (PROHBT_CONTENT) to it."""

    rule_id: str
    source: str
    head_ko: str
    head_en: str
    matches: tuple[Match, ...]
    contents: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)

    def add(self, content: str, form: str, remark: str) -> None:
        for value, seen in ((content, self.contents), (form, self.forms), (remark, self.remarks)):
            if value and value not in seen:
                seen.append(value)

    def info(self, severity: Severity) -> RuleInfo:
        ko, en = self.head_ko, self.head_en
        if self.forms:
            ko += f" ({'/'.join(self.forms)})"
            en += f" (form: {'/'.join(self.forms)})"
        if self.remarks:
            ko += f" [조건: {'; '.join(self.remarks)}]"
            en += f" [condition, in Korean: {'; '.join(self.remarks)}]"
        if self.contents:
            ko = f"{ko}. {' / '.join(self.contents)}"
            en += " (official note in Korean)"
        return RuleInfo(self.rule_id, severity, ko, en, self.source)


@dataclass(slots=True)
class _GroupDraft:
    label: str
    source: str
    names: set[str] = field(default_factory=set)
    remarks: list[str] = field(default_factory=list)


def _match(names: tuple[str, str]) -> Match:
    return Match(names=tuple(sorted({k for n in names for k in dur_name_keys(n)})))


def _shown(names: tuple[str, str], ko: bool = False) -> str:
    name_en, name_ko = names
    return (name_ko or name_en) if ko else (name_en or name_ko)


def _slug(text: str) -> str:
    return re.sub(r"\W+", "_", text.strip()).strip("_") or "group"
