"""The imported product list (local reference data: not shared, not personal)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from sqlalchemy import delete, func, insert, literal_column
from sqlmodel import Session, col, select

from consultdesk.domain.catalog import Product
from consultdesk.storage.models import ImportedProduct

_BATCH = 2000
# SQLite allows 32,766 bound variables per statement; stay far below it.
_IN_CHUNK = 500


def stored_products(s: Session) -> list[Product]:
    """Every imported product, in the order of import (the order the search shows equal
    matches in)."""
    # Column tuples rather than ORM objects: 50,000 rows load several times faster.
    rows = s.execute(
        sa.select(
            col(ImportedProduct.name),
            col(ImportedProduct.atc_codes),
            col(ImportedProduct.ingredient_codes),
            col(ImportedProduct.ingredient_names),
            col(ImportedProduct.company),
        ).order_by(literal_column("rowid"))
    )
    return [
        Product(name, _codes(atc), _codes(codes), _codes(names), company)
        for name, atc, codes, names, company in rows
    ]


def _codes(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _row(product: Product, source: str) -> dict[str, str]:
    return {
        "name": product.name,
        "atc_codes": json.dumps(list(product.atc_codes)),
        "ingredient_codes": json.dumps(list(product.ingredient_codes), ensure_ascii=False),
        "ingredient_names": json.dumps(list(product.ingredient_names), ensure_ascii=False),
        "company": product.company,
        "source": source,
    }


def store_products(
    s: Session,
    products: Sequence[Product],
    source: str,
    progress: Callable[[int], None] = lambda _done: None,
) -> list[str]:
    """Store ``products`` (from the file ``source``), each replacing a stored product of the same
    name (case ignored). Returns the names it replaced, as they were stored; ``progress`` is told
    how many products are written so far."""
    stored = {name.casefold(): name for name in s.exec(select(ImportedProduct.name))}
    replaced = [stored[p.name.casefold()] for p in products if p.name.casefold() in stored]
    for start in range(0, len(replaced), _IN_CHUNK):
        chunk = replaced[start : start + _IN_CHUNK]
        s.execute(delete(ImportedProduct).where(col(ImportedProduct.name).in_(chunk)))
    for start in range(0, len(products), _BATCH):
        batch = products[start : start + _BATCH]
        s.execute(insert(ImportedProduct), [_row(p, source) for p in batch])
        progress(start + len(batch))
    return replaced


def product_count(s: Session) -> int:
    return int(s.exec(select(func.count()).select_from(ImportedProduct)).one())


def clear_products(s: Session) -> int:
    """Forget every imported product; returns how many there were."""
    count = product_count(s)
    s.execute(delete(ImportedProduct))
    return count
