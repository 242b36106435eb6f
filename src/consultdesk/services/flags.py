"""Live risk flags of a consultation (PRODUCT.md, job 4) and the pharmacist's decisions on them.

`compute_flags` is pure and cheap: the editor calls it every few hundred milliseconds while the
pharmacist types. Everything slow (reading the rule files, re-parsing imported DUR files, the
screening form and the service catalog) happens once per workspace in `load_flag_context`.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from consultdesk.domain.catalog import Combinations
from consultdesk.domain.consultation import ConsultationData, ObservedRisk, Status
from consultdesk.domain.dates import full_age
from consultdesk.domain.dur_import import DurImportError, DurKind, parse_dur
from consultdesk.domain.medication import MedicationItem
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rrn import contains_rrn
from consultdesk.domain.rules import (
    KIND_MEDICATION,
    KIND_SOCIAL,
    EvaluationContext,
    RiskFlag,
    RuleSet,
    Severity,
    evaluate,
    load_rules,
)
from consultdesk.domain.rules.reference import Named, render_reference
from consultdesk.domain.screening import (
    AnswerValue,
    ScreeningAnswerError,
    ScreeningForm,
    Service,
    ServiceCatalog,
    load_form,
    load_service_catalog,
    observation_flag,
    social_flags,
    validate_answers,
)
from consultdesk.paths import resource_path
from consultdesk.services.catalog import (
    bundled_classes,
    bundled_combinations,
    bundled_ingredients,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage import consultations_repo as repo
from consultdesk.storage import rule_sets_repo
from consultdesk.storage.flags_repo import decision_records
from consultdesk.storage.models import Consultation, FlagDecision, ImportedRuleSet, Resident

log = logging.getLogger(__name__)

OPEN = "open"
CONFIRMED = "confirmed"
DISMISSED = "dismissed"
STATUSES = (OPEN, CONFIRMED, DISMISSED)
DUR_RULE_PREFIX = "dur."
SCREENING_FORM = "screening/default.json"
SERVICE_CATALOG = "services/catalog.json"

_KIND_ORDER = {KIND_MEDICATION: 0, KIND_SOCIAL: 1}


@dataclass(frozen=True)
class FlagDecisionView:
    """What the pharmacist decided about one flag of one session."""

    flag_key: str
    status: str  # open (reopened) / confirmed / dismissed
    reason: str
    decided_at: str


@dataclass(frozen=True)
class FlagView:
    """One line of the flags panel and of the documents."""

    flag: RiskFlag
    status: str  # open / confirmed / dismissed
    reason: str  # the dismissal (or confirmation) note
    items: tuple[str, ...]  # name_as_found of the medication rows involved, in list order
    services: tuple[Service, ...]  # suggested services, resolved from the catalog

    @property
    def key(self) -> str:
        return self.flag.key

    @property
    def imported(self) -> bool:
        """True for a rule from a DUR file the user imported (its source names the file)."""
        return self.flag.rule_id.startswith(DUR_RULE_PREFIX)

    def text(self, lang: str) -> str:
        """Why the flag fired, in the UI language ("ko" or "en")."""
        return self.flag.reason_ko if lang == "ko" else self.flag.reason_en


@dataclass(frozen=True)
class ImportedSet:
    """One imported DUR file as it is used by the rules."""

    kind: str
    file_name: str
    version: str
    imported_at: str
    rules: int
    error: str = ""  # set when the stored file can no longer be read; its rules are left out


class FlagContext:
    """What flag computation needs, loaded once per workspace."""

    def __init__(
        self,
        rules: RuleSet,
        form: ScreeningForm,
        catalog: ServiceCatalog,
        imported: Sequence[ImportedSet] = (),
        combinations: Combinations | None = None,
    ) -> None:
        self.rules = rules
        self.form = form
        self.catalog = catalog
        self.imported = tuple(imported)
        self.combinations = combinations or Combinations()
        self._services = {s.id: s for s in catalog.services}

    def services(self, ids: Sequence[str]) -> tuple[Service, ...]:
        """The catalog entries for these ids; an id the local catalog no longer has is left
        out rather than shown as a code."""
        return tuple(s for s in (self._services.get(i) for i in ids) if s is not None)


def rule_count(rules: RuleSet) -> int:
    return sum(1 for _ in rules.all_infos())


def parse_imported(row: ImportedRuleSet) -> RuleSet:
    """The rules of one stored DUR file (parsed again, so parser fixes reach old imports)."""
    return parse_dur(row.content, version=row.version, kind=DurKind(row.kind)).rules


def build_context(rows: Sequence[ImportedRuleSet]) -> FlagContext:
    """Bundled rules, form and catalog plus the given imported DUR files."""
    extra: list[RuleSet] = []
    imported: list[ImportedSet] = []
    for row in sorted(rows, key=lambda r: r.kind):
        try:
            rule_set = parse_imported(row)
        except (DurImportError, ValueError) as exc:
            # A stored file that no longer parses must not take every flag down with it; the
            # import dialog shows the error so the user can import the file again.
            log.warning("imported DUR file %s cannot be used: %s", row.file_name, exc)
            imported.append(
                ImportedSet(row.kind, row.file_name, row.version, row.imported_at, 0, str(exc))
            )
            continue
        extra.append(rule_set)
        imported.append(
            ImportedSet(row.kind, row.file_name, row.version, row.imported_at, rule_count(rule_set))
        )
    catalog = load_service_catalog(resource_path(SERVICE_CATALOG))
    form = load_form(resource_path(SCREENING_FORM), catalog)
    rules = load_rules(resource_path("rules"), extra=extra, classes=bundled_classes())
    return FlagContext(rules, form, catalog, imported, bundled_combinations())


def bundled_rules_reference() -> str:
    """docs/rules.md: every bundled rule written out from the data (tools/rules_reference.py)."""
    rules = load_rules(resource_path("rules"), classes=bundled_classes())
    catalog = [Named(i.atc, i.name_ko, i.name_en) for i in bundled_ingredients()]
    # Ingredients without a code of their own are shown under their class.
    catalog += [Named(c.atc_class, c.name_ko, f"{c.name_en} (no ATC code)") for c in rules.classes]
    combinations = bundled_combinations()
    parts = [(code, combinations.parts(code)) for code in combinations.codes()]
    return render_reference(rules, catalog, parts)


_contexts: weakref.WeakKeyDictionary[Workspace, FlagContext] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def load_flag_context(ws: Workspace) -> FlagContext:
    """The workspace's flag context, built on first use and kept until a DUR import changes it."""
    with _lock:
        context = _contexts.get(ws)
    if context is not None:
        return context
    with ws.db.session(read_only=True) as s:
        rows = rule_sets_repo.rule_sets(s)
    context = build_context(rows)
    with _lock:
        return _contexts.setdefault(ws, context)


