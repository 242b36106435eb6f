import os
import subprocess
import sys

import pytest

from consultdesk import __version__
from consultdesk.services import residents
from consultdesk.services.workspace import Workspace


def run(*args, env_pass="demo passphrase 1"):
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": env_pass, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.slow
def test_demo_fills_a_new_database_and_refuses_an_existing_one(tmp_path):
    data = tmp_path / "demo"
    result = run("--data-dir", str(data), "demo", "--residents", "120")
    assert result.returncode == 0, result.stderr
    ws = Workspace.unlock(data, "demo passphrase 1")
    try:
        assert residents.count_residents(ws) == 120
    finally:
        ws.close()
    again = run("--data-dir", str(data), "demo")
    assert again.returncode == 1 and "already holds a database" in again.stderr
    too_many = run("--data-dir", str(tmp_path / "x"), "demo", "--residents", "10001")
    assert too_many.returncode == 1 and "10000" in too_many.stderr


def test_without_a_passphrase_and_no_terminal_the_command_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CONSULTDESK_PASSPHRASE"}
    result = subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(tmp_path), "demo"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1 and "CONSULTDESK_PASSPHRASE" in result.stderr


@pytest.mark.slow
def test_init_sets_up_a_database_and_residents_lists_the_ids(tmp_path):
    data = tmp_path / "mine"
    short = run("--data-dir", str(data), "init", "--name", "박약사", env_pass="short")
    assert short.returncode == 1 and "8" in short.stderr
    assert not (data / "consultdesk.db").exists()  # a refused set-up leaves nothing
    made = run("--data-dir", str(data), "init", "--name", "박약사", "--pharmacy", "예시약국")
    assert made.returncode == 0, made.stderr
    ws = Workspace.unlock(data, "demo passphrase 1")
    try:
        assert ws.profile.pharmacist_name == "박약사"
        assert ws.profile.organisation == "예시약국"
        from consultdesk.domain.resident import ResidentDraft

        kim = residents.save_resident(ws, ResidentDraft(name="김순자", birth_date="1941-05-09"))
        residents.save_resident(ws, ResidentDraft(name="이영희"))
    finally:
        ws.close()
    again = run("--data-dir", str(data), "init", "--name", "박약사")
    assert again.returncode == 1 and "already holds a database" in again.stderr
    listed = run("--data-dir", str(data), "residents", "--find", "김순")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [f"{kim}\t김순자\t1941\t-"]


def test_help_names_the_passphrase_variables():
    result = run("--help")
    assert "CONSULTDESK_PASSPHRASE" in result.stdout
    assert "CONSULTDESK_TEAM_PASSPHRASE" in result.stdout


def test_a_command_on_a_database_of_an_older_version_says_it_is_updating_it(tmp_path):
    # The 0011 release database: the backup and the migrations since take minutes for a large
    # one, so the command says what it is doing first, on stderr (stdout stays the answer).
    import shutil
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    data = tmp_path / "old"
    data.mkdir()
    shutil.copy(fixtures / "schema_0011.db", data / "consultdesk.db")
    first = run("--data-dir", str(data), "--lang", "ko", "residents", env_pass="fixture passphrase")
    assert first.returncode == 0, first.stderr
    assert "새 버전에 맞게 데이터베이스를 바꾸는 중입니다" in first.stderr
    assert "이말순" in first.stdout
    again = run("--data-dir", str(data), "--lang", "en", "residents", env_pass="fixture passphrase")
    assert again.returncode == 0 and again.stderr == "", again.stderr
