"""Alembic environment: always run in-process on a connection the app hands over, inside one
transaction, so a failed migration leaves the database exactly as it was."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import consultdesk.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
