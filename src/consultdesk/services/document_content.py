"""Content of the documents from a session: the facts read from the database, and the plain
words a case worker reads (medication matters, social risks) or the file keeps (the summary).

Pure mapping: no file is written and nothing is logged here (services/documents.py does that).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session

from consultdesk.domain.consultation import (
    Action,
    ConsultationData,
    Intervention,
    MedicationRow,
    Source,
)
from consultdesk.domain.dates import full_age
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import reference_code
from consultdesk.domain.resident import Sex
from consultdesk.domain.rules import KIND_MEDICATION, KIND_SOCIAL
from consultdesk.domain.screening import OBSERVATION_RULE_ID
from consultdesk.reports import (
    ConsultationSummaryContent,
    DoseSchedule,
    DrugProblem,
    FlagEntry,
    FlagKind,
    FlagStatus,
    InventoryItem,
    MedicationListContent,
    MedicationListItem,
    MedicationMatter,
    ObservationSeen,
    PharmacistContact,
    Present,
    Severity,
    SocialRiskSeen,
    SummaryResident,
    VisitInfo,
)
from consultdesk.reports.labels import Lang
from consultdesk.services import flags as flag_service
from consultdesk.services.document_words import has_word, word
from consultdesk.services.flags import FlagView
from consultdesk.services.workspace import Workspace
from consultdesk.storage import consultations_repo
from consultdesk.storage.models import CaseWorker, Resident, WelfareCentre

MAX_ITEMS_NAMED = 4


def _problem(field: str, code: str, default: str) -> ValidationFailed:
    return ValidationFailed([Problem(field, code, {}, default)])


def kept_flags(views: Sequence[FlagView], kind: str) -> list[FlagView]:
    return [v for v in views if v.flag.kind == kind and v.status != flag_service.DISMISSED]


# --- plain words from flags -------------------------------------------------------------------


def rule_family(rule_id: str) -> str:
    if rule_id.startswith("count.regular"):
        return "count.regular"
    if rule_id.startswith("count.prescribers"):
        return "count.prescribers"
    if rule_id.startswith("adherence."):
        return "adherence"
    head = rule_id.split(".", 1)[0]
    # Class duplicates across ATC groups read as duplicates; several medicines together as
    # medicines that are risky together (resources/rules/class_duplicates.json, together.json).
    head = {"class_dup": "duplicate", "together": "ddi"}.get(head, head)
    return head if head in {"high_alert", "duplicate", "ddi", "older", "acb", "dur"} else "other"


def _still_taken(data: ConsultationData) -> list[MedicationRow]:
    return [
        m
        for m in data.medications
        if not m.is_blank and m.action not in (Action.STOP, Action.DISPOSE)
    ]


def _clinics(rows: Sequence[MedicationRow]) -> int:
    return len(
        {
            " ".join(m.prescriber.split()).casefold()
            for m in rows
            if m.source is Source.PRESCRIPTION and m.prescriber.strip()
        }
    )


def _items_text(names: Sequence[str], data: ConsultationData, lang: Lang) -> str:
    purposes = {m.name_as_found: m.purpose.strip() for m in data.medications}
    unique = list(dict.fromkeys(n for n in names if n.strip()))
    shown = [
        word("matter.item_purpose", lang, name=n, purpose=purposes[n]) if purposes.get(n) else n
        for n in unique[:MAX_ITEMS_NAMED]
    ]
    text = ", ".join(shown)
    if len(unique) > MAX_ITEMS_NAMED:
        return word("matter.items_more", lang, items=text, more=len(unique) - MAX_ITEMS_NAMED)
    return text


def medication_matters(
    data: ConsultationData, views: Sequence[FlagView], lang: Lang
) -> tuple[MedicationMatter, ...]:
    """Medication problems a case worker can help with, in their words: how many medicines from
    how many clinics, doses missed or stopped, medicines to watch, storage, and the problems
    the pharmacist referred to the case worker."""
    kept = kept_flags(views, KIND_MEDICATION)
    by_family: dict[str, list[FlagView]] = {}
    for view in kept:
        by_family.setdefault(rule_family(view.flag.rule_id), []).append(view)
    referred = [
        p
        for p in data.problems
        if not p.is_blank and p.intervention is Intervention.REFER_CASE_WORKER
    ]
    storage = [m for m in data.medications if not m.is_blank and m.storage_problem.strip()]
    matters: list[MedicationMatter] = []
    rows = _still_taken(data)
    count = sum(1 for m in rows if m.regular)
    if (kept or referred or storage) and count:
        clinics = _clinics(rows)
        situation = (
            word("matter.count_clinics", lang, count=count, clinics=clinics)
            if clinics
            else word("matter.count", lang, count=count)
        )
        helps = []
        if "count.regular" in by_family:
            helps.append(word("matter.help.organiser", lang))
        if "count.prescribers" in by_family:
            helps.append(word("matter.help.bring_list", lang))
        matters.append(MedicationMatter(situation, " ".join(helps)))
    matters += [MedicationMatter(p.description.strip(), p.outcome.strip()) for p in referred]
    adherence = by_family.get("adherence", [])
    for rule in ("misses_doses", "stopped_on_own", "takes_more"):
        names = [n for v in adherence if v.flag.rule_id.endswith(rule) for n in v.items]
        if names:
            matters.append(
                MedicationMatter(
                    word(f"matter.{rule}", lang, items=_items_text(names, data, lang)),
                    word(f"matter.help.{rule}", lang),
                )
            )
    high_alert = [n for v in by_family.get("high_alert", []) for n in v.items]
    if high_alert:
        matters.append(
            MedicationMatter(
                word("matter.high_alert", lang, items=_items_text(high_alert, data, lang)),
                word("matter.help.high_alert", lang),
            )
        )
    if storage:
        items = ", ".join(f"{m.name_as_found} ({m.storage_problem.strip()})" for m in storage)
        matters.append(
            MedicationMatter(
                word("matter.storage", lang, items=items), word("matter.help.storage", lang)
            )
        )
    clinical = [
        n
        for family in ("duplicate", "ddi", "older", "acb", "dur", "other")
        for v in by_family.get(family, [])
        for n in v.items
    ]
    if clinical:
        matters.append(
            MedicationMatter(
                word("matter.prescriber_check", lang, items=_items_text(clinical, data, lang)),
                word("matter.help.prescriber_check", lang),
            )
        )
    return tuple(matters)


def _risk_label(view: FlagView, lang: Lang) -> str:
    if view.flag.rule_id == OBSERVATION_RULE_ID:
        return word("risk.observed", lang)
    key = f"risk.{view.flag.params.get('domain', '')}"
    return word(key, lang) if has_word(key) else word("risk.other", lang)


def social_risks(
    data: ConsultationData, views: Sequence[FlagView], lang: Lang
) -> tuple[SocialRiskSeen, ...]:
    """One line per risk area, with what was answered or seen, and the pharmacist's notes."""
    grouped: dict[str, list[str]] = {}
    for view in kept_flags(views, KIND_SOCIAL):
        text = view.text(lang)
        if view.reason.strip():
            text += " — " + word("risk.note", lang, note=view.reason.strip())
        lines = grouped.setdefault(_risk_label(view, lang), [])
        if text not in lines:
            lines.append(text)
    risks = [SocialRiskSeen(label, "\n".join(lines)) for label, lines in grouped.items()]
    if data.observations.strip():
        risks.append(
            SocialRiskSeen(word("risk.other_observations", lang), data.observations.strip())
        )
    return tuple(risks)


