"""committee rules: per-body rule set, 성별, notice dates, 제척·기피·회피, named votes, composition exceptions

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:00:00

The rules issue gives every committee rule one home (``domain.rules``). The
data it needs: the body's rule set as JSON (``body.rules``; empty = the legal
defaults), a person's 성별 and 출생연도, when a meeting's notice went out and
its 긴급 사유, per agenda item the members excluded from the vote and the
named votes, and the exceptions recorded to a composition rule.
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # binds `sqlmodel` and its column types (AutoString) for the type checker
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _enum(*values):
    return sa.Enum(*values, native_enum=False, create_constraint=False, length=40)


def upgrade() -> None:
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rules", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gender", _enum("남", "여", "미입력"), nullable=False, server_default="미입력"))
        batch_op.add_column(sa.Column("birth_year", sa.Integer(), nullable=True))
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice_sent_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("urgent_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))
    op.create_table(
        "recusal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("제척", "기피", "회피"), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agendaitem.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agenda_item_id", "person_id"),
    )
    op.create_index(op.f("ix_recusal_agenda_item_id"), "recusal", ["agenda_item_id"], unique=False)
    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("choice", _enum("찬성", "반대", "기권"), nullable=False),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agendaitem.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agenda_item_id", "person_id"),
    )
    op.create_index(op.f("ix_vote_agenda_item_id"), "vote", ["agenda_item_id"], unique=False)
    op.create_table(
        "compositionexception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=True),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("counts", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointment.id"]),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_compositionexception_body_id"), "compositionexception", ["body_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_compositionexception_body_id"), table_name="compositionexception")
    op.drop_table("compositionexception")
    op.drop_index(op.f("ix_vote_agenda_item_id"), table_name="vote")
    op.drop_table("vote")
    op.drop_index(op.f("ix_recusal_agenda_item_id"), table_name="recusal")
    op.drop_table("recusal")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("urgent_reason")
        batch_op.drop_column("notice_sent_on")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("birth_year")
        batch_op.drop_column("gender")
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.drop_column("rules")
