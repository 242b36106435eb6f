"""Importing the Korean DUR files a user downloads (the app never bundles them)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.dur_import import DurImportError, DurKind, import_dur_file, parse_dur
from consultdesk.domain.medication import Ingredient, MedicationItem
from consultdesk.domain.rules import EvaluationContext, evaluate, load_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
MFDS_COMBINATION_HEADER = (
    "DUR_SEQ,TYPE_NAME,MIX_TYPE,INGR_CODE,INGR_ENG_NAME,INGR_NAME,MIX_INGR,ORI_INGR,CLASS_NAME,"
    "MIXTURE_DUR_SEQ,MIXTURE_MIX_TYPE,MIXTURE_INGR_CODE,MIXTURE_INGR_ENG_NAME,"
    "MIXTURE_INGR_NAME,NOTIFICATION_DATE,PROHBT_CONTENT,REMARK,DEL_YN"
)
KOREAN_COMBINATION_HEADER = (
    "DUR일련번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,복합제,관계성분,약효분류,"
    "병용금기DUR일련번호,병용금기단일/복합,병용금기DUR성분코드,병용금기DUR성분(영문),"
    "병용금기DUR성분,고시일자,금기내용,비고,삭제여부"
)
COMBINATION_ROWS = [
    "1,병용금기,단일,D000101,Clarithromycin,클래리트로마이신,,,"
    "[06180]주로 그람양성균에 작용하는 것,"
    "2,단일,D000202,Simvastatin,심바스타틴,20120101,횡문근융해증 위험,,N",
    "3,병용금기,단일,D000303,Itraconazole,이트라코나졸,,,[06290]기타의 화학요법제,"
    '4,단일,D000404,Zolpidem Tartrate,졸피뎀타르타르산염,20150101,"진정 증가,\n호흡 억제",,Y',
    "5,병용금기,단일,D000505,Tizanidine Hydrochloride,티자니딘염산염,,,[01240]진경제,"
    "6,단일,D000606,Ciprofloxacin,시프로플록사신,20100101,저혈압,,N",
]


def write(tmp_path: Path, header: str, rows: list[str], encoding: str) -> Path:
    path = tmp_path / f"dur_{encoding}.csv"
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    return path


def med(item_id: str, atc: str, name_ko: str, name_en: str) -> MedicationItem:
    return MedicationItem(item_id, name_ko, (Ingredient(atc, name_ko, name_en),))


@pytest.mark.parametrize(
    ("header", "encoding"),
    [
        (MFDS_COMBINATION_HEADER, "utf-8"),
        (MFDS_COMBINATION_HEADER, "utf-8-sig"),
        (KOREAN_COMBINATION_HEADER, "cp949"),
        (KOREAN_COMBINATION_HEADER, "utf-8"),
    ],
)
def test_a_combination_file_imports_in_either_encoding_and_header_language(
    tmp_path: Path, header: str, encoding: str
) -> None:
    path = write(tmp_path, header, COMBINATION_ROWS, encoding)
    result = import_dur_file(path, version="병용금기_2026-10.csv")
    assert result.kind is DurKind.COMBINATION
    assert result.encoding == ("cp949" if encoding == "cp949" else "utf-8")
    assert result.rows_read == 3
    assert result.rows_deleted == 1
    assert result.unmapped_columns == ()
    pairs = result.rules.interactions
    assert [p.info.id for p in pairs] == ["dur.combination.1", "dur.combination.5"]
    assert pairs[0].info.source == "MFDS DUR 병용금기 (병용금기_2026-10.csv, 고시일자 20120101)"
    assert pairs[0].info.reason_ko.endswith("횡문근융해증 위험")


def test_imported_rules_fire_next_to_the_bundled_ones_by_ingredient_name(tmp_path: Path) -> None:
    path = write(tmp_path, MFDS_COMBINATION_HEADER, COMBINATION_ROWS, "utf-8")
    rules = load_rules(RULES_DIR, extra=[import_dur_file(path).rules])
    items = [
        med("a", "J01FA09", "클래리트로마이신", "clarithromycin"),
        med("b", "C10AA01", "심바스타틴", "simvastatin"),
        # No ATC code: the Korean name alone still matches the DUR row.
        med("c", "", "티자니딘", ""),
        med("d", "J01MA02", "시프로플록사신", "ciprofloxacin"),
    ]
    found = {f.rule_id: f.item_ids for f in evaluate(items, EvaluationContext(rules, age=70))}
    assert found["dur.combination.1"] == ("a", "b")
    assert found["ddi.simvastatin_strong_cyp3a4"] == ("a", "b")  # the bundled rule, too
    assert found["dur.combination.5"] == ("c", "d")


def test_a_deleted_row_does_not_become_a_rule(tmp_path: Path) -> None:
    path = write(tmp_path, MFDS_COMBINATION_HEADER, COMBINATION_ROWS, "utf-8")
    rules = load_rules(RULES_DIR, extra=[import_dur_file(path).rules])
    items = [
        med("i", "J02AC02", "이트라코나졸", "itraconazole"),
        med("z", "N05CF02", "졸피뎀", "zolpidem"),
    ]
    found = evaluate(items, EvaluationContext(rules, age=70))
    assert not [f for f in found if f.rule_id.startswith("dur.")]


def test_an_older_adult_file_with_korean_titles_in_cp949(tmp_path: Path) -> None:
    header = (
        "DUR일련번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,제형,고시일자,"
        "금기내용,비고,삭제여부,담당자"
    )
    rows = [
        "11,노인주의,단일,D000777,Zolpidem Tartrate,졸피뎀타르타르산염,정제,20180101,"
        "노인에서 섬망 위험,,N,홍길동",
    ]
    result = import_dur_file(write(tmp_path, header, rows, "cp949"), version="노인주의.csv")
    assert result.kind is DurKind.OLDER_ADULTS
    assert result.unmapped_columns == ("담당자",)
    rules = load_rules(RULES_DIR, extra=[result.rules])
    zolpidem = [med("z", "N05CF02", "졸피뎀", "zolpidem")]
    at_70 = {f.rule_id for f in evaluate(zolpidem, EvaluationContext(rules, age=70))}
    at_60 = {f.rule_id for f in evaluate(zolpidem, EvaluationContext(rules, age=60))}
    assert "dur.older_adults.11" in at_70
    assert "dur.older_adults.11" not in at_60


def test_a_same_group_file_flags_two_different_ingredients_of_one_group(tmp_path: Path) -> None:
    header = (
        "DUR_SEQ,TYPE_NAME,MIX_TYPE,INGR_CODE,INGR_ENG_NAME,INGR_NAME,EFFECT_CODE,SERS_NAME,DEL_YN"
    )
    rows = [
        "21,효능군중복,단일,D001,Ibuprofen,이부프로펜,해열진통소염제,NSAIDs,N",
        "22,효능군중복,단일,D002,Naproxen Sodium,나프록센나트륨,해열진통소염제,NSAIDs,N",
        "23,효능군중복,단일,D003,Zolpidem Tartrate,졸피뎀타르타르산염,수면진정제,Z-drug,N",
    ]
    result = import_dur_file(write(tmp_path, header, rows, "utf-8"))
    assert result.kind is DurKind.SAME_GROUP
    assert len(result.rules.groups) == 2
    rules = load_rules(RULES_DIR, extra=[result.rules])
    two = [
        med("i", "M01AE01", "이부프로펜", "ibuprofen"),
        med("n", "M01AE02", "나프록센", "naproxen"),
    ]
    one = [
        med("i", "M01AE01", "이부프로펜", "ibuprofen"),
        med("z", "N05CF02", "졸피뎀", "zolpidem"),
    ]
    fired = [f for f in evaluate(two, EvaluationContext(rules)) if f.rule_id.startswith("dur.")]
    assert [f.item_ids for f in fired] == [("i", "n")]
    assert not [f for f in evaluate(one, EvaluationContext(rules)) if f.rule_id.startswith("dur.")]


def test_progress_runs_from_zero_to_one(tmp_path: Path) -> None:
    rows = [
        f"{n},병용금기,단일,D{n},Drug{n},약{n},,,,{n},단일,E{n},Other{n},다른약{n},20200101,금기,,N"
        for n in range(1200)
    ]
    seen: list[float] = []
    import_dur_file(write(tmp_path, MFDS_COMBINATION_HEADER, rows, "utf-8"), progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) > 2


def error_for(data: bytes) -> DurImportError:
    with pytest.raises(DurImportError) as caught:
        parse_dur(data, version="test")
    return caught.value


def test_a_row_with_too_few_fields_names_its_line() -> None:
    rows = [COMBINATION_ROWS[0], "7,병용금기,단일,D1,Aspirin"]
    error = error_for("\n".join([MFDS_COMBINATION_HEADER, *rows]).encode())
    assert (error.line, error.reason_code) == (3, "field_count")


def test_line_numbers_count_the_lines_inside_quoted_fields() -> None:
    rows = [*COMBINATION_ROWS, "9,병용금기"]
    error = error_for("\n".join([MFDS_COMBINATION_HEADER, *rows]).encode())
    assert (error.line, error.reason_code) == (6, "field_count")


def test_a_file_without_the_partner_ingredient_column_is_refused() -> None:
    data = "DUR_SEQ,TYPE_NAME,INGR_ENG_NAME,MIXTURE_INGR_CODE\n1,병용금기,Aspirin,D2\n".encode()
    error = error_for(data)
    assert (error.line, error.reason_code) == (1, "missing_column")


def test_an_unknown_deletion_mark_is_refused() -> None:
    row = COMBINATION_ROWS[0][: -len(",N")] + ",maybe"
    error = error_for(f"{MFDS_COMBINATION_HEADER}\n{row}\n".encode())
    assert (error.line, error.reason_code) == (2, "bad_value")


def test_a_row_without_any_ingredient_name_is_refused() -> None:
    row = "1,병용금기,단일,D1,,,,,,2,단일,D2,Simvastatin,심바스타틴,20120101,x,,N"
    error = error_for(f"{MFDS_COMBINATION_HEADER}\n{row}\n".encode())
    assert (error.line, error.reason_code) == (2, "missing_value")


def test_a_row_of_another_dur_list_is_refused() -> None:
    row = COMBINATION_ROWS[0].replace("병용금기", "임부금기", 1)
    error = error_for(f"{MFDS_COMBINATION_HEADER}\n{row}\n".encode())
    assert (error.line, error.reason_code) == (2, "wrong_type")


def test_empty_spreadsheet_and_undecodable_files_are_refused() -> None:
    assert error_for(b"").reason_code == "empty"
    assert error_for(b"PK\x03\x04rest-of-a-zip").reason_code == "not_csv"
    bad = b"DUR_SEQ\n1\n\xff\xfe\xfa\n"
    assert (error_for(bad).line, error_for(bad).reason_code) == (3, "encoding")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_either_import_or_raise_a_dur_import_error(data: bytes) -> None:
    with contextlib.suppress(DurImportError):
        parse_dur(data, version="fuzz", kind=DurKind.COMBINATION)


def test_a_title_line_above_the_header_is_skipped() -> None:
    text = "\n".join(
        ["병용금기 성분 목록 (2026년 10월)", MFDS_COMBINATION_HEADER, *COMBINATION_ROWS]
    )
    result = parse_dur(text.encode("cp949"), version="with title")
    assert result.rows_read == 3
    assert result.unmapped_columns == ()


def test_a_field_too_large_for_a_csv_file_is_refused_not_crashed() -> None:
    huge = "x" * 200_000
    error = error_for(f'{MFDS_COMBINATION_HEADER}\n"{huge}"\n'.encode())
    assert (error.line, error.reason_code) == (2, "bad_csv")


def test_braces_in_an_official_note_are_shown_as_written() -> None:
    row = COMBINATION_ROWS[0].replace("횡문근융해증 위험", "위험 {count.x} {0}")
    result = parse_dur(f"{MFDS_COMBINATION_HEADER}\n{row}\n".encode(), version="braces")
    rules = load_rules(RULES_DIR, extra=[result.rules])
    items = [
        med("a", "J01FA09", "클래리트로마이신", "clarithromycin"),
        med("b", "C10AA01", "심바스타틴", "simvastatin"),
    ]
    [flag] = [f for f in evaluate(items, EvaluationContext(rules)) if f.rule_id.startswith("dur.")]
    assert flag.reason_ko.endswith("위험 {count.x} {0}")


# --- the files as they are published (issue 11) ------------------------------------------------
#
# The titles below are those of the MFDS DUR ingredient service (식품의약품안전처_의약품안전사용
# 서비스(DUR)성분정보, data.go.kr 15056780): the open API's field names, and the Korean titles of
# the same fields. The rows are made up for the tests but shaped like the real ones: 정상/삭제 in
# 상태 (DEL_YN), 단일/복합 in MIX_TYPE next to the combination product in MIX (복합제), related
# ingredients as "[M…]name/[M…]name", classes as "[06290]…", salt names as MFDS writes them.

API_COMBINATION_HEADER = (
    "TYPE_NAME,MIX_TYPE,INGR_CODE,INGR_ENG_NAME,INGR_KOR_NAME,MIX,ORI,CLASS,MIXTURE_MIX_TYPE,"
    "MIXTURE_INGR_CODE,MIXTURE_INGR_ENG_NAME,MIXTURE_INGR_KOR_NAME,MIXTURE_MIX,MIXTURE_ORI,"
    "MIXTURE_CLASS,NOTIFICATION_DATE,PROHBT_CONTENT,REMARK,DEL_YN"
)
PUBLISHED_COMBINATION_HEADER = (
    "DUR번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,복합제,관계성분,약효분류,"
    "병용금기DUR번호,병용금기단일/복합,병용금기DUR성분코드,병용금기DUR성분(영문),병용금기DUR성분,"
    "병용금기복합제,병용금기관계성분,병용금기약효분류,고시일자,금기내용,비고,상태"
)
API_ROWS = [
    "병용금기,단일,D000762,Itraconazole,이트라코나졸,,[M083733]이트라코나졸제피과립/[M083734]"
    "이트라코나졸,[06290]기타의 화학요법제,단일,D000419,Lovastatin,로바스타틴,,[M083392]로바스타틴,"
    "[02180]동맥경화용제,20090303,횡문근융해증,,정상",
    "병용금기,단일,D000111,Cisapride,시사프리드,,[M000111]시사프리드,[02390]기타의 소화기관용약,"
    "단일,D000222,Clarithromycin,클래리트로마이신,,[M000222]클래리트로마이신,"
    "[06180]주로 그람양성균에 작용하는 것,20090101,QT 연장,,삭제",
    "병용금기,복합,D000900,Amlodipine Besylate,암로디핀베실산염,[M040702]암로디핀베실산염/"
    "[M040703]아토르바스타틴칼슘삼수화물,[M040702]암로디핀베실산염,[02140]혈압강하제,단일,D000901,"
    "Itraconazole,이트라코나졸,,[M083734]이트라코나졸,[06290]기타의 화학요법제,20120101,x,,정상",
]
PUBLISHED_ROWS = [
    "1201,병용금기,단일,D000762,Itraconazole,이트라코나졸,,[M083734]이트라코나졸,"
    "[06290]기타의 화학요법제,1202,단일,D000419,Lovastatin,로바스타틴,,[M083392]로바스타틴,"
    "[02180]동맥경화용제,20090303,횡문근융해증,,정상",
    "1301,병용금기,단일,D000523,Aliskiren Hemifumarate,알리스키렌헤미푸마르산염,,"
    "[M223000]알리스키렌헤미푸마르산염,[02140]혈압강하제,1302,단일,D000389,Candesartan Cilexetil,"
    "칸데사르탄실렉세틸,,[M089000]칸데사르탄실렉세틸,[02140]혈압강하제,20120817,"
    "고칼륨혈증·신기능 저하 위험,당뇨병 환자 또는 중등도 이상의 신장애 환자(GFR<60),정상",
    "1401,병용금기,단일,D000111,Cisapride,시사프리드,,[M000111]시사프리드,"
    "[02390]기타의 소화기관용약,1402,단일,D000222,Clarithromycin,클래리트로마이신,,"
    "[M000222]클래리트로마이신,[06180]주로 그람양성균에 작용하는 것,20090101,QT 연장,,삭제",
    "1501,병용금기,단일,D000999,Unknownium Chloride,운노우늄염화물,,[M999999]운노우늄염화물,"
    "[01190]기타의 중추신경용약,1502,단일,D000216,Tizanidine Hydrochloride,티자니딘염산염,,"
    "[M000216]티자니딘염산염,[01220]골격근이완제,20200101,저혈압,,정상",
]


def catalog_keys() -> frozenset[str]:
    from consultdesk.domain.catalog import load_catalog
    from consultdesk.domain.dur_import import catalog_name_keys

    catalog = load_catalog(RULES_DIR.parent / "catalog" / "ingredients.csv")
    return catalog_name_keys(n for i in catalog.ingredients for n in (i.name_en, i.name_ko))


def test_the_open_api_header_with_mix_and_mix_type_imports_in_cp949(tmp_path: Path) -> None:
    # Before issue 11 this header failed with "column 'MIX' appears twice": MIX (복합제, the
    # combination product) was taken for MIX_TYPE (단일/복합).
    path = write(tmp_path, API_COMBINATION_HEADER, API_ROWS, "cp949")
    result = import_dur_file(path, version="병용금기.csv")
    assert result.kind is DurKind.COMBINATION and result.encoding == "cp949"
    assert result.unmapped_columns == ()
    assert (result.rows_read, result.rows_deleted, result.rows_combination_products) == (3, 1, 1)
    [pair] = result.rules.interactions
    assert pair.info.reason_ko == "병용금기: 이트라코나졸 + 로바스타틴. 횡문근융해증"


def test_the_published_korean_titles_map_dur_number_and_status(tmp_path: Path) -> None:
    path = write(tmp_path, PUBLISHED_COMBINATION_HEADER, PUBLISHED_ROWS, "cp949")
    result = import_dur_file(path, version="병용금기_2026-11.csv")
    # 상태 is DEL_YN: the 삭제 row is skipped (before, it became an active rule); DUR번호 is the id.
    assert result.unmapped_columns == ()
    assert result.rows_deleted == 1
    ids = [p.info.id for p in result.rules.interactions]
    assert ids == ["dur.combination.1201", "dur.combination.1301", "dur.combination.1501"]
    rules = load_rules(RULES_DIR, extra=[result.rules])
    items = [
        med("c", "A03FA02", "시사프리드", "cisapride"),
        med("k", "J01FA09", "클래리트로마이신", "clarithromycin"),
    ]
    found = {f.rule_id for f in evaluate(items, EvaluationContext(rules, age=70))}
    assert not {r for r in found if r.startswith("dur.")}


def test_remark_and_form_are_shown_in_the_flag_text(tmp_path: Path) -> None:
    path = write(tmp_path, PUBLISHED_COMBINATION_HEADER, PUBLISHED_ROWS, "cp949")
    rules = load_rules(RULES_DIR, extra=[import_dur_file(path).rules])
    items = [
        med("a", "C09XA02", "알리스키렌", "aliskiren"),
        med("c", "C09CA06", "칸데사르탄", "candesartan"),
    ]
    [flag] = [
        f
        for f in evaluate(items, EvaluationContext(rules, age=70))
        if f.rule_id == "dur.combination.1301"
    ]
    assert "조건: 당뇨병 환자 또는 중등도 이상의 신장애 환자(GFR<60)" in flag.reason_ko
    assert "condition, in Korean: 당뇨병 환자" in flag.reason_en
    header = (
        "DUR번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,"
        "제형,고시일자,금기내용,비고,상태"
    )
    rows = [
        "31,노인주의,단일,D000056,Amitriptyline Hydrochloride,아미트리프틸린염산염,정제,20150728,"
        "항콜린 작용,1일 50mg 초과,정상",
        "32,노인주의,단일,D000056,Amitriptyline Hydrochloride,아미트리프틸린염산염,서방정,20150728,"
        "항콜린 작용,,정상",
    ]
    older = import_dur_file(write(tmp_path, header, rows, "cp949")).rules
    [rule] = older.older_adults
    assert rule.info.reason_ko == (
        "노인주의: 아미트리프틸린염산염 (정제/서방정) [조건: 1일 50mg 초과]. 항콜린 작용"
    )
    assert "(form: 정제/서방정)" in rule.info.reason_en


SALTS_AND_SYNONYMS = [
    # (DUR English, DUR Korean, the catalog's ATC code)
    ("Escitalopram Oxalate", "에스시탈로프람옥살산염", "N06AB10"),
    ("Clopidogrel Bisulfate", "클로피도그렐황산수소염", "B01AC04"),
    ("Candesartan Cilexetil", "칸데사르탄실렉세틸", "C09CA06"),
    ("Ketorolac Tromethamine", "케토롤락트로메타민", "M01AB15"),
    ("Trospium Chloride", "트로스피움염화물", "G04BD09"),
    ("Hydroxyzine Pamoate", "히드록시진파모산염", "N05BB01"),
    ("Losartan Potassium", "로사르탄칼륨", "C09CA01"),
    ("Acetaminophen", "아세트아미노펜", "N02BE01"),
    ("Chlorpheniramine Maleate", "클로르페니라민말레산염", "R06AB04"),
    ("Glyburide", "글리부리드", "A10BB01"),
    ("Divalproex Sodium", "디발프로엑스나트륨", "N03AG01"),
    ("Alendronate Sodium", "알렌드로네이트나트륨", "M05BA04"),
    ("Cholecalciferol", "콜레칼시페롤", "A11CC05"),
    ("Clorazepate Dipotassium", "클로라제핀산칼륨", "N05BA05"),
    ("Tiotropium Bromide", "티오트로퓸브롬화물", "R03BB04"),
    ("Amlodipine Camsylate", "암로디핀캄실산염", "C08CA01"),
    ("Amlodipine Nicotinate", "암로디핀니코틴산염", "C08CA01"),
    ("Aliskiren Hemifumarate", "알리스키렌헤미푸마르산염", "C09XA02"),
]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_salts_and_synonyms_match_the_catalog_ingredient(tmp_path: Path, language: str) -> None:
    from consultdesk.domain.catalog import load_catalog

    catalog = load_catalog(RULES_DIR.parent / "catalog" / "ingredients.csv")
    header = "DUR번호,DUR유형,단일/복합,DUR성분코드,DUR성분(영문),DUR성분,고시일자,금기내용,상태"
    rows = [
        f"{n},노인주의,단일,D{n:06},{en if language == 'en' else ''},"
        f"{ko if language == 'ko' else ''},20150101,주의,정상"
        for n, (en, ko, _atc) in enumerate(SALTS_AND_SYNONYMS, start=1)
    ]
    result = import_dur_file(write(tmp_path, header, rows, "cp949"), known_keys=catalog_keys())
    rules = load_rules(RULES_DIR, extra=[result.rules])
    missed = []
    for n, (en, ko, atc) in enumerate(SALTS_AND_SYNONYMS, start=1):
        found = catalog.by_atc(atc)
        assert found is not None, atc
        item = med("x", found.atc, found.name_ko, found.name_en)
        fired = {f.rule_id for f in evaluate([item], EvaluationContext(rules, age=70))}
        if f"dur.older_adults.{n}" not in fired:
            missed.append(en or ko)
    assert missed == []
    assert result.unmatched == ()


def test_synonyms_name_the_inn_the_catalog_uses() -> None:
    from consultdesk.domain.dur_import import dur_name_keys

    assert "pethidine" in dur_name_keys("Meperidine Hydrochloride")
    assert "valproic acid" in dur_name_keys("Sodium Valproate")
    assert "paracetamol" in dur_name_keys("acetaminophen")
    # A mineral salt stays itself: no bare "oxide" or "potassium" key that would match others.
    assert dur_name_keys("Potassium Chloride") == ("potassium chloride",)
    assert dur_name_keys("Magnesium Oxide") == ("magnesium oxide",)


def test_rows_naming_no_catalog_ingredient_are_reported_with_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, PUBLISHED_COMBINATION_HEADER, PUBLISHED_ROWS, "cp949")
    result = import_dur_file(path, known_keys=catalog_keys())
    [row] = result.unmatched
    assert (row.line, row.dur_seq) == (5, "1501")
    assert (row.ingredient_en, row.ingredient_ko) == ("Unknownium Chloride", "운노우늄염화물")
    assert row.partner_en == "Tizanidine Hydrochloride" and row.unmatched == ("ingredient",)
    # Its rule is kept: a medicine typed with that name still gets the flag.
    assert "dur.combination.1501" in [p.info.id for p in result.rules.interactions]
    # Without catalog keys (the stored file read again at start-up) nothing is reported.
    assert import_dur_file(path).unmatched == ()
