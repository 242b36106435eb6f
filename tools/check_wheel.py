"""`make package`: check the built wheel carries what the app needs at run time."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

REQUIRED = [
    "consultdesk/_resources/fonts/NanumGothic.ttf",
    "consultdesk/_resources/fonts/OFL.txt",
    "consultdesk/_resources/i18n/consultdesk_ko.qm",
    "consultdesk/_resources/i18n/consultdesk_en.qm",
    "consultdesk/storage/migrations/env.py",
    "consultdesk/storage/migrations/versions/0001_first_schema.py",
]


def main(dist: Path) -> int:
    wheels = sorted(dist.glob("consultdesk-*.whl"))
    if not wheels:
        print("no wheel in", dist)
        return 1
    names = set(zipfile.ZipFile(wheels[-1]).namelist())
    missing = [n for n in REQUIRED if n not in names]
    for n in missing:
        print("missing from the wheel:", n)
    if not missing:
        print(f"{wheels[-1].name}: {len(names)} files, resources and migrations present")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
