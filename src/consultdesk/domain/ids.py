"""Record identifiers: UUIDv7 (RFC 9562), time-ordered so indexes stay compact and records made on
many laptops never collide."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
