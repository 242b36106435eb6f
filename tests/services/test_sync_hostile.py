"""Files in the team folder that are not what their names say, on laptops with real databases:
oversized files, strangers named like far-ahead bundles, files in a laptop's own folder."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

from consultdesk.domain.ids import new_id
from consultdesk.domain.resident import ResidentDraft
from consultdesk.domain.rrn import text_problems
from consultdesk.services import residents, sync
from consultdesk.services.workspace import Workspace
from consultdesk.sync import team as teams
from consultdesk.sync.bundle import GENESIS_HASH, MAX_BUNDLE_BYTES, seal
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    TEAM_PASSPHRASE,
    MakeLaptop,
    field_states,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

GB = 1024**3


def changes_folder(share: Path, ws: Workspace) -> Path:
    [folder] = share.glob(f"ConsultDesk/*/devices/{ws.device}/changes")
    return folder


def synced_pair(new_laptop: MakeLaptop, share: Path) -> tuple[Workspace, Workspace]:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    sync.sync_now(a)
    sync.sync_now(b)
    return a, b


def skipped(report: sync.SyncReport) -> list[tuple[str, str]]:
    return sorted((s.path.name, s.code) for s in report.skipped)


def sync_measured(ws: Workspace) -> tuple[sync.SyncReport, int]:
    """A sync and the most memory Python allocated during it."""
    tracemalloc.start()
    try:
        report = sync.sync_now(ws)
        return report, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_3_gb_file_under_the_next_bundle_name_is_skipped_without_reading_it(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = synced_pair(new_laptop, share)
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    second = changes_folder(share, a) / "000002.cdsync"
    whole = second.read_bytes()
    # The real bundle 2 grown to 3 GB (sparse: costs no disk): its header is fine, its size not.
    os.truncate(second, 3 * GB)
    report, peak = sync_measured(b)
    assert skipped(report) == [("000002.cdsync", "too_large")]
    assert [(w.device_id, w.missing_seq, w.reason) for w in report.waiting] == [
        (a.device, 2, "too_large")
    ]
    assert peak < MAX_BUNDLE_BYTES  # the whole file once took 3 GB here, on every sync
    assert lee not in visible(b)["resident"]

    os.truncate(second, 0)  # 3 GB of zeros
    os.truncate(second, 3 * GB)
    report, peak = sync_measured(b)
    assert skipped(report) == [("000002.cdsync", "bad_magic")]
    assert peak < MAX_BUNDLE_BYTES

    second.write_bytes(whole)  # the real file arrives: read as usual
    assert sync.sync_now(b).bundles_read == 1
    assert lee in visible(b)["resident"]


def test_a_file_within_the_limit_but_longer_than_its_header_says_is_refused(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = synced_pair(new_laptop, share)
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    second = changes_folder(share, a) / "000002.cdsync"
    whole = second.read_bytes()
    second.write_bytes(whole + bytes(1000))
    assert skipped(sync.sync_now(b)) == [("000002.cdsync", "malformed_payload")]
    second.write_bytes(whole)
    assert sync.sync_now(b).bundles_read == 1
    assert lee in visible(b)["resident"]


def test_a_stranger_named_like_a_far_ahead_bundle_is_reported_and_nobody_waits(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = synced_pair(new_laptop, share)
    folder = changes_folder(share, a)
    (folder / "090000.cdsync").write_bytes(os.urandom(4096))
    # A genuine bundle of this device copied under a later seq is no evidence of a gap either.
    (folder / "000007.cdsync").write_bytes((folder / "000001.cdsync").read_bytes())
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    for _ in range(2):  # every later sync says the same, and never waits
        report = sync.sync_now(b)
        assert skipped(report) == [("000007.cdsync", "misplaced"), ("090000.cdsync", "bad_magic")]
        assert report.waiting == []
    assert lee in visible(b)["resident"]


def test_a_real_gap_still_waits_for_the_missing_bundle(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = synced_pair(new_laptop, share)
    folder = changes_folder(share, a)
    for name in ("이영희", "박영수"):
        residents.save_resident(a, ResidentDraft(name=name))
        sync.sync_now(a)
    (folder / "000002.cdsync").rename(folder / "000002.cdsync.part")
    report = sync.sync_now(b)
    assert [(w.device_id, w.missing_seq, w.reason) for w in report.waiting] == [
        (a.device, 2, "gap")
    ]
    (folder / "000002.cdsync.part").rename(folder / "000002.cdsync")
    assert sync.sync_now(b).bundles_read == 2
    assert visible(b) == visible(a)


def test_a_laptop_reports_strangers_in_its_own_folder_and_keeps_sending(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = synced_pair(new_laptop, share)
    folder = changes_folder(share, a)
    (folder / "000001 (1).cdsync").write_bytes((folder / "000001.cdsync").read_bytes())
    (folder / "notes.txt").write_text("hello")
    (folder.parent / "desktop.ini").write_text("[.ShellClassInfo]")
    (folder / "090000.cdsync").write_bytes(os.urandom(512))
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    report = sync.sync_now(a)
    assert report.bundles_written == 1 and report.export_error is None
    assert skipped(report) == [
        ("000001 (1).cdsync", "conflict_copy"),
        ("090000.cdsync", "bad_magic"),
        ("desktop.ini", "system_file"),
        ("notes.txt", "unknown_file"),
    ]
    assert all(o.device_id != a.device for o in report.read)  # its own are never imported
    sync.sync_now(b)
    assert lee in visible(b)["resident"]


# --- payloads under the right key: a laptop with a bug, or a compromised one -----------------

HOSTILE = "hostile0laptop01"


def seal_hostile(share: Path, payload: bytes, count: int) -> Path:
    """Bundle 1 of another team member, sealed under the real team key."""
    [team_folder] = share.glob("ConsultDesk/*")
    team = teams.join_team(team_folder, TEAM_PASSPHRASE)
    folder = teams.register_device(team, HOSTILE)
    path = folder / "000001.cdsync"
    path.write_bytes(seal(team.key, team.team_id, HOSTILE, 1, GENESIS_HASH, count, payload))
    return path


def row(record_id: str, field: str, value: object, counter: int) -> list[object]:
    hlc = f"{1_763_700_000_000:016d}-{counter:04d}-{HOSTILE}"
    return ["resident", record_id, field, value, hlc, HOSTILE, None]


def test_values_a_person_could_not_type_here_are_refused_one_by_one(
    new_laptop: MakeLaptop, share: Path
) -> None:
    _, b = synced_pair(new_laptop, share)
    park = new_id()
    rows = [
        row(park, "name", "박영수", 0),
        row(park, "notes", "주민번호 800101-1234567", 1),
        row(park, "phone", "010-1234-5678\x00", 2),
        row(park, "district", "\ud800", 3),  # a lone surrogate: unstorable as UTF-8
        row(park, "living_situation", json.loads("[" * 40 + "]" * 40), 4),
        row(park, "sex", 2**70, 5),
    ]
    payload = json.dumps({"changes": rows}, ensure_ascii=True).encode()
    path = seal_hostile(share, payload, len(rows))
    report = sync.sync_now(b)
    assert report.skipped == [] and report.bundles_read == 1
    assert sorted((r.path, r.device_id, r.seq, r.field, r.code) for r in report.refused) == [
        (path, HOSTILE, 1, "district", "text_unreadable"),
        (path, HOSTILE, 1, "living_situation", "value_invalid"),
        (path, HOSTILE, 1, "notes", "rrn_refused"),
        (path, HOSTILE, 1, "phone", "text_unreadable"),
        (path, HOSTILE, 1, "sex", "value_invalid"),
    ]
    shown = visible(b)["resident"][park]
    assert shown["name"] == "박영수"
    assert (shown["notes"], shown["phone"], shown["district"]) == ("", "", "")
    assert {s[2] for s in field_states(b) if s[1] == park} == {"name"}
    # The next sync goes on from there: the bundle is in the ledger, nothing is asked again.
    assert sync.sync_now(b).nothing_new
    # The same rule as typing: what was refused here is what a form refuses.
    assert [p.code for p in text_problems([("notes", "800101-1234567"), ("x", "a\x00")])] == [
        "rrn_refused",
        "text_unreadable",
    ]


def test_json_nested_too_deep_to_parse_skips_that_bundle_and_the_sync_goes_on(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = synced_pair(new_laptop, share)
    deep = "[" * 200_000 + "]" * 200_000
    rid = new_id()
    hlc = f"{1_763_700_000_000:016d}-0000-{HOSTILE}"
    payload = (
        f'{{"changes":[["resident","{rid}","name",{deep},"{hlc}","{HOSTILE}",null]]}}'
    ).encode()
    path = seal_hostile(share, payload, 1)
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    for laptop in (b, a):  # it failed every laptop's every sync with RecursionError
        report = sync.sync_now(laptop)
        assert [(s.path, s.code) for s in report.skipped] == [(path, "malformed_payload")]
        assert "nested too deeply" in report.skipped[0].detail
    assert lee in visible(b)["resident"] and rid not in visible(b)["resident"]
