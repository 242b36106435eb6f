"""The three documents from real data: referral sheet, personal medication list, consultation
summary (PRODUCT.md job 5). One function per user action: prepare (for the preview), export to
a file, log a print, export many at once.

This module reads what a document needs (the session, the resident, the consent, the referral
record and the pharmacist's choices) and records what is done with it; what the document says,
down to its words, is built in reports/document_content.py. No file name ever carries a
resident's name.
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
from consultdesk.domain.ids import new_id
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import reference_code
from consultdesk.paths import resource_path
from consultdesk.reports import (
    ConsultationSummaryContent,
    IncompleteContentError,
    MedicationListContent,
    ReferralContent,
)
from consultdesk.reports.document_content import (
    Facts,
    ReferralChoices,
    consultation_code,
    medication_list_content,
    observed_services,
    referral_content,
    summary_content,
)
from consultdesk.reports.labels import Lang, check_lang
from consultdesk.services.document_facts import (
    ServiceChoices,
    consultation_flags,
    document_problem,
    latest_consultation_id,
    pharmacist_contact,
    read_facts,
    service_catalog,
    service_choices,
    suggested_services,
)
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
from consultdesk.storage.models import Referral

__all__ = [
    "DocumentKind",
    "DocumentRequest",
    "ExportResult",
    "PreparedDocument",
    "ServiceChoices",
    "consultation_flags",
    "export_batch",
    "export_document",
    "latest_consultation_id",
    "prepare_document",
    "read_facts",
    "record_document",
    "referral_blocked_reason",
    "render_pdf",
    "service_catalog",
    "service_choices",
    "suggested_services",
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
    """One document for one resident. Without `consultation_id` the latest consultation is used;
    without `options` a referral keeps its draft's choices or starts from the services ticked
    for the consultation's observations."""

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


def _fonts() -> None:
    # Once per process (reports.fonts caches it); the builders refuse to run without it.
    # ReportLab is imported here, on the first document, not at start-up.
    from consultdesk.reports.fonts import register_fonts

    register_fonts(resource_path("fonts"))


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
        raise document_problem("referral", "referral_gone", "This referral no longer exists.")
    return _ReferralFacts(consent, record)


def _referral(
    ws: Workspace,
    request: DocumentRequest,
    facts: Facts,
    known: _ReferralFacts,
    views: list[FlagView],
    today: date,
) -> PreparedDocument:
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
    choices = ReferralChoices(
        reference,
        referred_on,
        options.services,
        options.opinion,
        options.include_phone,
        options.include_district,
    )
    content = referral_content(
        facts, views, service_catalog(ws), pharmacist_contact(ws), consent, choices, request.lang
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
            # A referral is always printed from the consultation it was written from.
            existing = s.get(Referral, request.referral_id)
            if existing is not None and not existing.deleted and existing.consultation_id:
                consultation_id = existing.consultation_id
        facts = read_facts(s, request.resident_id, consultation_id)
        known = _referral_facts(s, request, facts) if referral else None
    views = (
        consultation_flags(ws, facts) if request.kind is not DocumentKind.MEDICATION_LIST else []
    )
    # The preview shows it (saving and printing are logged as such when they happen).
    ws.log_view(f"document_{request.kind.value}", facts.data.id, request.resident_id)
    try:
        if known is not None:
            return _referral(ws, request, facts, known, views, today)
        content: Content
        if request.kind is DocumentKind.MEDICATION_LIST:
            content = medication_list_content(facts, pharmacist_contact(ws), today)
            reference = content.reference_code or consultation_code(facts.data)
        else:
            content = summary_content(
                facts, views, service_catalog(ws), pharmacist_contact(ws), lang
            )
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
    reason: str = "",
) -> None:
    """Log an export or a print in the access log, an export with the reason given for it
    (services.access_log.reason_value); a referral sheet also saves its referral record (a
    draft until it is marked sent)."""
    assert action in ("export", "print"), action
    if session is None:
        with ws.db.session() as s:
            record_document(ws, doc, action, today, s, reason)
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
    event.reason = reason
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
    ws: Workspace,
    doc: PreparedDocument,
    out: Path,
    today: date | None = None,
    reason: str = "",
) -> ExportResult:
    """Write a prepared document to `out` (replacing it whole or not at all) and log it."""
    temp = _write_atomically(doc, out)
    placed = False
    try:
        with ws.db.session() as s:
            record_document(ws, doc, "export", today, s, reason)
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
    ws: Workspace,
    request: DocumentRequest,
    out: Path,
    today: date | None = None,
    reason: str = "",
) -> ExportResult:
    return write_document(ws, prepare_document(ws, request, today), out, today, reason)


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
    reason: str = "",
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
            target = free_path(folder, doc.file_name)
            written.append(write_document(ws, doc, target, today, reason))
        except ValidationFailed as e:
            skipped.append((request, e.problems[0]))
        if progress is not None:
            progress(done + 1, total)
    return BatchResult(written, skipped)
