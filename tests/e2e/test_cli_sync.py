"""`consultdesk team create|join` and `consultdesk sync`, run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents
from consultdesk.services.workspace import Profile, Workspace

DB_PASS = "cli laptop passphrase"
TEAM_PASS = "cli team passphrase 2026"


def run(*args: str, team_pass: str | None = TEAM_PASS) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": DB_PASS, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CONSULTDESK_TEAM_PASSPHRASE", None)
    if team_pass is not None:
        env["CONSULTDESK_TEAM_PASSPHRASE"] = team_pass
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def laptop(folder: Path, resident: str | None = None) -> Path:
    ws = Workspace.create(folder, DB_PASS, DB_PASS, Profile("CLI 약사"))
    try:
        if resident:
            residents.save_resident(ws, ResidentDraft(name=resident))
    finally:
        ws.close()
    return folder


def names(folder: Path) -> list[str]:
    ws = Workspace.unlock(folder, DB_PASS)
    try:
        return sorted(r.name for r in residents.search_residents(ws, "")[0])
    finally:
        ws.close()


@pytest.mark.slow
def test_two_laptops_create_join_and_sync_from_the_command_line(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    a, b = laptop(tmp_path / "a", "김순자"), laptop(tmp_path / "b", "이영희")
    created = run(
        "--data-dir", str(a), "team", "create", "--folder", str(share), "--name", "행복팀"
    )
    assert created.returncode == 0, created.stderr
    assert "행복팀" in created.stdout
    wrong = run(
        "--data-dir", str(b), "team", "join", "--folder", str(share), team_pass="nope-nope-no"
    )
    assert wrong.returncode == 1 and "team passphrase is wrong" in wrong.stderr
    joined = run("--data-dir", str(b), "team", "join", "--folder", str(share))
    assert joined.returncode == 0, joined.stderr

    for data in (a, b, a):
        result = run("--data-dir", str(data), "sync")
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("\n") == 1 and result.stdout.startswith("Synced:")
    assert names(a) == names(b) == ["김순자", "이영희"]
    quiet = run("--data-dir", str(b), "sync")
    assert "sent 0 changes" in quiet.stdout and "read 0 bundles" in quiet.stdout


@pytest.mark.slow
def test_sync_fails_in_one_line_without_a_team_or_without_the_share(tmp_path: Path) -> None:
    a = laptop(tmp_path / "a")
    alone = run("--data-dir", str(a), "sync")
    assert alone.returncode == 1
    assert alone.stderr.strip().count("\n") == 0 and "not part of a team" in alone.stderr

    share = tmp_path / "share"
    share.mkdir()
    assert (
        run(
            "--data-dir", str(a), "team", "create", "--folder", str(share), "--name", "팀"
        ).returncode
        == 0
    )
    share.rename(tmp_path / "unplugged")
    gone = run("--data-dir", str(a), "sync")
    assert gone.returncode == 1 and "Cannot reach the shared folder" in gone.stderr
    assert gone.stderr.strip().count("\n") == 0
    moved = run("--data-dir", str(a), "sync", "--folder", str(tmp_path / "unplugged"))
    assert moved.returncode == 0, moved.stderr


def test_the_team_passphrase_is_asked_for_when_not_in_the_environment(tmp_path: Path) -> None:
    a = laptop(tmp_path / "a")
    share = tmp_path / "share"
    share.mkdir()
    result = run(
        "--data-dir", str(a), "team", "create", "--folder", str(share), "--name", "팀",
        team_pass=None,
    )  # fmt: skip
    assert result.returncode == 1 and "CONSULTDESK_TEAM_PASSPHRASE" in result.stderr


@pytest.mark.slow
def test_joining_from_the_consultdesk_folder_or_with_several_teams(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    a, b = laptop(tmp_path / "a", "김순자"), laptop(tmp_path / "b")
    create = ("team", "create", "--folder", str(share), "--name")
    assert run("--data-dir", str(a), *create, "행복팀").returncode == 0
    # The folder a person sees in their sync client's copy: the ConsultDesk folder itself.
    joined = run("--data-dir", str(b), "team", "join", "--folder", str(share / "ConsultDesk"))
    assert joined.returncode == 0, joined.stderr
    [team_folder] = (share / "ConsultDesk").iterdir()
    assert f"in {team_folder};" in joined.stdout

    c = laptop(tmp_path / "c")
    assert run("--data-dir", str(c), *create, "둘째팀").returncode == 0
    several = run("--data-dir", str(laptop(tmp_path / "d")), "team", "join", "--folder", str(share))
    assert several.returncode == 1 and several.stderr.count("\n") == 1
    assert f"{share} holds 2 teams" in several.stderr
    assert f"행복팀: {team_folder}" in several.stderr and "둘째팀: " in several.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    none = run("--data-dir", str(tmp_path / "d"), "team", "join", "--folder", str(empty))
    assert none.returncode == 1 and f"no ConsultDesk team in {empty}" in none.stderr
    assert "the one with team.json" in none.stderr


def test_retiring_a_lost_laptop_from_the_command_line(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    a, b = laptop(tmp_path / "a", "김순자"), laptop(tmp_path / "b", "이영희")
    assert (
        run(
            "--data-dir", str(a), "team", "create", "--folder", str(share), "--name", "팀"
        ).returncode
        == 0
    )
    assert run("--data-dir", str(b), "team", "join", "--folder", str(share)).returncode == 0
    for data in (b, a):
        assert run("--data-dir", str(data), "sync").returncode == 0
    listed = run("--data-dir", str(a), "team", "devices")
    assert listed.returncode == 0, listed.stderr
    mine, other = listed.stdout.splitlines()
    assert mine.endswith("this computer")
    b_device = other.split("\t")[0]
    refused = run("--data-dir", str(a), "team", "retire", mine.split("\t")[0][-8:])
    assert refused.returncode == 1 and "cannot retire itself" in refused.stderr
    retired = run("--data-dir", str(a), "team", "retire", b_device[-8:])
    assert retired.returncode == 0, retired.stderr
    assert f"Retired computer {b_device}" in retired.stdout
    assert "retired 20" in run("--data-dir", str(a), "team", "devices").stdout
    assert names(a) == ["김순자", "이영희"]  # its changes stay
