"""Optimistic locking: an edit saves only if nobody saved the record since it was read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import update
from sqlmodel import Session

from aict_desktop.domain.errors import ConflictError, NotFound
from aict_desktop.i18n import _


def save_versioned(
    session: Session,
    model: type,
    row_id: int,
    changes: dict[str, Any],
    *,
    expected_version: int | None = None,
    original: dict[str, Any] | None = None,
):
    """Apply ``changes`` to one row if its version is still ``expected_version``.

    The check and the write are one ``UPDATE … WHERE version = :v`` so two
    staff saving at once cannot both win. On a conflict the error lists what
    the other person changed (current value against ``original``, the values
    this editor started from).
    """
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(_("The record no longer exists; someone may have deleted it."))
    version = row.version if expected_version is None else expected_version
    values = dict(changes)
    values["version"] = version + 1
    if hasattr(model, "updated_at"):
        values["updated_at"] = dt.datetime.now().replace(microsecond=0)
    result = session.execute(
        update(model).where(model.id == row_id, model.version == version).values(**values)
    )
    if result.rowcount != 1:
        session.refresh(row)
        theirs = {
            k: (original.get(k), getattr(row, k))
            for k in (original or {})
            if hasattr(row, k) and original.get(k) != getattr(row, k)
        }
        detail = "; ".join(f"{k}: {a!s} → {b!s}" for k, (a, b) in theirs.items())
        msg = _("Someone else saved this record after you opened it. Reload it and make your change again.")
        if detail:
            msg += " " + _("They changed: {detail}").format(detail=detail)
        raise ConflictError(msg, changes=theirs)
    session.expire(row)
    return session.get(model, row_id)
