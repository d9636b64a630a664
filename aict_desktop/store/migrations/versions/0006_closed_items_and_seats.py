"""비공개 agenda items and the body's 정원

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 05:00:00

An agenda item can be marked 비공개 (``agendaitem.closed``): the public version of the minutes
leaves it out. Until now only a "[비공개]" mark in the title did; items so marked are set
closed here. A body can have its 정원 (``body.seats``, the number of members its 조례 sets), so
the yearly report counts vacancies.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

MARKS = ("[비공개]", "(비공개)", "<비공개>", "비공개:", "비공개 -")  # as services.minutes_data.CLOSED_MARKS


def upgrade() -> None:
    # plain ADD COLUMN, not a batch: SQLite's batch mode copies the table and drops the old one, which the
    # decisions, votes and action items referencing these rows refuse while foreign keys are on
    op.add_column("agendaitem", sa.Column("closed", sa.Boolean(create_constraint=False), nullable=False,
                                          server_default=sa.false()))
    op.add_column("body", sa.Column("seats", sa.Integer(), nullable=True))
    item = sa.table("agendaitem", sa.column("closed", sa.Boolean()), sa.column("title", sa.String()),
                    sa.column("description", sa.String()))
    marked = sa.or_(*[item.c.title.like(f"{m}%") for m in MARKS],
                    *[item.c.description.like(f"{m}%") for m in (*MARKS, "비공개")])
    op.execute(item.update().where(marked).values(closed=True))


def downgrade() -> None:
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.drop_column("seats")
    with op.batch_alter_table("agendaitem", schema=None) as batch_op:
        batch_op.drop_column("closed")
