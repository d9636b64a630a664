"""Alembic environment: run from ``store.migrate`` with an open connection."""

from alembic import context
from sqlmodel import SQLModel

import aict_desktop.domain.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from aict_desktop.store.engine import make_engine

        url = config.get_main_option("sqlalchemy.url")
        assert url is not None, "alembic.ini or the caller sets sqlalchemy.url"
        engine = make_engine(url)
        with engine.begin() as conn:
            _run_with(conn)
        engine.dispose()
    else:
        _run_with(connection)


def _run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