def observed_services(data: ConsultationData) -> tuple[str, ...]:
    """The services the pharmacist ticked for the session's own observations, in the order
    they were observed: what a new referral sheet requests until the pharmacist changes it."""
    ids: list[str] = []
    for risk in data.observed:
        ids += [s for s in risk.services if s not in ids]
    return tuple(ids)


# --- reading what a document needs ------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    resident: Resident
    centre: str
    case_worker: str
    data: ConsultationData


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"[,\n;·]", text) if p.strip())


def pharmacist_contact(ws: Workspace) -> PharmacistContact:
    p = ws.profile
    return PharmacistContact(p.pharmacist_name, p.organisation, p.phone)


def sex_of(value: str) -> Sex:
    try:
        return Sex(value)
    except ValueError:
        return Sex.UNKNOWN


def read_facts(s: Session, resident_id: str, consultation_id: str | None) -> Facts:
    resident = s.get(Resident, resident_id)
    if resident is None or resident.deleted:
        raise _problem("resident", "resident_gone", "No such resident.")
    if consultation_id is None:
        latest = consultations_repo.latest_for_resident(s, resident_id)
        consultation_id = latest.id if latest is not None else None
    data = consultations_repo.load(s, consultation_id) if consultation_id else None
    if data is None:
        raise _problem(
            "consultation", "no_consultation", "This resident has no consultation to print yet."
        )
    if data.resident_id != resident_id:
        raise _problem("consultation", "consultation_gone", "Not a session of this resident.")
    centre = s.get(WelfareCentre, resident.centre_id) if resident.centre_id else None
    worker = s.get(CaseWorker, resident.case_worker_id) if resident.case_worker_id else None
    return Facts(
        resident,
        centre.name if centre is not None and not centre.deleted else "",
        worker.name if worker is not None and not worker.deleted else "",
        data,
    )


def medication_list_content(ws: Workspace, facts: Facts, today: date) -> MedicationListContent:
    items = tuple(
        MedicationListItem(
            name=f"{m.name_as_found} {m.strength}".strip(),
            purpose=m.purpose.strip(),
            schedule=DoseSchedule(m.morning, m.noon, m.evening, m.bedtime, m.as_needed),
        )
        for m in _still_taken(facts.data)
    )
    return MedicationListContent(
        resident_name=facts.resident.name,
        prepared_on=today,
        pharmacist=pharmacist_contact(ws),
        items=items,
        allergies=_split(facts.resident.allergies),
        reference_code=session_code(facts.data),
    )