def invalidate_flag_context(ws: Workspace) -> None:
    with _lock:
        _contexts.pop(ws, None)


# --- computing -------------------------------------------------------------------------------


def _usable_answers(
    form: ScreeningForm, answers: Mapping[str, AnswerValue]
) -> dict[str, AnswerValue]:
    """Answers that fit the current form. A consultation answered with an older form (a question or
    an option since removed) keeps its other flags instead of failing the whole screening."""
    usable: dict[str, AnswerValue] = {}
    for question_id, value in answers.items():
        if form.question(question_id) is None:
            continue
        try:
            validate_answers(form, {question_id: value})
        except ScreeningAnswerError:
            continue
        usable[question_id] = value
    return usable


def _observation_flags(observed: Sequence[ObservedRisk]) -> list[RiskFlag]:
    flags = []
    for risk in observed:
        if not risk.text.strip():
            continue
        try:
            severity = Severity(risk.severity)
        except ValueError:
            severity = Severity.MODERATE  # written by a newer version; keep the flag visible
        flags.append(observation_flag(risk.text, severity, risk.services))
    return flags


def _taken_apart(
    combinations: Combinations, items: Sequence[MedicationItem]
) -> list[MedicationItem]:
    """Items with every WHO combination code replaced by its ingredients, so that rows saved
    before the catalog took combinations apart (or typed by code) are checked the same way."""
    out = []
    for item in items:
        expanded = combinations.expand(item.ingredients)
        out.append(item if expanded == item.ingredients else replace(item, ingredients=expanded))
    return out


def compute_flags(
    ctx: FlagContext,
    data: ConsultationData,
    age: int | None,
    decisions: Mapping[str, FlagDecisionView],
) -> list[FlagView]:
    """Every flag of the consultation with its decision: medication flags first, then social ones;
    most severe first within each group."""
    items = _taken_apart(ctx.combinations, data.items_for_rules())
    found = evaluate(items, EvaluationContext(ctx.rules, age))
    found += social_flags(ctx.form, _usable_answers(ctx.form, data.screening))
    found += _observation_flags(data.observed)
    # A key is what a decision is stored under, so it must name one flag: the same words
    # observed twice are one observation.
    unique = {f.key: f for f in reversed(found)}
    flags = [f for f in found if unique[f.key] is f]
    flags.sort(key=lambda f: (_KIND_ORDER.get(f.kind, 2), f.severity.rank))  # stable
    position = {m.id: i for i, m in enumerate(data.medications)}
    names = {m.id: m.name_as_found for m in data.medications}
    views = []
    for flag in flags:
        decision = decisions.get(flag.key)
        status = decision.status if decision and decision.status in STATUSES else OPEN
        ids = sorted((i for i in flag.item_ids if i in names), key=position.__getitem__)
        views.append(
            FlagView(
                flag=flag,
                status=status,
                reason=decision.reason if decision and status != OPEN else "",
                items=tuple(names[i] for i in ids),
                services=ctx.services(flag.services),
            )
        )
    return views


