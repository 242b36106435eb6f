"""The showcase resident, written out by hand (resources/demo/showcase.json): ten medicines from
three clinics with a known interacting pair (warfarin with an NSAID) and social screening
answers, for screenshots and demonstrations. The orthopaedic clinic's NSAID, muscle relaxant
and stomach pill arrive in the third session, next to warfarin; the third is today's visit,
still a draft."""

from __future__ import annotations

from datetime import timedelta

from consultdesk.demo import data
from consultdesk.demo.sessions import Batch, SessionMaker
from consultdesk.domain.consultation import Action, Place, Present, Status
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence


def showcase_sessions(maker: SessionMaker, resident_id: str, batch: Batch) -> None:
    """Add the showcase's sessions to ``batch``, oldest first."""
    show = data.showcase()
    today = maker.today
    plans = show.sessions
    for number, plan in enumerate(plans, start=1):
        day = today - timedelta(days=int(plan["days_ago"]))
        consultation_id = new_id()
        notes = plan.get("medicine_notes", {})
        for position, med in enumerate(show.medicines[: int(plan["medicines"])]):
            resolved = maker.names.resolve(med.key)
            note = notes.get(med.key, {})
            batch.medications.append(
                {
                    "id": new_id(),
                    "consultation_id": consultation_id,
                    "position": position,
                    "name_as_found": resolved.name,
                    "ingredients": resolved.ingredients,
                    "strength": med.strength,
                    "form": resolved.form,
                    "morning": med.morning,
                    "noon": med.noon,
                    "evening": med.evening,
                    "bedtime": med.bedtime,
                    "as_needed": med.as_needed,
                    "prescriber": show.clinics.get(med.clinic, ""),
                    "purpose": med.purpose,
                    "source": med.source.value,
                    "adherence": Adherence(
                        note.get("adherence", Adherence.AS_PRESCRIBED.value)
                    ).value,
                    "storage_problem": note.get("storage_problem", ""),
                    "leftover": note.get("leftover", ""),
                    "action": Action(note.get("action", Action.CONTINUE.value)).value,
                    "deleted": False,
                }
            )
        for position, problem in enumerate(plan["problems"]):
            batch.problems.append(
                {
                    "id": new_id(),
                    "consultation_id": consultation_id,
                    "position": position,
                    "category": problem["category"],
                    "description": problem["text"],
                    "intervention": problem["intervention"],
                    "outcome": problem["outcome"],
                    "deleted": False,
                }
            )
        last = number == len(plans)
        following = None if last else today - timedelta(days=int(plans[number]["days_ago"]))
        batch.consultations.append(
            maker.consultation_row(
                consultation_id,
                resident_id,
                number,
                day,
                "14:00",
                50,
                Status(plan["status"]),
                place=Place.HOME,
                present=[Present.RESIDENT.value],
                advice=plan["advice"],
                follow_up_plan=plan["follow_up"],
                next_visit=following if following else today + timedelta(days=14),
                observations=plan.get("observations", ""),
                screening=show.screening if plan["screening"] else {},
                observed=list(plan.get("observed", [])),
            )
        )
