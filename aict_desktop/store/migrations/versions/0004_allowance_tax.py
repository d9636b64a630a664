"""allowance tax: a per-person tax kind for 참석수당 원천징수, a body's yearly budget

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 10:00:00

The 참석수당 지급 조서 withholds tax per person (``domain.rules.tax``): 기타소득 by
default, else 사업소득, 비과세, 미지급 or 공무원 제외, as the 구's tax officer
decides. The yearly 운영현황 report sets the allowances paid against the
body's budget for the year when one is recorded.
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # binds `sqlmodel` and its column types (AutoString) for the type checker
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "tax_kind", sa.Enum("기타소득", "사업소득", "비과세", "미지급", "공무원 제외", native_enum=False,
                                create_constraint=False, length=40),
            nullable=False, server_default="기타소득"))
    op.create_table(
        "bodybudget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("allowance", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("body_id", "year"),
    )
    op.create_index(op.f("ix_bodybudget_body_id"), "bodybudget", ["body_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_bodybudget_body_id"), table_name="bodybudget")
    op.drop_table("bodybudget")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("tax_kind")
