"""Live risk flags on a real encrypted workspace: decisions, screening, imported DUR files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from consultdesk.domain.consultation import ConsultationData, MedicationRow, ObservedRisk
from consultdesk.domain.dur_import import DurKind
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.resident import ResidentDraft
from consultdesk.domain.rules import KIND_MEDICATION, KIND_SOCIAL
from consultdesk.services import flags, residents, rule_imports
from consultdesk.services.consultations import (
    finalise_consultation,
    load_consultation,
    save_consultation,
    start_consultation,
)
from consultdesk.services.workspace import Workspace
from consultdesk.storage.models import FlagDecision, ImportedRuleSet
from tests.change_rows import logged
from tests.conftest import PASSPHRASE
from tests.consent_helpers import consent_to_health_info

VISIT = date(2026, 3, 2)
WARFARIN = ("와파린정 2mg", Ingredient("B01AA03", "와파린", "warfarin"))
IBUPROFEN = ("부루펜정 400mg", Ingredient("M01AE01", "이부프로펜", "ibuprofen"))
OMEPRAZOLE = ("오메프라졸캡슐", Ingredient("A02BC01", "오메프라졸", "omeprazole"))
ALPRAZOLAM = ("자낙스정", Ingredient("N05BA12", "알프라졸람", "alprazolam"))
ITRACONAZOLE = ("스포라녹스캡슐", Ingredient("J02AC02", "이트라코나졸", "itraconazole"))

DUR_HEADER = (
    "DUR일련번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,복합제,관계성분,약효분류,"
    "병용금기DUR일련번호,병용금기단일/복합,병용금기DUR성분코드,병용금기DUR성분(영문),"
    "병용금기DUR성분,고시일자,금기내용,비고,삭제여부"
)
DUR_ROWS = [
    "101,병용금기,단일,D000027,Alprazolam,알프라졸람,,,[01120]최면진정제,"
    "102,단일,D000394,Itraconazole,이트라코나졸,20091201,알프라졸람 혈중농도 증가,,N",
    "103,병용금기,단일,D000111,Cisapride,시사프리드,,,[02390]기타의 소화기관용약,"
    "104,단일,D000222,Clarithromycin,클래리트로마이신,20090101,QT 연장,,Y",
]


def medication(name: str, ingredient: Ingredient, **fields: object) -> MedicationRow:
    return MedicationRow(
        id=new_id(), name_as_found=name, ingredients=(ingredient,), morning="1", **fields
    )


def new_resident(ws: Workspace, birth: str = "1948-03-05", name: str = "김민수") -> str:
    rid = residents.save_resident(ws, ResidentDraft(name=name, birth_date=birth))
    consent_to_health_info(ws, rid)
    return rid


def consultation_with(
    ws: Workspace,
    *medicines: tuple[str, Ingredient],
    resident_id: str | None = None,
    visit: date = VISIT,
    **fields: object,
) -> ConsultationData:
    """A saved draft session holding these medicines (and any other fields)."""
    resident_id = resident_id or new_resident(ws)
    consultation_id = start_consultation(ws, resident_id, today=visit)
    data = load_consultation(ws, consultation_id)
    assert data is not None
    rows = tuple(medication(name, ingredient) for name, ingredient in medicines)
    data = replace(data, medications=data.medications + rows, **fields)  # type: ignore[arg-type]
    save_consultation(ws, data)
    saved = load_consultation(ws, consultation_id)
    assert saved is not None
    return saved


def write_dur(tmp_path: Path, rows: list[str], encoding: str = "cp949", name: str = "") -> Path:
    path = tmp_path / (name or f"병용금기_2026-10_{encoding}.csv")
    path.write_bytes(("\r\n".join([DUR_HEADER, *rows]) + "\r\n").encode(encoding))
    return path


def by_rule(views: list[flags.FlagView], rule_id: str) -> flags.FlagView:
    found = [v for v in views if v.flag.rule_id == rule_id]
    assert len(found) == 1, [v.flag.rule_id for v in views]
    return found[0]


# --- computing ---------------------------------------------------------------------------------


def test_warfarin_with_ibuprofen_raises_a_flag_that_names_both_medicines(workspace):
    data = consultation_with(workspace, WARFARIN, OMEPRAZOLE, IBUPROFEN)
    views = flags.flags_for_consultation(workspace, data.id)
    flag = by_rule(views, "ddi.warfarin_nsaid")
    assert flag.status == flags.OPEN and flag.reason == ""
    assert flag.items == ("와파린정 2mg", "부루펜정 400mg")  # in list order, not the NSAID's
    assert flag.flag.severity == "high"
    assert "출혈" in flag.text("ko") and "bleeding" in flag.text("en")
    assert "Holbrook" in flag.flag.source
    assert not flag.imported


def test_age_at_the_visit_date_decides_the_older_adult_flags(workspace):
    young = new_resident(workspace, birth="1961-03-03", name="이영희")
    turned = new_resident(workspace, birth="1961-03-02", name="박서현")
    before = consultation_with(workspace, IBUPROFEN, resident_id=young)
    on_the_day = consultation_with(workspace, IBUPROFEN, resident_id=turned)
    rules = lambda cid: {v.flag.rule_id for v in flags.flags_for_consultation(workspace, cid)}  # noqa: E731
    assert "older.nsaid_long_term" not in rules(before.id)  # 64 on the visit day
    assert "older.nsaid_long_term" in rules(on_the_day.id)  # 65 that very day


def test_medication_flags_come_first_then_social_most_severe_first(workspace):
    data = consultation_with(
        workspace,
        WARFARIN,
        IBUPROFEN,
        screening={
            "housing_stability": "worried",  # moderate
            "housing_conditions": ["no_heating", "pests"],  # high
        },
        observed=(ObservedRisk("냉장고가 비어 있음", "low", ("meal_support",)),),
    )
    views = flags.flags_for_consultation(workspace, data.id)
    kinds = [v.flag.kind for v in views]
    assert kinds == sorted(kinds, key=[KIND_MEDICATION, KIND_SOCIAL].index)
    for kind in (KIND_MEDICATION, KIND_SOCIAL):
        ranks = [v.flag.severity.rank for v in views if v.flag.kind == kind]
        assert ranks == sorted(ranks)
    social = [v for v in views if v.flag.kind == KIND_SOCIAL]
    assert [v.flag.severity.value for v in social] == ["high", "moderate", "low"]
    heating = social[0]
    assert heating.items == ()
    assert {s.id for s in heating.services} == {"housing_repair", "energy_support"}
    assert all(s.name_ko and s.name_en for s in heating.services)
    observed = social[-1]
    assert observed.text("ko") == observed.text("en") == "냉장고가 비어 있음"
    assert [s.id for s in observed.services] == ["meal_support"]


def test_answers_the_form_no_longer_has_are_ignored_not_fatal(workspace):
    ctx = flags.load_flag_context(workspace)
    data = consultation_with(
        workspace,
        screening={
            "question_removed_since": "yes",
            "housing_stability": "answer_removed_since",
            "food_worry": ["often", "never"],  # a single-choice question given two answers
            "housing_conditions": ["mould"],
        },
        observed=(ObservedRisk("집 안이 매우 추움", "very-bad"), ObservedRisk("  ", "high")),
    )
    views = flags.compute_flags(ctx, data, None, {})
    assert [
        v.flag.params.get("question") for v in views if v.flag.rule_id != "social.observation"
    ] == ["housing_conditions"]
    observed = by_rule(views, "social.observation")
    assert observed.flag.severity == "moderate"  # an unknown severity still shows the flag


def test_the_context_is_loaded_once_per_workspace(workspace):
    assert flags.load_flag_context(workspace) is flags.load_flag_context(workspace)


# --- decisions ---------------------------------------------------------------------------------


def test_a_dismissal_needs_a_reason_and_survives_reopening_the_workspace(workspace, tmp_path):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    key = by_rule(flags.flags_for_consultation(workspace, data.id), "ddi.warfarin_nsaid").key
    for empty in ("", "   "):
        with pytest.raises(ValidationFailed) as e:
            flags.decide_flag(workspace, data.id, key, flags.DISMISSED, empty)
        assert [p.code for p in e.value.problems] == ["reason_required"]
    assert flags.flag_decisions(workspace, data.id) == {}
    flags.decide_flag(workspace, data.id, key, flags.DISMISSED, " 단기 복용, 처방의 확인함 ")
    workspace.close()
    reopened = Workspace.unlock(tmp_path / "data", PASSPHRASE)
    try:
        decision = flags.flag_decisions(reopened, data.id)[key]
        assert (decision.status, decision.reason) == ("dismissed", "단기 복용, 처방의 확인함")
        view = by_rule(flags.flags_for_consultation(reopened, data.id), "ddi.warfarin_nsaid")
        assert (view.status, view.reason) == ("dismissed", "단기 복용, 처방의 확인함")
        assert flags.open_flags_for_resident(reopened, data.resident_id) == [
            v
            for v in flags.flags_for_consultation(reopened, data.id)
            if v.key != key and v.status == "open"
        ]
    finally:
        reopened.close()


def test_a_later_decision_updates_the_same_record(workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    key = by_rule(flags.flags_for_consultation(workspace, data.id), "ddi.warfarin_nsaid").key
    flags.decide_flag(workspace, data.id, key, flags.CONFIRMED, "")
    flags.decide_flag(workspace, data.id, key, flags.DISMISSED, "처방의와 상의 완료")
    with workspace.db.session() as s:
        records = list(s.exec(select(FlagDecision)))
        assert len(records) == 1
    changes = [c for c in logged(workspace) if c.entity == "flag_decision"]
    assert {c.record_id for c in changes} == {records[0].id}
    assert [c.value for c in changes if c.field == "status"] == ['"confirmed"', '"dismissed"']
    flags.decide_flag(workspace, data.id, key, flags.OPEN, "잘못 눌렀음")
    view = by_rule(flags.flags_for_consultation(workspace, data.id), "ddi.warfarin_nsaid")
    assert (view.status, view.reason) == ("open", "")
    assert flags.flag_decisions(workspace, data.id)[key].status == "open"


def test_a_registration_number_in_a_reason_is_refused(workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    with pytest.raises(ValidationFailed) as e:
        flags.decide_flag(workspace, data.id, "k", flags.DISMISSED, "본인 480305-1234567 확인")
    assert [p.code for p in e.value.problems] == ["rrn_refused"]
    with pytest.raises(ValidationFailed) as e:
        flags.decide_flag(workspace, data.id, "k", "maybe", "")
    assert [p.code for p in e.value.problems] == ["choice_invalid"]
    assert flags.flag_decisions(workspace, data.id) == {}


def test_a_final_session_takes_no_more_decisions(workspace):
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    finalise_consultation(workspace, data, today=VISIT)
    with pytest.raises(ValidationFailed) as e:
        flags.decide_flag(workspace, data.id, "k", flags.CONFIRMED, "")
    assert [p.code for p in e.value.problems] == ["consultation_final"]


def test_the_overview_shows_open_flags_of_the_latest_session_only(workspace):
    resident_id = new_resident(workspace)
    assert flags.open_flags_for_resident(workspace, resident_id) == []
    first = consultation_with(workspace, WARFARIN, IBUPROFEN, resident_id=resident_id)
    finalise_consultation(workspace, first, today=VISIT)
    # The second session carries the medicines forward; the pharmacist then stops ibuprofen.
    second = consultation_with(workspace, resident_id=resident_id, visit=date(2026, 4, 6))
    assert {v.flag.rule_id for v in flags.open_flags_for_resident(workspace, resident_id)} >= {
        "ddi.warfarin_nsaid"
    }
    kept = tuple(m for m in second.medications if m.ingredients[0].atc != "M01AE01")
    save_consultation(workspace, replace(second, medications=kept))
    open_now = flags.open_flags_for_resident(workspace, resident_id)
    assert "ddi.warfarin_nsaid" not in {v.flag.rule_id for v in open_now}


def test_high_alert_and_adherence_flags_name_the_medicine(workspace):
    data = consultation_with(workspace, OMEPRAZOLE)
    row = medication(*WARFARIN, adherence=Adherence.MISSES_DOSES)
    save_consultation(workspace, replace(data, medications=(*data.medications, row)))
    views = flags.flags_for_consultation(workspace, data.id)
    troubled = [v for v in views if v.items == ("와파린정 2mg",)]
    assert troubled and all(v.flag.kind == KIND_MEDICATION for v in troubled)


# --- imported DUR files --------------------------------------------------------------------------


def test_an_imported_dur_file_fires_alongside_the_bundled_rules(workspace, tmp_path):
    data = consultation_with(workspace, ALPRAZOLAM, ITRACONAZOLE, WARFARIN, IBUPROFEN)
    before = flags.flags_for_consultation(workspace, data.id)
    assert not any(v.imported for v in before)
    seen: list[float] = []
    summary = rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS), seen.append)
    assert summary.kind is DurKind.COMBINATION
    assert (summary.rules, summary.rows_read, summary.rows_skipped) == (1, 2, 1)
    assert summary.encoding == "cp949" and not summary.replaced
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    after = flags.flags_for_consultation(workspace, data.id)
    dur = by_rule(after, "dur.combination.101")
    assert dur.imported and dur.flag.severity == "high"
    assert dur.items == ("자낙스정", "스포라녹스캡슐")
    assert dur.flag.source == "MFDS DUR 병용금기 (병용금기_2026-10_cp949.csv, 고시일자 20091201)"
    assert "알프라졸람 혈중농도 증가" in dur.text("ko")
    assert by_rule(after, "ddi.warfarin_nsaid").status == "open"  # the bundled rules stay
    [listed] = rule_imports.imported_rule_sets(workspace)
    assert (listed.kind, listed.version, listed.rules, listed.error) == (
        DurKind.COMBINATION,
        "병용금기_2026-10_cp949.csv",
        1,
        "",
    )
    rule_imports.remove_rule_set(workspace, DurKind.COMBINATION)
    assert rule_imports.imported_rule_sets(workspace) == []
    assert not any(v.imported for v in flags.flags_for_consultation(workspace, data.id))


def test_a_new_file_of_the_same_list_replaces_the_old_one(workspace, tmp_path):
    rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS, "utf-8"))
    newer = [DUR_ROWS[0].replace(",N", ",Y"), DUR_ROWS[1].replace(",Y", ",N")]
    summary = rule_imports.import_dur_file(
        workspace, write_dur(tmp_path, newer, "utf-8", name="병용금기_2026-11.csv")
    )
    assert summary.replaced and summary.rules == 1
    with workspace.db.session() as s:
        assert [r.version for r in s.exec(select(ImportedRuleSet))] == ["병용금기_2026-11.csv"]
    ids = {r.info.id for r in flags.load_flag_context(workspace).rules.interactions}
    assert "dur.combination.103" in ids and "dur.combination.101" not in ids


def test_a_malformed_dur_file_imports_nothing_and_says_which_line(workspace, tmp_path):
    rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS))
    context = flags.load_flag_context(workspace)
    broken = [*DUR_ROWS, "105,병용금기,단일,D000333,Aspirin"]  # line 4: too few fields
    with pytest.raises(ValidationFailed) as e:
        rule_imports.import_dur_file(workspace, write_dur(tmp_path, broken, name="broken.csv"))
    [problem] = e.value.problems
    assert problem.code == "dur_field_count"
    assert problem.params["line"] == 4
    assert "5 fields" in problem.params["detail"]
    [listed] = rule_imports.imported_rule_sets(workspace)
    assert listed.file_name == "병용금기_2026-10_cp949.csv"
    assert flags.load_flag_context(workspace) is context  # nothing changed, nothing reloaded


def test_a_file_without_usable_rows_is_refused(workspace, tmp_path):
    deleted_only = [DUR_ROWS[1]]
    with pytest.raises(ValidationFailed) as e:
        rule_imports.import_dur_file(workspace, write_dur(tmp_path, deleted_only))
    assert [p.code for p in e.value.problems] == ["dur_no_rules"]
    assert rule_imports.imported_rule_sets(workspace) == []


def test_a_stored_file_that_no_longer_reads_is_reported_and_left_out(workspace, tmp_path):
    rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS))
    with workspace.db.session() as s:
        row = s.get(ImportedRuleSet, "combination")
        row.content = b"PK\x03\x04 not a csv any more"
        s.add(row)
    flags.invalidate_flag_context(workspace)
    data = consultation_with(workspace, WARFARIN, IBUPROFEN)
    assert by_rule(flags.flags_for_consultation(workspace, data.id), "ddi.warfarin_nsaid")
    [listed] = rule_imports.imported_rule_sets(workspace)
    assert listed.rules == 0 and "CSV" in listed.error


def test_the_same_observation_written_twice_is_one_flag(workspace):
    data = consultation_with(
        workspace,
        observed=(
            ObservedRisk("냉장고가 비어 있음", "high"),
            ObservedRisk(" 냉장고가  비어 있음 ", "low"),
        ),
    )
    views = flags.flags_for_consultation(workspace, data.id)
    assert [(v.flag.rule_id, v.flag.severity.value) for v in views] == [
        ("social.observation", "high")
    ]
