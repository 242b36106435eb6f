"""The tables. Shared records carry a UUIDv7 id and a `deleted` tombstone flag; every write to
them goes through storage.changes so the change log is filled in the same transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

from consultdesk.domain.ids import new_id


class _Table(SQLModel):
    """The tables' base. Pydantic's validator and serialiser of a table are built when first
    used, not when its class is made (``defer_build``): SQLModel makes a table's rows without
    validating them, and nothing here validates or dumps a row through Pydantic, so they are
    never built; building them for the 23 tables was 25-30 ms of every process that opens the
    database (the window's start, each command)."""

    model_config = SQLModelConfig(defer_build=True)


class WelfareCentre(_Table, table=True):
    __tablename__ = "welfare_centre"
    id: str = Field(default_factory=new_id, primary_key=True)
    name: str
    district: str = ""
    phone: str = ""
    deleted: bool = False


class CaseWorker(_Table, table=True):
    __tablename__ = "case_worker"
    id: str = Field(default_factory=new_id, primary_key=True)
    centre_id: str = Field(foreign_key="welfare_centre.id", index=True)
    name: str
    phone: str = ""
    email: str = ""
    deleted: bool = False


class Resident(_Table, table=True):
    __tablename__ = "resident"
    # The residents list in its order, with every column a search tests and the list shows
    # (migration 0014): a search walks it and stops at the last row listed.
    __table_args__ = (
        Index(
            "ix_resident_listed",
            "deleted",
            "name",
            "id",
            "name_initials",
            "phone_digits",
            "birth_date",
            "sex",
            "phone",
            "district",
            "centre_id",
            "living_situation",
        ),
    )
    id: str = Field(default_factory=new_id, primary_key=True)
    name: str
    # Derived search keys, kept with the row (and in ix_resident_listed) for the search.
    name_initials: str = ""
    phone_digits: str = ""
    birth_date: date | None = None
    birth_approximate: bool = False  # only the year is known (migration 0005)
    sex: str = ""
    phone: str = ""
    district: str = ""
    living_situation: str = ""
    centre_id: str | None = Field(default=None, foreign_key="welfare_centre.id", index=True)
    case_worker_id: str | None = Field(default=None, foreign_key="case_worker.id")
    chronic_conditions: str = ""
    allergies: str = ""
    notes: str = ""
    deleted: bool = False


class Consent(_Table, table=True):
    __tablename__ = "consent"
    id: str = Field(default_factory=new_id, primary_key=True)
    resident_id: str = Field(foreign_key="resident.id", index=True)
    kind: str
    granted: bool
    decided_on: date
    method: str
    witness: str = ""
    withdrawn_on: date | None = None
    recorded_at: str = ""
    deleted: bool = False


class ChangeLog(_Table, table=True):
    """One row per field this device changed and has not sent yet: mark_sent deletes the rows
    of a published bundle (docs/sync.md, "The local change log"). Keyed by numbers as
    field_clock is (migration 0015): ``record`` in sync_record, ``field`` and the devices in
    sync_name, the HLCs packed (domain.hlc.Hlc.packed). storage/changes.py writes the rows and
    reads them back as texts (``unsent_rows``). Indexed on the HLC only (mark_sent)."""

    __tablename__ = "change_log"
    seq: int | None = Field(default=None, primary_key=True)
    record: int
    field: int
    value: str  # JSON
    hlc: int = Field(index=True)
    device: int
    base_hlc: int | None = None
    base_device: int | None = None


class SyncName(_Table, table=True):
    """An entity, field or device name as field_clock numbers it (migration 0012)."""

    __tablename__ = "sync_name"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class SyncRecord(_Table, table=True):
    """A record field_clock has states for, its id stored once (migration 0012)."""

    __tablename__ = "sync_record"
    __table_args__ = (UniqueConstraint("record_id", "entity"),)
    id: int | None = Field(default=None, primary_key=True)
    entity: int  # sync_name
    record_id: str


class FieldClock(_Table, table=True):
    """The state each field holds now, as sync compares it: the base of the next edit, and the
    comparison point when another device's change arrives (storage/field_clock.py).

    Keyed by numbers (migration 0012): the record (sync_record) and the field (sync_name). An
    HLC is kept as ``Hlc.packed`` with its device's sync_name number beside it; the base HLC
    the same way. ``value`` is the JSON the change carried, kept as sent rather than re-read
    from the record's column, so a merge compares exactly what travelled (and a field this
    version has no column for survives)."""

    __tablename__ = "field_clock"
    __table_args__ = {"sqlite_with_rowid": False}
    record: int = Field(primary_key=True)
    field: int = Field(primary_key=True)
    hlc: int
    device: int
    base_hlc: int | None = None
    base_device: int | None = None
    value: str | None = None  # JSON


class Setting(_Table, table=True):
    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str


class AuditEvent(_Table, table=True):
    """Access log (PIPA safety measures: who viewed, changed, printed or exported whose data)."""

    __tablename__ = "audit_log"
    id: str = Field(default_factory=new_id, primary_key=True)
    at: str = Field(index=True)
    actor: str
    action: str
    entity: str
    record_id: str
    resident_id: str | None = Field(default=None, index=True)
    detail: str = ""
    # Migration 0004: each device's rows numbered and hash-chained (storage.access_log).
    device: str = ""
    seq: int | None = None
    prev_hash: str = ""
    row_hash: str = ""
    # Migration 0007: why personal data was downloaded (services.access_log.DownloadReason).
    reason: str = ""


# --- consultations and what hangs off them ------------------------------------------
# Lists inside a record (ingredients, who was present, screening answers) are JSON text: they are
# read and written as a whole, and sync carries them as one field.


class Consultation(_Table, table=True):
    __tablename__ = "consultation"
    id: str = Field(default_factory=new_id, primary_key=True)
    resident_id: str = Field(foreign_key="resident.id", index=True)
    number: int = 1  # session number, counted per resident
    visit_date: date
    visit_time: str = ""
    place: str = "home"
    duration_min: int | None = None
    present: str = "[]"  # JSON list of Present values
    status: str = Field(default="draft", index=True)
    advice: str = ""
    follow_up_plan: str = ""
    next_visit: date | None = Field(default=None, index=True)
    observations: str = ""
    screening: str = "{}"  # JSON: question id -> answer id (or list of ids)
    observed: str = "[]"  # JSON list of {"text", "severity", "services"}
    amendment_count: int = 0
    finalised_at: str = ""
    updated_at: str = ""
    deleted: bool = False


class MedicationEntry(_Table, table=True):
    __tablename__ = "medication_entry"
    id: str = Field(default_factory=new_id, primary_key=True)
    consultation_id: str = Field(foreign_key="consultation.id", index=True)
    position: int = 0
    name_as_found: str = ""
    ingredients: str = "[]"  # JSON list of {"atc", "name_ko", "name_en"}
    strength: str = ""
    form: str = "oral"
    morning: str = ""
    noon: str = ""
    evening: str = ""
    bedtime: str = ""
    as_needed: str = ""
    prescriber: str = ""
    purpose: str = ""
    source: str = "prescription"
    adherence: str = "as_prescribed"
    storage_problem: str = ""
    leftover: str = ""
    action: str = "continue"
    deleted: bool = False


class DrugProblemEntry(_Table, table=True):
    __tablename__ = "drug_problem"
    id: str = Field(default_factory=new_id, primary_key=True)
    consultation_id: str = Field(foreign_key="consultation.id", index=True)
    position: int = 0
    category: str = "other"
    description: str = ""
    intervention: str = "advice"
    outcome: str = ""
    deleted: bool = False


class ConsultationVersion(_Table, table=True):
    """What a finalised session said before an amendment (the whole record as JSON)."""

    __tablename__ = "consultation_version"
    id: str = Field(default_factory=new_id, primary_key=True)
    consultation_id: str = Field(foreign_key="consultation.id", index=True)
    version: int
    reason: str = ""
    snapshot: str  # JSON
    recorded_at: str = ""
    deleted: bool = False


class FlagDecision(_Table, table=True):
    """The pharmacist's decision on one risk flag of one session (flag key = RiskFlag.key)."""

    __tablename__ = "flag_decision"
    id: str = Field(default_factory=new_id, primary_key=True)
    consultation_id: str = Field(foreign_key="consultation.id", index=True)
    flag_key: str
    status: str  # confirmed / dismissed
    reason: str = ""
    decided_at: str = ""
    deleted: bool = False


class Referral(_Table, table=True):
    """One referral sheet and its life: draft -> sent -> acknowledged -> closed."""

    __tablename__ = "referral"
    id: str = Field(default_factory=new_id, primary_key=True)
    resident_id: str = Field(foreign_key="resident.id", index=True)
    consultation_id: str | None = Field(default=None, foreign_key="consultation.id")
    reference: str = Field(index=True)
    state: str = Field(default="draft", index=True)
    created_on: date
    sent_on: date | None = None
    acknowledged_on: date | None = None
    closed_on: date | None = None
    outcome: str = ""  # resolved / not_resolved
    outcome_reason: str = ""
    services: str = "[]"  # JSON list of service ids
    opinion: str = ""
    include_phone: bool = False
    include_district: bool = False
    reply_received_on: date | None = None
    reply_actions: str = ""
    reply_status: str = ""  # linked / in_progress / could_not_link
    reply_reason: str = ""
    reply_by: str = ""
    deleted: bool = False


# --- local reference data (imported files; not shared, not personal) --------------------------


class ImportedProduct(_Table, table=True):
    """A product from an imported product list; a later file with the same name replaces it."""

    __tablename__ = "imported_product"
    name: str = Field(primary_key=True)
    atc_codes: str = "[]"  # JSON list
    ingredient_codes: str = "[]"  # JSON list (MFDS/HIRA 주성분코드)
    ingredient_names: str = "[]"  # JSON list
    company: str = ""
    source: str = ""  # the file it came from


class ImportedRuleSet(_Table, table=True):
    """One imported DUR file (병용금기 / 노인주의 / 효능군중복). The file itself is kept and
    parsed again when rules load, so a parser fix reaches old imports too."""

    __tablename__ = "imported_rule_set"
    kind: str = Field(primary_key=True)
    file_name: str = ""
    version: str = ""
    imported_at: str = ""
    content: bytes = b""


class TeamMember(_Table, table=True):
    """Who works on one laptop of the team (storage/team_repo.py), so that measures and lists
    can name who recorded what. The id is the device id. Local: not a synced record."""

    __tablename__ = "team_member"
    id: str = Field(primary_key=True)
    pharmacist_name: str = ""
    organisation: str = ""
    deleted: bool = False


SHARED_TABLES: dict[str, type[SQLModel]] = {
    "welfare_centre": WelfareCentre,
    "case_worker": CaseWorker,
    "resident": Resident,
    "consent": Consent,
    "consultation": Consultation,
    "medication_entry": MedicationEntry,
    "drug_problem": DrugProblemEntry,
    "consultation_version": ConsultationVersion,
    "flag_decision": FlagDecision,
    "referral": Referral,
}


# --- sync bookkeeping (migration 0003) -------------------------------------------------
# Local to this laptop: never in SHARED_TABLES, never in a bundle.


class SyncLedger(_Table, table=True):
    """Per other device, the last bundle imported from it (bundles go strictly by seq)."""

    __tablename__ = "sync_ledger"
    device: str = Field(primary_key=True)
    seq: int
    bundle_hash: str
    imported_at: str = ""
    newest_hlc: str = ""  # of the changes imported from it (0009): what our bundles say we saw


class SyncSentBundle(_Table, table=True):
    """Each bundle this laptop wrote to the share; the highest seq is the outbox's mark."""

    __tablename__ = "sync_sent_bundle"
    seq: int = Field(primary_key=True)
    bundle_hash: str
    changes: int = 0
    sent_at: str = ""


class SyncConflict(_Table, table=True):
    """Two values of one field (or an edit and a delete) that a person should look at.

    ``kept_*`` is what every laptop shows meanwhile (the higher HLC); ``other_*`` is the value
    that lost, kept so that no edit is lost. Values are JSON text as they travelled.
    """

    __tablename__ = "sync_conflict"
    id: str = Field(default_factory=new_id, primary_key=True)
    kind: str  # parallel_update / edit_after_delete
    entity: str
    record_id: str = Field(index=True)
    field: str  # "__deleted__" for an edit after a delete
    requires_person: bool = False  # a safety field: dose, timing, allergies, consent
    kept_field: str
    kept_value: str
    kept_hlc: str
    kept_device: str
    other_field: str
    other_value: str
    other_hlc: str
    other_device: str
    raised_at: str
    resolved_at: str | None = Field(default=None, index=True)
    resolution: str | None = None  # JSON of the value chosen, or "delete" / "keep" marks
    resolved_by: str = ""  # "here" (a person on this laptop) or "sync" (a later edit arrived)


class SyncPending(_Table, table=True):
    """A record whose fields arrived but whose row cannot be written yet: a required field or a
    parent record (its resident, its consultation) is still in a bundle that has not arrived.
    Retried on every import; its field states are already in field_clock."""

    __tablename__ = "sync_pending"
    entity: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True)
