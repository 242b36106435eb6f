"""Joining finds the team whichever level of the shared tree a person picked."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.services import sync
from consultdesk.services.sync import NoTeamInFolder, SeveralTeamsInFolder
from consultdesk.sync.team import create_team
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    CHEAP_KDF,
    TEAM_PASSPHRASE,
    MakeLaptop,
    new_laptop_fixture,
    share_fixture,
    start_team,
)


@pytest.mark.parametrize(
    "picked",
    ["share", "share/ConsultDesk", "share/ConsultDesk/TEAM", "share/ConsultDesk/TEAM/devices",
     "share/ConsultDesk/TEAM/devices/DEVICE", "share/ConsultDesk/TEAM/devices/DEVICE/changes"],
)  # fmt: skip
def test_the_share_the_consultdesk_folder_or_the_team_folder_all_find_the_team(
    new_laptop: MakeLaptop, share: Path, picked: str
) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    path = share.parent / picked.replace("TEAM", team.team_id).replace("DEVICE", a.device)
    assert path.is_dir()
    joined = sync.join_team(b, path, TEAM_PASSPHRASE)
    assert joined.folder == team.folder and joined.team_id == team.team_id
    assert sync.team_summary(b) == joined


def test_a_renamed_consultdesk_folder_still_finds_its_team(
    new_laptop: MakeLaptop, share: Path
) -> None:
    # What a sync client leaves when two laptops made the folder at once: "ConsultDesk (1)".
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    copy = share / "ConsultDesk (1)"
    (share / "ConsultDesk").rename(copy)
    joined = sync.join_team(b, copy, TEAM_PASSPHRASE)
    assert joined.team_id == team.team_id and joined.folder == copy / team.team_id


def test_several_teams_name_each_folder_to_choose(new_laptop: MakeLaptop, share: Path) -> None:
    a, b = new_laptop("a"), new_laptop("b")
    first = start_team(a, share)
    second = create_team(share, "둘째 방문팀", TEAM_PASSPHRASE, kdf=CHEAP_KDF)
    for picked in (share, share / "ConsultDesk"):
        with pytest.raises(SeveralTeamsInFolder) as caught:
            sync.join_team(b, picked, TEAM_PASSPHRASE)
        message = caught.value.message
        assert f"{picked} holds 2 teams" in message
        assert f"행복약국 방문팀: {first.folder}" in message
        assert f"둘째 방문팀: {second.folder}" in message
    assert sync.team_summary(b) is None
    # Either team folder itself is then unambiguous.
    assert sync.join_team(b, second.folder, TEAM_PASSPHRASE).name == "둘째 방문팀"


def test_no_team_says_which_folder_to_choose(new_laptop: MakeLaptop, share: Path) -> None:
    b = new_laptop("b")
    (share / "ConsultDesk").mkdir()  # there, but the sync client has not brought the team yet
    for picked in (share, share / "ConsultDesk", share.parent):
        with pytest.raises(NoTeamInFolder) as caught:
            sync.join_team(b, picked, TEAM_PASSPHRASE)
        assert f"no ConsultDesk team in {picked}" in caught.value.message
        assert "the one with team.json" in caught.value.message
    assert sync.team_summary(b) is None
