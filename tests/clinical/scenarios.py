"""Clinical scenarios as data: every file in tests/clinical/scenarios/ (TOML, see README.md).

A scenario is run the way the consultation editor runs it: each medicine is typed into the
medicines catalog search (bundled ingredients plus the file's own product list, as if the
pharmacist had imported one), the chosen line fills a MedicationRow exactly as the editor's
completer does (services.catalog.ingredients_for / suggested_form), and the rows go through
ConsultationData.items_for_rules() into services.flags.compute_flags.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from consultdesk.domain.catalog import Catalog, CatalogMatch, Product, fold
from consultdesk.domain.consultation import Action, ConsultationData, MedicationRow, Source, Visit
from consultdesk.domain.medication import Adherence
from consultdesk.domain.rules import Severity
from consultdesk.services import catalog as catalog_service
from consultdesk.services import flags as flag_service

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
VISIT = date(2026, 3, 2)


class ScenarioFileError(ValueError):
    pass


@dataclass(frozen=True)
class Medicine:
    typed: str  # what the pharmacist types into the name field
    pick: str = ""  # label (or ATC code) of the search result to choose; "" = the best match
    form: str = ""  # a form the pharmacist sets by hand; "" = the one the catalog suggests
    prn: bool = False  # 필요시 only (no scheduled time)
    adherence: Adherence = Adherence.AS_PRESCRIBED
    action: Action = Action.CONTINUE
    source: Source = Source.PRESCRIPTION
    prescriber: str = ""
    storage_problem: str = ""
    unmatched: bool = False  # free text that the catalog is expected not to know


@dataclass(frozen=True)
class Expect:
    rule: str  # rule id, or a prefix ending in "*" ("ddi.*")
    severity: Severity | None = None
    medicines: tuple[str, ...] = ()  # typed names of the rows the flag must name (all of them)
    exact: bool = False  # the flag must name exactly these rows, no others
    contains: str = ""  # text the Korean or English reason must contain

    def matches(self, view: flag_service.FlagView, names: Mapping[str, str]) -> bool:
        rule_id = view.flag.rule_id
        if self.rule.endswith("*"):
            if not rule_id.startswith(self.rule[:-1]):
                return False
        elif rule_id != self.rule:
            return False
        involved = {names[i] for i in view.flag.item_ids if i in names}
        if not set(self.medicines) <= involved:
            return False
        if self.exact and involved != set(self.medicines):
            return False
        reasons = (view.flag.reason_ko, view.flag.reason_en)
        return not self.contains or any(self.contains in r for r in reasons)


@dataclass(frozen=True)
class Scenario:
    id: str
    file: str
    title: str
    medicines: tuple[Medicine, ...]
    expect: tuple[Expect, ...]
    absent: tuple[Expect, ...]
    age: int | None = None
    products: tuple[Product, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Outcome:
    rows: tuple[MedicationRow, ...]
    views: tuple[flag_service.FlagView, ...]
    names: Mapping[str, str]  # row id -> typed name

    def describe(self) -> str:
        lines = ["rows:"]
        for row in self.rows:
            codes = ", ".join(f"{i.atc or '-'} {i.name_en}" for i in row.ingredients)
            lines.append(f"  {row.name_as_found!r} form={row.form} [{codes}]")
        lines.append("flags:")
        for view in self.views:
            involved = sorted(self.names.get(i, i) for i in view.flag.item_ids)
            lines.append(f"  {view.flag.rule_id} {view.flag.severity.value} {involved}")
        return "\n".join(lines)


# --- reading -----------------------------------------------------------------------------------


def load_all(directory: Path = SCENARIO_DIR) -> list[Scenario]:
    """Every scenario of every file in the directory; any other kind of file is an error, so a
    file added in a format this loader does not read is never silently skipped."""
    scenarios: list[Scenario] = []
    for path in sorted(p for p in directory.iterdir() if not p.name.startswith(".")):
        if path.suffix != ".toml":
            raise ScenarioFileError(f"{path.name}: scenario files are TOML (*.toml)")
        scenarios += load_file(path)
    seen: set[str] = set()
    for scenario in scenarios:
        if scenario.id in seen:
            raise ScenarioFileError(f"{scenario.file}: scenario id {scenario.id!r} used twice")
        seen.add(scenario.id)
    return scenarios


def load_file(path: Path) -> list[Scenario]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioFileError(f"{path.name}: {exc}") from exc
    products = tuple(_product(p, path.name) for p in data.get("product", []))
    raw = data.get("scenario", [])
    if not raw:
        raise ScenarioFileError(f"{path.name}: no [[scenario]] tables")
    return [_scenario(entry, path.name, products) for entry in raw]


def _scenario(entry: Mapping[str, Any], file: str, products: tuple[Product, ...]) -> Scenario:
    sid = entry.get("id")
    if not isinstance(sid, str) or not sid:
        raise ScenarioFileError(f"{file}: a scenario without an id")
    where = f"{file} [{sid}]"
    known = {"id", "title", "age", "medicines", "expect", "absent"}
    unknown = set(entry) - known
    if unknown:
        raise ScenarioFileError(f"{where}: unknown keys {sorted(unknown)}")
    medicines = tuple(_medicine(m, where) for m in entry.get("medicines", []))
    if not medicines:
        raise ScenarioFileError(f"{where}: no medicines")
    typed = [m.typed for m in medicines]
    if len(set(typed)) != len(typed):
        raise ScenarioFileError(f"{where}: two medicines typed the same way")
    expect = tuple(_expect(e, where, typed) for e in entry.get("expect", []))
    absent = tuple(_expect(e, where, typed) for e in entry.get("absent", []))
    if not expect and not absent:
        raise ScenarioFileError(f"{where}: neither 'expect' nor 'absent'")
    age = entry.get("age")
    if age is not None and (not isinstance(age, int) or not 0 <= age <= 120):
        raise ScenarioFileError(f"{where}: 'age' must be a whole number of years")
    return Scenario(
        sid, file, str(entry.get("title", "")), medicines, expect, absent, age, products
    )


def _medicine(entry: Any, where: str) -> Medicine:
    if isinstance(entry, str):
        return Medicine(entry)
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ScenarioFileError(f"{where}: a medicine is a name or a table with 'name'")
    known = {
        "name", "pick", "form", "prn", "adherence", "action", "source", "prescriber",
        "storage_problem", "unmatched",
    }  # fmt: skip
    unknown = set(entry) - known
    if unknown:
        raise ScenarioFileError(f"{where}: medicine {entry['name']!r}: unknown keys {unknown}")
    try:
        return Medicine(
            typed=entry["name"],
            pick=entry.get("pick", ""),
            form=entry.get("form", ""),
            prn=bool(entry.get("prn", False)),
            adherence=Adherence(entry.get("adherence", "as_prescribed")),
            action=Action(entry.get("action", "continue")),
            source=Source(entry.get("source", "prescription")),
            prescriber=entry.get("prescriber", ""),
            storage_problem=entry.get("storage_problem", ""),
            unmatched=bool(entry.get("unmatched", False)),
        )
    except ValueError as exc:
        raise ScenarioFileError(f"{where}: medicine {entry['name']!r}: {exc}") from exc


def _expect(entry: Any, where: str, typed: Sequence[str]) -> Expect:
    if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str):
        raise ScenarioFileError(f"{where}: each expect/absent needs a 'rule'")
    medicines = tuple(entry.get("medicines", ()))
    missing = [m for m in medicines if m not in typed]
    if missing:
        raise ScenarioFileError(f"{where}: {missing} are not among the scenario's medicines")
    severity = entry.get("severity")
    try:
        level = Severity(severity) if severity is not None else None
    except ValueError as exc:
        raise ScenarioFileError(f"{where}: {exc}") from exc
    return Expect(
        entry["rule"], level, medicines, bool(entry.get("exact", False)), entry.get("contains", "")
    )


def _product(entry: Any, file: str) -> Product:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ScenarioFileError(f"{file}: a [[product]] needs a 'name'")
    return Product(
        name=entry["name"],
        atc_codes=tuple(c.strip().upper() for c in entry.get("atc", ())),
        ingredient_names=tuple(entry.get("ingredients", ())),
        company=entry.get("company", ""),
    )


# --- running -----------------------------------------------------------------------------------


@cache
def flag_context() -> flag_service.FlagContext:
    """The bundled rules, form and service catalog, with no imported DUR file."""
    return flag_service.build_context([])


@cache
def catalog_for(products: tuple[Product, ...]) -> Catalog:
    return catalog_service.build_catalog(products)


def choose(catalog: Catalog, medicine: Medicine) -> CatalogMatch | None:
    """The search result the pharmacist picks: the named label, else an exact name, else the
    first line offered."""
    found = catalog.search(medicine.typed, limit=50)
    if medicine.pick:
        for match in found:
            codes = {i.atc for i in match.ingredients}
            if fold(match.label) == fold(medicine.pick) or codes == {medicine.pick.upper()}:
                return match
        raise ScenarioFileError(f"{medicine.typed!r}: no search result labelled {medicine.pick!r}")
    for match in found:
        if fold(match.label) == fold(medicine.typed):
            return match
    return found[0] if found else None


def build_rows(scenario: Scenario) -> tuple[MedicationRow, ...]:
    catalog = catalog_for(scenario.products)
    rows = []
    for n, medicine in enumerate(scenario.medicines):
        match = choose(catalog, medicine)
        if match is None and not medicine.unmatched:
            raise ScenarioFileError(
                f"{scenario.id}: the catalog finds nothing for {medicine.typed!r}"
            )
        if match is not None and medicine.unmatched:
            raise ScenarioFileError(f"{scenario.id}: {medicine.typed!r} was expected not to match")
        ingredients = catalog_service.ingredients_for(match) if match else ()
        form = medicine.form or (catalog_service.suggested_form(match) if match else "oral")
        rows.append(
            MedicationRow(
                id=f"m{n}",
                name_as_found=medicine.typed,
                ingredients=ingredients,
                form=form,
                morning="" if medicine.prn else "1",
                as_needed="1" if medicine.prn else "",
                prescriber=medicine.prescriber,
                source=medicine.source,
                adherence=medicine.adherence,
                storage_problem=medicine.storage_problem,
                action=medicine.action,
            )
        )
    return tuple(rows)


def run(scenario: Scenario) -> Outcome:
    rows = build_rows(scenario)
    data = ConsultationData(
        id=scenario.id, resident_id="resident", number=1, visit=Visit(VISIT), medications=rows
    )
    views = flag_service.compute_flags(flag_context(), data, scenario.age, {})
    return Outcome(rows, tuple(views), {r.id: r.name_as_found for r in rows})
