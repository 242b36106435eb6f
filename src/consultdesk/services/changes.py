"""What changed: the change sets every committed write publishes, for the screens to follow.

The change sets are made in storage (storage.changes: the change-log writer and a sync import
note the records each transaction touches; the database publishes them after the commit).
This is the services' face of them, so that a screen never reaches into storage.
"""

from __future__ import annotations

from collections.abc import Callable

from consultdesk.services.workspace import Workspace
from consultdesk.storage.changes import LOCAL, SYNC, ChangeSet, initiated_by

__all__ = ["LOCAL", "SYNC", "ChangeSet", "initiated_by", "subscribe"]


def subscribe(ws: Workspace, listener: Callable[[ChangeSet], None]) -> Callable[[], None]:
    """Call ``listener`` with each change set committed to the workspace's database, on the
    thread that committed; returns the function that stops it."""
    return ws.db.changes.subscribe(listener)
