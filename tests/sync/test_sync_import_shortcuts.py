"""The shortcuts a join takes through the import (docs/sync.md, "Figures": join_team_demo_s)
decide exactly what the long way decides: the HLC check, the merge of a field held nowhere here,
and the texts checked once per merge."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consultdesk.process import collection_paused
from consultdesk.sync import changes as changes_module
from consultdesk.sync import compaction
from consultdesk.sync.bundle import Bundle, BundleHeader
from consultdesk.sync.changes import TOMBSTONE_FIELD, Change, check_hlc
from consultdesk.sync.inbound import _follow_up_raised, _split_part, merge_states
from consultdesk.sync.merge import (
    Action,
    Conflict,
    FieldState,
    RecordState,
    decide,
    hlc_key,
    newest_hlc,
)
from tests.sync.laptops import FakeTime, make_team
from tests.sync.test_sync_compaction import c_stays_away

# --- the HLC check --------------------------------------------------------------------------

_digits = st.text(alphabet="0123456789", min_size=0, max_size=20)
_odd = st.sampled_from(["", "+", " ", "_", "-", "０", "٣", "\n", "a"])


def _hlc_like() -> st.SearchStrategy[str]:
    canonical = st.builds(
        lambda wall, counter, device: f"{wall:016d}-{counter:04d}-{device}",
        st.integers(0, 10**18),
        st.integers(0, 10**6),
        st.sampled_from(["dev1", "dev-2", "", "d\n"]),
    )
    pieces = st.lists(st.one_of(_digits, _odd, st.sampled_from(["dev1", "dev-2"])), max_size=6)
    return st.one_of(canonical, pieces.map("".join), pieces.map("-".join))


def _outcome(check: object, text: object, device: str | None) -> str:
    try:
        check(text, device)  # type: ignore[operator]
    except ValueError as error:
        return f"refused: {error}"
    return "accepted"


@settings(max_examples=600, deadline=None)
@given(_hlc_like(), st.sampled_from([None, "dev1", "dev-2", ""]))
@example("0" * 17 + "-0000-dev1", None)  # a seventeenth digit, leading zero
@example("1" + "0" * 16 + "-00000-dev1", "dev1")  # past 16 and 4 digits, no leading zero
@example("0000000000000001-0001-dev1\n", "dev1\n")
@example("1" * 4301 + "-0000-dev1", None)  # past int()'s 4,300 digits
@example("０" * 16 + "-0000-dev1", None)  # full-width digits
def test_the_quick_hlc_check_accepts_and_refuses_what_the_long_one_does(
    text: str, device: str | None
) -> None:
    quick = _outcome(check_hlc, text, device)
    assert quick == _outcome(changes_module._check_hlc_slowly, text, device)


def test_an_hlc_that_is_not_text_is_refused() -> None:
    with pytest.raises(ValueError, match="must be a string"):
        check_hlc(1733212345678, None)


def _canonical_hlc() -> st.SearchStrategy[str]:
    # Walls and counters mostly of their usual width, sometimes past it (a counter past 9999
    # on a laptop that saw a clock from the future), devices that sort either way.
    return st.builds(
        lambda wall, counter, device: f"{wall:016d}-{counter:04d}-{device}",
        st.one_of(st.integers(0, 3), st.integers(0, 10**17)),
        st.one_of(st.integers(0, 3), st.integers(9_998, 10_001)),
        st.sampled_from(["A", "B", "dev-2", "a"]),
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(_canonical_hlc(), min_size=1, max_size=8))
@example(["0000000000000001-9999-A", "0000000000000001-10000-A"])
@example(["0000000000000009-0000-A", "10000000000000000-0000-A"])
def test_the_newest_of_a_part_s_clocks_is_the_one_the_clocks_order_puts_last(
    texts: list[str],
) -> None:
    assert newest_hlc(texts) == max(texts, key=hlc_key)


# --- the merge of fields held nowhere here ---------------------------------------------------

_DEVICES = ("A", "B", "C")


def _hlc(wall: int, device: str) -> str:
    return f"{wall:016d}-0000-{device}"


@st.composite
def _change(draw: st.DrawFn) -> Change:
    field = draw(st.sampled_from(["notes", "dose", TOMBSTONE_FIELD]))
    device = draw(st.sampled_from(_DEVICES))
    value = True if field == TOMBSTONE_FIELD else draw(st.sampled_from(["1정", "2정", 1, None]))
    base = draw(
        st.one_of(st.none(), st.builds(_hlc, st.integers(1, 12), st.sampled_from(_DEVICES)))
    )
    return Change(
        "resident",
        draw(st.sampled_from(["r1", "r2", "r3"])),
        field,
        value,
        _hlc(draw(st.integers(1, 12)), device),
        device,
        base,
    )


@st.composite
def _held(draw: st.DrawFn) -> dict[tuple[str, str], RecordState]:
    held: dict[tuple[str, str], RecordState] = {}
    for change in draw(st.lists(_change(), max_size=6)):
        held.setdefault((change.entity, change.record_id), {})[change.field] = FieldState.of(change)  # type: ignore[index]
    return held


def _decided_one_by_one(
    bundle: Bundle, held: dict[tuple[str, str], RecordState]
) -> tuple[list[Change], list[Conflict], dict[tuple[str, str], dict[str, FieldState]]]:
    """The merge as it was before the shortcut: merge.decide for every change."""
    records = {key: dict(state) for key, state in held.items()}
    writes: dict[tuple[str, str, str], Change] = {}
    conflicts: dict[tuple[str, str, str], list[Conflict]] = {}
    for change in bundle.changes:
        record = records.setdefault((change.entity, change.record_id), {})
        decision = decide(record, change)
        if decision.action is Action.APPLY:
            record[change.field] = FieldState.of(change)
            writes[(change.entity, change.record_id, change.field)] = change
            _follow_up_raised(conflicts, change, bundle)
        for conflict in decision.conflicts:
            key = (conflict.entity, conflict.record_id, conflict.field)
            conflicts.setdefault(key, []).append(conflict)
    raised = [c for kept in conflicts.values() for c in kept]
    return list(writes.values()), raised, records


@settings(max_examples=400, deadline=None)
@given(_held(), st.lists(_change(), max_size=12), st.sampled_from(_DEVICES))
def test_the_merge_decides_as_merge_decide_does_for_every_change(
    held: dict[tuple[str, str], RecordState], incoming: list[Change], writer: str
) -> None:
    bundle = Bundle(
        BundleHeader("team", writer, 1, len(incoming), "0" * 64, 16), tuple(incoming), ""
    )
    merged = merge_states(bundle, held, None, frozenset(), frozenset())
    writes, conflicts, records = _decided_one_by_one(bundle, held)
    assert list(merged.writes) == writes
    assert list(merged.conflicts) == conflicts
    assert merged.states is not None
    assert set(merged.states) == {(c.entity, c.record_id) for c in incoming}
    assert merged.states == {key: records[key] for key in merged.states}


# --- a snapshot's records taken whole ---------------------------------------------------------

_RRN = "800101-1234567"  # the shape of a registration number, a plausible birth date


@st.composite
def _part_record(draw: st.DrawFn) -> list[object]:
    """A record as a snapshot's part holds it: some fields, maybe a tombstone, maybe a field
    twice or a value no screen lets through."""
    entity = draw(st.sampled_from(["resident", "medication"]))
    # Now and then a record id or a field name no screen lets through either: each of the
    # record's changes is refused for it, unless its value is refused first.
    record_id = draw(st.sampled_from(["r1", "r2", "r3", "r4", "r5", _RRN, "r\x00"]))
    states = []
    for _ in range(draw(st.integers(1, 4))):
        field = draw(st.sampled_from(["notes", "dose", "name", TOMBSTONE_FIELD, "no\x00tes"]))
        device = draw(st.sampled_from(_DEVICES))
        value = (
            True
            if field == TOMBSTONE_FIELD
            else draw(st.sampled_from(["1정", "2정", 1, None, _RRN, ["메모", _RRN], 2**70]))
        )
        base = draw(
            st.one_of(st.none(), st.builds(_hlc, st.integers(1, 12), st.sampled_from(_DEVICES)))
        )
        states.append([field, value, _hlc(draw(st.integers(1, 12)), device), device, base])
    return [entity, record_id, states]


@settings(max_examples=400, deadline=None)
@given(_held(), st.lists(_part_record(), max_size=6, unique_by=lambda r: (r[0], r[1])))
def test_a_part_s_records_taken_whole_end_as_the_merge_of_their_changes_does(
    held: dict[tuple[str, str], RecordState], records: list[list[object]]
) -> None:
    """inbound._split_part writes a record held nowhere here, with no tombstone and each field
    once, as it is (FreshRecord): the same states, refusals and (no) conflicts as merging each
    of its changes."""
    header = BundleHeader("team", "A", 1, 0, "0" * 64, 16)
    covered = {"A": _hlc(12, "A")}
    every = tuple(
        Change.checked(entity, record_id, *state)  # type: ignore[arg-type]
        for entity, record_id, states in records  # type: ignore[misc]
        for state in states  # type: ignore[attr-defined]
    )
    long_way = merge_states(
        Bundle(header, every, ""), held, None, frozenset(), frozenset(), covered
    )

    fresh, rest, refused = _split_part(records, held)  # type: ignore[arg-type]
    merged = merge_states(Bundle(header, rest, ""), held, None, frozenset(), frozenset(), covered)
    assert merged.states is not None and long_way.states is not None
    states = dict(merged.states)
    for record in fresh:
        assert (record.entity, record.record_id) not in held
        states[(record.entity, record.record_id)] = {
            change.field: FieldState.of(change) for change in record.changes()
        }
    written = [*merged.writes, *(change for record in fresh for change in record.changes())]
    assert states == dict(long_way.states)
    assert sorted(written, key=repr) == sorted(long_way.writes, key=repr)
    assert list(merged.conflicts) == list(long_way.conflicts)
    assert sorted([*refused, *merged.refused], key=repr) == sorted(long_way.refused, key=repr)
    assert {key: False for key in states if key not in merged.deleted} | dict(
        merged.deleted
    ) == dict(long_way.deleted)


def test_a_part_of_another_shape_is_refused_before_anything_of_it_is_taken() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        _split_part([("resident", "r1", [["notes", "메모", _hlc(1, "A"), "", None]])], {})
    with pytest.raises(ValueError, match="HLC"):
        _split_part([("resident", "r1", [["notes", "메모", "어제", "A", None]])], {})


# --- the texts checked once per merge --------------------------------------------------------


def test_a_text_refused_once_in_a_merge_is_refused_every_time_it_comes() -> None:
    number = "800101-1234567"  # the shape of a registration number, a plausible birth date
    incoming = (
        Change("resident", "r1", "notes", number, _hlc(1, "A"), "A", None),
        Change("resident", "r2", "notes", "괜찮은 메모", _hlc(2, "A"), "A", None),
        Change("resident", "r3", "notes", number, _hlc(3, "A"), "A", None),
        Change("resident", "r4", "notes", ["괜찮은 메모", number], _hlc(4, "A"), "A", None),
        Change("resident", "r5", "notes", "괜찮은 메모", _hlc(5, "A"), "A", None),
    )
    bundle = Bundle(BundleHeader("team", "A", 1, len(incoming), "0" * 64, 16), incoming, "")
    merged = merge_states(bundle, {}, None, frozenset(), frozenset())
    assert [(c.record_id, code) for c, code in merged.refused] == [
        ("r1", "rrn_refused"),
        ("r3", "rrn_refused"),
        ("r4", "rrn_refused"),
    ]
    assert [w.record_id for w in merged.writes] == ["r2", "r5"]


# --- the cycle collector while a snapshot is merged ------------------------------------------


def test_the_cycle_collector_is_off_while_a_snapshot_merges_and_on_again_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compaction, "AWAY_AFTER_BUNDLES", 4)
    time = FakeTime()
    _, b, c = c_stays_away(make_team(tmp_path / "share"), time)
    during: list[bool] = []
    real_read = c.store.read_records

    def read(keys):  # type: ignore[no-untyped-def]
        during.append(gc.isenabled())
        return real_read(keys)

    c.store.read_records = read  # type: ignore[method-assign]
    assert gc.isenabled()
    report = c.sync()
    # The snapshot's one part is read first, with the collector off; the bundles after it
    # are merged as ever, with it on.
    assert report.snapshot_read is not None and report.read
    assert during[0] is False and all(during[1:])
    assert gc.isenabled()
    assert c.store.states() == b.store.states()


def test_the_collector_is_left_as_it_was_even_when_the_merge_fails() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        assert not gc.isenabled()
        raise ValueError("a part changed")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
