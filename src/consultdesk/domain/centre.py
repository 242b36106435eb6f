"""Welfare centres (복지관) and their case workers (사례담당자), as the screens list them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Centre:
    id: str
    name: str
    district: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class CaseWorker:
    id: str
    centre_id: str
    name: str
    phone: str = ""
    email: str = ""
