"""meeting lease: which PC has meeting mode open on a meeting

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 01:00:00

Two PCs in meeting mode on one meeting (server mode, or two processes on one
file) overwrote each other's minutes. Meeting mode now takes a lease on the
meeting (``meetinglease``: holder, host, process and a heartbeat refreshed
while the window is open); another PC sees who holds it and opens read-only or
takes over. A lease whose heartbeat is older than a few minutes is free.
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # binds `sqlmodel` and its column types (AutoString) for the type checker
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetinglease",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("holder", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("host", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.PrimaryKeyConstraint("meeting_id"),
    )


def downgrade() -> None:
    op.drop_table("meetinglease")
