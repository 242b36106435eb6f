"""Every indicator of resources/measures/ against a count made by hand on a small team
(tests/services/measures_team.py tells its story; the numbers here are read off it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from consultdesk.services import measures
from consultdesk.services.measures import GroupBy, ReportRequest, compute_report, deidentify
from consultdesk.services.workspace import Profile, Workspace
from tests.conftest import PASSPHRASE
from tests.services.measures_team import DEVICE_B, DEVICE_C, END, START, TODAY, Team, build_team


@pytest.fixture(scope="module")
def team_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Team]]:
    ws = Workspace.create(
        tmp_path_factory.mktemp("team") / "data",
        PASSPHRASE,
        PASSPHRASE,
        Profile("박약사", "우리약국", "010-0000-1111"),
    )
    try:
        yield ws, build_team(ws)
    finally:
        ws.close()


@pytest.fixture
def workspace(team_ws: tuple[Workspace, Team]) -> Workspace:
    return team_ws[0]


@pytest.fixture
def team(team_ws: tuple[Workspace, Team]) -> Team:
    return team_ws[1]


def _report(ws: Workspace, by: GroupBy = GroupBy.ALL, **kw: object) -> measures.MeasuresReport:
    return compute_report(ws, ReportRequest(START, END, by, today=TODAY, **kw))  # type: ignore[arg-type]


def test_every_indicator_has_a_number(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    for indicator in measures.bundled_measures().indicators:
        assert report.cell(indicator.id) is not None, indicator.id


def test_people_and_visits(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    r = team.residents
    # R5 (consent withdrawn) and R6 (deleted) are out; R2's amendment is one session; R4's
    # draft is none; R3's session of 2025 makes R3 returning.
    assert report.value("residents_reached") == 4
    reached = report.cell("residents_reached")
    assert reached is not None and set(reached.subjects) == {r["R1"], r["R2"], r["R3"], r["R4"]}
    assert report.value("residents_new") == 3
    returning = report.cell("residents_returning")
    assert returning is not None and returning.value == 1 and returning.subjects == (r["R3"],)
    assert report.value("sessions") == 5
    assert report.value("sessions_per_resident") == pytest.approx(1.25)
    assert report.value("visits_by_place") == 5
    assert report.value("visits_by_place", category="home") == 3
    assert report.value("visits_by_place", category="pharmacy") == 1
    assert report.value("visits_by_place", category="welfare_centre") == 1
    assert report.value("visits_by_place", category="phone") == 0


def test_medicines_first_and_latest(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    # first: R1 6, R2 11, R3 2 (2025), R4 1; latest: R1 4, R2 11, R3 5, R4 1
    assert report.value("meds_first_median") == 4.0
    assert report.value("meds_latest_median") == 4.5
    down = report.cell("meds_went_down")
    assert down is not None
    assert (down.numerator, down.denominator, down.value) == (1, 2, 0.5)
    assert down.subjects == (team.residents["R1"],)
    assert report.value("poly5_first") == 2  # R1, R2
    assert report.value("poly5_latest") == 2  # R2, R3
    assert report.value("poly10_first") == 1
    assert report.value("poly10_latest") == 1
    assert report.value("leftover_found") == 2  # R1: leftovers in January, expired in March
    assert report.value("disposed") == 1


def test_problems_interventions_and_flags(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    assert report.value("drp_found") == 3
    assert report.value("drp_found", category="adherence") == 1
    assert report.value("drp_found", category="interaction") == 1
    assert report.value("drp_found", category="storage") == 1
    assert report.value("drp_found", category="cost") is None  # never seen, not listed
    assert report.value("drp_found", category="effectiveness") == 0
    assert report.value("drp_resolved") == 2
    assert report.value("advice_given") == 2
    assert report.value("prescriber_contacted") == 1
    medication, housing = team.decided  # type: ignore[attr-defined]
    assert report.value("flags_decided") == 2
    assert report.value("flags_decided", category=f"medication.{medication.severity}") == 1
    assert report.value("flags_decided", category=f"social.{housing.severity}") == 1
    assert report.value("flags_dismissed_share") == 0.5
    assert report.value("flags_dismissed_share", category="social") == 1.0
    family = medication.rule_id.split(".")[0]
    assert report.value("flags_dismissed_share", category=family) == 0.0


def test_social_risks(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    assert report.value("social_risk_residents") == 1
    assert report.value("social_risk_residents", category="housing") == 1
    assert report.value("observations") == 1
    assert report.value("observations", category="high") == 1
    assert report.value("observations", category="low") == 0


def test_referrals(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    ref = team.referrals
    # R6's referral is gone with R6; R1's draft was never sent.
    sent = report.cell("referrals_sent")
    assert sent is not None and sent.value == 3
    assert set(sent.subjects) == {ref["R3"], ref["R4 overdue"], ref["R4 reopened"]}
    assert report.value("referrals_acknowledged") == 2  # R3 and the reopened one
    assert report.value("referrals_closed") == 1  # the reopened one is not closed any more
    assert report.value("referrals_closed", category="resolved") == 1
    assert report.value("referrals_closed", category="not_resolved") is None
    assert report.value("referral_reply_status", category="linked") == 1
    assert report.value("referral_reply_status", category="could_not_link") == 1
    assert report.value("days_to_acknowledge") == 6.5  # 9 and 4 days
    assert report.value("days_to_close") == 20.0
    overdue = report.cell("referrals_overdue")
    assert overdue is not None and overdue.subjects == (ref["R4 overdue"],)
    assert report.value("services_linked") == 1
    assert report.value("services_linked", category="housing_support") == 1


def test_grouped_by_month(workspace: Workspace, team: Team) -> None:
    report = _report(workspace, GroupBy.MONTH)
    assert [g.key for g in report.groups] == [f"2026-0{m}" for m in range(1, 7)]
    sessions = [report.value("sessions", g.key) for g in report.groups]
    assert sessions == [2, 1, 1, 1, 0, 0]
    assert [report.value("residents_new", g.key) for g in report.groups] == [2, 1, 0, 0, 0, 0]
    assert [report.value("referrals_sent", g.key) for g in report.groups] == [0, 1, 0, 1, 1, 0]
    # Overdue at each month's end: the May referral is overdue from 16 May, so June only.
    assert [report.value("referrals_overdue", g.key) for g in report.groups] == [0, 0, 0, 0, 1, 1]


def test_grouped_by_quarter(workspace: Workspace, team: Team) -> None:
    report = _report(workspace, GroupBy.QUARTER)
    assert [g.key for g in report.groups] == ["2026-Q1", "2026-Q2"]
    assert report.value("sessions", "2026-Q1") == 4
    assert report.value("sessions", "2026-Q2") == 1
    assert report.value("residents_reached", "2026-Q1") == 3


def test_grouped_by_centre_and_pharmacist(workspace: Workspace, team: Team) -> None:
    by_centre = _report(workspace, GroupBy.CENTRE)
    assert by_centre.value("sessions", team.centre_1) == 3
    assert by_centre.value("residents_reached", team.centre_2) == 2
    assert by_centre.value("referrals_sent", team.centre_2) == 3
    labels = {g.key: g.label_ko for g in by_centre.groups}
    assert labels[team.centre_1] == "행복복지관"
    by_pharmacist = _report(workspace, GroupBy.PHARMACIST)
    assert by_pharmacist.value("sessions", team.device_a) == 2
    assert by_pharmacist.value("sessions", DEVICE_B) == 2
    assert by_pharmacist.value("sessions", DEVICE_C) == 1
    assert by_pharmacist.value("referrals_sent", DEVICE_B) == 2
    assert by_pharmacist.value("referrals_sent", DEVICE_C) == 1
    names = {g.key: g.label_ko for g in by_pharmacist.groups}
    assert names[team.device_a] == "박약사"  # this laptop's profile name
    # R1 was seen by A and by B: reached by each, counted once in the total.
    assert by_pharmacist.value("residents_reached", team.device_a) == 2
    assert by_pharmacist.value("residents_reached", DEVICE_B) == 2


def test_grouped_by_age_band_and_sex(workspace: Workspace, team: Team) -> None:
    by_age = _report(workspace, GroupBy.AGE_BAND)
    assert by_age.value("residents_reached", "75-84") == 1
    assert by_age.value("residents_reached", "85+") == 1  # R4
    assert by_age.value("residents_reached", "65-74") == 1
    assert by_age.value("residents_reached", "unknown") == 1  # R2, no birth date
    by_sex = _report(workspace, GroupBy.SEX)
    assert by_sex.value("residents_reached", "female") == 2
    assert by_sex.value("sessions", "female") == 3
    assert by_sex.value("sessions", "male") == 2


def test_filters(workspace: Workspace, team: Team) -> None:
    centre = _report(workspace, centre_id=team.centre_2)
    assert centre.value("residents_reached") == 2
    assert centre.value("referrals_sent") == 3
    mine = _report(workspace, pharmacist=DEVICE_B)
    assert mine.value("sessions") == 2
    assert mine.value("referrals_sent") == 2
    # R1's first session (by A) still is R1's first: B's March session is not "new".
    assert mine.value("residents_new") == 1


def test_deidentified_drops_ids_and_suppresses_small_cells(
    workspace: Workspace, team: Team
) -> None:
    report = _report(workspace, GroupBy.PHARMACIST)
    plain = deidentify(report, threshold=2)
    assert all(not c.subjects for c in plain.cells)
    assert [g.label_en for g in plain.groups] == ["Pharmacist A", "Pharmacist B", "Pharmacist C"]
    assert all(team.device_a not in g.key for g in plain.groups)
    reached = {g.key: plain.cell("residents_reached", g.key) for g in plain.groups}
    assert sorted((c.suppressed, c.value) for c in reached.values() if c) == [
        (False, 2.0),
        (False, 2.0),
        (True, None),
    ]
    # The default threshold, 5, suppresses every cell of this small team that counts anyone.
    default = deidentify(_report(workspace))
    assert default.suppress_below == 5
    for c in default.cells:
        assert c.suppressed == (c.people > 0), c
    assert default.cell("visits_by_place", category="phone").value == 0  # type: ignore[union-attr]


def test_suppression_threshold_is_a_setting(empty_ws: Workspace) -> None:
    from consultdesk.domain.problems import ValidationFailed

    assert _report(empty_ws).suppress_below == 5
    measures.set_suppress_below(empty_ws, 3)
    assert _report(empty_ws).suppress_below == 3
    with pytest.raises(ValidationFailed):
        measures.set_suppress_below(empty_ws, 0)


def test_drill_down_lists_names_and_logs(workspace: Workspace, team: Team) -> None:
    report = _report(workspace)
    cell = report.cell("residents_returning")
    assert cell is not None
    lines = measures.subjects_of(workspace, report, cell)
    assert [line.name for line in lines] == ["박세나"]
    overdue = report.cell("referrals_overdue")
    assert overdue is not None
    lines = measures.subjects_of(workspace, report, overdue)
    assert [line.name for line in lines] == ["최네오"] and lines[0].reference.startswith("CD-")
    assert measures.subjects_of(workspace, deidentify(report), cell) == []


def test_period_checks(empty_ws: Workspace) -> None:
    from consultdesk.domain.problems import ValidationFailed

    with pytest.raises(ValidationFailed):
        compute_report(empty_ws, ReportRequest(END, START))


def test_empty_database_gives_zeros(empty_ws: Workspace) -> None:
    report = _report(empty_ws, GroupBy.MONTH)
    assert [report.value("sessions", g.key) for g in report.groups] == [0] * 6
    assert report.value("meds_first_median", "2026-01") is None


@pytest.fixture
def empty_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "data", PASSPHRASE, PASSPHRASE, Profile("박약사", "", ""))
    try:
        yield ws
    finally:
        ws.close()


def test_social_risks_are_the_flags_of_the_screening(empty_ws: Workspace) -> None:
    """The fast path of the counts gives the same flags as domain.screening.social_flags on
    every demo session's answers (keys, domains and severities)."""
    import json

    from sqlalchemy import text

    from consultdesk.demo import fill_demo
    from consultdesk.domain.screening import social_flags

    fill_demo(empty_ws, residents=120, sessions=None)
    form = measures._screening_form()
    assert form is not None
    with empty_ws.db.session(read_only=True) as s:
        answers = [r[0] for r in s.execute(text("SELECT DISTINCT screening FROM consultation"))]
    compared = 0
    for screening in answers:
        slow = social_flags(form, json.loads(screening))
        expected = sorted((f.key, str(f.params["domain"]), f.severity.value) for f in slow)
        assert sorted(measures.social_risks(form, screening)) == expected, screening
        compared += bool(slow)
    assert compared > 20


