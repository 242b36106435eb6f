"""The per-field merge decision, without files or stores."""

from __future__ import annotations

from consultdesk.sync.changes import TOMBSTONE_FIELD, Change, tombstone
from consultdesk.sync.merge import (
    Action,
    ConflictKind,
    FieldState,
    decide,
    decide_field,
    hlc_key,
    is_deleted,
)

RID = "01a1ffed-cf33-7cbd-9876-542beda69450"
A, B = "laptopA0", "laptopB0"


def hlc(ms: int, device: str, counter: int = 0) -> str:
    return f"{ms:016d}-{counter:04d}-{device}"


def dose(value: object, ms: int, device: str, base: str | None) -> Change:
    return Change("medication_entry", RID, "dose", value, hlc(ms, device), device, base)  # type: ignore[arg-type]


def state(change: Change) -> FieldState:
    return FieldState.of(change)


def test_a_field_we_do_not_have_is_applied() -> None:
    assert decide_field(None, dose("5 mg", 10, A, None)).action is Action.APPLY


def test_a_later_edit_made_on_top_of_ours_is_applied_quietly() -> None:
    ours = dose("5 mg", 10, A, None)
    decision = decide_field(state(ours), dose("10 mg", 20, B, ours.hlc))
    assert (decision.action, decision.conflicts) == (Action.APPLY, ())


def test_an_older_edit_that_ours_replaced_is_ignored_quietly() -> None:
    theirs = dose("5 mg", 10, B, None)
    ours = dose("10 mg", 20, A, theirs.hlc)
    decision = decide_field(state(ours), theirs)
    assert (decision.action, decision.reason, decision.conflicts) == (Action.IGNORE, "older", ())


def test_the_same_change_twice_is_a_duplicate() -> None:
    change = dose("5 mg", 10, A, None)
    assert decide_field(state(change), change).reason == "duplicate"


def test_two_edits_from_the_same_base_with_different_values_conflict() -> None:
    base = dose("5 mg", 10, A, None)
    ours = dose("10 mg", 20, A, base.hlc)
    theirs = dose("2.5 mg", 30, B, base.hlc)
    decision = decide_field(state(ours), theirs, safety_critical=True)
    assert decision.action is Action.APPLY  # the higher HLC is shown meanwhile
    [conflict] = decision.conflicts
    assert conflict.kind is ConflictKind.PARALLEL_UPDATE
    assert conflict.applied == theirs and conflict.other == ours
    assert conflict.requires_person


def test_the_conflict_is_the_same_whichever_laptop_sees_it() -> None:
    base = dose("5 mg", 10, A, None)
    ours = dose("10 mg", 20, A, base.hlc)
    theirs = dose("2.5 mg", 30, B, base.hlc)
    on_a = decide_field(state(ours), theirs).conflicts
    on_b = decide_field(state(theirs), ours).conflicts
    assert [(c.applied, c.other) for c in on_a] == [(c.applied, c.other) for c in on_b]
    assert decide_field(state(theirs), ours).action is Action.IGNORE


def test_parallel_edits_to_the_same_value_do_not_conflict() -> None:
    base = dose("5 mg", 10, A, None)
    decision = decide_field(state(dose("10 mg", 20, A, base.hlc)), dose("10 mg", 30, B, base.hlc))
    assert decision.conflicts == ()


def test_a_number_is_not_the_same_value_as_a_boolean() -> None:
    base = dose(1, 10, A, None)
    decision = decide_field(state(dose(1, 20, A, base.hlc)), dose(True, 30, B, base.hlc))
    assert len(decision.conflicts) == 1


def test_an_ordinary_field_conflict_does_not_demand_a_person() -> None:
    base = dose("5 mg", 10, A, None)
    decision = decide_field(state(dose("a", 20, A, base.hlc)), dose("b", 30, B, base.hlc))
    assert not decision.conflicts[0].requires_person


def test_clocks_compare_as_numbers_even_past_counter_9999() -> None:
    assert hlc_key(hlc(10, A, 10_000)) > hlc_key(hlc(10, A, 9_999))
    assert hlc(10, A, 10_000) < hlc(10, A, 9_999)  # why hlc_key exists


def test_a_tombstone_wins_over_older_field_edits() -> None:
    edit = dose("5 mg", 10, A, None)
    record = {"dose": state(edit)}
    delete = tombstone("medication_entry", RID, hlc(20, B), B, None)
    decision = decide(record, delete)
    assert (decision.action, decision.conflicts) == (Action.APPLY, ())
    assert is_deleted({**record, TOMBSTONE_FIELD: state(delete)})


def test_an_edit_newer_than_the_tombstone_keeps_the_record_and_conflicts() -> None:
    delete = tombstone("medication_entry", RID, hlc(20, B), B, None)
    record = {"dose": state(dose("5 mg", 10, A, None)), TOMBSTONE_FIELD: state(delete)}
    assert is_deleted(record)
    edit = dose("10 mg", 30, A, hlc(10, A))
    decision = decide(record, edit)
    assert decision.action is Action.APPLY
    [conflict] = decision.conflicts
    assert conflict.kind is ConflictKind.EDIT_AFTER_DELETE
    assert conflict.applied == edit and conflict.other == delete
    assert conflict.requires_person
    assert not is_deleted({**record, "dose": state(edit)})


def test_a_tombstone_older_than_an_edit_we_hold_conflicts_the_same_way() -> None:
    edit = dose("10 mg", 30, A, None)
    delete = tombstone("medication_entry", RID, hlc(20, B), B, None)
    decision = decide({"dose": state(edit)}, delete)
    [conflict] = decision.conflicts
    assert conflict.kind is ConflictKind.EDIT_AFTER_DELETE
    assert (conflict.applied, conflict.other) == (edit, delete)
    assert not is_deleted({"dose": state(edit), TOMBSTONE_FIELD: state(delete)})
