"""The measures read the records once per request until the database changes: a recount with
nothing changed reuses them, and any committed write (or sync import) makes the next count
read again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from consultdesk.services import measures
from consultdesk.services.centres import save_centre
from consultdesk.services.measures import GroupBy, ReportRequest, compute_report
from consultdesk.services.workspace import Workspace
from tests.services.measures_team import _med, _resident, _session

REQUEST = ReportRequest(date(2026, 1, 1), date(2026, 6, 30), GroupBy.ALL, today=date(2026, 7, 1))


def test_a_recount_sees_every_committed_write(workspace: Workspace) -> None:
    centre = save_centre(workspace, "햇살복지관 (예시)", "서울 중구")
    rid = _resident(workspace, "김민수", centre, "male", "1940-03-02")
    _session(workspace, rid, date(2026, 2, 1), [_med("암로디핀")])
    assert compute_report(workspace, REQUEST).value("sessions") == 1
    assert compute_report(workspace, REQUEST).value("sessions") == 1

    _session(workspace, rid, date(2026, 3, 1), [_med("암로디핀"), _med("메트포르민")])
    report = compute_report(workspace, REQUEST)
    assert report.value("sessions") == 2
    assert report.value("meds_latest_median") == 2

    other = _resident(workspace, "이영희", centre, "female", "1945-05-05")
    _session(workspace, other, date(2026, 4, 1), [_med("와파린")])
    assert compute_report(workspace, REQUEST).value("residents_reached") == 2


def test_the_same_request_reuses_what_it_read(workspace: Workspace) -> None:
    first = measures._facts(workspace, REQUEST, False)
    assert measures._facts(workspace, REQUEST, False) is first
    assert measures._facts(workspace, REQUEST, True) is not first


def test_a_write_committed_while_the_facts_are_read_is_counted(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sessions are read on a second connection, in a thread, while the other tables are
    # read: a session saved in between is read again, with its medicines (problem counts,
    # decisions and sessions come from one moment).
    rid = _one_session(workspace)

    def a_save(reads: int) -> None:
        if reads == 1:  # a real save, committed after this connection read
            _session(workspace, rid, date(2026, 3, 1), [_med("암로디핀"), _med("메트포르민")])

    reads = _save_after_each_read(monkeypatch, a_save)
    report = compute_report(workspace, REQUEST)
    assert len(reads) == 2
    assert report.value("sessions") == 2
    assert report.value("meds_latest_median") == 2


def test_when_saves_keep_coming_the_facts_are_read_three_times_and_nothing_stale_is_kept(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A save lands after every read (a sync importing many bundles, say): the report gives up
    # after three reads with the latest one, and keeps none of them, so the next report reads
    # again and counts what was saved meanwhile.
    rid = _one_session(workspace)
    real = measures._read_sessions_text
    reads = _save_after_each_read(
        monkeypatch,
        lambda n: _session(workspace, rid, date(2026, 3, 1 + n), [_med("암로디핀")]),
    )
    report = compute_report(workspace, REQUEST)
    assert len(reads) == 3
    assert report.value("sessions") == 3  # as of the third read: two saves before it
    monkeypatch.setattr(measures, "_read_sessions_text", real)
    assert compute_report(workspace, REQUEST).value("sessions") == 4


def _one_session(workspace: Workspace) -> str:
    """A resident of a centre with one session; the resident's id."""
    centre = save_centre(workspace, "햇살복지관 (예시)", "서울 중구")
    rid = _resident(workspace, "김민수", centre, "male", "1940-03-02")
    _session(workspace, rid, date(2026, 2, 1), [_med("암로디핀")])
    return rid


def _save_after_each_read(
    monkeypatch: pytest.MonkeyPatch, save: Callable[[int], None]
) -> list[int]:
    """The real read of the sessions, then ``save(reads so far)``: a real save committed after
    that connection read. Returns the list the reads are counted in."""
    real = measures._read_sessions_text
    reads: list[int] = []

    def read_then_save(ws: Workspace, end: date, devices: bool) -> str:
        text = real(ws, end, devices)
        reads.append(len(reads))
        save(len(reads))
        return text

    monkeypatch.setattr(measures, "_read_sessions_text", read_then_save)
    return reads


def test_the_sessions_read_as_one_json_text_are_the_rows_read_one_by_one(
    workspace: Workspace,
) -> None:
    # The measures read the sessions as one JSON text SQLite builds (measures_repo
    # sessions_until_text); every value must come back as the row read gives it: Hangul,
    # quotes and line breaks in the answers' and observations' JSON, counts, days, devices.
    from consultdesk.domain.consultation import ObservedRisk, Place
    from consultdesk.storage import measures_repo

    centre = save_centre(workspace, "햇살복지관 (예시)", "서울 중구")
    rid = _resident(workspace, "김민수", centre, "male", "1940-03-02")
    _session(workspace, rid, date(2026, 2, 1), [_med("암로디핀")])
    _session(
        workspace,
        rid,
        date(2026, 3, 1),
        [_med("암로디핀"), _med("메트포르민")],
        place=Place.PHONE,
        screening={"housing_stability": "worried"},
        observed=(ObservedRisk('냉장고가 "비어" 있음\n난방 없음', "high"),),
    )
    _session(workspace, rid, date(2026, 4, 1), [], finish=False)  # a draft: not listed
    with workspace.db.session(read_only=True) as s:
        for devices in (False, True):
            rows = measures_repo.sessions_until(s, date(2026, 12, 31), devices)
            text = measures_repo.sessions_until_text(s, date(2026, 12, 31), devices)
            assert len(rows) == 2
            assert measures_repo.sessions_from_text(text) == rows
    assert any("비어" in row.observed and row.place == "phone" for row in rows)
    assert all(row.device == workspace.device for row in rows)
