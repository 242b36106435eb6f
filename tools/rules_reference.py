"""Write docs/rules.md, the rules reference generated from resources/rules and the catalog.

Run after any change to a rule file, classes.csv, combinations.csv or ingredients.csv:
    .venv/bin/python tools/rules_reference.py          # writes docs/rules.md
    .venv/bin/python tools/rules_reference.py --out FILE
tests/domain/test_rules_reference.py fails while docs/rules.md is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from consultdesk.services.flags import bundled_rules_reference  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "rules.md")
    args = parser.parse_args()
    args.out.write_text(bundled_rules_reference(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
