"""Reading and writing consultations: rows <-> the domain's ConsultationData.

Medication rows and problems are records of their own (so two laptops editing different rows
never conflict); lists inside a record (ingredients, who was present, screening answers) are
JSON text written as a whole.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from consultdesk.domain.consultation import (
    Action,
    ConsultationData,
    ConsultationSummary,
    FollowUpRow,
    Intervention,
    MedicationRow,
    ObservedRisk,
    Place,
    Present,
    ProblemCategory,
    ProblemRow,
    Source,
    Status,
    Visit,
)
from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.storage.models import (
    Consultation,
    ConsultationVersion,
    DrugProblemEntry,
    MedicationEntry,
    Resident,
)

_MED_FIELDS = (
    "name_as_found",
    "strength",
    "form",
    "morning",
    "noon",
    "evening",
    "bedtime",
    "as_needed",
    "prescriber",
    "purpose",
    "storage_problem",
    "leftover",
)


def _enum(kind: Any, value: str, default: Any) -> Any:
    """A stored code this version does not know (synced from a newer laptop) reads as the
    default rather than crashing the editor."""
    try:
        return kind(value)
    except ValueError:
        return default


def ingredients_json(ingredients: tuple[Ingredient, ...]) -> str:
    return json.dumps(
        [{"atc": i.atc, "name_ko": i.name_ko, "name_en": i.name_en} for i in ingredients],
        ensure_ascii=False,
    )


def _ingredients(text: str) -> tuple[Ingredient, ...]:
    try:
        items = json.loads(text or "[]")
        return tuple(
            Ingredient(str(i.get("atc", "")), str(i.get("name_ko", "")), str(i.get("name_en", "")))
            for i in items
            if isinstance(i, dict)
        )
    except (ValueError, AttributeError):
        return ()


def medication_row(e: MedicationEntry) -> MedicationRow:
    return MedicationRow(
        id=e.id,
        ingredients=_ingredients(e.ingredients),
        source=_enum(Source, e.source, Source.PRESCRIPTION),
        adherence=_enum(Adherence, e.adherence, Adherence.AS_PRESCRIBED),
        action=_enum(Action, e.action, Action.CONTINUE),
        **{name: getattr(e, name) for name in _MED_FIELDS},
    )


def medication_values(row: MedicationRow, position: int) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(row, name) for name in _MED_FIELDS}
    values.update(
        position=position,
        ingredients=ingredients_json(row.ingredients),
        source=row.source.value,
        adherence=row.adherence.value,
        action=row.action.value,
    )
    return values


def problem_row(p: DrugProblemEntry) -> ProblemRow:
    return ProblemRow(
        id=p.id,
        category=_enum(ProblemCategory, p.category, ProblemCategory.OTHER),
        description=p.description,
        intervention=_enum(Intervention, p.intervention, Intervention.ADVICE),
        outcome=p.outcome,
    )


def problem_values(row: ProblemRow, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "category": row.category.value,
        "description": row.description,
        "intervention": row.intervention.value,
        "outcome": row.outcome,
    }


def _present(text: str) -> frozenset[Present]:
    try:
        return frozenset(_enum(Present, v, Present.RESIDENT) for v in json.loads(text or "[]"))
    except (ValueError, TypeError):
        return frozenset()


def _screening(text: str) -> dict[str, str | list[str]]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {
        str(k): [str(i) for i in v] if isinstance(v, list) else str(v) for k, v in value.items()
    }


def _observed(text: str) -> tuple[ObservedRisk, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(
        ObservedRisk(
            str(o.get("text", "")),
            str(o.get("severity", "moderate")),
            tuple(str(x) for x in o.get("services", [])),
        )
        for o in value
        if isinstance(o, dict) and str(o.get("text", "")).strip()
    )


def consultation_values(data: ConsultationData) -> dict[str, Any]:
    """The consultation record's own fields (not its rows)."""
    return {
        "resident_id": data.resident_id,
        "number": data.number,
        "visit_date": data.visit.visit_date,
        "visit_time": data.visit.visit_time,
        "place": data.visit.place.value,
        "duration_min": data.visit.duration_min,
        "present": json.dumps(sorted(p.value for p in data.visit.present)),
        "advice": data.advice,
        "follow_up_plan": data.follow_up_plan,
        "next_visit": data.next_visit,
        "observations": data.observations,
        "screening": json.dumps(dict(sorted(data.screening.items())), ensure_ascii=False),
        "observed": json.dumps(
            [
                {"text": o.text, "severity": o.severity, "services": list(o.services)}
                for o in data.observed
            ],
            ensure_ascii=False,
        ),
    }


def live(query: Any, model: Any) -> Any:
    return query.where(col(model.deleted).is_(False))


def med_entries(s: Session, consultation_id: str) -> list[MedicationEntry]:
    q = select(MedicationEntry).where(MedicationEntry.consultation_id == consultation_id)
    return list(s.exec(live(q, MedicationEntry).order_by(col(MedicationEntry.position))))


