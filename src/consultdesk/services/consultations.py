"""One function per user action on consultations: start, autosave, finalise, amend, compare.

Drafts are saved as they are (an unfinished visit is normal); only finalising checks that the
record is complete. A registration number is refused everywhere, draft or not.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel

from consultdesk.domain.consent import health_info_block
from consultdesk.domain.consultation import (
    Comparison,
    ConsultationData,
    ConsultationSummary,
    FollowUpRow,
    MedicationRow,
    ProblemRow,
    Status,
    Visit,
    carry_forward,
    compare,
    refuse_rrn,
    validate_consultation,
)
from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.rrn import contains_rrn
from consultdesk.services.workspace import Workspace
from consultdesk.storage import consultations_repo as repo
from consultdesk.storage import referrals_repo
from consultdesk.storage.consent_repo import consent_records
from consultdesk.storage.flags_repo import decision_records
from consultdesk.storage.models import (
    Consultation,
    ConsultationVersion,
    DrugProblemEntry,
    MedicationEntry,
    Resident,
)
from consultdesk.storage.settings_repo import get_setting, put_setting

# The consultation the editor has open. Set when it opens, cleared when it closes normally: if the
# app dies, the next start finds it still set and offers the draft back.
EDITING_KEY = "editing_consultation"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _gone() -> ValidationFailed:
    return ValidationFailed([Problem("consultation", "consultation_gone", {}, "Deleted.")])


def _get(s: Session, consultation_id: str) -> Consultation:
    record = s.get(Consultation, consultation_id)
    if record is None or record.deleted:
        raise _gone()
    return record


def start_consultation(
    ws: Workspace, resident_id: str, today: date | None = None, time: str = ""
) -> str:
    """A new draft consultation for the resident, starting from the previous one's inventory."""
    today = today or date.today()
    with ws.db.session() as s:
        resident = s.get(Resident, resident_id)
        if resident is None or resident.deleted:
            raise ValidationFailed([Problem("resident", "resident_gone", {}, "No such resident.")])
        blocked = health_info_block(consent_records(s, resident_id))
        if blocked is not None:
            raise ValidationFailed([Problem("consent", blocked, {}, "No consent to health data.")])
        previous = repo.latest_for_resident(s, resident_id)
        before = repo.load(s, previous.id) if previous else None
        rows = carry_forward(before, [new_id() for _ in (before.medications if before else ())])
        data = ConsultationData(
            id=new_id(),
            resident_id=resident_id,
            number=repo.next_number(s, resident_id),
            visit=Visit(visit_date=today, visit_time=time),
            medications=tuple(rows),
        )
        record = Consultation(id=data.id, resident_id=resident_id, visit_date=today)
        values = repo.consultation_values(data)
        values.update(status=Status.DRAFT.value, updated_at=_now())
        ws.writer.save(s, record, values)
        for position, row in enumerate(rows):
            entry = MedicationEntry(id=row.id, consultation_id=data.id)
            ws.writer.save(
                s, entry, {"consultation_id": data.id, **repo.medication_values(row, position)}
            )
        s.add(ws.audit("create", "consultation", data.id, resident_id))
        return data.id


def open_consultation(
    ws: Workspace, consultation_id: str, editing: bool = False
) -> ConsultationData:
    """The consultation for the editor; the view is written to the access log. With ``editing``,
    an editable consultation is also remembered as the one the editor has open (same transaction:
    opening a consultation costs one write)."""
    with ws.db.session() as s:
        data = repo.load(s, consultation_id)
        if data is None:
            raise _gone()
        s.add(ws.audit("view", "consultation", consultation_id, data.resident_id))
        if editing and data.editable:
            put_setting(s, EDITING_KEY, consultation_id)
        return data


def load_consultation(ws: Workspace, consultation_id: str) -> ConsultationData | None:
    """Read a consultation without logging a view (comparisons, documents that log on their own)."""
    with ws.db.session(read_only=True) as s:
        return repo.load(s, consultation_id)


def _save_rows(
    ws: Workspace,
    s: Session,
    consultation_id: str,
    existing: list[Any],
    rows: list[tuple[MedicationRow | ProblemRow, dict[str, Any]]],
    model: type[SQLModel],
) -> bool:
    """Create, update and tombstone the rows of one list so the database matches ``rows``.
    True if anything changed."""
    by_id = {e.id: e for e in existing}
    changed = bool(set(by_id) - {row.id for row, _ in rows})
    for row, values in rows:
        record = by_id.pop(row.id, None)
        if record is None:
            record = model(id=row.id, consultation_id=consultation_id)
            values = {"consultation_id": consultation_id, **values}
            changed = True
        elif any(getattr(record, k) != v for k, v in values.items()):
            changed = True
        else:
            continue
        ws.writer.save(s, record, values)
    for gone in by_id.values():
        ws.writer.delete(s, gone)
    return changed