def unreviewed_counts(views: Sequence[FlagView]) -> tuple[int, int]:
    """(high, moderate) flags neither confirmed nor dismissed: what finishing a consultation asks
    about. Low flags are left to the pharmacist's judgement and not counted."""
    open_views = [v for v in views if v.status == OPEN]
    return (
        sum(1 for v in open_views if v.flag.severity is Severity.HIGH),
        sum(1 for v in open_views if v.flag.severity is Severity.MODERATE),
    )


# --- decisions -------------------------------------------------------------------------------


def flag_decisions(ws: Workspace, consultation_id: str) -> dict[str, FlagDecisionView]:
    with ws.db.session(read_only=True) as s:
        records = decision_records(s, consultation_id)
    return {
        r.flag_key: FlagDecisionView(r.flag_key, r.status, r.reason, r.decided_at) for r in records
    }


def decide_flag(
    ws: Workspace, consultation_id: str, flag_key: str, status: str, reason: str
) -> None:
    """Confirm, dismiss (with a reason) or reopen one flag of a session.

    A later decision on the same flag updates the same record, so that a sync merges the two
    laptops' decisions field by field instead of keeping two contradicting records.
    """
    reason = reason.strip()
    problems = []
    if status not in STATUSES:
        problems.append(Problem("status", "choice_invalid", {}, "Unknown decision."))
    if status == DISMISSED and not reason:
        problems.append(Problem("reason", "reason_required", {}, "Give a reason."))
    if contains_rrn(reason):
        problems.append(Problem("reason", "rrn_refused", {}, "No registration numbers."))
    if not flag_key:
        problems.append(Problem("flag", "choice_invalid", {}, "No flag."))
    if problems:
        raise ValidationFailed(problems)
    with ws.db.session() as s:
        consultation = s.get(Consultation, consultation_id)
        if consultation is None or consultation.deleted:
            raise ValidationFailed([Problem("consultation", "consultation_gone", {}, "Deleted.")])
        if consultation.status == Status.FINAL.value:
            raise ValidationFailed(
                [
                    Problem(
                        "consultation",
                        "consultation_final",
                        {},
                        "A finished consultation is read-only.",
                    )
                ]
            )
        existing = [r for r in decision_records(s, consultation_id) if r.flag_key == flag_key]
        record = (
            existing[-1]
            if existing
            else FlagDecision(consultation_id=consultation_id, flag_key=flag_key, status=status)
        )
        values = {
            "consultation_id": consultation_id,
            "flag_key": flag_key,
            "status": status,
            "reason": reason if status != OPEN else "",
            "decided_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        }
        ws.writer.save(s, record, values)
        for duplicate in existing[:-1]:
            ws.writer.delete(s, duplicate)
        s.add(ws.audit("decide_flag", "flag_decision", str(record.id), consultation.resident_id))


# --- whole consultations -----------------------------------------------------------------------


def flags_for_consultation(ws: Workspace, consultation_id: str) -> list[FlagView]:
    """The flags of a saved consultation as they stand now (documents, the resident overview)."""
    with ws.db.session() as s:
        data = repo.load(s, consultation_id)
        if data is None:
            raise ValidationFailed([Problem("consultation", "consultation_gone", {}, "Deleted.")])
        resident = s.get(Resident, data.resident_id)
        birth = resident.birth_date if resident is not None else None
        records = decision_records(s, consultation_id)
    age = full_age(birth, data.visit.visit_date) if birth else None
    decisions = {
        r.flag_key: FlagDecisionView(r.flag_key, r.status, r.reason, r.decided_at) for r in records
    }
    return compute_flags(load_flag_context(ws), data, age, decisions)


def open_flags_for_resident(ws: Workspace, resident_id: str) -> list[FlagView]:
    """The flags still open in the resident's latest session; [] without a session."""
    with ws.db.session() as s:
        latest = repo.latest_for_resident(s, resident_id)
        latest_id = latest.id if latest is not None else None
    if latest_id is None:
        return []
    return [v for v in flags_for_consultation(ws, latest_id) if v.status == OPEN]