def problem_entries(s: Session, consultation_id: str) -> list[DrugProblemEntry]:
    q = select(DrugProblemEntry).where(DrugProblemEntry.consultation_id == consultation_id)
    return list(s.exec(live(q, DrugProblemEntry).order_by(col(DrugProblemEntry.position))))


def load(s: Session, consultation_id: str) -> ConsultationData | None:
    c = s.get(Consultation, consultation_id)
    if c is None or c.deleted:
        return None
    return ConsultationData(
        id=c.id,
        resident_id=c.resident_id,
        number=c.number,
        visit=Visit(
            visit_date=c.visit_date,
            visit_time=c.visit_time,
            place=_enum(Place, c.place, Place.HOME),
            duration_min=c.duration_min,
            present=_present(c.present),
        ),
        status=_enum(Status, c.status, Status.DRAFT),
        medications=tuple(medication_row(e) for e in med_entries(s, c.id)),
        problems=tuple(problem_row(p) for p in problem_entries(s, c.id)),
        advice=c.advice,
        follow_up_plan=c.follow_up_plan,
        next_visit=c.next_visit,
        observations=c.observations,
        screening=_screening(c.screening),
        observed=_observed(c.observed),
        amendment_count=c.amendment_count,
    )


def latest_for_resident(s: Session, resident_id: str) -> Consultation | None:
    q = select(Consultation).where(Consultation.resident_id == resident_id)
    q = live(q, Consultation).order_by(col(Consultation.number).desc()).limit(1)
    return s.exec(q).first()


def next_number(s: Session, resident_id: str) -> int:
    q = select(func.max(Consultation.number)).where(Consultation.resident_id == resident_id)
    return int(s.exec(live(q, Consultation)).one() or 0) + 1


def timeline(s: Session, resident_id: str) -> list[ConsultationSummary]:
    """All consultations of a resident, newest first, with their counts (two grouped queries)."""
    q = select(Consultation).where(Consultation.resident_id == resident_id)
    consultations = list(s.exec(live(q, Consultation).order_by(col(Consultation.number).desc())))
    ids = [c.id for c in consultations]

    def counts(model: Any) -> dict[str, int]:
        if not ids:
            return {}
        rows = s.exec(
            select(model.consultation_id, func.count())
            .where(col(model.consultation_id).in_(ids), col(model.deleted).is_(False))
            .group_by(model.consultation_id)
        )
        return {cid: n for cid, n in rows}

    meds, problems = counts(MedicationEntry), counts(DrugProblemEntry)
    return [
        ConsultationSummary(
            c.id,
            c.number,
            c.visit_date,
            c.place,
            c.status,
            meds.get(c.id, 0),
            problems.get(c.id, 0),
            c.next_visit,
            c.amendment_count,
        )
        for c in consultations
    ]


def follow_ups(s: Session, until: date) -> list[FollowUpRow]:
    """Each resident's latest consultation whose planned next visit is on or before ``until``
    (overdue ones included): the visit has not happened yet, since it would be a newer session."""
    latest = (
        select(Consultation.resident_id, func.max(Consultation.number).label("n"))
        .where(col(Consultation.deleted).is_(False))
        .group_by(Consultation.resident_id)
        .subquery()
    )
    q = (
        select(Consultation, Resident)
        .join(
            latest,
            and_(
                col(Consultation.resident_id) == latest.c.resident_id,
                col(Consultation.number) == latest.c.n,
            ),
        )
        .join(Resident, col(Resident.id) == col(Consultation.resident_id))
        .where(
            col(Consultation.deleted).is_(False),
            col(Resident.deleted).is_(False),
            col(Consultation.next_visit).is_not(None),
            col(Consultation.next_visit) <= until,
        )
        .order_by(col(Consultation.next_visit), col(Resident.name))
    )
    return [
        FollowUpRow(r.id, r.name, r.phone, c.id, c.visit_date, c.next_visit)
        for c, r in s.exec(q)
        if c.next_visit is not None
    ]


def versions(s: Session, consultation_id: str) -> list[ConsultationVersion]:
    q = select(ConsultationVersion).where(ConsultationVersion.consultation_id == consultation_id)
    return list(s.exec(live(q, ConsultationVersion).order_by(col(ConsultationVersion.version))))


def open_drafts(s: Session) -> list[tuple[Consultation, Resident]]:
    q = (
        select(Consultation, Resident)
        .join(Resident, col(Resident.id) == col(Consultation.resident_id))
        .where(
            col(Consultation.deleted).is_(False),
            col(Resident.deleted).is_(False),
            col(Consultation.status).in_([Status.DRAFT.value, Status.AMENDING.value]),
        )
        .order_by(col(Consultation.updated_at).desc())
    )
    return [(c, r) for c, r in s.exec(q)]
