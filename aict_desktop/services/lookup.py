"""Fetching a record a caller names by id, or a clear NotFound."""

from __future__ import annotations

from sqlmodel import Session

from aict_desktop.domain.errors import NotFound, StoreError
from aict_desktop.domain.models import Body
from aict_desktop.i18n import _


def require_body(s: Session, body_id: int) -> Body:
    """The body, or NotFound if someone deleted it meanwhile."""
    body = s.get(Body, body_id)
    if body is None:
        raise NotFound(_("The body no longer exists."))
    return body


def stored_id(row_id: int | None) -> int:
    """The id of a row read from the data file (a model's id is None only before its first flush)."""
    if row_id is None:
        raise StoreError(_("A record read from the data file has no id; the file is damaged."))
    return row_id
