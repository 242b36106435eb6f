"""Demo referrals and flag decisions, so the referrals list, the 성과 지표 screen and
the bench are not empty: referrals in every state, made from the sessions whose screening or
observations raised a social risk, for residents who agreed to sharing with the centre.

- about 1 in 10 stays a draft; the rest are sent a few days after the session;
- a referral sent in the last two weeks is mostly still waiting; an older one was mostly
  answered (linked, in progress or could not link), and some are overdue (no reply);
- answered ones are mostly closed after a while: resolved when linked, else not resolved.
The social flags of those sessions get decisions: confirmed when referred, and now and then
dismissed (with a reason) otherwise. Deterministic from the seed. The candidates come from the
sessions the demo has just made (demo/fill.py), so nothing is read back from the database; the
words are resources/demo/referrals.json.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from consultdesk.demo import data
from consultdesk.domain.ids import new_id
from consultdesk.domain.referral import reference_code
from consultdesk.domain.screening import ScreeningAnswerError, ScreeningForm, social_flags


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finished session with screening answers or observations, of a resident who agreed to
    sharing with the centre: what a referral can be made from."""

    session_id: str
    resident_id: str
    day: date
    screening: str  # JSON as stored
    observed: str  # JSON as stored


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


def make_referrals(
    form: ScreeningForm,
    today: date,
    candidates: list[Candidate],
    seed: int = 14,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Referrals and flag decisions from the candidates, in order of visit date."""
    rng = random.Random(seed)
    words = data.referrals()
    referrals: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    referred: set[str] = set()
    for c in sorted(candidates, key=lambda c: (c.day, c.session_id)):
        session_id, resident_id, day = c.session_id, c.resident_id, c.day
        flags, services = _flags(form, c.screening, c.observed)
        if not services:
            continue
        refer = resident_id not in referred and rng.random() < 0.6
        for flag in flags:
            if refer:
                status, reason = "confirmed", ""
            elif rng.random() < 0.3:
                status, reason = "dismissed", rng.choice(words["dismissed"])
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
    return referrals, decisions


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
        "opinion": rng.choice(data.referrals()["opinion"]),
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
            reply_reason=(
                rng.choice(data.referrals()["could_not_link"]) if status == "could_not_link" else ""
            ),
            reply_actions=data.referrals()["reply_actions"] if status != "could_not_link" else "",
        )
        if (today - acknowledged).days >= 7 and rng.random() < 0.7:
            closed = min(today, acknowledged + timedelta(days=rng.randint(3, 30)))
            resolved = status == "linked" and rng.random() < 0.85
            row.update(
                state="closed",
                closed_on=closed,
                outcome="resolved" if resolved else "not_resolved",
                outcome_reason="" if resolved else rng.choice(data.referrals()["not_resolved"]),
            )
    return row
