"""Export: this laptop's unsent changes become its next bundles (SYNC.md, "Writing a bundle").

A bundle is marked sent only after its file has its final name, so a crash (a kill, a power cut,
the window closed while sending) can leave the file there with its changes still unsent. The
next run then finds the file under the seq it is about to use. If it is this laptop's own bundle
of exactly the changes it would send now, in the same order and chained to the same previous
bundle, it was the crashed run's: its changes are marked sent and the run goes on. Any other file
under that name is refused (BundleExists): bundles are never overwritten, and a different one
there means this database is not the one that wrote the folder (a restored backup).

Access-log rows go with the changes: every bundle carries this laptop's access-log rows not sent
before (bundle.py). Looking at a screen writes a row, so rows alone would make a bundle on every
sync; they therefore wait for the next bundle of changes, or go on their own once the oldest of
them is a day old (ACCESS_LOG_ALONE_AFTER): at most one bundle of rows alone a day, and a sync
with nothing new writes nothing. The rows are marked sent after the bundle; a crash in between
sends them again, and readers keep each row once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consultdesk.sync.bundle import (
    GENESIS_HASH,
    MAX_BUNDLE_BYTES,
    AccessRow,
    bundle_hash,
    decode_bundle,
    encode_bundle,
    read_header,
)
from consultdesk.sync.changes import Change
from consultdesk.sync.errors import BundleError, BundleExists
from consultdesk.sync.folder import bundle_name, write_bundle
from consultdesk.sync.report import BundleOutcome, SyncReport
from consultdesk.sync.store import BundleMark, SyncStore
from consultdesk.sync.team import Team, register_device

# Small enough that a laptop joining reads and applies one bundle in well under a second, large
# enough that a busy day is a handful of files.
MAX_CHANGES_PER_BUNDLE = 5000
# A store whose mark_sent() does not take effect would otherwise write bundles forever.
MAX_BUNDLES_PER_RUN = 1000
# Access-log rows per bundle (a row is a few hundred bytes).
MAX_ACCESS_ROWS_PER_BUNDLE = 5000
# Access-log rows without changes to go with wait until the oldest of them is this old.
ACCESS_LOG_ALONE_AFTER = timedelta(days=1)


def export_changes(
    team: Team,
    device_id: str,
    store: SyncStore,
    report: SyncReport,
    *,
    author: Mapping[str, str] | None = None,
    access_log_alone_after: timedelta = ACCESS_LOG_ALONE_AFTER,
) -> None:
    """Write bundles until nothing is unsent; raises BundleExists / BundleWriteFailed /
    ShareUnavailable, after which nothing more is marked sent. ``author`` ({"name",
    "organisation"}) goes in every bundle."""
    own_folder = register_device(team, device_id)
    last = store.last_sent()
    seen = dict(store.seen_clocks())
    rows_due: bool | None = None  # decided once per run, on its first look
    for _ in range(MAX_BUNDLES_PER_RUN):
        changes = list(store.unsent_changes(MAX_CHANGES_PER_BUNDLE))
        rows = list(store.unsent_access_log(MAX_ACCESS_ROWS_PER_BUNDLE))
        if rows_due is None:
            rows_due = bool(changes) or _waited_long_enough(rows, access_log_alone_after)
        if not rows_due:
            rows = []
        if not changes and not rows:
            return
        if any(change.device != device_id for change in changes):
            raise ValueError("unsent_changes() returned changes made on another device")
        if any(row.get("device") != device_id for row in rows):
            raise ValueError("unsent_access_log() returned rows of another device")
        seq = last.seq + 1 if last else 1
        previous = last.bundle_hash if last else GENESIS_HASH
        found = _left_by_a_crash(team, own_folder, device_id, seq, previous, changes, rows)
        if found is not None:
            path, data, changes, rows = found
        else:
            data = _encode_within_limit(team, device_id, seq, previous, changes, seen, rows, author)
            changes = changes[: _count(data)]
            path = write_bundle(own_folder, seq, data)
        digest = bundle_hash(data)
        store.mark_sent(seq, digest, changes)
        if rows:
            store.mark_access_log_sent(max(_row_seq(row) for row in rows))
        last = BundleMark(seq, digest)
        report.written.append(BundleOutcome(path, device_id, seq, len(changes), 0, 0))
    raise RuntimeError("the store keeps returning changes that were already sent")


def _left_by_a_crash(
    team: Team,
    own_folder: Path,
    device_id: str,
    seq: int,
    previous: str,
    unsent: Sequence[Change],
    unsent_rows: Sequence[AccessRow] = (),
) -> tuple[Path, bytes, list[Change], list[AccessRow]] | None:
    """The bundle a crashed run wrote under ``seq`` for the first of ``unsent``, if there is
    one; None if nothing is there; BundleExists for any other file under that name."""
    path = own_folder / bundle_name(seq)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return None
    except OSError as error:
        raise BundleExists(path=str(path), detail=str(error)) from error
    if size > MAX_BUNDLE_BYTES:
        raise BundleExists(path=str(path), detail=f"{size} bytes")
    try:
        data = path.read_bytes()
        bundle = decode_bundle(data, team.key, team.team_id)
    except (OSError, BundleError) as error:
        raise BundleExists(path=str(path), detail=str(error)) from error
    header, sent, sent_rows = bundle.header, list(bundle.changes), list(bundle.access_log)
    # Rows are compared by their hash: the row's values and place in its chain.
    row_hashes = [row.get("row_hash") for row in unsent_rows]
    if (
        header.device_id != device_id
        or header.seq != seq
        or header.previous_hash != previous
        or not (sent or sent_rows)
        or sent != list(unsent[: len(sent)])
        or [row.get("row_hash") for row in sent_rows] != row_hashes[: len(sent_rows)]
    ):
        raise BundleExists(path=str(path))
    return path, data, sent, sent_rows


def _encode_within_limit(
    team: Team,
    device_id: str,
    seq: int,
    previous: str,
    changes: list[Change],
    seen: Mapping[str, str],
    rows: Sequence[AccessRow] = (),
    author: Mapping[str, str] | None = None,
) -> bytes:
    # Readers refuse a file above MAX_BUNDLE_BYTES without opening it; a batch of very large
    # values is halved until its bundle fits (one change alone always goes out as it is).
    count = len(changes)
    while True:
        batch = changes[:count]
        data = encode_bundle(
            team.key, team.team_id, device_id, seq, previous, batch, seen, rows, author
        )
        if len(data) <= MAX_BUNDLE_BYTES or count <= 1:
            return data
        count = max(1, count // 2)


def _count(data: bytes) -> int:
    return read_header(data)[0].change_count


def _row_seq(row: AccessRow) -> int:
    seq = row.get("seq")
    return seq if isinstance(seq, int) else 0


def _waited_long_enough(rows: Sequence[AccessRow], after: timedelta) -> bool:
    """True if the oldest of these rows (the first: chain order) was written ``after`` ago."""
    if not rows:
        return False
    try:
        at = datetime.fromisoformat(str(rows[0].get("at")))
    except ValueError:
        return True  # a time this version cannot read: send it rather than keep it forever
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return datetime.now(UTC) - at >= after
