"""The bundle file: one immutable, encrypted batch of changes from one laptop (SYNC.md).

Layout (integers big-endian)::

    magic            6 bytes   b"CDSYNC"
    format version   2 bytes   1
    team id          1 byte length + ASCII
    device id        1 byte length + ASCII
    seq              8 bytes   1, 2, 3 … per device
    change count     4 bytes
    previous hash   32 bytes   SHA-256 of this device's bundle seq-1 (zeros for seq 1)
    sealed length    4 bytes   length of ciphertext + tag
    ---------------- everything above is the header, authenticated as associated data
    nonce           12 bytes   random
    ciphertext + 16-byte GCM tag: AES-256-GCM(zlib(JSON {"changes": [row, …], "seen": {…},
                                       "access_log": [row, …], "author": {…}}))

``seen`` maps every other device to the newest HLC the writer had imported from it when it wrote
the bundle: a reader can tell whether the author of an edit had seen a given value (merge.py,
follow_up). Bundles from before it have no ``seen``; readers then assume nothing was seen.

``access_log`` holds the writer's own access-log rows not sent before, in chain order, each with
its device, seq and hashes exactly as they are stored (storage/access_log.py), so that every
laptop keeps the team's whole log and can check each device's chain. They are not changes: they
are not counted in the header and never merged, only kept. ``author`` is the writer's pharmacist
name and organisation ({"name": …, "organisation": …}), so the others can name its device.
Bundles from before either have neither; readers then import the changes alone.

The header holds only random ids and counters, so nothing readable names a resident. Because it
is associated data, moving a bundle to another seq, device or team breaks the tag; the previous
hash chains each device's bundles so a replaced or re-ordered file is noticed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from consultdesk.sync.changes import Change, JsonValue, check_hlc
from consultdesk.sync.errors import (
    BundleAuthenticationFailed,
    BundleBadMagic,
    BundleMalformedPayload,
    BundleOtherTeam,
    BundleTruncated,
    BundleUnsupportedVersion,
)

MAGIC = b"CDSYNC"
FORMAT_VERSION = 1
GENESIS_HASH = "0" * 64  # the "previous hash" of a device's first bundle
NONCE_LENGTH = 12
TAG_LENGTH = 16
# A decompressed payload larger than this is refused rather than exhausting a laptop's memory.
MAX_PAYLOAD_BYTES = 512 * 1024 * 1024
# A bundle file larger than this is refused before any of it is read. 5,000 changes of ordinary
# records compress to well under 1 MiB; the writer splits a batch that would not fit.
MAX_BUNDLE_BYTES = 64 * 1024 * 1024

# One access-log row as it travels: its stored columns by name (storage/access_log.py).
AccessRow = Mapping[str, JsonValue]
# The columns a travelling access-log row has, and which of them are numbers.
ACCESS_ROW_FIELDS = (
    "id", "at", "actor", "action", "entity", "record_id", "resident_id", "detail", "device",
    "seq", "prev_hash", "row_hash", "reason",
)  # fmt: skip
_ACCESS_ROW_NULLABLE = frozenset({"resident_id"})

_TAIL = struct.Struct(">QI32sI")  # seq, change count, previous hash, sealed length
# The longest header there can be (two ids of 255 bytes): reading this much is enough to parse
# the header of any file, whatever its size.
MAX_HEADER_BYTES = len(MAGIC) + 2 + 2 * (1 + 255) + _TAIL.size


@dataclass(frozen=True, slots=True)
class BundleHeader:
    team_id: str
    device_id: str
    seq: int
    change_count: int
    previous_hash: str  # hex
    sealed_length: int


@dataclass(frozen=True, slots=True)
class Bundle:
    header: BundleHeader
    changes: tuple[Change, ...]
    sha256: str  # hex digest of the whole file: what the next bundle's header chains to
    # device -> newest HLC its writer had imported from it; None from a writer before "seen"
    seen: Mapping[str, str] | None = None
    access_log: tuple[AccessRow, ...] = ()  # the writer's own access-log rows, in chain order
    author: Mapping[str, str] | None = None  # {"name", "organisation"} of the writer

    @property
    def device_id(self) -> str:
        return self.header.device_id

    @property
    def seq(self) -> int:
        return self.header.seq


def bundle_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode_bundle(
    key: bytes,
    team_id: str,
    device_id: str,
    seq: int,
    previous_hash: str,
    changes: Sequence[Change],
    seen: Mapping[str, str] | None = None,
    access_log: Sequence[AccessRow] = (),
    author: Mapping[str, str] | None = None,
) -> bytes:
    """Seal ``changes`` (and the writer's access-log rows and name) into one bundle file."""
    if seq < 1:
        raise ValueError("seq starts at 1")
    if (seq == 1) != (previous_hash == GENESIS_HASH):
        raise ValueError("only the first bundle of a device has no previous bundle")
    document: dict[str, object] = {"changes": [change.to_row() for change in changes]}
    if seen is not None:
        document["seen"] = dict(seen)
    if access_log:
        document["access_log"] = [dict(row) for row in access_log]
    if author is not None:
        document["author"] = dict(author)
    payload = json.dumps(
        document,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    return seal(key, team_id, device_id, seq, previous_hash, len(changes), payload)


def seal(
    key: bytes,
    team_id: str,
    device_id: str,
    seq: int,
    previous_hash: str,
    change_count: int,
    payload: bytes,
) -> bytes:
    """The bundle file for an already encoded JSON payload (encode_bundle's last step; tests
    use it to seal payloads no writer of ours makes)."""
    compressed = zlib.compress(payload, 6)
    sealed_length = len(compressed) + TAG_LENGTH
    header = _pack_header(
        team_id, device_id, seq, change_count, bytes.fromhex(previous_hash), sealed_length
    )
    nonce = secrets.token_bytes(NONCE_LENGTH)
    sealed = AESGCM(key).encrypt(nonce, compressed, header)
    return header + nonce + sealed


def read_header(data: bytes) -> tuple[BundleHeader, int]:
    """Parse the plain header; returns it and its length. Needs no key."""
    if len(data) < len(MAGIC):
        if MAGIC.startswith(data):
            raise BundleTruncated(detail=f"{len(data)} bytes")
        raise BundleBadMagic()
    if data[: len(MAGIC)] != MAGIC:
        raise BundleBadMagic()
    offset = len(MAGIC)
    version = _take(data, offset, 2)
    (number,) = struct.unpack(">H", version)
    if number != FORMAT_VERSION:
        raise BundleUnsupportedVersion(version=number)
    offset += 2
    team_id, offset = _take_text(data, offset)
    device_id, offset = _take_text(data, offset)
    seq, count, previous, sealed_length = _TAIL.unpack(_take(data, offset, _TAIL.size))
    offset += _TAIL.size
    if seq < 1 or sealed_length < TAG_LENGTH:
        raise BundleMalformedPayload(detail="impossible header values")
    header = BundleHeader(team_id, device_id, seq, count, previous.hex(), sealed_length)
    return header, offset


def bundle_length(header: BundleHeader, header_length: int) -> int:
    """The exact size of the file the header describes."""
    return header_length + NONCE_LENGTH + header.sealed_length


def decode_bundle(data: bytes, key: bytes, expected_team: str) -> Bundle:
    """Check and open a bundle; raises a BundleError subclass naming the reason."""
    header, header_length = read_header(data)
    if header.team_id != expected_team:
        raise BundleOtherTeam(detail=f"team {header.team_id}")
    expected_length = bundle_length(header, header_length)
    if len(data) < expected_length:
        raise BundleTruncated(detail=f"{len(data)} of {expected_length} bytes")
    if len(data) > expected_length:
        raise BundleMalformedPayload(detail="extra bytes after the bundle")
    nonce = data[header_length : header_length + NONCE_LENGTH]
    try:
        compressed = AESGCM(key).decrypt(
            nonce, data[header_length + NONCE_LENGTH :], data[:header_length]
        )
    except InvalidTag as error:
        raise BundleAuthenticationFailed() from error
    changes, seen, rows, author = _parse_payload(compressed, header)
    return Bundle(header, changes, bundle_hash(data), seen, rows, author)


def _parse_payload(
    compressed: bytes, header: BundleHeader
) -> tuple[tuple[Change, ...], dict[str, str] | None, tuple[AccessRow, ...], dict[str, str] | None]:
    # Past the tag check the payload was written by a team member, so a failure here is a bug or
    # an incompatible writer, not an attacker: report it and skip the bundle.
    try:
        inflater = zlib.decompressobj()
        payload = inflater.decompress(compressed, MAX_PAYLOAD_BYTES)
        if inflater.unconsumed_tail:
            raise BundleMalformedPayload(detail="payload too large")
        document = json.loads(payload.decode("utf-8"))
        rows = document["changes"]
        if not isinstance(rows, list):
            raise ValueError("changes is not a list")
        changes = tuple(Change.from_row(row) for row in rows)
        seen = _parse_seen(document.get("seen"))
        access_rows = _parse_access_log(document.get("access_log"), header.device_id)
        author = _parse_author(document.get("author"))
    except BundleMalformedPayload:
        raise
    except RecursionError as error:
        # JSON nested thousands deep: the parser runs out of stack. A writer of ours never nests
        # more than a few levels, so the bundle is refused, not the sync.
        raise BundleMalformedPayload(detail="nested too deeply") from error
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise BundleMalformedPayload(detail=str(error)) from error
    if len(changes) != header.change_count:
        raise BundleMalformedPayload(
            detail=f"{len(changes)} changes, header says {header.change_count}"
        )
    if any(change.device != header.device_id for change in changes):
        raise BundleMalformedPayload(detail="a change from another device")
    return changes, seen, access_rows, author


def _parse_access_log(value: object, device_id: str) -> tuple[AccessRow, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("access_log is not a list")
    rows: list[AccessRow] = []
    for row in value:
        if not isinstance(row, dict):
            raise ValueError("an access-log row is not an object")
        kept: dict[str, JsonValue] = {}
        for name in ACCESS_ROW_FIELDS:
            item = row.get(name, "" if name == "reason" else None)
            if name == "seq":
                if isinstance(item, bool) or not isinstance(item, int) or item < 1:
                    raise ValueError("an access-log row without its seq")
            elif not isinstance(item, str) and not (item is None and name in _ACCESS_ROW_NULLABLE):
                raise ValueError(f"an access-log row without its {name}")
            kept[name] = item
        if kept["device"] != device_id:
            raise ValueError("an access-log row of another device")
        rows.append(kept)
    return tuple(rows)


def _parse_author(value: object) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(value.get(k), str) for k in ("name", "organisation")
    ):
        raise ValueError("author is not a name and an organisation")
    return {"name": value["name"], "organisation": value["organisation"]}


def _parse_seen(value: object) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError("seen is not an object")
    seen = {}
    for device, hlc in value.items():
        check_hlc(hlc, device)
        seen[device] = hlc
    return seen


def _pack_header(
    team_id: str, device_id: str, seq: int, count: int, previous: bytes, sealed_length: int
) -> bytes:
    return (
        MAGIC
        + struct.pack(">H", FORMAT_VERSION)
        + _pack_text(team_id)
        + _pack_text(device_id)
        + _TAIL.pack(seq, count, previous, sealed_length)
    )


def _pack_text(text: str) -> bytes:
    raw = text.encode("ascii")
    if not 0 < len(raw) < 256:
        raise ValueError(f"id length out of range: {text!r}")
    return bytes([len(raw)]) + raw


def _take(data: bytes, offset: int, length: int) -> bytes:
    if len(data) < offset + length:
        raise BundleTruncated(detail=f"header cut at {len(data)} bytes")
    return data[offset : offset + length]


def _take_text(data: bytes, offset: int) -> tuple[str, int]:
    (length,) = _take(data, offset, 1)
    raw = _take(data, offset + 1, length)
    try:
        return raw.decode("ascii"), offset + 1 + length
    except UnicodeDecodeError as error:
        raise BundleMalformedPayload(detail="header id is not ASCII") from error
