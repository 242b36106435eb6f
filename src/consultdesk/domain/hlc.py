"""Hybrid logical clock (Kulkarni et al., 2014) for ordering edits made on many laptops.

A timestamp is (wall-clock milliseconds, counter, device id). Its text form sorts the same way as
the tuple, so the database and the bundles can compare clocks as plain strings:
``"0001763758400000-0000-<device id>"``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# A remote clock this far ahead of ours is still accepted (it happened), but reported: it usually
# means a laptop with a wrong date.
FUTURE_TOLERANCE_MS = 5 * 60 * 1000
# The text form has four counter digits; past that the clock borrows the next millisecond
# instead, so text order and clock order never part.
MAX_COUNTER = 9999
# Hlc.packed: the counter in the low bits of one integer (16 bits hold MAX_COUNTER).
COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:016d}-{self.counter:04d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, device = text.split("-", 2)
        return cls(int(wall), int(counter), device)

    @property
    def packed(self) -> int:
        """Milliseconds and counter as one integer (``wall_ms << 16 | counter``), ordered as
        they are: how the database keeps an HLC, with its device kept beside it."""
        return self.wall_ms << COUNTER_BITS | self.counter


def hlc_text(packed: int, device: str) -> str:
    """The text form of the HLC kept as ``packed`` (Hlc.packed) with ``device``."""
    return f"{packed >> COUNTER_BITS:016d}-{packed & COUNTER_MASK:04d}-{device}"


def packed_of(text: str) -> tuple[int, str]:
    """An HLC text as (Hlc.packed, device); ValueError as Hlc.parse. Without an Hlc made on
    the way: a join packs millions."""
    wall, counter, device = text.split("-", 2)
    return int(wall) << COUNTER_BITS | int(counter), device


class HlcClock:
    """Issues increasing timestamps for one device and moves past clocks it has seen."""

    def __init__(
        self,
        device: str,
        last: Hlc | None = None,
        now_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.device = device
        self._now_ms = now_ms
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        # The window's saves and a background sync share one clock: two threads must never be
        # handed the same timestamp.
        self._lock = threading.Lock()

    def now(self) -> Hlc:
        """A timestamp later than every one issued or observed before."""
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            elif self._counter < MAX_COUNTER:
                self._counter += 1
            else:
                self._wall, self._counter = self._wall + 1, 0
            return Hlc(self._wall, self._counter, self.device)

    def many(self, n: int) -> list[int]:
        """``n`` increasing timestamps of this device at once, packed (Hlc.packed), each later
        than every one issued or observed before (a bulk insert's change rows): as ``n`` calls
        of ``now`` within one millisecond, without a lock and an object per timestamp."""
        with self._lock:
            wall, counter = self._wall, self._counter
            physical = self._now_ms()
            if physical > wall:
                wall, counter = physical, -1
            out: list[int] = []
            while len(out) < n:
                if counter >= MAX_COUNTER:
                    wall, counter = wall + 1, -1
                # The counters left in this millisecond, in one run.
                take = min(n - len(out), MAX_COUNTER - counter)
                base = wall << COUNTER_BITS
                out.extend(range(base + counter + 1, base + counter + 1 + take))
                counter += take
            if out:
                self._wall, self._counter = wall, counter
            return out

    def observe(self, remote: Hlc) -> bool:
        """Advance past a remote timestamp. Returns True if it lies suspiciously in the future."""
        with self._lock:
            physical = self._now_ms()
            suspicious = remote.wall_ms > physical + FUTURE_TOLERANCE_MS
            if remote.wall_ms > self._wall:
                self._wall, self._counter = remote.wall_ms, remote.counter
            elif remote.wall_ms == self._wall:
                self._counter = max(self._counter, remote.counter)
            return suspicious
