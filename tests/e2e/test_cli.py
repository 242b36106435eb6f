import os
import subprocess
import sys

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
