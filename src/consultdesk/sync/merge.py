"""Per-field merge: what to do with one incoming change, given what this laptop holds (SYNC.md).

Pure functions, no I/O. The rules, in the words of SYNC.md:

* Per field, the higher HLC wins, so every laptop that has seen the same changes shows the same
  values whatever order they arrived in.
* An incoming change that was not made on top of the value it replaces (or that loses to a value
  not made on top of it) is a *parallel update* — two people changed the same field without
  seeing each other's edit. If the values differ, the winner is applied and the other value is
  kept in a conflict for a person to look at (ODK Central's rule). This looks one step back
  along the base chain only, so it can flag an edit whose author did see the other value through
  a longer chain; it never stays silent about an edit nobody saw.
* Safety-critical fields (dose, timing, allergies, consent) raise the same conflicts, marked
  ``requires_person``: the higher-HLC value is shown meanwhile — it is the only choice every
  laptop makes identically without talking to the others — and the UI must show both values
  wherever the field appears until someone decides.
* A tombstone wins over older field edits. An edit newer than the tombstone keeps the record
  (the record counts as deleted only while its tombstone is newer than all its fields) and
  raises a conflict a person resolves.
* An open conflict is closed by a later edit only if that edit's author had seen both values
  (``follow_up``); an edit made on top of the kept value alone carries the conflict forward.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from consultdesk.sync.changes import TOMBSTONE_FIELD, Change, JsonValue, same_value


@dataclass(frozen=True, slots=True)
class FieldState:
    """The value a laptop holds for one field, and where it came from."""

    value: JsonValue
    hlc: str
    device: str
    base_hlc: str | None

    @classmethod
    def of(cls, change: Change) -> FieldState:
        return cls(change.value, change.hlc, change.device, change.base_hlc)

    def as_change(self, entity: str, record_id: str, field: str) -> Change:
        return Change(entity, record_id, field, self.value, self.hlc, self.device, self.base_hlc)


# field name -> state; the tombstone, if any, under TOMBSTONE_FIELD.
RecordState = Mapping[str, FieldState]


class Action(StrEnum):
    APPLY = "apply"
    IGNORE = "ignore"


class ConflictKind(StrEnum):
    PARALLEL_UPDATE = "parallel_update"
    EDIT_AFTER_DELETE = "edit_after_delete"


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    applied: Change  # the value every laptop shows until a person decides
    other: Change  # the value that lost, kept so that no edit is lost
    requires_person: bool

    @property
    def entity(self) -> str:
        return self.applied.entity

    @property
    def record_id(self) -> str:
        return self.applied.record_id

    @property
    def field(self) -> str:
        return self.applied.field if self.kind is ConflictKind.PARALLEL_UPDATE else TOMBSTONE_FIELD


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    reason: str  # new, newer, older, duplicate
    conflicts: tuple[Conflict, ...] = ()


def hlc_key(text: str) -> tuple[int, int, str]:
    # Compare parsed clocks rather than strings: the text form stops sorting correctly once a
    # counter passes 9999 (a laptop that observed a clock from the future keeps counting up).
    # (Hlc.parse's fields, without making an Hlc: a join compares millions.)
    wall, counter, device = text.split("-", 2)
    return int(wall), int(counter), device


def newest_hlc(texts: Sequence[str]) -> str:
    """The newest of these canonical HLC texts (changes.check_hlc), as hlc_key orders them.
    While every wall clock has its 16 digits and every counter its 4, the texts sort as their
    keys do (digits of one width, the dashes in one place, then the device): compared as texts,
    without parsing each (a join's part has a quarter of a million)."""
    if all(len(text) > 21 and text[16] == "-" and text[21] == "-" for text in texts):
        return max(texts)
    return max(texts, key=hlc_key)


def decide_field(
    local: FieldState | None,
    incoming: Change,
    *,
    safety_critical: bool = False,
    quiet: bool = False,
) -> Decision:
    """Apply or ignore ``incoming`` for one field, and whether that hides a parallel update."""
    if local is None:
        return Decision(Action.APPLY, "new")
    if incoming.hlc == local.hlc:
        return Decision(Action.IGNORE, "duplicate")
    local_change = local.as_change(incoming.entity, incoming.record_id, incoming.field)
    if hlc_key(incoming.hlc) > hlc_key(local.hlc):
        parallel = incoming.base_hlc != local.hlc
        winner, loser, action, reason = incoming, local_change, Action.APPLY, "newer"
    else:
        parallel = local.base_hlc != incoming.hlc
        winner, loser, action, reason = local_change, incoming, Action.IGNORE, "older"
    # Not limited to edits from two devices: laptop A's later edit may rest on B's value that
    # this laptop has not received yet, and A's earlier value then lost to B's unseen, on A too.
    # A quiet field (bookkeeping: when a record was last saved) merges by HLC alone: two saves
    # in parallel always differ there, and no person can or should choose between them.
    if parallel and not quiet and not same_value(winner.value, loser.value):
        conflict = Conflict(ConflictKind.PARALLEL_UPDATE, winner, loser, safety_critical)
        return Decision(action, reason, (conflict,))
    return Decision(action, reason)


def decide(
    record: RecordState, incoming: Change, *, safety_critical: bool = False, quiet: bool = False
) -> Decision:
    """Decide for one incoming change against the whole record it belongs to."""
    tombstone = record.get(TOMBSTONE_FIELD)
    if incoming.is_tombstone:
        decision = decide_field(tombstone, incoming)
        latest = latest_edit(record)
        if (
            decision.action is Action.APPLY
            and latest is not None
            and hlc_key(latest.hlc) > hlc_key(incoming.hlc)
        ):
            kept = latest.as_change(incoming.entity, incoming.record_id, latest.field)
            conflict = Conflict(ConflictKind.EDIT_AFTER_DELETE, kept, incoming, True)
            return Decision(decision.action, decision.reason, (*decision.conflicts, conflict))
        return decision
    decision = decide_field(
        record.get(incoming.field), incoming, safety_critical=safety_critical, quiet=quiet
    )
    if (
        decision.action is Action.APPLY
        and tombstone is not None
        and is_deleted(record)
        and hlc_key(incoming.hlc) > hlc_key(tombstone.hlc)
    ):
        deleted = tombstone.as_change(incoming.entity, incoming.record_id, TOMBSTONE_FIELD)
        conflict = Conflict(ConflictKind.EDIT_AFTER_DELETE, incoming, deleted, True)
        return Decision(decision.action, decision.reason, (*decision.conflicts, conflict))
    return decision


@dataclass(frozen=True, slots=True)
class LatestEdit:
    field: str
    state: FieldState

    @property
    def hlc(self) -> str:
        return self.state.hlc

    def as_change(self, entity: str, record_id: str, field: str) -> Change:
        return self.state.as_change(entity, record_id, field)


def latest_edit(record: RecordState) -> LatestEdit | None:
    """The newest field edit of a record, tombstone excluded."""
    best: LatestEdit | None = None
    for name, state in record.items():
        if name == TOMBSTONE_FIELD:
            continue
        if best is None or hlc_key(state.hlc) > hlc_key(best.hlc):
            best = LatestEdit(name, state)
    return best


def is_deleted(record: RecordState) -> bool:
    """A record is deleted while its tombstone is newer than every field edit.

    In SQL: ``deleted_hlc IS NOT NULL AND deleted_hlc > max_field_hlc`` (compare parsed, or keep
    counters below 10,000 so the text sorts).
    """
    tombstone = record.get(TOMBSTONE_FIELD)
    if tombstone is None:
        return False
    latest = latest_edit(record)
    return latest is None or hlc_key(tombstone.hlc) > hlc_key(latest.hlc)


# --- what a later edit does to an open conflict ------------------------------------------------


class FollowUp(StrEnum):
    OPEN = "open"  # the edit says nothing about the conflict
    CARRY = "carry"  # the edit replaces the kept value; the other value is still unseen by it
    CLOSE = "close"  # the edit answers the conflict


@dataclass(frozen=True, slots=True)
class OpenConflict:
    """What follow_up needs of an open conflict (a Conflict, or a row of the database)."""

    field: str  # TOMBSTONE_FIELD for an edit after a delete
    kept_field: str
    kept_hlc: str
    other_hlc: str
    other_device: str
    other_value: JsonValue

    @classmethod
    def of(cls, conflict: Conflict) -> OpenConflict:
        other = conflict.other
        return cls(
            conflict.field,
            conflict.applied.field,
            conflict.applied.hlc,
            other.hlc,
            other.device,
            other.value,
        )


def has_seen(author: str, seen: Mapping[str, str] | None, device: str, hlc: str) -> bool:
    """Had the writer of a bundle (``author``, who had imported up to ``seen``) seen the change
    ``hlc`` of ``device``? Its own changes, yes; a device's changes arrive in HLC order, so
    another's up to the newest it had imported. Without ``seen`` (an older writer): no."""
    if author == device:
        return True
    newest = seen.get(device) if seen is not None else None
    return newest is not None and hlc_key(newest) >= hlc_key(hlc)


def follow_up(
    conflict: OpenConflict,
    writes: Mapping[str, Change],
    author: str,
    seen: Mapping[str, str] | None,
) -> tuple[FollowUp, Change | None]:
    """What the edits ``writes`` (field -> newest change, all by ``author``) do to ``conflict``.

    An edit newer than both values answers the conflict when its author had seen the other
    value (a person decided, or edited the field again knowing both), or when it sets the other
    value itself. Otherwise its author had only seen the kept value and went on from it: the
    other value is still unseen, so the conflict stays, with the edit as its kept side. Closing
    it there would hide the losing edit from exactly the laptop that made it, while a laptop
    that received the same edits in another order raised the conflict and keeps it.

    A bundle without ``seen`` (an older writer) answers as before: any newer edit closes.
    """
    newest = max(hlc_key(conflict.kept_hlc), hlc_key(conflict.other_hlc))
    if conflict.field == TOMBSTONE_FIELD:
        # An edit after a delete: answered by a newer delete, or a newer edit of the field that
        # kept the record.
        for candidate in (TOMBSTONE_FIELD, conflict.kept_field):
            write = writes.get(candidate)
            if write is not None and hlc_key(write.hlc) > newest:
                return FollowUp.CLOSE, write
        return FollowUp.OPEN, None
    write = writes.get(conflict.field)
    if write is None or hlc_key(write.hlc) <= newest:
        return FollowUp.OPEN, None
    if (
        seen is None
        or same_value(write.value, conflict.other_value)
        or has_seen(author, seen, conflict.other_device, conflict.other_hlc)
    ):
        return FollowUp.CLOSE, write
    return FollowUp.CARRY, write


def carried(conflict: Conflict, write: Change) -> Conflict:
    """The conflict with ``write`` as its kept value (FollowUp.CARRY)."""
    return Conflict(conflict.kind, write, conflict.other, conflict.requires_person)
