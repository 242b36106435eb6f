"""Write THIRD_PARTY_NOTICES: the licence of everything a ConsultDesk build carries.

`python tools/third_party_notices.py` walks the runtime dependencies of the installed
`consultdesk` distribution (its `Requires-Dist`, recursively, without extras) and copies each
one's own licence files from its `.dist-info`. Components that are inside another wheel and
have no distribution of their own (Qt itself, SQLCipher and OpenSSL inside sqlcipher3's module,
the Korean font) are described by hand below, with where their full text is.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "THIRD_PARTY_NOTICES"

BUNDLED = """\
Qt 6 (through PySide6 and shiboken6)
  The Qt Company Ltd and other contributors. Used under the GNU Lesser General Public
  License version 3 (LGPL-3.0-only): licenses/LGPL-3.0.txt, which builds on the GNU GPL
  version 3 in LICENSE. Qt's libraries are loaded as shared libraries from the PySide6 wheels
  and can be replaced by the user; the source is at https://download.qt.io/ and
  https://code.qt.io/. ConsultDesk itself is GPL-3.0-or-later, so its source is open too.

SQLCipher 4 (compiled into sqlcipher3's _sqlite3 module)
  Copyright (c) 2008-2025, ZETETIC LLC. All rights reserved. BSD-3-Clause:
  Redistribution and use in source and binary forms, with or without modification, are
  permitted provided that the following conditions are met: redistributions of source code
  must retain the above copyright notice, this list of conditions and the following
  disclaimer; redistributions in binary form must reproduce the above copyright notice, this
  list of conditions and the following disclaimer in the documentation and/or other materials
  provided with the distribution; neither the name of ZETETIC LLC nor the names of its
  contributors may be used to endorse or promote products derived from this software without
  specific prior written permission. THIS SOFTWARE IS PROVIDED BY ZETETIC LLC "AS IS" AND ANY
  EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED. SQLCipher builds on SQLite, which is in the
  public domain.

OpenSSL 3 (libcrypto, the cipher SQLCipher uses, linked into the sqlcipher3 and cryptography
modules)
  Copyright (c) 1998-2025 The OpenSSL Project Authors. Apache License 2.0:
  licenses/Apache-2.0.txt.

Nanum Gothic font (resources/fonts/NanumGothic*.ttf)
  Copyright (c) 2010, NAVER Corporation. SIL Open Font License 1.1: resources/fonts/OFL.txt.
"""


def _name(requirement: str) -> str | None:
    """The distribution a Requires-Dist line names, unless it is only for an extra."""
    if "extra ==" in requirement:
        return None
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)", requirement)
    return match.group(1) if match else None


def runtime_distributions(root: str = "consultdesk") -> list[metadata.Distribution]:
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a marker that does not apply here (another platform or Python)
        seen[key] = dist
        for requirement in dist.requires or []:
            if ";" in requirement:
                marker = requirement.split(";", 1)[1]
                if "extra ==" in marker:
                    continue
            child = _name(requirement)
            if child:
                todo.append(child)
    seen.pop("consultdesk", None)
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        name = parts[-1].lower()
        in_info = parts[0].endswith(".dist-info")
        if in_info and any(w in name for w in ("licen", "copying", "notice", "authors")):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                texts.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    return texts


def render() -> str:
    lines = [
        "Third-party notices for ConsultDesk",
        "=" * 35,
        "",
        "ConsultDesk is free software under the GNU General Public License version 3 or later",
        "(LICENSE). It is built from, and its packages carry, the components below.",
        "",
        "Bundled inside other components",
        "-" * 31,
        "",
        BUNDLED,
        "Python distributions (runtime dependencies, with their own licence files)",
        "-" * 72,
        "",
    ]
    for dist in runtime_distributions():
        meta = dist.metadata
        licence = meta.get("License-Expression") or meta.get("License") or ""
        licence = licence.strip().splitlines()[0] if licence.strip() else "see the text below"
        lines.append(f"{meta['Name']} {dist.version} — {licence}")
        home = meta.get("Home-page") or next(
            (u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or []), ""
        )
        if home:
            lines.append(f"  {home}")
        texts = licence_texts(dist)
        if not texts:
            lines.append("  (no licence file in its distribution; licence as stated above)")
        for path, text in texts:
            lines += ["", f"  --- {path} ---", ""]
            lines += [f"  {line}".rstrip() for line in text.strip().splitlines()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
