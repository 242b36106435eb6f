"""The bundle format: what is sealed, and every way a bundle can be unusable."""

from __future__ import annotations

import json
import secrets
import struct
import zlib

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from consultdesk.sync.bundle import (
    GENESIS_HASH,
    MAGIC,
    NONCE_LENGTH,
    bundle_hash,
    decode_bundle,
    encode_bundle,
    read_header,
    seal,
)
from consultdesk.sync.changes import Change, tombstone
from consultdesk.sync.errors import (
    BundleAuthenticationFailed,
    BundleBadMagic,
    BundleError,
    BundleMalformedPayload,
    BundleOtherTeam,
    BundleTruncated,
    BundleUnsupportedVersion,
)

KEY = bytes(range(32))
TEAM = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
DEVICE = "laptopA0"
RESIDENT = "01a1ffed-cf33-7cbd-9876-542beda69450"


def hlc(ms: int, device: str = DEVICE) -> str:
    return f"{ms:016d}-0000-{device}"


CHANGES = [
    Change("resident", RESIDENT, "name", "김순자", hlc(1), DEVICE, None),
    Change("resident", RESIDENT, "allergies", ["페니실린"], hlc(2), DEVICE, None),
    Change("medication_entry", RESIDENT, "dose", {"amount": 0.5, "unit": "mg"}, hlc(3), DEVICE,
           None),
    tombstone("referral", RESIDENT, hlc(4), DEVICE, None),
]  # fmt: skip


def sealed(seq: int = 1, previous: str = GENESIS_HASH, changes: list[Change] = CHANGES) -> bytes:
    return encode_bundle(KEY, TEAM, DEVICE, seq, previous, changes)


def test_a_bundle_opens_to_the_same_changes_with_its_header() -> None:
    data = sealed()
    bundle = decode_bundle(data, KEY, TEAM)
    assert list(bundle.changes) == CHANGES
    assert bundle.header.team_id == TEAM
    assert bundle.device_id == DEVICE
    assert bundle.seq == 1
    assert bundle.header.change_count == 4
    assert bundle.header.previous_hash == GENESIS_HASH
    assert bundle.sha256 == bundle_hash(data)


def test_bundles_chain_to_the_previous_bundle_of_the_device() -> None:
    first = sealed()
    second = sealed(2, bundle_hash(first))
    assert decode_bundle(second, KEY, TEAM).header.previous_hash == bundle_hash(first)
    with pytest.raises(ValueError):
        sealed(2, GENESIS_HASH)


def test_nothing_readable_in_a_bundle_names_a_resident() -> None:
    data = sealed()
    for text in ("김순자", "페니실린", RESIDENT, "resident", "allergies", "dose"):
        assert text.encode("utf-8") not in data
        assert text.encode("utf-16-le") not in data


def test_the_same_changes_seal_differently_each_time() -> None:
    # A fresh random nonce per bundle: AES-GCM must never reuse one under the same key.
    assert sealed() != sealed()


@pytest.mark.parametrize("keep", [0, 3, 6, 8, 20, 60, -17, -1])
def test_a_truncated_bundle_is_reported_as_truncated(keep: int) -> None:
    data = sealed()
    with pytest.raises(BundleTruncated) as caught:
        decode_bundle(data[:keep], KEY, TEAM)
    assert caught.value.code == "truncated"


def test_a_file_that_is_not_a_bundle_has_bad_magic() -> None:
    with pytest.raises(BundleBadMagic) as caught:
        decode_bundle(b"[.ShellClassInfo]\r\nIconResource=x", KEY, TEAM)
    assert caught.value.code == "bad_magic"


def test_a_bundle_from_a_newer_format_asks_for_an_update() -> None:
    data = bytearray(sealed())
    data[len(MAGIC) : len(MAGIC) + 2] = struct.pack(">H", 2)
    with pytest.raises(BundleUnsupportedVersion) as caught:
        decode_bundle(bytes(data), KEY, TEAM)
    assert caught.value.code == "unsupported_version"
    assert "2" in caught.value.message


def test_a_bundle_of_another_team_is_refused() -> None:
    other = encode_bundle(KEY, "a" * 32, DEVICE, 1, GENESIS_HASH, CHANGES)
    with pytest.raises(BundleOtherTeam) as caught:
        decode_bundle(other, KEY, TEAM)
    assert caught.value.code == "other_team"


def test_a_tampered_header_fails_authentication() -> None:
    data = bytearray(sealed())
    _header, length = read_header(bytes(data))
    seq_offset = length - 48  # seq is the first field of the fixed tail (8+4+32+4 bytes)
    data[seq_offset + 7] ^= 0x02  # seq 1 -> 3
    assert read_header(bytes(data))[0].seq == 3
    with pytest.raises(BundleAuthenticationFailed) as caught:
        decode_bundle(bytes(data), KEY, TEAM)
    assert caught.value.code == "authentication_failed"


def test_a_tampered_ciphertext_fails_authentication() -> None:
    data = bytearray(sealed())
    data[-20] ^= 0x01
    with pytest.raises(BundleAuthenticationFailed):
        decode_bundle(bytes(data), KEY, TEAM)


