"""A small hand-made team for the shared-measures tests: 3 pharmacists (this laptop and two
others, written with their own device ids the way sync writes a teammate's records), 2 welfare
centres, 6 residents, and the edge cases issue 14 names: a withdrawn consent, an amended session,
a deleted resident, a reopened referral, a draft session and a draft referral.

Everything is recorded through the services a screen calls. The expected numbers in the tests
are counted by hand from the story below, not by the code under test.

Period of the tests: 2026-01-01 .. 2026-06-30, "today" 2026-07-15.

R1 (centre 1, woman, born 1950 → 75-84)
    2026-01-10 by A at home: 6 regular medicines + 1 as-needed only; one with leftovers;
        problem: adherence / advice / no outcome
    2026-03-05 by B at the pharmacy: 4 regular taken, 1 disposed (expired), 1 stopped;
        problem: storage / advice / outcome written
    a draft referral (never sent)
R2 (centre 1, man, no birth date)
    2026-02-02 by A at home: 11 regular medicines; screening "worried" about housing; an
        observation (high); problem: interaction / contact prescriber / outcome written;
        a medication flag confirmed and the housing flag dismissed; then amended and finalised
        again (still one session)
R3 (centre 2, woman, born 1960 → 65-74)
    2025-11-20 by C at home: 2 regular medicines (before the period: R3 is returning)
    2026-04-10 by C at the welfare centre: 5 regular medicines
    referral by C: sent 04-11, reply 04-20 linked (housing_support), closed 05-01 resolved
R4 (centre 2, man, born 1936 → 85+)
    2026-01-20 by B at home: 1 regular medicine
    2026-02-01 a draft session (does not count)
    referral by B: sent 05-01, no reply (overdue on 06-30)
    referral by B: sent 02-01, reply 02-05 could not link, closed 02-10 not resolved, then
        reopened (acknowledged again): acknowledged in the period, not closed
R5 (centre 1): 2026-03-01 by A, then the health-information consent withdrawn on 03-15:
    left out of everything
R6 (centre 2): 2026-04-01 by A, a referral sent 04-02, then the resident deleted: left out
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from consultdesk.domain.consultation import (
    Action,
    Intervention,
    MedicationRow,
    ObservedRisk,
    Place,
    ProblemCategory,
    ProblemRow,
)
from consultdesk.domain.ids import new_id
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations, flags, referrals
from consultdesk.services.centres import save_centre
from consultdesk.services.consent import withdraw_consent
from consultdesk.services.residents import delete_resident, save_resident
from consultdesk.services.workspace import Workspace
from consultdesk.storage.models import Referral
from tests.consent_helpers import consent_to_health_info, consent_to_share

START = date(2026, 1, 1)
END = date(2026, 6, 30)
TODAY = date(2026, 7, 15)
DEVICE_B = "0190b000-0000-7000-8000-00000000000b"
DEVICE_C = "0190c000-0000-7000-8000-00000000000c"


@dataclass
class Team:
    device_a: str
    centre_1: str = ""
    centre_2: str = ""
    residents: dict[str, str] = field(default_factory=dict)  # "R1" -> id
    sessions: dict[str, str] = field(default_factory=dict)
    referrals: dict[str, str] = field(default_factory=dict)


@contextmanager
def as_device(ws: Workspace, device: str | None) -> Iterator[None]:
    """Records written inside carry another laptop's device id, as sync writes them."""
    if device is None:
        yield
        return
    kept = ws.writer.device
    ws.writer.device = device
    try:
        yield
    finally:
        ws.writer.device = kept


def _med(name: str, *, regular: bool = True, **values: object) -> MedicationRow:
    timing = {"morning": "1"} if regular else {"as_needed": "1"}
    return MedicationRow(id=new_id(), name_as_found=name, **timing, **values)  # type: ignore[arg-type]


