"""One function per user action on residents."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlmodel import Session

from consultdesk.domain.consent import ConsentRecord
from consultdesk.domain.phone import digits
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.resident import (
    ResidentData,
    ResidentDraft,
    ResidentRow,
    birth_text,
    validate_resident,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage import centres_repo, residents_repo
from consultdesk.storage.consent_repo import consent_records
from consultdesk.storage.models import Resident

SEARCH_LIMIT = 300


@dataclass(frozen=True)
class ResidentDetail:
    id: str
    data: ResidentData
    centre_name: str
    case_worker_name: str
    consents: list[ConsentRecord]


def _check_links(s: Session, data: ResidentData) -> list[Problem]:
    """The chosen centre and case worker exist and belong together (checked in the writing
    transaction, so a centre deleted by a sync meanwhile cannot slip through)."""
    problems = []
    if data.centre_id and centres_repo.live_centre(s, data.centre_id) is None:
        problems.append(Problem("centre_id", "centre_unknown", {}, "Choose a welfare centre."))
    if data.case_worker_id:
        worker = centres_repo.live_case_worker(s, data.case_worker_id)
        if worker is None or worker.centre_id != data.centre_id:
            problems.append(
                Problem(
                    "case_worker_id",
                    "case_worker_unknown",
                    {},
                    "Choose a case worker of this welfare centre.",
                )
            )
    return problems


def _values(data: ResidentData) -> dict[str, object]:
    values = asdict(data)
    values["name_initials"] = residents_repo.search_key_initials(data.name)
    values["phone_digits"] = digits(data.phone)
    return values


def save_resident(
    ws: Workspace, draft: ResidentDraft, resident_id: str | None = None, today: date | None = None
) -> str:
    """Create (resident_id None) or update a resident. Raises ValidationFailed, writing nothing."""
    data, problems = validate_resident(draft, today or date.today())
    if problems or data is None:
        raise ValidationFailed(problems)
    with ws.db.session() as s:
        problems = _check_links(s, data)
        if problems:
            raise ValidationFailed(problems)
        if resident_id is None:
            record = Resident(name=data.name)
            action = "create"
        else:
            existing = s.get(Resident, resident_id)
            if existing is None or existing.deleted:
                raise ValidationFailed(
                    [Problem("name", "resident_gone", {}, "This resident was deleted.")]
                )
            record, action = existing, "update"
        ws.writer.save(s, record, _values(data))
        s.add(ws.audit(action, "resident", record.id, record.id))
        return record.id


def delete_resident(ws: Workspace, resident_id: str) -> None:
    """Delete a resident: a tombstone that syncs to the team. Their consultations, consents and
    referrals stay in the database (a final record is never destroyed) but are no longer listed
    anywhere, since every list reads through a live resident. Raises ValidationFailed
    (resident_gone) if another laptop deleted them first."""
    with ws.db.session() as s:
        record = s.get(Resident, resident_id)
        if record is None or record.deleted:
            raise ValidationFailed(
                [Problem("name", "resident_gone", {}, "This resident was deleted.")]
            )
        ws.writer.delete(s, record)
        s.add(ws.audit("delete", "resident", resident_id, resident_id))


def search_residents(
    ws: Workspace, query: str, limit: int = SEARCH_LIMIT
) -> tuple[list[ResidentRow], int]:
    with ws.db.session(read_only=True) as s:
        found = residents_repo.search_residents(s, query, limit)
    ws.log_view("resident_search")  # once per opening of the list, not per keystroke
    return found


def open_resident(ws: Workspace, resident_id: str) -> ResidentDetail | None:
    """The resident's record for viewing; the view is written to the access log."""
    with ws.db.session() as s:
        r = s.get(Resident, resident_id)
        if r is None or r.deleted:
            return None
        # A centre or worker deleted on another laptop while this one chose it (a sync can
        # bring both) is shown as none, so the next save of the resident drops the link.
        centre = centres_repo.live_centre(s, r.centre_id)
        worker = centres_repo.live_case_worker(s, r.case_worker_id)
        s.add(ws.audit("view", "resident", r.id, r.id))
        data = ResidentData(
            name=r.name,
            birth_date=r.birth_date,
            sex=r.sex,
            phone=r.phone,
            district=r.district,
            living_situation=r.living_situation,
            centre_id=centre.id if centre else None,
            case_worker_id=worker.id if worker else None,
            chronic_conditions=r.chronic_conditions,
            allergies=r.allergies,
            notes=r.notes,
            birth_approximate=r.birth_approximate,
        )
        return ResidentDetail(
            r.id,
            data,
            centre.name if centre else "",
            worker.name if worker else "",
            consent_records(s, r.id),
        )


def draft_from(detail: ResidentDetail) -> ResidentDraft:
    d = detail.data
    return ResidentDraft(
        name=d.name,
        birth_date=birth_text(d.birth_date, d.birth_approximate),
        sex=d.sex,
        phone=d.phone,
        district=d.district,
        living_situation=d.living_situation,
        centre_id=d.centre_id,
        case_worker_id=d.case_worker_id,
        chronic_conditions=d.chronic_conditions,
        allergies=d.allergies,
        notes=d.notes,
    )


def count_residents(ws: Workspace) -> int:
    with ws.db.session(read_only=True) as s:
        return residents_repo.count_residents(s)
