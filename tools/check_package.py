"""`make package`: check what was built, then use it the way a pharmacist's machine would.

    python tools/check_package.py dist

1. The wheel holds the resources, the compiled catalogues, the migrations and the licences.
2. The wheel is installed into a new virtual environment away from the checkout, and the frozen
   one-folder build is unpacked into a new folder; each one then runs, from a folder of its own:
   `--version`; a first-time set-up (`init`); `demo --residents 20`; `residents`; an
   `export referral` whose PDF is read back; and a GUI start on a virtual screen (Xvfb) that must
   reach the unlock window, and Escape in it (xdotool) must end the app with status 0.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
import zipfile
from pathlib import Path

PASSPHRASE = "package smoke passphrase"
REQUIRED = [
    "consultdesk/_resources/fonts/NanumGothic.ttf",
    "consultdesk/_resources/fonts/OFL.txt",
    "consultdesk/_resources/i18n/consultdesk_ko.qm",
    "consultdesk/_resources/i18n/consultdesk_en.qm",
    "consultdesk/_resources/icons/consultdesk.svg",
    "consultdesk/_resources/guide/guide_ko.md",
    "consultdesk/_resources/LICENSE",
    "consultdesk/_resources/THIRD_PARTY_NOTICES",
    "consultdesk/storage/migrations/env.py",
    "consultdesk/storage/migrations/versions/0001_first_schema.py",
]


class Failed(Exception):
    pass


def say(text: str) -> None:
    print(f"check_package: {text}", flush=True)


def check_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [n for n in REQUIRED if n not in names]
    licences = [n for n in names if ".dist-info/licenses/" in n]
    if missing:
        raise Failed(f"missing from {wheel.name}: {missing}")
    if not any(n.endswith("LICENSE") for n in licences):
        raise Failed(f"{wheel.name} has no licence files in its .dist-info")
    say(f"{wheel.name}: {len(names)} files; resources, catalogues, migrations, licences present")


def run(command: list[str], env: dict[str, str], cwd: Path, timeout: int = 300) -> str:
    result = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise Failed(f"{' '.join(command)} → {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def gui_reaches_the_unlock_window(
    program: list[str], data: Path, env: dict[str, str], label: str
) -> None:
    """On a virtual screen: the unlock window appears (a database exists), closing it ends
    the app cleanly (status 0)."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        raise Failed("Xvfb and xdotool are needed for the GUI check (scripts/system-deps.sh)")
    display = ":97"
    screen = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        gui_env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        gui_env.pop("CONSULTDESK_PASSPHRASE", None)
        app = subprocess.Popen(
            [*program, "--data-dir", str(data), "--lang", "ko"],
            env=gui_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        window = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None and not window:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "복약상담 데스크"],
                env=gui_env,
                capture_output=True,
                text=True,
            )
            window = found.stdout.split()[0] if found.stdout.split() else ""
            time.sleep(0.5)
        if not window:
            app.kill()
            raise Failed(f"no unlock window appeared:\n{app.communicate()[0]}")
        # Escape in the unlock window is its Cancel: the person chose not to open it now.
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=gui_env, check=False)
        subprocess.run(["xdotool", "key", "Escape"], env=gui_env, check=False)
        try:
            output, _ = app.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            raise Failed("the app did not quit after its unlock window closed") from None
        if app.returncode != 0:
            raise Failed(f"the app ended with status {app.returncode}:\n{output}")
        say(f"{label}: the unlock window appeared on a 1366×768 screen; Escape quit cleanly")
    finally:
        screen.terminate()
        screen.wait(timeout=10)


def smoke(program: list[str], where: Path, label: str) -> None:
    from pypdf import PdfReader

    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(where / "home"),
        "CONSULTDESK_PASSPHRASE": PASSPHRASE,
        "LANG": "C.UTF-8",
    }
    (where / "home").mkdir()
    version = run([*program, "--version"], env, where).strip()
    say(f"{label}: {version}")
    mine = where / "my-data"
    run([*program, "--data-dir", str(mine), "init", "--name", "박약사"], env, where)
    if not (mine / "consultdesk.db").exists():
        raise Failed("init made no database")
    say(f"{label}: first-time set-up made an encrypted database")
    demo = where / "demo-data"
    run([*program, "--data-dir", str(demo), "demo", "--residents", "20"], env, where, 600)
    listed = run([*program, "--data-dir", str(demo), "residents"], env, where)
    ids = [line.split("\t")[0] for line in listed.splitlines() if line.strip()]
    if len(ids) != 20:
        raise Failed(f"residents listed {len(ids)} of 20")
    out = where / "referral.pdf"
    for resident in ids:
        try:
            export = ["export", "referral", "--resident", resident, "--out", str(out)]
            export += ["--reason", "복지관 연계"]  # a download of personal data has a reason
            run([*program, "--data-dir", str(demo), *export], env, where)
            break
        except Failed:
            continue  # this resident has not agreed to sharing: try the next
    if not out.exists():
        raise Failed("no resident's referral sheet could be exported")
    text = "".join(page.extract_text() or "" for page in PdfReader(out).pages)
    if "의뢰" not in text:
        raise Failed("the exported referral sheet does not read as one")
    say(f"{label}: demo of 20 residents, listed, and a referral sheet exported and read back")
    gui_reaches_the_unlock_window(program, demo, env, label)


def check_wheel(wheel: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="consultdesk-wheel-") as tmp:
        where = Path(tmp)
        env_dir = where / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, cwd=where
        )
        smoke([str(env_dir / "bin" / "consultdesk")], where, "wheel")


def check_frozen(archive: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="consultdesk-frozen-") as tmp:
        where = Path(tmp)
        with tarfile.open(archive) as tar:
            tar.extractall(where / "app", filter="data")
        program = where / "app" / "ConsultDesk" / "consultdesk"
        smoke([str(program)], where, "frozen build")


def main(dist: Path) -> int:
    dist = dist.resolve()  # the checks run from folders of their own
    try:
        wheels = sorted(dist.glob("consultdesk-*-py3-none-any.whl"))
        frozen = sorted(dist.glob("ConsultDesk-*-linux-x86_64.tar.gz"))
        if not wheels or not frozen:
            raise Failed(f"expected a wheel and a frozen build in {dist}")
        check_wheel_contents(wheels[-1])
        check_wheel(wheels[-1])
        check_frozen(frozen[-1])
    except Failed as failure:
        say(f"FAILED: {failure}")
        return 1
    say("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
