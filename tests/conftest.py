"""Shared fixtures: a real encrypted workspace in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from consultdesk.services.workspace import Profile, Workspace

settings.register_profile("ci", deadline=None, max_examples=60)
settings.load_profile("ci")

PASSPHRASE = "correct horse 'battery' \"staple\""


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(
        tmp_path / "data", PASSPHRASE, PASSPHRASE, Profile("박약사", "우리약국", "010-0000-1111")
    )
    try:
        yield ws
    finally:
        ws.close()
