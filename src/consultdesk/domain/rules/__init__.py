"""Medication risk-flag rules: data files in, flags with reasons and sources out.

Usage: ``evaluate(items, EvaluationContext(rules=load_rules(dir), age=78))``.
"""

from consultdesk.domain.rules.engine import EvaluationContext, evaluate
from consultdesk.domain.rules.flag import KIND_MEDICATION, KIND_SOCIAL, RiskFlag, Severity
from consultdesk.domain.rules.loader import RuleFileError, load_rule_file, load_rules
from consultdesk.domain.rules.model import RuleSet

__all__ = [
    "KIND_MEDICATION",
    "KIND_SOCIAL",
    "EvaluationContext",
    "RiskFlag",
    "RuleFileError",
    "RuleSet",
    "Severity",
    "evaluate",
    "load_rule_file",
    "load_rules",
]
