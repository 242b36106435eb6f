"""Where ConsultDesk keeps things: the user's data folder and the bundled resources.

Resources are found the same way from the source tree, an installed wheel (where the build puts
`resources/` inside the package as `_resources`) and a PyInstaller build (`sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "ConsultDesk"
DATABASE_FILE = "consultdesk.db"


def default_data_dir() -> Path:
    """The user's local data folder — never a shared drive (docs/team-folder.md)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "_resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(here.parents[1] / "resources")  # source tree: src/consultdesk → repo
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("ConsultDesk resources are missing from this installation")


def resource_path(relative: str) -> Path:
    return resources_dir() / relative


def licence_file(name: str) -> Path | None:
    """LICENSE or THIRD_PARTY_NOTICES: inside the package (wheel, frozen build) or at the top of
    the source tree. None if this installation lost it."""
    base = resources_dir()
    for candidate in (base / name, base.parent / name):
        if candidate.is_file():
            return candidate
    return None
