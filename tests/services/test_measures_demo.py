"""The demo database has referrals in every state and flag decisions, so the 성과 지표 screen
and the bench are not empty (issue 14)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from consultdesk.demo import fill_demo
from consultdesk.services import measures
from consultdesk.services.measures import GroupBy, ReportRequest
from consultdesk.services.workspace import Workspace


def test_demo_referrals_in_every_state(workspace: Workspace) -> None:
    fill_demo(workspace, residents=150, sessions=None)
    with workspace.db.session(read_only=True) as s:
        states = dict(s.execute(text("SELECT state, count(*) FROM referral GROUP BY state")).all())
        outcomes = {
            r[0] for r in s.execute(text("SELECT outcome FROM referral WHERE state = 'closed'"))
        }
        replies = {
            r[0]
            for r in s.execute(text("SELECT reply_status FROM referral WHERE reply_status <> ''"))
        }
        decisions = dict(
            s.execute(text("SELECT status, count(*) FROM flag_decision GROUP BY status")).all()
        )
        without_consent = s.execute(
            text(
                "SELECT count(*) FROM referral WHERE resident_id NOT IN (SELECT resident_id "
                "FROM consent WHERE kind = 'share_welfare' AND granted = 1)"
            )
        ).one()[0]
    assert set(states) == {"draft", "sent", "acknowledged", "closed"}, states
    assert outcomes == {"resolved", "not_resolved"}
    assert replies == {"linked", "in_progress", "could_not_link"}
    assert set(decisions) == {"confirmed", "dismissed"}
    assert without_consent == 0
    today = date.today()
    report = measures.compute_report(
        workspace, ReportRequest(today - timedelta(days=365), today, GroupBy.ALL)
    )
    for indicator in (
        "referrals_sent",
        "referrals_acknowledged",
        "referrals_closed",
        "services_linked",
        "flags_decided",
        "social_risk_residents",
        "drp_found",
        "disposed",
    ):
        assert (report.value(indicator) or 0) > 0, indicator
