"""The access log and the pharmacists' names travel with the bundles: real laptops with real
encrypted databases sync through a real folder, and each keeps the team's whole log with every
device's chain checkable, and names the other laptops' pharmacists (sync/bundle.py)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from consultdesk.domain.ids import short_device
from consultdesk.domain.measures import GroupBy, ReportRequest
from consultdesk.services import access_log, consultations, measures, sync
from consultdesk.services.profile import save_profile
from consultdesk.services.team_devices import team_devices
from consultdesk.services.workspace import Workspace
from consultdesk.storage.sync_store import SqliteSyncStore
from consultdesk.sync import outbound
from consultdesk.sync.bundle import decode_bundle
from consultdesk.sync.report import SyncReport
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    DB_PASSPHRASE,
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)
from tests.services.visit_data import VISIT, make_visit


def bundles(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.cdsync"))


def visible_residents(ws: Workspace) -> dict[str, dict[str, object]]:
    return visible(ws)["resident"]


def rows_of(ws: Workspace, device: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (r.at, r.actor, r.action, r.entity, r.record_id)
        for r in access_log.list_rows(ws)
        if r.device == device
    ]


def finished_visit(ws: Workspace, name: str = "홍길동") -> None:
    """A finished session (one the measures count): rows in the laptop's log as well."""
    visit = make_visit(ws, name=name)
    data = consultations.load_consultation(ws, visit.consultation_id)
    assert data is not None
    consultations.finalise_consultation(ws, data, today=VISIT)


def two_laptops(new_laptop: MakeLaptop, share: Path) -> tuple[Workspace, Workspace]:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    finished_visit(a)  # creates, views and changes a resident's records: rows in A's log
    sync.sync_now(a)
    sync.sync_now(b)
    return a, b


