"""What each document says, from a session already read: the plain words a case worker reads
on the referral sheet (medication matters, social risks), the resident's medication list and the
consultation summary the file keeps.

Pure mapping: nothing is read from the database, no file is written and nothing is logged here
(services/documents.py reads the facts and does the rest). The words of coded values come from
reports/coded_words.py, the sentences from reports/document_words.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from consultdesk.domain.consent import ConsentRecord
from consultdesk.domain.consultation import (
    Action,
    ConsultationData,
    Intervention,
    MedicationRow,
    Source,
)
from consultdesk.domain.dates import full_age
from consultdesk.domain.referral import reference_code
from consultdesk.domain.resident import Sex
from consultdesk.domain.rules import KIND_MEDICATION, KIND_SOCIAL, RiskFlag
from consultdesk.domain.screening import OBSERVATION_RULE_ID, ServiceCatalog
from consultdesk.reports.coded_words import codes
from consultdesk.reports.coded_words import word as coded_word
from consultdesk.reports.content import (
    ConsentOnFile,
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
    ReferralContent,
    ReferralResident,
    Severity,
    SocialRiskSeen,
    SummaryResident,
    VisitInfo,
)
from consultdesk.reports.document_words import has_word, word
from consultdesk.reports.labels import Lang
from consultdesk.storage.models import Resident


class FlagLike(Protocol):
    """What a document reads of a flag (services.flags.FlagView)."""

    @property
    def flag(self) -> RiskFlag: ...
    @property
    def status(self) -> str: ...  # open / confirmed / dismissed
    @property
    def reason(self) -> str: ...
    @property
    def items(self) -> tuple[str, ...]: ...

    def text(self, lang: str) -> str: ...


MAX_ITEMS_NAMED = 4


def kept_flags(views: Sequence[FlagLike], kind: str) -> list[FlagLike]:
    return [v for v in views if v.flag.kind == kind and v.status != FlagStatus.DISMISSED]


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
    data: ConsultationData, views: Sequence[FlagLike], lang: Lang
) -> tuple[MedicationMatter, ...]:
    """Medication problems a case worker can help with, in their words: how many medicines from
    how many clinics, doses missed or stopped, medicines to watch, storage, and the problems
    the pharmacist referred to the case worker."""
    kept = kept_flags(views, KIND_MEDICATION)
    by_family: dict[str, list[FlagLike]] = {}
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


def _risk_label(view: FlagLike, lang: Lang) -> str:
    if view.flag.rule_id == OBSERVATION_RULE_ID:
        return word("risk.observed", lang)
    key = f"risk.{view.flag.params.get('domain', '')}"
    return word(key, lang) if has_word(key) else word("risk.other", lang)


def social_risks(
    data: ConsultationData, views: Sequence[FlagLike], lang: Lang
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
    """What services/documents.read_facts read for one document."""

    resident: Resident
    centre: str
    case_worker: str
    data: ConsultationData


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"[,\n;·]", text) if p.strip())


def sex_of(value: str) -> Sex:
    try:
        return Sex(value)
    except ValueError:
        return Sex.UNKNOWN


def medication_list_content(
    facts: Facts, pharmacist: PharmacistContact, today: date
) -> MedicationListContent:
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
        pharmacist=pharmacist,
        items=items,
        allergies=_split(facts.resident.allergies),
        reference_code=consultation_code(facts.data),
    )


def consultation_code(data: ConsultationData) -> str:
    return reference_code(data.id, data.visit.visit_date.year)


def _flag_title(view: FlagLike, lang: Lang) -> str:
    flag = view.flag
    family = rule_family(flag.rule_id)
    if flag.kind == KIND_SOCIAL:
        return _risk_label(view, lang)
    if family.startswith("count."):
        return word(f"flag.{family}", lang, count=flag.params.get("count", ""))
    if family == "adherence":
        # The adherence code the flag is about, worded as the screen and the inventory word it.
        code = flag.rule_id.split(".", 1)[1]
        if code in codes("adherence"):
            return coded_word("adherence", code, lang)
        return word("flag.other", lang)
    if family == "duplicate":
        key = "flag." + flag.rule_id
        if flag.rule_id.startswith("class_dup."):
            key = "flag.duplicate.same_class"
        return word(key, lang) if has_word(key) else word("flag.other", lang)
    return word(f"flag.{family}", lang)


def _flag_entry(view: FlagLike, lang: Lang) -> FlagEntry:
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
    catalog: ServiceCatalog, data: ConsultationData, lang: Lang
) -> tuple[ObservationSeen, ...]:
    """The session's observed risks for the summary, with the names of the ticked services
    (words the pharmacist wrote for a service the catalog lacks are kept as they are)."""
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
    facts: Facts,
    views: Sequence[FlagLike],
    catalog: ServiceCatalog,
    pharmacist: PharmacistContact,
    lang: Lang,
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
            action=coded_word("action", m.action, lang),
        )
        for m in data.medications
        if not m.is_blank
    )
    return ConsultationSummaryContent(
        reference_code=consultation_code(data),
        pharmacist=pharmacist,
        resident=SummaryResident(
            name=r.name,
            sex=sex_of(r.sex),
            birth_year=r.birth_date.year if r.birth_date else None,
            age_years=full_age(r.birth_date, data.visit.visit_date) if r.birth_date else None,
            living_situation=coded_word("living", r.living_situation, lang)
            if r.living_situation
            else "",
            welfare_centre=facts.centre,
            case_worker=facts.case_worker,
            conditions=_split(r.chronic_conditions),
            allergies=_split(r.allergies),
        ),
        visit=VisitInfo(
            visit_number=data.number,
            visit_date=data.visit.visit_date,
            visit_time=data.visit.visit_time.strip(),
            place=data.visit.place,
            duration_minutes=data.visit.duration_min,
            present=tuple(p for p in _PRESENT_ORDER if p in data.visit.present),
        ),
        inventory=inventory,
        flags=tuple(_flag_entry(v, lang) for v in views),
        observations=data.observations.strip(),
        observed=observations_seen(catalog, data, lang),
        problems=tuple(
            DrugProblem(
                problem=word(
                    "problem.line",
                    lang,
                    category=coded_word("problem_category", p.category, lang),
                    description=p.description.strip(),
                ),
                intervention=coded_word("intervention", p.intervention, lang),
                outcome=p.outcome.strip(),
            )
            for p in data.problems
            if not p.is_blank
        ),
        advice=tuple(line.strip() for line in data.advice.splitlines() if line.strip()),
        follow_up_plan=data.follow_up_plan.strip(),
        next_visit=data.next_visit,
    )


# --- the referral sheet -----------------------------------------------------------------------


def service_text(catalog: ServiceCatalog, value: str, lang: Lang) -> str:
    """A requested service's name; words the pharmacist wrote themselves stay as they are."""
    service = catalog.get(value)
    if service is None:
        return value
    return service.name_ko if lang == "ko" else service.name_en


