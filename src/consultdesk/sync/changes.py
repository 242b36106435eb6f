"""The change record: what every local write produces and what bundles carry (SYNC.md).

A change sets one field of one record. A delete is a tombstone: the field ``__deleted__`` set to
True, with its own HLC, so that "delete" travels and merges like any other edit.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeAlias

from consultdesk.domain.rrn import text_problem_code

JsonValue: TypeAlias = str | int | float | bool | list["JsonValue"] | dict[str, "JsonValue"] | None

TOMBSTONE_FIELD = "__deleted__"

# Our writers nest a value at most a few levels (a list of small objects); SQLite's integers are
# 64-bit. Past either, an imported change is refused (value_problem).
MAX_VALUE_DEPTH = 32
_INT_RANGE = range(-(2**63), 2**63)


@dataclass(frozen=True, slots=True)
class Change:
    entity: str
    record_id: str
    field: str
    value: JsonValue
    hlc: str
    device: str
    base_hlc: str | None

    @property
    def is_tombstone(self) -> bool:
        return self.field == TOMBSTONE_FIELD

    def to_row(self) -> list[Any]:
        # A fixed-position list, not an object: 10,000 changes per bundle are common when a
        # laptop joins, and the names would be repeated in every row.
        return [
            self.entity,
            self.record_id,
            self.field,
            self.value,
            self.hlc,
            self.device,
            self.base_hlc,
        ]

    @classmethod
    def from_row(cls, row: object) -> Change:
        """Rebuild a change from a bundle row; ValueError if the row is not a valid change."""
        if not isinstance(row, list) or len(row) != 7:
            raise ValueError("a change must be a list of 7 items")
        return cls.checked(*row)

    @classmethod
    def checked(
        cls,
        entity: Any,
        record_id: Any,
        field: Any,
        value: Any,
        hlc: Any,
        device: Any,
        base_hlc: Any,
    ) -> Change:
        """The change of these seven items (a row's, in order); ValueError if they are not a
        valid change (check_items)."""
        check_items(entity, record_id, field, value, hlc, device, base_hlc)
        return cls(entity, record_id, field, value, hlc, device, base_hlc)


def check_items(
    entity: Any, record_id: Any, field: Any, value: Any, hlc: Any, device: Any, base_hlc: Any
) -> None:
    """ValueError unless these seven items (a change's, in order) make a valid change. Checked
    one by one, not in a loop, and without making the change: a join checks millions."""
    _check_record(entity, record_id)
    _check_state(field, value, hlc, device, base_hlc)


def _check_record(entity: Any, record_id: Any) -> None:
    if not isinstance(entity, str) or not entity:
        raise ValueError("entity must be a non-empty string")
    if not isinstance(record_id, str) or not record_id:
        raise ValueError("record_id must be a non-empty string")


def _check_state(field: Any, value: Any, hlc: Any, device: Any, base_hlc: Any) -> None:
    if not isinstance(field, str) or not field:
        raise ValueError("field must be a non-empty string")
    if not isinstance(device, str) or not device:
        raise ValueError("device must be a non-empty string")
    check_hlc(hlc, device)
    if base_hlc is not None:
        check_hlc(base_hlc, None)
    if field == TOMBSTONE_FIELD and value is not True:
        raise ValueError("a tombstone's value must be true")


def tombstone(entity: str, record_id: str, hlc: str, device: str, base_hlc: str | None) -> Change:
    return Change(entity, record_id, TOMBSTONE_FIELD, True, hlc, device, base_hlc)


def same_value(a: JsonValue, b: JsonValue) -> bool:
    """Equal as JSON, not as Python: ``True == 1 == 1.0`` in Python, but not for a dose."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list | dict):
        return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    return a == b


# The canonical HLC texts, as Hlc.parse and str(Hlc) give them: the wall clock in 16 digits (more
# only without a leading zero), the counter in 4 (likewise), then the device. ASCII digits only,
# at most Python's int-from-text limit of 4,300 (past it int() refuses, and so does
# _check_hlc_slowly). Every text this accepts, _check_hlc_slowly accepts; any other text is
# left to it, so the two refuse the same texts with the same messages.
_CANONICAL_HLC = re.compile(
    r"(?:[0-9]{16}|[1-9][0-9]{16,4299})-(?:[0-9]{4}|[1-9][0-9]{4,4299})-(.*)", re.DOTALL
)


def check_hlc(text: object, device: str | None) -> None:
    """ValueError unless ``text`` is an HLC in canonical form (of ``device``, if given)."""
    if isinstance(text, str):
        # One regular expression instead of splitting and formatting: a join checks millions.
        found = _CANONICAL_HLC.fullmatch(text)
        if found is not None and (device is None or found.group(1) == device):
            return
    _check_hlc_slowly(text, device)


def _check_hlc_slowly(text: object, device: str | None) -> None:
    if not isinstance(text, str):
        raise ValueError("an HLC must be a string")
    try:  # Hlc.parse and str(Hlc), without making an Hlc
        wall, counter, hlc_device = text.split("-", 2)
        canonical = f"{int(wall):016d}-{int(counter):04d}-{hlc_device}"
    except ValueError as error:
        raise ValueError(f"not an HLC: {text!r}") from error
    if canonical != text:
        raise ValueError(f"HLC not in canonical form: {text!r}")
    if device is not None and hlc_device != device:
        raise ValueError("the HLC's device differs from the change's device")


def value_problem(change: Change, checked: dict[str, str | None] | None = None) -> str | None:
    """Why an imported change must not be stored, as a problem code, or None.

    Every text it carries (the value, and inside lists and objects every key and item; the
    entity, record id and field names too) passes the one check a typed text passes
    (domain.rrn.text_problem_code: no resident registration number, no broken or NUL character):
    a laptop with a bug, an old version or a compromised copy must not get into the others'
    databases what their own screens refuse. Numbers must fit SQLite and be finite; values
    nested deeper than any writer of ours nests are refused too ("value_invalid").

    ``checked``: the texts a caller has checked already, with their codes, for a run of changes
    (a join's texts repeat: the demo's 200,000 texts are 11,000 different ones). It lives as
    long as that run, so no value stays in memory after it.
    """
    return item_problem(change.entity, change.record_id, change.field, change.value, checked)


def item_problem(
    entity: str,
    record_id: str,
    field: str,
    value: JsonValue,
    checked: dict[str, str | None] | None = None,
) -> str | None:
    """value_problem of the change with these names and value, without making it."""
    if checked is not None and type(value) is str:
        # Most values: one text, never "value_invalid"; the same codes in the same order.
        code = _name_problem(entity) or _name_problem(record_id) or _name_problem(field)
        return code if code is not None else _text_checked(value, checked)
    texts: list[str] = []
    if not _collect_texts(value, texts, 0):
        return "value_invalid"
    for name in (entity, record_id, field):
        code = _name_problem(name)
        if code is not None:
            return code
    for text in texts:
        code = text_problem_code(text) if checked is None else _text_checked(text, checked)
        if code is not None:
            return code
    return None


def _text_checked(text: str, checked: dict[str, str | None]) -> str | None:
    """text_problem_code of ``text``, once per run of changes (value_problem's ``checked``)."""
    if text in checked:
        return checked[text]
    code = checked[text] = text_problem_code(text)
    return code


def record_states_checked(
    entity: Any,
    record_id: Any,
    states: Sequence[Sequence[Any]],
    checked: dict[str, str | None],
) -> tuple[list[Sequence[Any]], list[tuple[Sequence[Any], str]]]:
    """check_items and item_problem of every state (field, value, hlc, device, base_hlc) of
    one record, the record's own names checked once: the states that pass, and the refused
    ones with their codes (the same codes as item_problem's). ValueError as check_items: a
    state that is not a valid change."""
    if not states:
        return [], []
    _check_record(entity, record_id)
    # Every state's problem starts with the record's names: the same code for all of them.
    record_code = _name_problem(entity) or _name_problem(record_id)
    code: str | None
    taken: list[Sequence[Any]] = []
    refused: list[tuple[Sequence[Any], str]] = []
    for state in states:
        field, value, hlc, device, base_hlc = state
        _check_state(field, value, hlc, device, base_hlc)
        if type(value) is not str:  # (item_problem tells "value_invalid" before the names)
            code = item_problem(entity, record_id, field, value, checked)
        elif record_code is not None:
            code = record_code
        else:  # item_problem's path for one text, the record's names checked above
            code = _name_problem(field)
            if code is None:
                code = _text_checked(value, checked)
        if code is None:
            taken.append(state)
        else:
            refused.append((state, code))
    return taken, refused


@lru_cache(maxsize=8192)
def _name_problem(name: str) -> str | None:
    # Entity and field names recur in every change and a record id in each of its fields:
    # checked once each (a join reads millions of changes). Values are not kept here.
    return text_problem_code(name)


def _collect_texts(value: JsonValue, texts: list[str], depth: int) -> bool:
    # Iterative over the items of one level, recursive over levels: depth is bounded first.
    if depth > MAX_VALUE_DEPTH:
        return False
    if isinstance(value, str):
        texts.append(value)
    elif isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        return value in _INT_RANGE
    elif isinstance(value, float):
        return math.isfinite(value)
    elif isinstance(value, list):
        return all(_collect_texts(item, texts, depth + 1) for item in value)
    elif isinstance(value, dict):
        texts.extend(value)
        return all(_collect_texts(item, texts, depth + 1) for item in value.values())
    else:
        return False
    return True
