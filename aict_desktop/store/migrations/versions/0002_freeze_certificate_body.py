"""freeze what the body printed on each certificate

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:35:00

A reprint (재발급) must match the original. Revision 0001 froze only the
appointee's fields; the body's name, 위촉권자, wording, border and 직인 were
read from the body as it is at reprint time. This revision keeps them on the
certificate too, and keeps each seal image once in ``certificateseal``.

Certificates issued before the upgrade are filled in from their body as it
is at the upgrade — the best record there is — and are frozen from then on.
"""

import hashlib

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # binds `sqlmodel` and its column types (AutoString) for the type checker
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificateseal",
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("body_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("issuer", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("wording", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("border", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column("seal_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False,
                                      server_default=""))
    _fill_from_bodies(op.get_bind())


def _fill_from_bodies(conn) -> None:
    body = sa.table("body", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("issuer", sa.String),
                    sa.column("certificate_wording", sa.String), sa.column("certificate_border", sa.Boolean),
                    sa.column("seal_png", sa.LargeBinary))
    cert = sa.table("certificate", sa.column("body_id", sa.Integer), sa.column("body_name", sa.String),
                    sa.column("issuer", sa.String), sa.column("wording", sa.String), sa.column("border", sa.Boolean),
                    sa.column("seal_sha256", sa.String))
    seal = sa.table("certificateseal", sa.column("sha256", sa.String), sa.column("png", sa.LargeBinary))
    used = {row[0] for row in conn.execute(sa.select(cert.c.body_id).distinct())}
    stored: set[str] = set()
    for b in conn.execute(sa.select(body).where(body.c.id.in_(used))) if used else ():
        digest = ""
        if b.seal_png:
            digest = hashlib.sha256(b.seal_png).hexdigest()
            if digest not in stored:
                conn.execute(seal.insert().values(sha256=digest, png=b.seal_png))
                stored.add(digest)
        conn.execute(cert.update().where(cert.c.body_id == b.id).values(
            body_name=b.name, issuer=b.issuer or b.name, wording=b.certificate_wording or "",
            border=bool(b.certificate_border), seal_sha256=digest))


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        for column in ("seal_sha256", "border", "wording", "issuer", "body_name"):
            batch_op.drop_column(column)
    op.drop_table("certificateseal")