@dataclass(frozen=True)
class ReferralChoices:
    """What the pharmacist chose for one sheet (services.referrals.ReferralOptions resolved)."""

    reference: str
    referred_on: date
    services: tuple[str, ...]
    opinion: str = ""
    include_phone: bool = False
    include_district: bool = False


def referral_content(
    facts: Facts,
    views: Sequence[FlagLike],
    catalog: ServiceCatalog,
    pharmacist: PharmacistContact,
    consent: ConsentRecord,
    choices: ReferralChoices,
    lang: Lang,
) -> ReferralContent:
    """Everything the case worker reads: the least identifying data (phone and district only
    when ticked), the consent record, the social risks and medication matters that were not
    dismissed, in plain words, and the services requested."""
    r = facts.resident
    assert r.birth_date is not None  # checked by the gate
    return ReferralContent(
        reference_code=choices.reference,
        referred_on=choices.referred_on,
        welfare_centre=facts.centre,
        case_worker=facts.case_worker or word("referral.case_worker_unassigned", lang),
        pharmacist=pharmacist,
        resident=ReferralResident(
            name=r.name,
            sex=sex_of(r.sex),
            birth_year=r.birth_date.year,
            age_years=full_age(r.birth_date, choices.referred_on),
            phone=(r.phone or None) if choices.include_phone else None,
            district=(r.district or None) if choices.include_district else None,
        ),
        consent=ConsentOnFile(consent.decided_on, consent.method, consent.witness or None),
        social_risks=social_risks(facts.data, views, lang),
        medication_matters=medication_matters(facts.data, views, lang),
        services_requested=tuple(service_text(catalog, v, lang) for v in choices.services),
        pharmacist_opinion=choices.opinion.strip(),
    )
