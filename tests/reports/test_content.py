"""Inputs refuse to describe a document that would mislead its reader."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from consultdesk.reports.content import (
    ConsentMethod,
    ConsentOnFile,
    FlagEntry,
    FlagKind,
    FlagStatus,
    IncompleteContentError,
    ReferralResident,
    Sex,
)
from consultdesk.reports.samples import sample_referral, sample_summary


def test_referral_cannot_predate_the_consent_to_share() -> None:
    with pytest.raises(IncompleteContentError, match="record consent first"):
        replace(
            sample_referral(),
            consent=ConsentOnFile(date(2026, 12, 1), ConsentMethod.VERBAL, "박예시"),
        )


def test_resident_needs_a_birth_year_or_an_age() -> None:
    with pytest.raises(IncompleteContentError, match="birth year or age"):
        ReferralResident(name="홍길순", sex=Sex.FEMALE)
    assert ReferralResident(name="홍길순", sex=Sex.FEMALE, age_years=80).age_years == 80


def test_a_dismissed_flag_needs_a_reason() -> None:
    with pytest.raises(IncompleteContentError, match="without a reason"):
        FlagEntry(FlagKind.MEDICATION, "중복 성분", "아세트아미노펜 2종", FlagStatus.DISMISSED)


def test_referral_needs_a_reference_code() -> None:
    with pytest.raises(IncompleteContentError, match="reference code"):
        replace(sample_referral(), reference_code="  ")


def test_prescribers_count_clinics_not_self_bought_supplements() -> None:
    assert sample_summary().prescriber_count() == 3


def test_content_is_frozen() -> None:
    with pytest.raises(AttributeError):
        sample_referral().resident.name = "다른 사람"  # type: ignore[misc]
