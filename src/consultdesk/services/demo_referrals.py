"""Demo referrals and flag decisions, so the referrals list, the 성과 지표 screen and
the bench are not empty: referrals in every state, made from the sessions whose screening or
observations raised a social risk, for residents who agreed to sharing with the centre.

- about 1 in 10 stays a draft; the rest are sent a few days after the session;
- a referral sent in the last two weeks is mostly still waiting; an older one was mostly
  answered (linked, in progress or could not link), and some are overdue (no reply);
- answered ones are mostly closed after a while: resolved when linked, else not resolved.
The social flags of those sessions get decisions: confirmed when referred, and now and then
dismissed (with a reason) otherwise. Deterministic from the seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from consultdesk.domain.ids import new_id
from consultdesk.domain.referral import reference_code
from consultdesk.domain.screening import ScreeningAnswerError, ScreeningForm, social_flags
from consultdesk.services.workspace import Workspace

_NOT_RESOLVED = ("연락이 닿지 않음", "본인이 서비스를 원하지 않음", "대상 기준에 맞지 않음")
_COULD_NOT_LINK = ("연락처 변경으로 연락 안 됨", "대기자가 많아 연계 보류")
_DISMISSED = ("이미 지원을 받고 있음", "일시적인 상황", "가족이 돕고 있음")
_OPINION = (
    "복약 상담 중 확인된 생활의 어려움으로 복지관 상담을 요청드립니다.",
    "혼자 지내시며 끼니와 난방이 걱정됩니다. 방문 상담을 부탁드립니다.",
)


@dataclass(frozen=True, slots=True)
class DemoReferrals:
    referrals: int
    decisions: int


def _candidates(ws: Workspace) -> list[tuple[str, str, date, str, str]]:
    """(session id, resident id, visit date, screening, observed) of finished sessions with
    answers or observations, for residents who consented to sharing."""
    with ws.db.session(read_only=True) as s:
        rows = s.execute(
            text(
                "SELECT c.id, c.resident_id, c.visit_date, c.screening, c.observed "
                "FROM consultation c WHERE c.deleted = 0 AND c.status = 'final' "
                "AND (c.screening <> '{}' OR c.observed <> '[]') AND c.resident_id IN "
                "(SELECT resident_id FROM consent WHERE kind = 'share_welfare' "
                "AND granted = 1 AND deleted = 0) ORDER BY c.visit_date, c.id"
            )
        )
        return [(r[0], r[1], date.fromisoformat(str(r[2])[:10]), r[3], r[4]) for r in rows]


def _flags(form: ScreeningForm, screening: str, observed: str) -> tuple[list[Any], list[str]]:
    try:
        answers = json.loads(screening or "{}")
        flags = social_flags(form, {k: v for k, v in answers.items() if form.question(k)})
    except (ValueError, ScreeningAnswerError):
        flags = []
    services = sorted({s for f in flags for s in f.services})
    try:
        for risk in json.loads(observed or "[]"):
            services += [s for s in risk.get("services", []) if s not in services]
    except (ValueError, AttributeError):
        pass
    return flags, services


def fill_referrals(
    ws: Workspace, form: ScreeningForm, today: date, seed: int = 14
) -> DemoReferrals:
    from consultdesk.services.demo import _bulk
    from consultdesk.storage.models import FlagDecision, Referral

    rng = random.Random(seed)
    referrals: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    referred: set[str] = set()
    for session_id, resident_id, day, screening, observed in _candidates(ws):
        flags, services = _flags(form, screening, observed)
        if not services:
            continue
        refer = resident_id not in referred and rng.random() < 0.6
        for flag in flags:
            if refer:
                status, reason = "confirmed", ""
            elif rng.random() < 0.3:
                status, reason = "dismissed", rng.choice(_DISMISSED)
            else:
                continue
            decisions.append(
                {
                    "id": new_id(),
                    "consultation_id": session_id,
                    "flag_key": flag.key,
                    "status": status,
                    "reason": reason,
                    "decided_at": f"{day.isoformat()}T12:00:00+00:00",
                    "deleted": False,
                }
            )
        if not refer:
            continue
        referred.add(resident_id)
        referrals.append(_referral(rng, today, session_id, resident_id, day, services[:3]))
    with ws.db.session() as s:
        _bulk(ws, s, Referral, referrals)
        _bulk(ws, s, FlagDecision, decisions)
    return DemoReferrals(len(referrals), len(decisions))


def _referral(
    rng: random.Random,
    today: date,
    session_id: str,
    resident_id: str,
    day: date,
    services: list[str],
) -> dict[str, Any]:
    rid = new_id()
    row: dict[str, Any] = {
        "id": rid,
        "resident_id": resident_id,
        "consultation_id": session_id,
        "reference": reference_code(rid, day.year),
        "state": "draft",
        "created_on": day,
        "services": json.dumps(services),
        "opinion": rng.choice(_OPINION),
        "deleted": False,
    }
    if rng.random() < 0.1:
        return row
    sent = min(today, day + timedelta(days=rng.randint(0, 3)))
    row.update(state="sent", sent_on=sent)
    waited = (today - sent).days
    if rng.random() < (0.4 if waited <= 14 else 0.85):
        acknowledged = min(today, sent + timedelta(days=rng.randint(2, min(20, max(2, waited)))))
        status = rng.choices(("linked", "in_progress", "could_not_link"), (60, 25, 15))[0]
        row.update(
            state="acknowledged",
            acknowledged_on=acknowledged,
            reply_received_on=acknowledged,
            reply_status=status,
            reply_reason=rng.choice(_COULD_NOT_LINK) if status == "could_not_link" else "",
            reply_actions="초기 상담 진행" if status != "could_not_link" else "",
        )
        if (today - acknowledged).days >= 7 and rng.random() < 0.7:
            closed = min(today, acknowledged + timedelta(days=rng.randint(3, 30)))
            resolved = status == "linked" and rng.random() < 0.85
            row.update(
                state="closed",
                closed_on=closed,
                outcome="resolved" if resolved else "not_resolved",
                outcome_reason="" if resolved else rng.choice(_NOT_RESOLVED),
            )
    return row
