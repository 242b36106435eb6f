"""Export: this laptop's unsent changes become its next bundles (SYNC.md, "Writing a bundle")."""

from __future__ import annotations

from consultdesk.sync.bundle import GENESIS_HASH, bundle_hash, encode_bundle
from consultdesk.sync.folder import write_bundle
from consultdesk.sync.report import BundleOutcome, SyncReport
from consultdesk.sync.store import BundleMark, SyncStore
from consultdesk.sync.team import Team, register_device

# Small enough that a laptop joining reads and applies one bundle in well under a second, large
# enough that a busy day is a handful of files.
MAX_CHANGES_PER_BUNDLE = 5000
# A store whose mark_sent() does not take effect would otherwise write bundles forever.
MAX_BUNDLES_PER_RUN = 1000


def export_changes(team: Team, device_id: str, store: SyncStore, report: SyncReport) -> None:
    """Write bundles until nothing is unsent; raises BundleExists / BundleWriteFailed /
    ShareUnavailable, after which nothing more is marked sent."""
    own_folder = register_device(team, device_id)
    last = store.last_sent()
    for _ in range(MAX_BUNDLES_PER_RUN):
        changes = list(store.unsent_changes(MAX_CHANGES_PER_BUNDLE))
        if not changes:
            return
        if any(change.device != device_id for change in changes):
            raise ValueError("unsent_changes() returned changes made on another device")
        seq = last.seq + 1 if last else 1
        previous = last.bundle_hash if last else GENESIS_HASH
        data = encode_bundle(team.key, team.team_id, device_id, seq, previous, changes)
        path = write_bundle(own_folder, seq, data)
        # Marked sent only now that the file exists under its final name: a crash before this
        # line sends the same changes again under the same seq, which write_bundle refuses, so
        # the report says so instead of silently writing two different bundles 7.
        digest = bundle_hash(data)
        store.mark_sent(seq, digest, changes)
        last = BundleMark(seq, digest)
        report.written.append(BundleOutcome(path, device_id, seq, len(changes), 0, 0))
    raise RuntimeError("the store keeps returning changes that were already sent")
