"""Import of the official Korean DUR files a user downloads (병용금기, 노인주의, 효능군중복).

The whole file is parsed (domain.dur_import) before anything is written; the stored file then
replaces the earlier import of the same list in one transaction, so a malformed file leaves the
rules exactly as they were. The file itself is kept, not the parsed rules (see ImportedRuleSet).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from consultdesk.domain.dur_import import (
    DurImportError,
    DurKind,
    UnmatchedRow,
    catalog_name_keys,
    parse_dur,
)
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rules import RuleFileError
from consultdesk.services.catalog import medicines_catalog
from consultdesk.services.flags import (
    build_context,
    invalidate_flag_context,
    load_flag_context,
    rule_count,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage import rule_sets_repo
from consultdesk.storage.models import ImportedRuleSet

Progress = Callable[[float], None]

# Reading a file is most of the work; storing it and checking the merged rules is the rest.
_PARSE_SHARE = 0.8


@dataclass(frozen=True)
class RuleImportSummary:
    kind: DurKind
    file_name: str
    version: str
    encoding: str
    rules: int
    rows_read: int  # data rows in the file
    rows_skipped: int  # deleted rows and combination products (cannot be matched by name)
    unmapped_columns: tuple[str, ...]
    replaced: bool  # an earlier import of the same list was replaced
    # Rows whose ingredient (or partner) is no ingredient of the catalog: their rules fire only
    # on a medicine typed with exactly that name. Exportable with export_unmatched().
    unmatched: tuple[UnmatchedRow, ...] = ()


@dataclass(frozen=True)
class ImportedRuleSetInfo:
    kind: DurKind
    file_name: str
    version: str
    imported_at: str
    rules: int
    error: str  # the stored file no longer reads (its rules are not used); empty when fine


def _failed(error: DurImportError) -> ValidationFailed:
    # One code per reason, so the person reads what is wrong in their language, with the line.
    return ValidationFailed(
        [
            Problem(
                "file",
                f"dur_{error.reason_code}",
                {"line": error.line, "detail": error.message},
                f"line {error.line}: {error.message}",
            )
        ]
    )


def import_dur_file(
    ws: Workspace,
    path: Path,
    progress: Progress | None = None,
    kind: DurKind | None = None,
) -> RuleImportSummary:
    """Read a downloaded DUR CSV (CP949 or UTF-8) and use its rules from now on.

    `kind` says which list the file is when its rows do not tell; the version shown next to
    each flag is the file name.
    """
    report = progress or (lambda _fraction: None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _failed(DurImportError(0, "unreadable", str(exc))) from exc
    try:
        parsed = parse_dur(
            data,
            version=path.name,
            kind=kind,
            progress=lambda fraction: report(fraction * _PARSE_SHARE),
            known_keys=known_ingredient_keys(ws),
        )
    except DurImportError as exc:
        raise _failed(exc) from exc
    count = rule_count(parsed.rules)
    if count == 0:
        raise ValidationFailed(
            [Problem("file", "dur_no_rules", {}, "The file holds no rule that can be used.")]
        )
    row = ImportedRuleSet(
        kind=parsed.kind.value,
        file_name=path.name,
        version=parsed.version,
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        content=data,
    )
    with ws.db.session() as s:
        others = [r for r in rule_sets_repo.rule_sets(s) if r.kind != row.kind]
        try:
            # The merged rules must load before the file replaces anything.
            build_context([*others, row])
        except RuleFileError as exc:
            raise ValidationFailed(
                [Problem("file", "dur_rules_clash", {"detail": str(exc)}, str(exc))]
            ) from exc
        report(0.9)
        replaced = rule_sets_repo.store(s, row)
        s.add(ws.audit("import", "imported_rule_set", row.kind, None))
    invalidate_flag_context(ws)
    report(1.0)
    return RuleImportSummary(
        kind=parsed.kind,
        file_name=path.name,
        version=parsed.version,
        encoding=parsed.encoding,
        rules=count,
        rows_read=parsed.rows_read,
        rows_skipped=parsed.rows_deleted + parsed.rows_combination_products,
        unmapped_columns=parsed.unmapped_columns,
        replaced=replaced,
        unmatched=parsed.unmatched,
    )


def known_ingredient_keys(ws: Workspace) -> frozenset[str]:
    """Name keys of every ingredient a medication row can hold: the bundled catalog's and the
    ingredient names of imported products (a DUR row matching one of them can fire)."""
    catalog = medicines_catalog(ws)
    names = [n for i in catalog.ingredients for n in (i.name_en, i.name_ko)]
    names += [n for p in catalog.products for n in p.ingredient_names]
    return catalog_name_keys(names)


UNMATCHED_COLUMNS = (
    "line",
    "DUR_SEQ",
    "INGR_ENG_NAME",
    "INGR_NAME",
    "MIXTURE_INGR_ENG_NAME",
    "MIXTURE_INGR_NAME",
    "unmatched",
)


def export_unmatched(path: Path, rows: Sequence[UnmatchedRow]) -> int:
    """Write the rows that matched no catalog ingredient as CSV (UTF-8 with a byte-order mark,
    so a spreadsheet shows the Korean names); the titles are the MFDS field names, the line is
    the line in the imported file. Returns the number of rows written; OSError if it cannot."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(UNMATCHED_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.line,
                    row.dur_seq,
                    row.ingredient_en,
                    row.ingredient_ko,
                    row.partner_en,
                    row.partner_ko,
                    " ".join(row.unmatched),
                ]
            )
    return len(rows)


def imported_rule_sets(ws: Workspace) -> list[ImportedRuleSetInfo]:
    """The imported DUR files in use, one per list, with how many rules each gives."""
    context = load_flag_context(ws)
    counted = {i.kind: i for i in context.imported}
    with ws.db.session() as s:
        rows = rule_sets_repo.rule_sets(s)
    result = []
    for row in rows:
        used = counted.get(row.kind)
        result.append(
            ImportedRuleSetInfo(
                kind=DurKind(row.kind),
                file_name=row.file_name,
                version=row.version,
                imported_at=row.imported_at,
                rules=used.rules if used else 0,
                error=used.error if used else "",
            )
        )
    return result


def remove_rule_set(ws: Workspace, kind: DurKind | str) -> None:
    """Stop using an imported DUR list; the bundled rules stay."""
    value = DurKind(kind).value
    with ws.db.session() as s:
        if not rule_sets_repo.remove(s, value):
            return
        s.add(ws.audit("delete", "imported_rule_set", value, None))
    invalidate_flag_context(ws)