def test_rows_of_a_appear_on_b_as_a_wrote_them_and_b_verifies_them(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    sent = rows_of(a, a.device)
    assert len(sent) > 3
    got = rows_of(b, a.device)
    assert got == sent  # same times, actor, actions and records
    assert {actor for _, actor, *_ in got} == {"a 약사"}
    report = access_log.verify_log(b)
    assert report.ok, report.breaks
    assert report.devices[a.device] == len(sent)
    # Syncing again imports nothing twice and writes nothing.
    before = bundles(share)
    assert sync.sync_now(a).nothing_new and sync.sync_now(b).nothing_new
    assert rows_of(b, a.device) == sent and bundles(share) == before


def test_a_sync_with_only_screen_views_writes_nothing_until_a_day_has_passed(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    before = bundles(share)
    a.log_view("residents")  # a view alone: a row, no change
    report = sync.sync_now(a)
    assert report.written == [] and bundles(share) == before
    # Once a day, rows go on their own (here: "a day" is no time at all).
    team = sync._require_team(a)
    alone = SyncReport()
    store = SqliteSyncStore(a.db, a.device)
    outbound.export_changes(team, a.device, store, alone, access_log_alone_after=timedelta(0))
    assert len(alone.written) == 1 and alone.written[0].changes == 0
    bundle = decode_bundle(alone.written[0].path.read_bytes(), team.key, team.team_id)
    assert bundle.changes == () and bundle.access_log[-1]["entity"] == "residents"
    assert store.unsent_access_log(10) == []
    sync.sync_now(b)
    assert rows_of(b, a.device) == rows_of(a, a.device)
    assert access_log.verify_log(b).ok


def test_rows_sent_twice_after_a_crash_are_kept_once(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = two_laptops(new_laptop, share)
    # A crash between the bundle and its rows' mark: the rows go again with the next bundle.
    with a.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM setting WHERE key = 'audit_sent'")
    make_visit(a, name="김순자")
    sync.sync_now(a)
    sync.sync_now(b)
    assert rows_of(b, a.device) == rows_of(a, a.device)
    assert access_log.verify_log(b).ok


def test_three_laptops_each_keep_every_devices_rows(new_laptop: MakeLaptop, share: Path) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    start_team(a, share)
    join(b, share)
    join(c, share)
    make_visit(a)
    make_visit(b, name="김순자")
    for laptop in (a, b, c, a, b):
        sync.sync_now(laptop)
    for laptop in (a, b, c):
        report = access_log.verify_log(laptop)
        assert report.ok, report.breaks
    for device in (a.device, b.device):
        assert rows_of(c, device) == rows_of(a if device == a.device else b, device)
    assert rows_of(a, b.device) == rows_of(b, b.device)


def test_an_edited_or_removed_imported_row_is_found(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = two_laptops(new_laptop, share)
    count = len(rows_of(b, a.device))
    with b.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE audit_log SET actor = '누군가' WHERE device = ? AND seq = 2", (a.device,)
        )
    breaks = access_log.verify_log(b).breaks
    assert (a.device, 2, "edited") in {(x.device, x.seq, x.reason) for x in breaks}
    with b.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE audit_log SET actor = 'a 약사' WHERE device = ? AND seq = 2", (a.device,)
        )
        conn.exec_driver_sql(
            "DELETE FROM audit_log WHERE device = ? AND seq = ?", (a.device, count)
        )
    breaks = access_log.verify_log(b).breaks
    assert [(x.device, x.reason) for x in breaks] == [(a.device, "truncated")]


def test_the_command_line_on_b_lists_as_rows(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    a_device = a.device
    b.close()
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": DB_PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-m", "consultdesk", "--lang", "en", "--data-dir", str(tmp_path / "b"),
         "access-log"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown_as = f"a 약사 ({short_device(a_device)})"
    lines = [line for line in done.stdout.splitlines() if shown_as in line]
    assert any("create" in line for line in lines)
    verify = subprocess.run(
        [sys.executable, "-m", "consultdesk", "--lang", "en", "--data-dir", str(tmp_path / "b"),
         "verify"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert short_device(a_device) in verify.stdout
    # One laptop's rows, by its device id, by the 8 characters shown for it, or by its
    # pharmacist.
    options = (
        ["--device", a_device],
        ["--device", short_device(a_device)],
        ["--pharmacist", "a 약사"],
    )
    for option in options:
        only = subprocess.run(
            [sys.executable, "-m", "consultdesk", "--lang", "en", "--data-dir",
             str(tmp_path / "b"), "access-log", *option],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert only.returncode == 0, only.stderr
        listed = only.stdout.splitlines()[:-1]  # the last line counts them
        assert listed and all(shown_as in line for line in listed)


def test_old_bundles_without_the_log_still_import(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    make_visit(a)
    team = sync._require_team(a)
    report = SyncReport()
    # What a laptop of the version before wrote: the changes alone.
    outbound.export_changes(team, a.device, _OldStore(a), report)
    bundle = decode_bundle(report.written[0].path.read_bytes(), team.key, team.team_id)
    assert bundle.access_log == () and bundle.author is None
    sync.sync_now(b)
    assert rows_of(b, a.device) == []
    assert len(visible_residents(b)) == 1  # its changes were imported as before
    assert access_log.verify_log(b).ok


class _OldStore(SqliteSyncStore):
    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws.db, ws.device)

    def unsent_access_log(self, limit: int) -> list:  # type: ignore[override]
        return []


# --- the pharmacists' names ------------------------------------------------------------------


def test_b_names_as_pharmacist_in_the_measures_and_the_device_list(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    end = date(2026, 12, 31)
    choices = {c.device: c.name for c in measures.pharmacists(b, end)}
    assert choices[a.device] == "a 약사"
    req = ReportRequest(date(2026, 1, 1), end, GroupBy.PHARMACIST)
    report = measures.compute_report(b, req)
    labels = {g.key: g.label("ko") for g in report.groups}
    assert labels[a.device] == "a 약사"
    assert {g.key: g.label("en") for g in report.groups}[a.device] == "a 약사"
    filtered = measures.compute_report(b, replace(req, by=GroupBy.ALL, pharmacist=a.device))
    assert filtered.pharmacist == "a 약사"
    names = {d.device_id: d.name for d in team_devices(b)}
    assert names[a.device] == "a 약사"
    # A renamed profile reaches B with A's next bundle.
    save_profile(a, replace(a.profile, pharmacist_name="김현정 약사"))
    finished_visit(a, name="김순자")
    sync.sync_now(a)
    sync.sync_now(b)
    assert {c.device: c.name for c in measures.pharmacists(b, end)}[a.device] == "김현정 약사"
    assert {d.device_id: d.name for d in team_devices(b)}[a.device] == "김현정 약사"


class _DiesAfterTheRename(SqliteSyncStore):
    """The real store, stopping where a killed run stops: the bundle has its name, nothing is
    marked sent."""

    def mark_sent(self, seq, bundle_hash, changes) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt


def test_a_bundle_of_rows_alone_left_by_a_crash_is_taken_as_sent(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    a.log_view("residents")
    team = sync._require_team(a)
    now = timedelta(0)
    with contextlib.suppress(KeyboardInterrupt):
        outbound.export_changes(
            team, a.device, _DiesAfterTheRename(a.db, a.device), SyncReport(),
            access_log_alone_after=now,
        )  # fmt: skip
    left = bundles(share)
    again = SyncReport()
    store = SqliteSyncStore(a.db, a.device)
    outbound.export_changes(team, a.device, store, again, access_log_alone_after=now)
    assert again.export_error is None and bundles(share) == left  # no new file, no refusal
    assert store.unsent_access_log(10) == []
    sync.sync_now(b)
    assert rows_of(b, a.device) == rows_of(a, a.device)


def test_joining_another_team_sends_the_whole_log_to_it(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
) -> None:
    a, _ = two_laptops(new_laptop, share)
    other = tmp_path / "other share"
    other.mkdir()
    c = new_laptop("c")
    start_team(c, other)
    join(a, other)
    finished_visit(a, name="김순자")
    sync.sync_now(a)
    sync.sync_now(c)
    assert rows_of(c, a.device) == rows_of(a, a.device)  # from its first row on
    assert access_log.verify_log(c).ok
