"""The imported DUR files (one per list), kept whole: they are parsed again when rules load."""

from __future__ import annotations

from sqlmodel import Session, col, select

from consultdesk.storage.models import ImportedRuleSet


def rule_sets(s: Session) -> list[ImportedRuleSet]:
    """Every imported file, by list."""
    return list(s.exec(select(ImportedRuleSet).order_by(col(ImportedRuleSet.kind))))


def store(s: Session, row: ImportedRuleSet) -> bool:
    """Keep ``row`` as the file of its list; True if it replaced an earlier import."""
    existing = s.get(ImportedRuleSet, row.kind)
    if existing is None:
        s.add(row)
        return False
    for name in ("file_name", "version", "imported_at", "content"):
        setattr(existing, name, getattr(row, name))
    s.add(existing)
    return True


def remove(s: Session, kind: str) -> bool:
    """Forget the file of this list; False if there was none."""
    row = s.get(ImportedRuleSet, kind)
    if row is None:
        return False
    s.delete(row)
    return True
