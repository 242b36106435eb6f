"""What sync needs from the local database: the ``SyncStore`` protocol.

The database layer implements it on SQLite; tests use an in-memory version. Sync never touches
the database any other way, and the database never looks at the shared folder.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from consultdesk.sync.bundle import AccessRow
from consultdesk.sync.changes import Change
from consultdesk.sync.merge import Conflict, RecordState

RecordKey = tuple[str, str]  # (entity, record id)


@dataclass(frozen=True, slots=True)
class BundleMark:
    """One bundle of one device, as the ledger and the outbox remember it."""

    seq: int
    bundle_hash: str  # SHA-256 hex of the whole bundle file


@dataclass(frozen=True, slots=True)
class LedgerMark:
    """Where a snapshot leaves the ledger of one device: its last bundle covered (seq and hash,
    for the chain of the next one) and the newest HLC imported from it ("" if unknown)."""

    seq: int
    bundle_hash: str
    newest_hlc: str = ""


@dataclass(frozen=True, slots=True)
class MergedBundle:
    """Everything one imported bundle changes here; the store applies it in one transaction."""

    device_id: str
    seq: int
    bundle_hash: str
    change_count: int
    writes: tuple[Change, ...]  # the new state of each field it wins, at most one per field
    conflicts: tuple[Conflict, ...]
    # Every record the bundle touched, and whether it counts as deleted afterwards (its
    # tombstone is newer than all its fields): the store sets its "deleted" flag from this
    # rather than re-implementing the rule.
    deleted: Mapping[RecordKey, bool]
    # Changes not taken, with the problem code of each (changes.value_problem): the store
    # writes nothing for them; the report lists them.
    refused: tuple[tuple[Change, str], ...] = ()
    # The bundle's own "seen" (bundle.Bundle.seen): the store passes it to merge.follow_up for
    # the conflicts already open here, on the fields the bundle writes.
    seen: Mapping[str, str] | None = None
    # The newest HLC among the bundle's changes; the ledger keeps it for seen_clocks().
    newest_hlc: str = ""
    # The writer's access-log rows (bundle.Bundle.access_log): kept as that device's, once each.
    access_log: tuple[AccessRow, ...] = ()
    # The writer's pharmacist name and organisation, if the bundle says them.
    author: Mapping[str, str] | None = None
    # The state of every record the merge read or wrote, as it is once ``writes`` are applied,
    # and the store's mark of the moment it read them (SyncStore.read_records). While the
    # mark still holds, the store writes the rows from these states instead of reading back
    # what it has just saved; once a field was written meanwhile, it merges again (Remerge).
    states: Mapping[RecordKey, RecordState] | None = None
    read_mark: object = None


@dataclass(frozen=True, slots=True)
class FreshRecord:
    """A record of a snapshot's part that this laptop held nothing of, taken whole: no field
    state here, no tombstone in the part, each field once. merge.decide would apply each of
    its states as new and raise nothing (the fast path of inbound.merge_states), so the part's
    checked items are written as they are, without a Change or a FieldState made for each
    (a newcomer's join is millions of them)."""

    entity: str
    record_id: str
    # (field, value, hlc, device, base_hlc) each, as the part holds them, checked
    # (changes.check_items, changes.item_problem); the refused ones are left out.
    states: Sequence[Sequence[Any]]

    def changes(self) -> list[Change]:
        """The states as changes (a store that keeps changes, a report)."""
        return [Change(self.entity, self.record_id, *state) for state in self.states]


# Reads field states (as SyncStore.read_records gives them) inside the store's write transaction.
StateReader = Callable[[Collection[RecordKey]], Mapping[RecordKey, RecordState]]
# The same bundle merged again against the states as they are now (inbound.merge_bundle's
# decisions, with the store's reader): what an apply uses when a field was written after the
# merge read it, by a pharmacist saving while the sync runs.
Remerge = Callable[[StateReader], "MergedBundle"]


class SyncStore(Protocol):
    @property
    def quiet_conflict_fields(self) -> Collection[tuple[str, str]]:
        """(entity, field) pairs merged by HLC alone, never a conflict: bookkeeping (when a
        record was saved) and values derived from another field."""
        ...

    def unsent_changes(self, limit: int) -> Sequence[Change]:
        """Up to ``limit`` of this laptop's own changes not yet in a bundle, oldest first.

        Only changes made here (``device`` is this laptop): imported changes are never sent on,
        every laptop reads every other laptop's folder itself.
        """
        ...

    def mark_sent(self, seq: int, bundle_hash: str, changes: Sequence[Change]) -> None:
        """Remember that ``changes`` went out in bundle ``seq`` and that it is the last one sent.

        Called only after the bundle file was renamed to its final name. One transaction.
        A change is identified by (entity, record_id, field, hlc).
        """
        ...

    def unsent_access_log(self, limit: int) -> Sequence[AccessRow]:
        """Up to ``limit`` of this laptop's own access-log rows not yet in a bundle, in chain
        order (bundle.ACCESS_ROW_FIELDS each). Never another device's rows."""
        ...

    def mark_access_log_sent(self, up_to_seq: int) -> None:
        """Remember that this laptop's access-log rows up to ``up_to_seq`` went out. Called
        after mark_sent; if a crash comes between, the rows go again and readers keep each once."""
        ...

    def last_sent(self) -> BundleMark | None:
        """The last bundle this laptop wrote (None before the first)."""
        ...

    def ledger(self) -> Mapping[str, BundleMark]:
        """Per other device, the last bundle imported from it.

        Bundles are imported strictly in seq order, so this is also "everything up to seq".
        """
        ...

    def seen_clocks(self) -> Mapping[str, str]:
        """Per other device, the newest HLC imported from it (what our next bundle says we had
        seen); devices whose bundles held no change may be missing."""
        ...

    def read_records(
        self, keys: Collection[RecordKey]
    ) -> tuple[Mapping[RecordKey, RecordState], object]:
        """The current field states of these records (those that exist here), and a mark of
        the moment they were read: any field state written here since, other than by the sync
        itself, changes the store's mark.

        Each state is the value with the HLC, device and base HLC of the change that set it,
        for every field set through changes, plus the tombstone under "__deleted__" if the
        record was ever deleted.
        """
        ...

    def apply_bundle(self, bundle: MergedBundle, remerge: Remerge | None = None) -> MergedBundle:
        """In ONE transaction: first, if a field state was written here since the merge read
        them (``bundle.read_mark``), merge again with ``remerge`` inside the transaction and
        apply that instead: an edit saved meanwhile is newer than the merge knew. Then write
        ``bundle.writes`` as the new field states (value, hlc, device, base_hlc) — tombstones
        included —, set each record's deleted flag from ``bundle.deleted``, apply
        merge.follow_up (author ``bundle.device_id``, ``bundle.seen``) to the conflicts open
        before it on the fields it writes (close or carry them), then keep ``bundle.conflicts``
        as open conflicts, and record the bundle in the ledger (with ``bundle.newest_hlc``),
        keep ``bundle.access_log`` as that device's rows (a row already here is left as it is)
        and remember ``bundle.author`` for that device. Imported changes and rows are never
        queued for sending. If anything fails, nothing of it may stay: the bundle is read
        again next time. Returns the merge applied (``bundle``, or the new one).
        """
        ...

    # --- snapshots (docs/sync.md, "Snapshots and folder compaction") ------------------------

    def snapshot_records(self, page: int) -> Iterator[Sequence[tuple[RecordKey, RecordState]]]:
        """Every record's field states (as read_records gives them), in pages of about
        ``page`` field states, each record whole in one page, all read as of one moment."""
        ...

    def conflicts_open(self) -> Sequence[Conflict]:
        """The conflicts open here (not decided, not answered by a later edit)."""
        ...

    def apply_snapshot_part(
        self,
        part: MergedBundle,
        remerge: Remerge | None = None,
        fresh: Sequence[FreshRecord] = (),
    ) -> MergedBundle:
        """In ONE transaction: merge again if a field was written since the merge read it, as
        apply_bundle does; write ``part.writes`` as field states, set the deleted flags from
        ``part.deleted`` and keep ``part.conflicts``, like apply_bundle, but leave the ledger,
        the conflicts open before and the access log as they are (``part``'s device and seq
        name the snapshot's writer and nothing else). Write the states of the ``fresh``
        records too (none of them deleted), failing rather than replacing a state if one has
        appeared meanwhile (nothing but a sync writes a record this laptop never held).
        Returns the merge applied."""
        ...

    def finish_snapshot(
        self, coverage: Mapping[str, LedgerMark], conflicts: Sequence[Conflict]
    ) -> None:
        """In ONE transaction: raise the ledger of each device to ``coverage`` where it is
        ahead (never this laptop's own; never lowered), and keep ``conflicts`` as open ones,
        those already kept here (same field, same two HLCs) once."""
        ...
