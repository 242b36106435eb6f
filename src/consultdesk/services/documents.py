"""The three documents from real data: referral sheet, personal medication list, consultation
summary (PRODUCT.md job 5). One function per user action: prepare (for the preview), export to
a file, log a print, export many at once.

What the case worker receives is decided here: the least identifying data (phone and district
only when ticked), the consent record, the social risks and the medication matters that are not
dismissed, in plain words. No file name ever carries a resident's name.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session

from consultdesk.domain.consent import ConsentRecord
from consultdesk.domain.dates import full_age
from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import reference_code
from consultdesk.domain.rules import KIND_MEDICATION
from consultdesk.domain.screening import ServiceCatalog
from consultdesk.paths import resource_path
from consultdesk.reports import (
    ConsentOnFile,
    ConsultationSummaryContent,
    IncompleteContentError,
    MedicationListContent,
    ReferralContent,
    ReferralResident,
)
from consultdesk.reports.labels import Lang, check_lang
from consultdesk.services import flags as flag_service
from consultdesk.services.document_content import (
    Facts,
    kept_flags,
    medication_list_content,
    medication_matters,
    observed_services,
    pharmacist_contact,
    read_facts,
    rule_family,
    session_code,
    sex_of,
    social_risks,
    summary_content,
)
from consultdesk.services.document_words import word
from consultdesk.services.flags import FlagView
from consultdesk.services.referrals import (
    ReferralOptions,
    block_reason,
    blocked_problem,
    open_draft_for,
    options_of,
    referral_blocked_reason,
    save_draft,
    share_consent,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage import consultations_repo
from consultdesk.storage.models import Referral

__all__ = [
    "DocumentKind",
    "DocumentRequest",
    "ExportResult",
    "PreparedDocument",
    "export_batch",
    "export_document",
    "prepare_document",
    "record_document",
    "referral_blocked_reason",
    "render_pdf",
]

Content = ReferralContent | MedicationListContent | ConsultationSummaryContent


class DocumentKind(StrEnum):
    REFERRAL = "referral"
    MEDICATION_LIST = "medlist"
    SUMMARY = "summary"


# File names say what the document is and its reference code, never whose it is.
FILE_STEMS = {
    DocumentKind.REFERRAL: "referral",
    DocumentKind.MEDICATION_LIST: "medication-list",
    DocumentKind.SUMMARY: "consultation-summary",
}


@dataclass(frozen=True)
class DocumentRequest:
    """One document for one resident. Without `consultation_id` the latest session is used;
    without `options` a referral keeps its draft's choices or starts from the services ticked
    for the session's observations."""

    kind: DocumentKind
    resident_id: str
    consultation_id: str | None = None
    lang: Lang = "ko"
    referral_id: str | None = None
    options: ReferralOptions | None = None


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready to render: the request with everything resolved, and its content."""

    request: DocumentRequest
    consultation_id: str
    content: Content
    reference: str
    referral_id: str | None = None
    options: ReferralOptions | None = None
    # A referral already sent keeps the choices it was sent with; a reprint never changes them.
    frozen: bool = False

    @property
    def kind(self) -> DocumentKind:
        return self.request.kind

    @property
    def file_name(self) -> str:
        return f"{FILE_STEMS[self.kind]}-{self.reference}.pdf"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: DocumentKind
    resident_id: str
    reference: str
    referral_id: str | None = None


@dataclass(frozen=True)
class BatchResult:
    written: list[ExportResult]
    skipped: list[tuple[DocumentRequest, Problem]]
    stopped: bool = False


def _problem(field: str, code: str, default: str) -> ValidationFailed:
    return ValidationFailed([Problem(field, code, {}, default)])


def _fonts() -> None:
    # Once per process (reports.fonts caches it); the builders refuse to run without it.
    # ReportLab is imported here, on the first document, not at start-up.
    from consultdesk.reports.fonts import register_fonts

    register_fonts(resource_path("fonts"))


# --- what the pharmacist can choose -----------------------------------------------------------


def latest_consultation_id(ws: Workspace, resident_id: str) -> str | None:
    with ws.db.session(read_only=True) as s:
        latest = consultations_repo.latest_for_resident(s, resident_id)
        return latest.id if latest is not None else None


def service_catalog(ws: Workspace) -> ServiceCatalog:
    return flag_service.load_flag_context(ws).catalog


def suggested_services(ws: Workspace, consultation_id: str) -> tuple[str, ...]:
    """The services the session's flags suggest (dismissed flags left out), first one first;
    medication support is added when the medicines themselves need a helping hand."""
    views = flag_service.flags_for_consultation(ws, consultation_id)
    ids: list[str] = []
    for view in views:
        if view.status == flag_service.DISMISSED:
            continue
        ids += [s.id for s in view.services if s.id not in ids]
    needs_help = any(
        rule_family(v.flag.rule_id) in {"count.regular", "adherence", "high_alert"}
        for v in kept_flags(views, KIND_MEDICATION)
    )
    catalog = service_catalog(ws)
    if needs_help and catalog.get("medication_support") and "medication_support" not in ids:
        ids.append("medication_support")
    return tuple(ids)


@dataclass(frozen=True)
class ServiceChoices:
    """What a new referral sheet of a session offers: `ticked`, the services the pharmacist
    ticked for the session's observations; `offered`, the flags' other suggestions, listed
    unticked so one click adds them."""

    ticked: tuple[str, ...]
    offered: tuple[str, ...]


def service_choices(ws: Workspace, consultation_id: str) -> ServiceChoices:
    with ws.db.session(read_only=True) as s:
        data = consultations_repo.load(s, consultation_id)
    ticked = observed_services(data) if data is not None else ()
    offered = tuple(v for v in suggested_services(ws, consultation_id) if v not in ticked)
    return ServiceChoices(ticked, offered)


def service_text(catalog: ServiceCatalog, value: str, lang: Lang) -> str:
    service = catalog.get(value)
    if service is None:
        return value
    return service.name_ko if lang == "ko" else service.name_en


@dataclass(frozen=True)
class _ReferralFacts:
    consent: ConsentRecord
    record: Referral | None  # the referral this sheet continues or reprints


def _referral_facts(s: Session, request: DocumentRequest, facts: Facts) -> _ReferralFacts:
    code, consent = share_consent(s, request.resident_id)
    if code is not None or consent is None:
        raise blocked_problem(code or "consent_to_share_missing")
    record = (
        s.get(Referral, request.referral_id)
        if request.referral_id
        else open_draft_for(s, facts.data.id)
    )
    if record is not None and (record.deleted or record.resident_id != request.resident_id):
        raise _problem("referral", "referral_gone", "This referral no longer exists.")
    return _ReferralFacts(consent, record)


def _referral(
    ws: Workspace,
    request: DocumentRequest,
    facts: Facts,
    known: _ReferralFacts,
    views: list[FlagView],
    today: date,
) -> PreparedDocument:
    lang = request.lang
    consent, record = known.consent, known.record
    referral_id = record.id if record is not None else (request.referral_id or new_id())
    frozen = record is not None and record.state != "draft"
    if frozen and record is not None:
        options = options_of(record)
    elif request.options is not None:
        options = request.options
    elif record is not None:
        options = options_of(record)
    else:
        # Only what the pharmacist ticked for an observation: the flags' suggestions are
        # offered in the dialog, not requested on their behalf.
        options = ReferralOptions(services=observed_services(facts.data))
    referred_on = record.sent_on if record is not None and record.sent_on else today
    reference = record.reference if record is not None else reference_code(referral_id, today.year)
    r = facts.resident
    assert r.birth_date is not None  # checked by the gate
    catalog = service_catalog(ws)
    content = ReferralContent(
        reference_code=reference,
        referred_on=referred_on,
        welfare_centre=facts.centre,
        case_worker=facts.case_worker or word("referral.case_worker_unassigned", lang),
        pharmacist=pharmacist_contact(ws),
        resident=ReferralResident(
            name=r.name,
            sex=sex_of(r.sex),
            birth_year=r.birth_date.year,
            age_years=full_age(r.birth_date, referred_on),
            phone=(r.phone or None) if options.include_phone else None,
            district=(r.district or None) if options.include_district else None,
        ),
        consent=ConsentOnFile(consent.decided_on, consent.method, consent.witness or None),
        social_risks=social_risks(facts.data, views, lang),
        medication_matters=medication_matters(facts.data, views, lang),
        services_requested=tuple(service_text(catalog, v, lang) for v in options.services),
        pharmacist_opinion=options.opinion.strip(),
    )
    return PreparedDocument(
        replace(request, consultation_id=facts.data.id, referral_id=referral_id),
        facts.data.id,
        content,
        reference,
        referral_id,
        options,
        frozen,
    )


def session_flags(ws: Workspace, facts: Facts) -> list[FlagView]:
    """The session's flags as flags_for_consultation gives them, from the session already read
    (one query for the decisions instead of reading the whole session again)."""
    birth = facts.resident.birth_date
    age = full_age(birth, facts.data.visit.visit_date) if birth else None
    context = flag_service.load_flag_context(ws)
    decisions = flag_service.flag_decisions(ws, facts.data.id)
    return flag_service.compute_flags(context, facts.data, age, decisions)


def prepare_document(
    ws: Workspace, request: DocumentRequest, today: date | None = None
) -> PreparedDocument:
    """Read everything one document needs. Raises ValidationFailed (nothing is written) when
    the document may not or cannot be made: no consent to share, no session, …"""
    today = today or date.today()
    lang = check_lang(request.lang)
    request = replace(request, lang=lang)
    referral = request.kind is DocumentKind.REFERRAL
    # Read in one read-only transaction, then work outside it: the flag services open their own.
    with ws.db.session(read_only=True) as s:
        consultation_id = request.consultation_id
        if referral and request.referral_id:
            # A referral is always printed from the session it was written from.
            existing = s.get(Referral, request.referral_id)
            if existing is not None and not existing.deleted and existing.consultation_id:
                consultation_id = existing.consultation_id
        facts = read_facts(s, request.resident_id, consultation_id)
        known = _referral_facts(s, request, facts) if referral else None
    views = session_flags(ws, facts) if request.kind is not DocumentKind.MEDICATION_LIST else []
    # The preview shows it (saving and printing are logged as such when they happen).
    ws.log_view(f"document_{request.kind.value}", facts.data.id, request.resident_id)
    try:
        if known is not None:
            return _referral(ws, request, facts, known, views, today)
        content: Content
        if request.kind is DocumentKind.MEDICATION_LIST:
            content = medication_list_content(ws, facts, today)
            reference = content.reference_code or session_code(facts.data)
        else:
            content = summary_content(ws, facts, views, lang)
            reference = content.reference_code
    except IncompleteContentError as e:
        raise ValidationFailed(
            [Problem("document", "document_incomplete", {"detail": str(e)}, str(e))]
        ) from e
    resolved = replace(request, consultation_id=facts.data.id)
    return PreparedDocument(resolved, facts.data.id, content, reference)


# --- rendering and recording ------------------------------------------------------------------


def render_pdf(doc: PreparedDocument, out: Path | BinaryIO) -> None:
    _fonts()
    from consultdesk.reports import (
        build_consultation_summary_pdf,
        build_medication_list_pdf,
        build_referral_pdf,
    )

    lang = doc.request.lang
    content = doc.content
    if isinstance(content, ReferralContent):
        build_referral_pdf(content, out, lang)
    elif isinstance(content, MedicationListContent):
        build_medication_list_pdf(content, out, lang)
    else:
        build_consultation_summary_pdf(content, out, lang)


def render_bytes(doc: PreparedDocument) -> bytes:
    """The PDF in memory: the preview never leaves a copy of a resident's data on disk."""
    buffer = io.BytesIO()
    render_pdf(doc, buffer)
    return buffer.getvalue()