def test_a_bundle_sealed_with_another_passphrase_fails_authentication() -> None:
    with pytest.raises(BundleAuthenticationFailed):
        decode_bundle(sealed(), secrets.token_bytes(32), TEAM)


def test_extra_bytes_after_a_bundle_are_refused() -> None:
    with pytest.raises(BundleMalformedPayload):
        decode_bundle(sealed() + b"\0", KEY, TEAM)


def _reseal(payload: bytes, count: int) -> bytes:
    """A correctly sealed bundle around an arbitrary payload, as a buggy writer would make."""
    good = sealed()
    _header, length = read_header(good)
    compressed = zlib.compress(payload)
    data = bytearray(good[:length])
    tail = length - 48
    data[tail + 8 : tail + 12] = struct.pack(">I", count)
    data[length - 4 : length] = struct.pack(">I", len(compressed) + 16)
    nonce = secrets.token_bytes(NONCE_LENGTH)
    return bytes(data) + nonce + AESGCM(KEY).encrypt(nonce, compressed, bytes(data))


@pytest.mark.parametrize(
    ("payload", "count"),
    [
        (b"not json", 0),
        (json.dumps({"changes": "x"}).encode(), 0),
        (json.dumps({"rows": []}).encode(), 0),
        (json.dumps({"changes": [[1, 2, 3]]}).encode(), 1),
        (json.dumps({"changes": [CHANGES[0].to_row()]}).encode(), 2),
        (json.dumps({"changes": [["resident", RESIDENT, "name", "x", "yesterday", DEVICE, None]]})
         .encode(), 1),
        (json.dumps({"changes": [["resident", RESIDENT, "name", "x", hlc(1, "laptopB0"),
                                  "laptopB0", None]]}).encode(), 1),
        (json.dumps({"changes": [["resident", RESIDENT, "__deleted__", False, hlc(1), DEVICE,
                                  None]]}).encode(), 1),
    ],
)  # fmt: skip
def test_a_sealed_but_malformed_change_list_is_refused(payload: bytes, count: int) -> None:
    with pytest.raises(BundleMalformedPayload) as caught:
        decode_bundle(_reseal(payload, count), KEY, TEAM)
    assert caught.value.code == "malformed_payload"


def test_every_bundle_error_has_a_code_and_an_english_message() -> None:
    for error in (BundleTruncated(detail="x"), BundleBadMagic(), BundleAuthenticationFailed()):
        assert isinstance(error, BundleError)
        assert error.code and error.message and str(error) == error.message


ACCESS_ROW = {
    "id": "01a1ffed-0000-7000-8000-000000000001", "at": "2026-12-02T05:00:00+00:00",
    "actor": "김약사", "action": "view", "entity": "resident", "record_id": RESIDENT,
    "resident_id": RESIDENT, "detail": "", "device": DEVICE, "seq": 1,
    "prev_hash": "0" * 64, "row_hash": "a" * 64, "reason": "",
}  # fmt: skip


def test_the_writers_access_log_and_name_travel_inside_the_encryption() -> None:
    author = {"name": "김약사", "organisation": "행복약국"}
    data = encode_bundle(KEY, TEAM, DEVICE, 1, GENESIS_HASH, CHANGES, {}, [ACCESS_ROW], author)
    assert "김약사".encode() not in data and b"resident" not in data
    bundle = decode_bundle(data, KEY, TEAM)
    assert bundle.access_log == (ACCESS_ROW,) and bundle.author == author
    assert bundle.header.change_count == len(CHANGES)  # the rows are not changes
    # Rows alone: a bundle with no change.
    alone = decode_bundle(encode_bundle(KEY, TEAM, DEVICE, 1, GENESIS_HASH, [], None, [ACCESS_ROW]),
                          KEY, TEAM)  # fmt: skip
    assert alone.changes == () and alone.access_log == (ACCESS_ROW,) and alone.author is None


def test_a_bundle_from_before_the_access_log_opens_without_it() -> None:
    bundle = decode_bundle(encode_bundle(KEY, TEAM, DEVICE, 1, GENESIS_HASH, CHANGES), KEY, TEAM)
    assert bundle.access_log == () and bundle.author is None and bundle.changes == tuple(CHANGES)


@pytest.mark.parametrize(
    "document",
    [
        {"changes": [], "access_log": {"a": 1}},
        {"changes": [], "access_log": [{**ACCESS_ROW, "device": "laptopB0"}]},
        {"changes": [], "access_log": [{**ACCESS_ROW, "seq": "1"}]},
        {"changes": [], "access_log": [{k: v for k, v in ACCESS_ROW.items() if k != "row_hash"}]},
        {"changes": [], "author": {"name": 3, "organisation": ""}},
    ],
)
def test_a_sealed_but_malformed_access_log_or_author_is_refused(document: dict) -> None:
    data = seal(KEY, TEAM, DEVICE, 1, GENESIS_HASH, 0, json.dumps(document).encode())
    with pytest.raises(BundleMalformedPayload):
        decode_bundle(data, KEY, TEAM)