def save_consultation(ws: Workspace, data: ConsultationData) -> None:
    """Autosave: write what the editor holds. Only changed fields reach the change log, so
    saving an unchanged consultation every second costs a few reads and no writes."""
    problems = refuse_rrn(data)
    if problems:
        raise ValidationFailed(problems)
    with ws.db.session() as s:
        record = _get(s, data.id)
        if record.status == Status.FINAL.value:
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
        values = repo.consultation_values(data)
        meds = [
            (m, repo.medication_values(m, i))
            for i, m in enumerate(m for m in data.medications if not m.is_blank)
        ]
        probs = [
            (p, repo.problem_values(p, i))
            for i, p in enumerate(p for p in data.problems if not p.is_blank)
        ]
        rows_changed = _save_rows(
            ws, s, data.id, repo.med_entries(s, data.id), list(meds), MedicationEntry
        )
        rows_changed |= _save_rows(
            ws, s, data.id, repo.problem_entries(s, data.id), list(probs), DrugProblemEntry
        )
        if rows_changed or any(getattr(record, k) != v for k, v in values.items()):
            values["updated_at"] = _now()
            ws.writer.save(s, record, values)


def finalise_consultation(ws: Workspace, data: ConsultationData, today: date | None = None) -> None:
    """Save, check completeness and make the consultation read-only."""
    problems = validate_consultation(data, today or date.today())
    if problems:
        raise ValidationFailed(problems)
    save_consultation(ws, data)
    with ws.db.session() as s:
        record = _get(s, data.id)
        ws.writer.save(s, record, {"status": Status.FINAL.value, "finalised_at": _now()})
        s.add(ws.audit("finalise", "consultation", data.id, data.resident_id))