def _session(
    ws: Workspace,
    resident_id: str,
    on: date,
    meds: list[MedicationRow],
    *,
    device: str | None = None,
    place: Place = Place.HOME,
    problems: tuple[ProblemRow, ...] = (),
    screening: dict[str, str | list[str]] | None = None,
    observed: tuple[ObservedRisk, ...] = (),
    finish: bool = True,
) -> str:
    with as_device(ws, device):
        cid = consultations.start_consultation(ws, resident_id, today=on)
        data = consultations.open_consultation(ws, cid)
        data = replace(
            data,
            visit=replace(data.visit, place=place),
            medications=tuple(meds),
            problems=problems,
            screening=screening or {},
            observed=observed,
            advice="복약 안내",
        )
        consultations.save_consultation(ws, data)
        if finish:
            consultations.finalise_consultation(ws, data, today=on)
    return cid


def _resident(ws: Workspace, name: str, centre: str, sex: str, birth: str) -> str:
    rid = save_resident(
        ws, ResidentDraft(name, birth_date=birth, sex=sex, centre_id=centre), today=TODAY
    )
    consent_to_health_info(ws, rid, on=date(2025, 11, 1))
    consent_to_share(ws, rid, on=date(2025, 11, 1))
    return rid


def _referral(
    ws: Workspace, resident_id: str, device: str | None, services: tuple[str, ...] = ()
) -> str:
    with as_device(ws, device):
        rid = new_id()
        referrals.draft_referral(
            ws,
            rid,
            resident_id,
            None,
            referrals.ReferralOptions(services=services),
            today=date(2026, 1, 2),
        )
    return rid


