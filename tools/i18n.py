"""Keep the Qt Linguist catalogues in step with the sources.

`python tools/i18n.py update` re-extracts every tr()/translate() string from src/consultdesk/ui,
and the QT_TRANSLATE_NOOP words of reports/coded_words.py (which the PDFs read too), into
resources/i18n/consultdesk_{ko,en}.ts. English is the source language, so the English
catalogue's translations are the source texts themselves; Korean ones are written by people
(in Qt Linguist or any editor) and this script lists what is still missing.

`python tools/i18n.py fill ko FILE.json` fills unfinished Korean entries from a JSON object
{"English source text": "한국어", ...} (handy when many strings arrive at once).

Counts use Qt's plural forms: `self.tr("%n resident(s)", "", n)` (lupdate marks it numerus; it
does not recognise QCoreApplication.translate(..., n) in Python, so counts go through tr()).
The English catalogue gets two forms derived from the source: "word(s)" / "word(es)" give
"word" and "words"/"wordes", and "(one|other)" picks a side ("(is|are)", "entr(y|ies)").
Korean has one form; a JSON value fills it (a list fills the forms in order).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = [
    *sorted(str(p) for p in (ROOT / "src" / "consultdesk" / "ui").glob("*.py")),
    # The one table of words for coded values (context CodedWords), shared with the PDFs.
    str(ROOT / "src" / "consultdesk" / "reports" / "coded_words.py"),
    # What the command line says (context Cli), in the same catalogues.
    str(ROOT / "src" / "consultdesk" / "cli.py"),
]


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


def forms(message: ET.Element) -> list[ET.Element]:
    """The <numerusform> elements of a plural message (none for an ordinary one)."""
    return message.find("translation").findall("numerusform")


def is_numerus(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def _needs_text(message: ET.Element) -> bool:
    if message.find("translation").get("type") == "unfinished":
        return True
    return is_numerus(message) and not all(f.text for f in forms(message))


def unfinished(ts: Path) -> list[ET.Element]:
    return [m for m in ET.parse(ts).getroot().iter("message") if _needs_text(m)]


_SUFFIX = re.compile(r"(?<=\w)\((s|es)\)")
_CHOICE = re.compile(r"\(([A-Za-z ]*)\|([A-Za-z ]*)\)")


def english_forms(source: str) -> tuple[str, str]:
    """Singular and plural English from a numerus source text ("in %n day(s)")."""
    singular = _CHOICE.sub(r"\1", _SUFFIX.sub("", source))
    plural = _CHOICE.sub(r"\2", _SUFFIX.sub(r"\1", source))
    return singular, plural


def _finish(message: ET.Element, texts: list[str]) -> None:
    """Write the translation (every plural form of a numerus message) and mark it done."""
    translation = message.find("translation")
    if is_numerus(message):
        elements = forms(message) or [ET.SubElement(translation, "numerusform")]
        for i, element in enumerate(elements):
            element.text = texts[min(i, len(texts) - 1)]
    else:
        translation.text = texts[0]
    translation.attrib.pop("type", None)


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        if not _needs_text(message):
            continue
        source = message.find("source").text or ""
        _finish(message, list(english_forms(source)) if is_numerus(message) else [source])
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def fill_from(ts: Path, table: dict[str, str | list[str]]) -> int:
    """Fill unfinished entries whose source text is in ``table``; returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        value = table.get(message.find("source").text or "")
        if not value or not _needs_text(message):
            continue
        _finish(message, [value] if isinstance(value, str) else list(value))
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
