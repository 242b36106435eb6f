"""What a package carries: compiled catalogues that match their sources, the licence texts,
desktop metadata that validates."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_committed_catalogue_is_compiled_from_its_source(tmp_path, lang):
    """The .qm files are committed so that a wheel or a frozen build made from a clean clone
    has them; this fails when a .ts changed without `make translations`/lrelease."""
    fresh = tmp_path / f"consultdesk_{lang}.qm"
    subprocess.run(
        [str(LRELEASE), "-silent", str(I18N / f"consultdesk_{lang}.ts"), "-qm", str(fresh)],
        check=True,
    )
    committed = I18N / f"consultdesk_{lang}.qm"
    assert committed.exists(), "run `make translations` and commit the .qm files"
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is stale: run pyside6-lrelease on its .ts and commit it"
    )


def test_the_licence_and_notices_are_there():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 3" in licence
    notices = (ROOT / "THIRD_PARTY_NOTICES").read_text(encoding="utf-8")
    for component in (
        "Qt 6",
        "PySide6_Essentials",
        "SQLCipher",
        "OpenSSL",
        "reportlab",
        "Nanum Gothic",
        "cryptography",
        "SQLAlchemy",
        "sqlmodel",
        "alembic",
        "platformdirs",
    ):
        assert component in notices, component
    assert (ROOT / "licenses" / "LGPL-3.0.txt").exists()


def test_the_notices_name_every_runtime_dependency():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import third_party_notices
    finally:
        sys.path.pop(0)
    notices = (ROOT / "THIRD_PARTY_NOTICES").read_text(encoding="utf-8")
    missing = [
        d.metadata["Name"]
        for d in third_party_notices.runtime_distributions()
        if d.metadata["Name"] not in notices
    ]
    assert not missing, f"run `python tools/third_party_notices.py`: {missing}"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="Debian's appstream")
def test_the_appstream_metainfo_validates():
    metainfo = ROOT / "packaging" / "org.consultdesk.ConsultDesk.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_entry_validates():
    entry = ROOT / "packaging" / "org.consultdesk.ConsultDesk.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_lock_files_pin_every_dependency_of_pyproject():
    """`make run`/`make test` install from requirements/*.lock; a range added to pyproject.toml
    without `make lock` would silently not be installed."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        found = set()
        for requirement in requirements:
            if "python_version" in requirement and "< '3.12'" not in requirement:
                continue  # pinned for the Python the lock was made with (3.11)
            name = re.match(r"[A-Za-z0-9_.\-]+", requirement).group(0)
            found.add(re.sub(r"[-_.]+", "-", name).lower())
        return found

    def pinned(lock: str) -> set[str]:
        text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
        return {
            re.sub(r"[-_.]+", "-", m).lower()
            for m in re.findall(r"^([A-Za-z0-9_.\-]+)==", text, re.M)
        }

    runtime = names(project["dependencies"])
    extras = project["optional-dependencies"]
    development = runtime | names(extras["dev"]) | names(extras["package"])
    assert runtime <= pinned("run.lock"), runtime - pinned("run.lock")
    assert development <= pinned("dev.lock"), development - pinned("dev.lock")
    assert "--hash=sha256:" in (ROOT / "requirements" / "run.lock").read_text(encoding="utf-8")
