"""Copy the screenshots the user guide shows into resources/guide/images, 900 px wide at most.

`make screenshots` runs it after tools/screenshots.py, so the guide never shows an old screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "guide" / "images"
SHOWN = (
    "main_window",
    "consent_first",
    "consultation_editor",
    "consultation_stopped",
    "consultation_not_saved",
    "export_dialog",
    "referrals",
)


def main(source: Path) -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in SHOWN:
        for lang in ("ko", "en"):
            shot = source / f"{name}_{lang}.png"
            if not shot.exists():
                print(f"missing {shot}", file=sys.stderr)
                return 1
            image = Image.open(shot)
            image.thumbnail((900, 900))
            image.save(TARGET / shot.name, optimize=True)
    print(f"guide images written into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