def session_code(data: ConsultationData) -> str:
    return reference_code(data.id, data.visit.visit_date.year)


def _started_at(data: ConsultationData) -> datetime:
    try:
        hours, minutes = (int(x) for x in data.visit.visit_time.split(":")[:2])
        clock = time(hours, minutes)
    except ValueError:
        clock = time(0, 0)
    return datetime.combine(data.visit.visit_date, clock)


def _flag_title(view: FlagView, lang: Lang) -> str:
    flag = view.flag
    family = rule_family(flag.rule_id)
    if flag.kind == KIND_SOCIAL:
        return _risk_label(view, lang)
    if family.startswith("count."):
        return word(f"flag.{family}", lang, count=flag.params.get("count", ""))
    if family in ("adherence", "duplicate"):
        key = "flag." + flag.rule_id
        if flag.rule_id.startswith("class_dup."):
            key = "flag.duplicate.same_class"
        return word(key, lang) if has_word(key) else word("flag.other", lang)
    return word(f"flag.{family}", lang)


def _flag_entry(view: FlagView, lang: Lang) -> FlagEntry:
    why = [view.text(lang)]
    if view.items:
        why.append(word("flag.items", lang, items=", ".join(view.items)))
    why.append(word("flag.source", lang, source=view.flag.source))
    status = FlagStatus(view.status)
    return FlagEntry(
        kind=FlagKind.SOCIAL if view.flag.kind == KIND_SOCIAL else FlagKind.MEDICATION,
        title=_flag_title(view, lang),
        why=" · ".join(why),
        status=status,
        dismiss_reason=view.reason if status is FlagStatus.DISMISSED else "",
    )


def _severity(value: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        return Severity.MODERATE


def observations_seen(
    ws: Workspace, data: ConsultationData, lang: Lang
) -> tuple[ObservationSeen, ...]:
    """The session's observed risks for the summary, with the names of the ticked services
    (words the pharmacist wrote for a service the catalog lacks are kept as they are)."""
    catalog = flag_service.load_flag_context(ws).catalog
    seen = []
    for risk in data.observed:
        names = []
        for value in risk.services:
            service = catalog.get(value)
            if service is None:
                names.append(value)
            else:
                names.append(service.name_ko if lang == "ko" else service.name_en)
        seen.append(ObservationSeen(risk.text.strip(), _severity(risk.severity), tuple(names)))
    return tuple(o for o in seen if o.text)


# Who took part, in the order the editor lists them.
_PRESENT_ORDER = tuple(Present)


def summary_content(
    ws: Workspace, facts: Facts, views: list[FlagView], lang: Lang
) -> ConsultationSummaryContent:
    r, data = facts.resident, facts.data
    inventory = tuple(
        InventoryItem(
            name=m.name_as_found,
            strength=m.strength,
            schedule=DoseSchedule(m.morning, m.noon, m.evening, m.bedtime, m.as_needed),
            purpose=m.purpose,
            prescriber=m.prescriber
            if m.source is Source.PRESCRIPTION
            else (m.prescriber or word("summary.self_bought", lang)),
            source=m.source,
            adherence=m.adherence,
            storage_problem=m.storage_problem,
            action=word(f"action.{m.action.value}", lang),
        )
        for m in data.medications
        if not m.is_blank
    )
    living = f"living.{r.living_situation}"
    return ConsultationSummaryContent(
        reference_code=session_code(data),
        pharmacist=pharmacist_contact(ws),
        resident=SummaryResident(
            name=r.name,
            sex=sex_of(r.sex),
            birth_year=r.birth_date.year if r.birth_date else None,
            age_years=full_age(r.birth_date, data.visit.visit_date) if r.birth_date else None,
            living_situation=word(living, lang) if has_word(living) else "",
            welfare_centre=facts.centre,
            case_worker=facts.case_worker,
            conditions=_split(r.chronic_conditions),
            allergies=_split(r.allergies),
        ),
        visit=VisitInfo(
            session_number=data.number,
            started_at=_started_at(data),
            place=data.visit.place,
            duration_minutes=data.visit.duration_min,
            present=tuple(p for p in _PRESENT_ORDER if p in data.visit.present),
        ),
        inventory=inventory,
        flags=tuple(_flag_entry(v, lang) for v in views),
        observations=data.observations.strip(),
        observed=observations_seen(ws, data, lang),
        problems=tuple(
            DrugProblem(
                problem=word(
                    "problem.line",
                    lang,
                    category=word(f"category.{p.category.value}", lang),
                    description=p.description.strip(),
                ),
                intervention=word(f"intervention.{p.intervention.value}", lang),
                outcome=p.outcome.strip(),
            )
            for p in data.problems
            if not p.is_blank
        ),
        advice=tuple(line.strip() for line in data.advice.splitlines() if line.strip()),
        follow_up_plan=data.follow_up_plan.strip(),
        next_visit=data.next_visit,
    )
