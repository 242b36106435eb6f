"""The database key derived while the passphrase is typed (the unlock window, the lock screen),
so that Enter seldom waits for the key derivation (storage/sqlcipher_key.py, WhileTyping).

Light on purpose: no database layer, so the first window can use it before that has loaded.
"""

from __future__ import annotations

from pathlib import Path

from consultdesk.paths import DATABASE_FILE
from consultdesk.storage.sqlcipher_key import WhileTyping, while_typing

__all__ = ["WhileTyping", "for_data_dir"]


def for_data_dir(data_dir: Path) -> WhileTyping:
    """Give it the passphrase field's text at each change; ``forget`` it when the window is
    done. Opening the database in ``data_dir`` takes its key when it is the text submitted."""
    return while_typing(data_dir / DATABASE_FILE)
