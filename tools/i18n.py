"""Keep the Qt Linguist catalogues in step with the sources.

`python tools/i18n.py update` re-extracts every tr()/translate() string from src/consultdesk/ui
into resources/i18n/consultdesk_{ko,en}.ts. English is the source language, so the English
catalogue's translations are the source texts themselves; Korean ones are written by people
(in Qt Linguist or any editor) and this script lists what is still missing.

`python tools/i18n.py fill ko FILE.json` fills unfinished Korean entries from a JSON object
{"English source text": "한국어", ...} (handy when many strings arrive at once).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = sorted(str(p) for p in (ROOT / "src" / "consultdesk" / "ui").glob("*.py"))


def lupdate(lang: str) -> Path:
    ts = I18N / f"consultdesk_{lang}.ts"
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [
            str(tool),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            lang,
            *SOURCES,
            "-ts",
            str(ts),
        ],
        check=True,
    )
    return ts


def unfinished(ts: Path) -> list[ET.Element]:
    root = ET.parse(ts).getroot()
    return [m for m in root.iter("message") if m.find("translation").get("type") == "unfinished"]


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") == "unfinished":
            translation.text = message.find("source").text
            del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def fill_from(ts: Path, table: dict[str, str]) -> int:
    """Fill unfinished entries whose source text is in ``table``; returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        text = table.get(message.find("source").text or "")
        if translation.get("type") == "unfinished" and text:
            translation.text = text
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main() -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    fill_english(lupdate("en"))
    missing = unfinished(lupdate("ko"))
    for m in missing:
        print(f"untranslated (ko): {m.find('source').text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["fill"] and len(sys.argv) == 4:
        table = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
        ts = I18N / f"consultdesk_{sys.argv[2]}.ts"
        filled = fill_from(ts, table)
        print(f"filled {filled}; still unfinished: {len(unfinished(ts))}")
        sys.exit(0)
    sys.exit(main() if sys.argv[1:] == ["update"] else 2)
