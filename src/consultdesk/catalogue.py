"""The app's Qt Linguist catalogues read without Qt, for the parts that run without a window.

The command line and the PDFs speak the same words as the screens: they read the same .ts file
the screens' compiled .qm comes from (resources/i18n/). Reading it needs only the standard
library, so a headless command does not load Qt (whose import hook also slows every import
after it). The system's language is taken the way the app takes it: Korean unless the locale
is English; the C/POSIX locale is English.
"""

from __future__ import annotations

import configparser
import locale
import os
from functools import cache
from pathlib import Path

LANGUAGES = ("ko", "en")


@cache
def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, English source) → the finished translation, for every context of a .ts file.
    A count's message gives its first form (Korean has one)."""
    import xml.etree.ElementTree as ET  # only where a sentence is shown: not for the window

    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if not source or translation is None or translation.get("type") is not None:
                continue
            forms = translation.findall("numerusform")
            text = forms[0].text if forms else translation.text
            if text:
                out[(name, source)] = text
    return out


def system_language() -> str:
    """ "en" when the system's locale is English or C/POSIX, else "ko" (Korean users first)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return _language_of_locale(value)
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return _language_of_locale(name or "C")


def _language_of_locale(name: str) -> str:
    lowered = name.lower()
    if lowered in ("c", "posix") or lowered.startswith(("c.", "en", "english")):
        return "en"
    return "ko"


def saved_language(data_dir: Path) -> str:
    """The language chosen in the app (its settings.ini beside the database), or "system"."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(data_dir / "settings.ini", encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return "system"
    value = parser.get("General", "language", fallback="system").strip()
    return value if value in (*LANGUAGES, "system") else "system"
