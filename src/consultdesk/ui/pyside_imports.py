"""PySide6's check of every module imported after it, made cheap.

Once PySide6 is imported it replaces ``__import__`` (for its opt-in ``from __feature__ import
snake_case, true_property``) and, after every later import, asks whether the new module's
source mentions "PySide6" (shibokensupport.feature._mod_uses_pyside). It asks with
``inspect.getsource``, which reads and splits the whole file into lines through linecache and
keeps them in memory. The main window's start imports about 500 modules after PySide6 (the
database layer, the services, the screens): that check was 0.12-0.15 s of every start
(measured in-process on the 10k demo), none of which a bare Qt window pays.

``install`` gives the same answer for a module with a ``.py`` source file by looking for the
same word in the file's bytes (the word is ASCII, so it is found in the bytes exactly when it is
in the decoded text); for anything else (a compiled extension, a built-in, a module whose file
cannot be read) it asks PySide6's own check, as before. Nothing changes for a module using
``__feature__``: it mentions PySide6 and is still seen to.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (the import that installs PySide6's hook)

_FEATURE = "shibokensupport.feature"
_WORD = b"PySide6"


def _file_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return _WORD in source.read()
        except OSError:
            return original(module)

    mod_uses_pyside.consultdesk_original = original  # type: ignore[attr-defined]
    return mod_uses_pyside


def install() -> None:
    """Replace PySide6's check with the file check (once; nothing if this PySide6 has no such
    check)."""
    feature = sys.modules.get(_FEATURE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or hasattr(original, "consultdesk_original"):
        return
    feature._mod_uses_pyside = _file_check(original)  # type: ignore[attr-defined]


install()