def build_team(ws: Workspace) -> Team:
    team = Team(ws.device)
    team.centre_1 = save_centre(ws, "행복복지관")
    team.centre_2 = save_centre(ws, "희망복지관")
    c1, c2 = team.centre_1, team.centre_2
    r = team.residents
    r["R1"] = _resident(ws, "김하나", c1, "female", "1950-05-01")
    r["R2"] = _resident(ws, "이두리", c1, "male", "")
    r["R3"] = _resident(ws, "박세나", c2, "female", "1960-08-08")
    r["R4"] = _resident(ws, "최네오", c2, "male", "1936-02-02")
    r["R5"] = _resident(ws, "정다섯", c1, "female", "1945-01-01")
    r["R6"] = _resident(ws, "한여섯", c2, "male", "1944-01-01")
    s = team.sessions

    # R1: 6 regular + 1 as-needed only, one with leftovers; then 4 taken, 1 disposed, 1 stopped.
    meds = [_med(f"약{n}") for n in range(5)] + [_med("약5", leftover="10일분 남음")]
    meds.append(_med("진통제", regular=False))
    s["R1a"] = _session(
        ws,
        r["R1"],
        date(2026, 1, 10),
        meds,
        problems=(ProblemRow(new_id(), ProblemCategory.ADHERENCE, "자주 잊으심"),),
    )
    meds = [_med(f"약{n}") for n in range(4)]
    meds.append(_med("오래된 약", storage_problem="유효기간 지남", action=Action.DISPOSE))
    meds.append(_med("영양제", action=Action.STOP))
    s["R1b"] = _session(
        ws,
        r["R1"],
        date(2026, 3, 5),
        meds,
        device=DEVICE_B,
        place=Place.PHARMACY,
        problems=(
            ProblemRow(new_id(), ProblemCategory.STORAGE, "유효기간 지난 약", outcome="폐기함"),
        ),
    )
    r1_draft = _referral(ws, r["R1"], None)
    team.referrals["R1 draft"] = r1_draft

    # R2: 11 regular medicines, housing worry, an observation; decisions; amended.
    s["R2"] = _session(
        ws,
        r["R2"],
        date(2026, 2, 2),
        [_med(f"약{n}") for n in range(11)],
        problems=(
            ProblemRow(
                new_id(),
                ProblemCategory.INTERACTION,
                "병용 주의",
                Intervention.CONTACT_PRESCRIBER,
                outcome="처방 변경",
            ),
        ),
        screening={"housing_stability": "worried"},
        observed=(ObservedRisk("냉장고가 비어 있음", "high"),),
        finish=False,
    )
    views = flags.flags_for_consultation(ws, s["R2"])
    medication = next(v for v in views if v.flag.kind == "medication")
    housing = next(v for v in views if v.flag.rule_id.endswith("housing_stability"))
    team.decided = (medication.flag, housing.flag)  # type: ignore[attr-defined]
    flags.decide_flag(ws, s["R2"], medication.key, "confirmed", "")
    flags.decide_flag(ws, s["R2"], housing.key, "dismissed", "이미 지원 받는 중")
    data = consultations.open_consultation(ws, s["R2"])
    consultations.finalise_consultation(ws, data, today=date(2026, 2, 2))
    data = consultations.amend_consultation(ws, s["R2"], "복용량 고침")
    consultations.finalise_consultation(ws, data, today=date(2026, 2, 3))

    # R3: a session before the period, one in it; a referral linked and closed resolved.
    s["R3a"] = _session(
        ws, r["R3"], date(2025, 11, 20), [_med("약A"), _med("약B")], device=DEVICE_C
    )
    s["R3b"] = _session(
        ws,
        r["R3"],
        date(2026, 4, 10),
        [_med(f"약{n}") for n in range(5)],
        device=DEVICE_C,
        place=Place.WELFARE_CENTRE,
    )
    ref = _referral(ws, r["R3"], DEVICE_C, ("housing_support",))
    with as_device(ws, DEVICE_C):
        referrals.mark_sent(ws, ref, date(2026, 4, 11), today=TODAY)
        referrals.record_reply(ws, ref, date(2026, 4, 20), status="linked", today=TODAY)
        referrals.close_referral(ws, ref, date(2026, 5, 1), "resolved", today=TODAY)
    team.referrals["R3"] = ref

    # R4: one session, one draft; an overdue referral; a referral closed and reopened.
    s["R4"] = _session(ws, r["R4"], date(2026, 1, 20), [_med("약X")], device=DEVICE_B)
    s["R4 draft"] = _session(
        ws, r["R4"], date(2026, 2, 1), [_med("약Y")], device=DEVICE_B, finish=False
    )
    overdue = _referral(ws, r["R4"], DEVICE_B, ("emergency_welfare",))
    reopened = _referral(ws, r["R4"], DEVICE_B, ("housing_support",))
    with as_device(ws, DEVICE_B):
        referrals.mark_sent(ws, overdue, date(2026, 5, 1), today=TODAY)
        referrals.mark_sent(ws, reopened, date(2026, 2, 1), today=TODAY)
        referrals.record_reply(
            ws,
            reopened,
            date(2026, 2, 5),
            status="could_not_link",
            reason="연락 안 됨",
            today=TODAY,
        )
        referrals.close_referral(
            ws, reopened, date(2026, 2, 10), "not_resolved", reason="연락 안 됨", today=TODAY
        )
        # Reopened: the state goes back to acknowledged (a teammate's correction, as it syncs).
        with ws.db.session() as db:
            record = db.get(Referral, reopened)
            assert record is not None
            ws.writer.save(db, record, {"state": "acknowledged"})
    team.referrals["R4 overdue"] = overdue
    team.referrals["R4 reopened"] = reopened

    # R5: consent withdrawn after a session.
    s["R5"] = _session(ws, r["R5"], date(2026, 3, 1), [_med(f"약{n}") for n in range(7)])
    consent_id = next(
        c.id for c in consent_records_of(ws, r["R5"]) if c.kind.value == "health_info"
    )
    withdraw_consent(ws, consent_id, date(2026, 3, 15), today=TODAY)

    # R6: deleted after a session and a sent referral.
    s["R6"] = _session(ws, r["R6"], date(2026, 4, 1), [_med(f"약{n}") for n in range(12)])
    ref6 = _referral(ws, r["R6"], None)
    referrals.mark_sent(ws, ref6, date(2026, 4, 2), today=TODAY)
    delete_resident(ws, r["R6"])
    return team


def consent_records_of(ws: Workspace, resident_id: str):  # type: ignore[no-untyped-def]
    from consultdesk.services.consent import consents_for

    return consents_for(ws, resident_id)
