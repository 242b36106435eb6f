"""Validation problems: a field, a stable code and parameters.

The domain never words a message for a person; the UI turns each code into a translated sentence
(see consultdesk/ui/messages.py) and the CLI uses the English default.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    default_message: str = ""


class ValidationFailed(ValueError):
    """Raised by a service when the input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.default_message or p.code for p in problems))
        self.problems = problems