def _snapshot(data: ConsultationData) -> str:
    values = repo.consultation_values(data)
    values["visit_date"] = data.visit.visit_date.isoformat()
    values["next_visit"] = data.next_visit.isoformat() if data.next_visit else None
    values["medications"] = [repo.medication_values(m, i) for i, m in enumerate(data.medications)]
    values["problems"] = [repo.problem_values(p, i) for i, p in enumerate(data.problems)]
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def write_unsaved_copy(data: ConsultationData, path: Path) -> None:
    """The editor's last edits, written to a file the pharmacist chose when the database could
    not take them (a full disk, a failing drive). Readable JSON in the same shape as an amended
    consultation's earlier version; only the owner may read it, as it holds health information."""
    text = json.dumps(
        {"format": "consultdesk-unsaved-consultation/1", **json.loads(_snapshot(data))},
        ensure_ascii=False,
        indent=2,
        sort_keys=True,
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(path, 0o600)


def amend_consultation(ws: Workspace, consultation_id: str, reason: str) -> ConsultationData:
    """Reopen a final consultation for a correction. What it said until now is kept as a version."""
    reason = reason.strip()
    if not reason:
        raise ValidationFailed([Problem("reason", "reason_required", {}, "Give a reason.")])
    if contains_rrn(reason):
        raise ValidationFailed([Problem("reason", "rrn_refused", {}, "No registration numbers.")])
    with ws.db.session() as s:
        record = _get(s, consultation_id)
        data = repo.load(s, consultation_id)
        assert data is not None
        if record.status != Status.FINAL.value:
            return data
        version = record.amendment_count + 1
        ws.writer.save(
            s,
            ConsultationVersion(consultation_id=consultation_id, version=version, snapshot=""),
            {
                "consultation_id": consultation_id,
                "version": version,
                "reason": reason,
                "snapshot": _snapshot(data),
                "recorded_at": _now(),
            },
        )
        ws.writer.save(s, record, {"status": Status.AMENDING.value, "amendment_count": version})
        s.add(ws.audit("amend", "consultation", consultation_id, data.resident_id))
        return replace(data, status=Status.AMENDING, amendment_count=version)


@dataclass(frozen=True, slots=True)
class Version:
    version: int
    reason: str
    recorded_at: str
    snapshot: dict[str, Any]


def consultation_history(ws: Workspace, consultation_id: str) -> list[Version]:
    """Earlier versions of an amended session, oldest first."""
    with ws.db.session(read_only=True) as s:
        return [
            Version(v.version, v.reason, v.recorded_at, json.loads(v.snapshot))
            for v in repo.versions(s, consultation_id)
        ]


def delete_consultation(ws: Workspace, consultation_id: str) -> None:
    """Discard a draft (a final consultation is never deleted, only amended)."""
    with ws.db.session() as s:
        record = _get(s, consultation_id)
        if record.status == Status.FINAL.value:
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
        for entry in repo.med_entries(s, consultation_id):
            ws.writer.delete(s, entry)
        for problem in repo.problem_entries(s, consultation_id):
            ws.writer.delete(s, problem)
        ws.writer.delete(s, record)
        s.add(ws.audit("delete", "consultation", consultation_id, record.resident_id))


def resident_timeline(ws: Workspace, resident_id: str) -> list[ConsultationSummary]:
    with ws.db.session(read_only=True) as s:
        rows = repo.timeline(s, resident_id)
    ws.log_view("timeline", resident_id, resident_id)
    return rows


def compare_consultations(ws: Workspace, older_id: str, newer_id: str) -> Comparison:
    """What changed between two consultations; the arguments may come in either order."""
    with ws.db.session(read_only=True) as s:
        a, b = repo.load(s, older_id), repo.load(s, newer_id)
    if a is None or b is None:
        raise _gone()
    if (a.number, a.visit.visit_date) > (b.number, b.visit.visit_date):
        a, b = b, a
    return compare(a, b)


@dataclass(frozen=True, slots=True)
class FollowUps:
    overdue: list[FollowUpRow]
    this_week: list[FollowUpRow]


def follow_up_list(ws: Workspace, today: date | None = None) -> FollowUps:
    """Next visits that are overdue, and those due from today to the end of this week (Sunday)."""
    today = today or date.today()
    week_end = today + timedelta(days=6 - today.weekday())
    with ws.db.session(read_only=True) as s:
        rows = repo.follow_ups(s, week_end)
    ws.log_view("follow_ups")
    return FollowUps(
        [r for r in rows if r.next_visit < today], [r for r in rows if r.next_visit >= today]
    )


# --- the draft the editor had open --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DraftToRecover:
    consultation_id: str
    resident_name: str
    number: int
    visit_date: date
    updated_at: str


def mark_editing(ws: Workspace, consultation_id: str | None) -> None:
    with ws.db.session() as s:
        put_setting(s, EDITING_KEY, consultation_id or "")


def draft_to_recover(ws: Workspace) -> DraftToRecover | None:
    """The consultation the editor had open when the app last stopped without closing it."""
    with ws.db.session() as s:
        consultation_id = get_setting(s, EDITING_KEY)
        if not consultation_id:
            return None
        record = s.get(Consultation, consultation_id)
        resident = s.get(Resident, record.resident_id) if record else None
        if (
            record is None
            or record.deleted
            or record.status == Status.FINAL.value
            or resident is None
            or resident.deleted
        ):
            put_setting(s, EDITING_KEY, "")
            return None
        return DraftToRecover(
            record.id, resident.name, record.number, record.visit_date, record.updated_at
        )


@dataclass(frozen=True, slots=True)
class ResidentBrief:
    """What the editor's header and the age-dependent rules need to know about the resident."""

    id: str
    name: str
    birth_date: date | None
    allergies: str


def resident_brief(ws: Workspace, resident_id: str) -> ResidentBrief | None:
    with ws.db.session(read_only=True) as s:
        r = s.get(Resident, resident_id)
        if r is None or r.deleted:
            return None
        brief = ResidentBrief(r.id, r.name, r.birth_date, r.allergies)
    ws.log_view("resident_overview", resident_id, resident_id)
    return brief


def health_consent_block(ws: Workspace, resident_id: str) -> str | None:
    """None when a new consultation may record health information for this resident, else
    the code saying why not (no consent recorded, refused, withdrawn)."""
    with ws.db.session(read_only=True) as s:
        return health_info_block(consent_records(s, resident_id))


def unfinished_consultation(ws: Workspace, resident_id: str) -> str | None:
    """The resident's latest consultation if it is still a draft: "new consultation" resumes it
    rather than starting a second draft of the same visit."""
    with ws.db.session(read_only=True) as s:
        latest = repo.latest_for_resident(s, resident_id)
        if latest is not None and latest.status != Status.FINAL.value:
            return latest.id
        return None


def delete_draft(ws: Workspace, consultation_id: str) -> None:
    """Delete an unfinished consultation from the timeline: tombstones (the consultation, its
    medicine and problem rows, its flag decisions) that sync to the team. A consultation that was
    ever finished is never deleted (it is amended instead), nor a draft a referral sheet was made
    from."""
    with ws.db.session() as s:
        record = _get(s, consultation_id)
        if record.status != Status.DRAFT.value or record.amendment_count:
            raise ValidationFailed(
                [
                    Problem(
                        "consultation",
                        "final_not_deletable",
                        {},
                        "A finished consultation cannot be deleted; amend it instead.",
                    )
                ]
            )
        referral = referrals_repo.any_for_consultation(s, consultation_id)
        if referral is not None:
            raise ValidationFailed(
                [
                    Problem(
                        "consultation",
                        "draft_has_referral",
                        {"n": record.number, "reference": referral.reference},
                        "A referral sheet was made from this consultation.",
                    )
                ]
            )
        rows: list[SQLModel] = [
            *repo.med_entries(s, consultation_id),
            *repo.problem_entries(s, consultation_id),
            *decision_records(s, consultation_id),
        ]
        for row in rows:
            ws.writer.delete(s, row)
        ws.writer.delete(s, record)
        if get_setting(s, EDITING_KEY) == consultation_id:
            put_setting(s, EDITING_KEY, "")
        s.add(ws.audit("delete", "consultation", consultation_id, record.resident_id))
