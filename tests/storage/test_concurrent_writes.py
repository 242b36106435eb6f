"""A unit of work that reads, then writes, while another connection commits in between (the
background sync while the editor autosaves) must wait its turn, not fail."""

from __future__ import annotations

import threading

from sqlmodel import select

from consultdesk.storage.models import Setting
from consultdesk.storage.settings_repo import get_setting, put_setting


def test_a_read_then_write_session_is_not_broken_by_another_writer(workspace):
    db = workspace.db
    with db.session() as s:
        put_setting(s, "counter", "0")
    read_done = threading.Event()
    other_finished = threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        read_done.wait(5)
        try:
            with db.session() as s:  # waits for the first session's lock (busy_timeout)
                put_setting(s, "other", "written")
        except BaseException as e:  # reported below
            errors.append(e)
        other_finished.set()

    thread = threading.Thread(target=other_writer)
    thread.start()
    with db.session() as s:
        value = int(get_setting(s, "counter"))
        read_done.set()
        # The other writer is now trying to commit; give it every chance to get in first.
        other_finished.wait(0.3)
        put_setting(s, "counter", str(value + 1))
    thread.join(10)
    assert errors == []
    with db.session(read_only=True) as s:
        rows = {r.key: r.value for r in s.exec(select(Setting))}
    assert rows["counter"] == "1" and rows["other"] == "written"


def test_readers_do_not_wait_for_a_writer(workspace):
    db = workspace.db
    with db.session() as s:
        put_setting(s, "k", "before")
        with db.session(read_only=True) as reader:  # another connection, while s holds the lock
            assert get_setting(reader, "k") == ""  # sees the last committed state


def test_a_reading_connection_leaves_the_write_lock_free(workspace):
    # What the sync store counts and pages through it reads on these: a count of a big change
    # log at start-up, on a worker thread, held every save of the screens up until it was done.
    db = workspace.db
    with db.reading() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM change_log").one()[0] >= 0
        assert conn.in_transaction()  # its (deferred) transaction is still open here
        with db.session() as s:  # another connection writes meanwhile, at once
            put_setting(s, "during a read", "written")
    with db.session(read_only=True) as s:
        assert get_setting(s, "during a read") == "written"


def test_a_snapshot_being_read_page_by_page_does_not_hold_writers_up(workspace):
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services import residents
    from consultdesk.services.sync import _store

    for name in ("김하나", "이둘", "박셋"):
        residents.save_resident(workspace, ResidentDraft(name=name))
    pages = _store(workspace).snapshot_records(page=1)
    assert next(pages)  # the first page is read; its connection stays open for the next
    residents.save_resident(workspace, ResidentDraft(name="최넷"))  # a save meanwhile
    list(pages)  # the rest reads to the end
    assert [row.name for row in residents.search_residents(workspace, "최넷")[0]] == ["최넷"]