def record_document(
    ws: Workspace,
    doc: PreparedDocument,
    action: str,
    today: date | None = None,
    session: Session | None = None,
) -> None:
    """Log an export or a print in the access log; a referral sheet also saves its referral
    record (a draft until it is marked sent)."""
    assert action in ("export", "print"), action
    if session is None:
        with ws.db.session() as s:
            record_document(ws, doc, action, today, s)
        return
    s = session
    if doc.kind is DocumentKind.REFERRAL and not doc.frozen:
        assert doc.referral_id is not None and doc.options is not None
        code = block_reason(s, doc.request.resident_id)  # consent may have changed meanwhile
        if code is not None:
            raise blocked_problem(code)
        save_draft(
            ws,
            s,
            doc.referral_id,
            doc.request.resident_id,
            doc.consultation_id,
            doc.options,
            today or date.today(),
        )
    event = ws.audit(
        action, "document", doc.referral_id or doc.consultation_id, doc.request.resident_id
    )
    event.detail = f"{doc.kind.value} {doc.reference} {doc.request.lang}"
    s.add(event)


def _write_atomically(doc: PreparedDocument, out: Path) -> Path:
    """Render into a hidden temporary file next to `out`, flushed to disk, for a rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".consultdesk-", suffix=".pdf.part", dir=out.parent)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as f:
            render_pdf(doc, f)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def write_document(
    ws: Workspace, doc: PreparedDocument, out: Path, today: date | None = None
) -> ExportResult:
    """Write a prepared document to `out` (replacing it whole or not at all) and log it."""
    temp = _write_atomically(doc, out)
    placed = False
    try:
        with ws.db.session() as s:
            record_document(ws, doc, "export", today, s)
            os.replace(temp, out)
            placed = True
    except BaseException:
        # The log and the file go together: no file that the access log does not know of.
        temp.unlink(missing_ok=True)
        if placed:
            with contextlib.suppress(OSError):
                out.unlink()
        raise
    return ExportResult(out, doc.kind, doc.request.resident_id, doc.reference, doc.referral_id)


def export_document(
    ws: Workspace, request: DocumentRequest, out: Path, today: date | None = None
) -> ExportResult:
    return write_document(ws, prepare_document(ws, request, today), out, today)


def free_path(folder: Path, file_name: str) -> Path:
    """`folder/file_name`, or `name-2.pdf`, `name-3.pdf`, … if that is taken."""
    path = folder / file_name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def export_batch(
    ws: Workspace,
    requests: Sequence[DocumentRequest],
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    today: date | None = None,
) -> BatchResult:
    """Write one document per request into `folder` (named by kind and reference code).
    A resident whose document may not be made (no consent, no session) is skipped and listed;
    the others are written. `stop` is asked between documents."""
    written: list[ExportResult] = []
    skipped: list[tuple[DocumentRequest, Problem]] = []
    total = len(requests)
    for done, request in enumerate(requests):
        if stop is not None and stop():
            return BatchResult(written, skipped, stopped=True)
        try:
            doc = prepare_document(ws, request, today)
            written.append(write_document(ws, doc, free_path(folder, doc.file_name), today))
        except ValidationFailed as e:
            skipped.append((request, e.problems[0]))
        if progress is not None:
            progress(done + 1, total)
    return BatchResult(written, skipped)
