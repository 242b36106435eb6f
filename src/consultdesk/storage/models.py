"""The tables. Shared records carry a UUIDv7 id and a `deleted` tombstone flag; every write to
them goes through storage.changes so the change log is filled in the same transaction."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from consultdesk.domain.ids import new_id


class WelfareCentre(SQLModel, table=True):
    __tablename__ = "welfare_centre"
    id: str = Field(default_factory=new_id, primary_key=True)
    name: str
    district: str = ""
    phone: str = ""
    deleted: bool = False


class CaseWorker(SQLModel, table=True):
    __tablename__ = "case_worker"
    id: str = Field(default_factory=new_id, primary_key=True)
    centre_id: str = Field(foreign_key="welfare_centre.id", index=True)
    name: str
    phone: str = ""
    email: str = ""
    deleted: bool = False


class Resident(SQLModel, table=True):
    __tablename__ = "resident"
    id: str = Field(default_factory=new_id, primary_key=True)
    name: str
    # Derived search keys, kept with the row so a search is one indexed-free scan of short text.
    name_initials: str = ""
    phone_digits: str = ""
    birth_date: date | None = None
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


class Consent(SQLModel, table=True):
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


class ChangeLog(SQLModel, table=True):
    """One row per field this device changed (SYNC.md). bundle_seq is set once it was sent."""

    __tablename__ = "change_log"
    seq: int | None = Field(default=None, primary_key=True)
    entity: str
    record_id: str = Field(index=True)
    field: str
    value: str  # JSON
    hlc: str
    device: str
    base_hlc: str | None = None
    bundle_seq: int | None = Field(default=None, index=True)


class FieldClock(SQLModel, table=True):
    """The clock of the value each field holds now: the base of the next edit, and the
    comparison point when another device's change arrives."""

    __tablename__ = "field_clock"
    entity: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True)
    field: str = Field(primary_key=True)
    hlc: str


class Setting(SQLModel, table=True):
    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str


class AuditEvent(SQLModel, table=True):
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


SHARED_TABLES: dict[str, type[SQLModel]] = {
    "welfare_centre": WelfareCentre,
    "case_worker": CaseWorker,
    "resident": Resident,
    "consent": Consent,
}
