"""Wrong passphrases (issue 12): after 5 in a row each try waits longer (2 s doubling to
60 s), with a fake clock; the failures reach the access log at the next unlock."""

from __future__ import annotations

import pytest
from sqlmodel import select

from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.errors import WrongPassphrase
from consultdesk.storage.models import AuditEvent
from consultdesk.storage.unlock_attempts import TooManyAttempts, wait_after

PASS = "backoff test passphrase"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_doubles_from_2_s_up_to_60_s():
    assert [wait_after(n) for n in range(4, 12)] == [0, 2, 4, 8, 16, 32, 60, 60]


def test_five_free_tries_then_each_try_waits_and_the_failures_are_logged(tmp_path):
    data = tmp_path / "data"
    Workspace.create(data, PASS, PASS, Profile("박약사")).close()
    clock = FakeClock()
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            Workspace.unlock(data, "wrong guess 1", clock=clock)
    with pytest.raises(TooManyAttempts) as error:
        Workspace.unlock(data, PASS, clock=clock)  # even the right one waits
    assert error.value.context == {"seconds": 2}
    clock.now += 2
    with pytest.raises(WrongPassphrase):
        Workspace.unlock(data, "wrong guess 2", clock=clock)  # the 6th: now 4 s
    clock.now += 3
    with pytest.raises(TooManyAttempts) as error:
        Workspace.unlock(data, PASS, clock=clock)
    assert error.value.context == {"seconds": 1}
    clock.now += 1
    ws = Workspace.unlock(data, PASS, clock=clock)
    try:
        with ws.db.session() as s:
            failed = s.exec(select(AuditEvent).where(AuditEvent.action == "failed_unlock")).all()
        assert len(failed) == 6
    finally:
        ws.close()
    # The count starts again after a success.
    with pytest.raises(WrongPassphrase):
        Workspace.unlock(data, "wrong guess 3", clock=clock)
    Workspace.unlock(data, PASS, clock=clock).close()
