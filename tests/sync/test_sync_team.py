"""Creating and joining a team in the shared folder."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from consultdesk.sync.errors import (
    ShareUnavailable,
    TeamFileInvalid,
    TeamPassphraseTooShort,
    UnsupportedTeamFormat,
    WrongTeamPassphrase,
)
from consultdesk.sync.team import (
    KdfParams,
    create_team,
    find_teams,
    join_team,
    new_device_id,
    register_device,
)
from tests.sync.laptops import PASSPHRASE, TEST_KDF, make_team


def test_a_second_laptop_joins_with_the_team_passphrase(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    joined = join_team(team.folder, PASSPHRASE)
    assert joined.key == team.key
    assert joined.team_id == team.team_id
    assert joined.name == "행복약국 방문팀"
    assert team.folder == tmp_path / "share" / "ConsultDesk" / team.team_id


def test_a_wrong_team_passphrase_is_detected_before_any_import(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    with pytest.raises(WrongTeamPassphrase) as caught:
        join_team(team.folder, "틀린 암호 입니다 2026")
    assert caught.value.code == "wrong_team_passphrase"
    assert "passphrase is wrong" in caught.value.message


def test_team_file_holds_parameters_and_a_check_but_not_the_key(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    document = json.loads((team.folder / "team.json").read_text("utf-8"))
    assert document["format_version"] == 1
    assert document["kdf"]["algorithm"] == "argon2id"
    assert document["kdf"]["memory_kib"] == TEST_KDF.memory_kib
    raw = (team.folder / "team.json").read_bytes()
    assert team.key not in raw
    assert team.key.hex().encode() not in raw
    assert PASSPHRASE.encode() not in raw
    assert set(document) == {"format", "format_version", "team_id", "name", "kdf", "key_check"}


def test_default_key_derivation_is_strong_but_well_under_a_second() -> None:
    import time

    params = KdfParams.fresh()
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 3
    started = time.perf_counter()
    params.derive(PASSPHRASE)
    assert time.perf_counter() - started < 1.0


def test_a_hangul_passphrase_typed_in_another_unicode_form_still_joins(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    assert join_team(team.folder, decomposed).key == team.key


def test_a_short_team_passphrase_is_refused(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    with pytest.raises(TeamPassphraseTooShort):
        create_team(tmp_path / "share", "팀", "짧은암호", kdf=TEST_KDF)


def test_creating_a_team_in_a_missing_folder_says_the_share_is_unavailable(
    tmp_path: Path,
) -> None:
    with pytest.raises(ShareUnavailable) as caught:
        create_team(tmp_path / "not mounted", "팀", PASSPHRASE, kdf=TEST_KDF)
    assert "not mounted" in caught.value.message
    assert not (tmp_path / "not mounted").exists()


def test_joining_a_folder_without_team_file_says_the_share_is_unavailable(
    tmp_path: Path,
) -> None:
    with pytest.raises(ShareUnavailable):
        join_team(tmp_path, PASSPHRASE)


def test_a_damaged_team_file_is_reported(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    (team.folder / "team.json").write_text("{ not json", "utf-8")
    with pytest.raises(TeamFileInvalid):
        join_team(team.folder, PASSPHRASE)


def test_a_team_from_a_newer_version_asks_for_an_update(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    path = team.folder / "team.json"
    document = json.loads(path.read_text("utf-8"))
    document["format_version"] = 2
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(UnsupportedTeamFormat) as caught:
        join_team(team.folder, PASSPHRASE)
    assert caught.value.code == "team_format_unsupported"


def test_the_join_wizard_lists_teams_and_leaves_out_damaged_ones(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    (tmp_path / "share" / "ConsultDesk" / "desktop.ini").write_text("x")
    (tmp_path / "share" / "ConsultDesk" / "broken").mkdir()
    found = find_teams(tmp_path / "share")
    assert [(info.team_id, info.name) for info in found] == [(team.team_id, team.name)]


def test_each_laptop_gets_its_own_changes_folder(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    device_id = new_device_id()
    folder = register_device(team, device_id)
    assert folder == team.folder / "devices" / device_id / "changes"
    assert folder.is_dir()
    with pytest.raises(ValueError):
        register_device(team, "../escape")


def test_a_team_file_asking_for_absurd_key_derivation_costs_is_refused(tmp_path: Path) -> None:
    team = make_team(tmp_path / "share")
    path = team.folder / "team.json"
    document = json.loads(path.read_text("utf-8"))
    document["kdf"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(TeamFileInvalid):
        join_team(team.folder, PASSPHRASE)