def test_a_problem_category_this_release_does_not_know_is_counted(empty_ws: Workspace) -> None:
    """A newer release (or another laptop) may write a category this one has no name for: it
    still counts, in the total and as a row of its own, and its problems' outcomes and
    interventions count with the others'."""
    from sqlalchemy import text

    from consultdesk.domain.consultation import Intervention, ProblemCategory, ProblemRow
    from consultdesk.domain.ids import new_id
    from consultdesk.domain.resident import ResidentDraft
    from consultdesk.services.residents import save_resident
    from tests.consent_helpers import consent_to_health_info
    from tests.services.measures_team import _session

    rid = save_resident(empty_ws, ResidentDraft("김민수", birth_date="1940-03-02"))
    consent_to_health_info(empty_ws, rid, on=START)
    known = ProblemRow(
        id=new_id(),
        category=ProblemCategory.ADHERENCE,
        description="설명",
        intervention=Intervention.ADVICE,
    )
    cid = _session(empty_ws, rid, date(2026, 2, 3), [], problems=(known,))
    with empty_ws.db.session() as s:
        for position, (category, outcome, intervention) in enumerate(
            (
                ("polypharmacy", "처방 정리됨", "contact_prescriber"),
                ("polypharmacy", "", "advice"),
                ("새 분류", "", ""),
            ),
            start=5,
        ):
            s.execute(
                text(
                    "INSERT INTO drug_problem (id, consultation_id, position, category, "
                    "description, intervention, outcome, deleted) "
                    "VALUES (:id, :c, :p, :cat, '', :i, :o, 0)"
                ),
                {
                    "id": new_id(),
                    "c": cid,
                    "p": position,
                    "cat": category,
                    "i": intervention,
                    "o": outcome,
                },
            )
    report = _report(empty_ws)
    assert report.value("drp_found") == 4
    assert report.value("drp_found", category="adherence") == 1
    assert report.value("drp_found", category="polypharmacy") == 2
    assert report.value("drp_found", category="새 분류") == 1
    assert report.value("drp_found", category="effectiveness") == 0  # always shown
    assert report.value("drp_found", category="cost") is None  # known, never found: not listed
    assert report.value("drp_resolved") == 1
    assert report.value("advice_given") == 2
    assert report.value("prescriber_contacted") == 1
    polypharmacy = report.cell("drp_found", category="polypharmacy")
    assert polypharmacy is not None and polypharmacy.subjects == (rid,)
    categories = [c.category for c in report.cells if c.indicator == "drp_found"]
    assert categories.index("polypharmacy") > categories.index("adherence")
