"""Record identifiers: UUIDv7 (RFC 9562), time-ordered so indexes stay compact and records made on
many laptops never collide."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())


def short_device(device_id: str) -> str:
    """The 8 characters a person is shown for a laptop: the random end of its id. Its start is
    a timestamp (a UUIDv7's first 8 hex digits change once a minute), alike for laptops set up
    together."""
    return device_id[-8:]
