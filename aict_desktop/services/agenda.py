"""Agenda items (안건) and their 발언 요지 — part of ``MeetingService`` (the 의결 of an item: ``decisions``).

Every save is its own committed write (SQLite WAL, synchronous FULL): meeting
mode calls ``save_notes`` within a second of the last keystroke, so nothing
typed lives only in memory.

Two PCs typing into one item cannot overwrite each other: meeting
mode passes the text it last loaded or saved (``base``), and the save happens only
if the stored text is still that (one ``UPDATE … WHERE notes = :base``); otherwise
``TextConflict`` carries the other text so the user decides what to keep.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, cast

from sqlalchemy import func, update
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AgendaKind
from aict_desktop.domain.errors import ConflictError, NotFound, ValidationError
from aict_desktop.domain.models import (
    AgendaItem,
    AgendaTask,
    Decision,
    Task,
)
from aict_desktop.i18n import _
from aict_desktop.services.decisions import _now, delete_item_rows
from aict_desktop.services.meeting_host import MeetingHost
from aict_desktop.services.validation import clean_text, parse_enum

NOTES_MAX = 200_000


# Word's Shift+Enter (U+000B), a page break (U+000C), NEL and the Unicode line/paragraph separators
# are line breaks in the text a user pastes: they become "\n". Other control characters (and lone
# surrogates, which no file can store) are dropped; "\n" and "\t" stay.
_LINE_BREAKS = re.compile("\r\n|[\r\u000b\u000c\u0085\u2028\u2029]")
_DROPPED = re.compile("[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff]")


def normalize_breaks(text: str) -> str:
    """Pasted line breaks of every kind as plain line breaks; other control characters dropped (tabs kept)."""
    return _DROPPED.sub("", _LINE_BREAKS.sub("\n", text))


def clean_notes(value, label: str, max_len: int = NOTES_MAX) -> str:
    """Free text typed live: kept as typed (no trimming), only invisible control characters cleaned.

    Minutes are never refused for what a paste brought in: line-break characters
    become line breaks, other control characters are dropped.
    """
    text = unicodedata.normalize("NFC", normalize_breaks("" if value is None else str(value)))
    if len(text) > max_len:
        raise ValidationError(
            _("{label} is too long ({n} characters; at most {max}).").format(label=label, n=len(text), max=max_len)
        )
    return text


class TextConflict(ConflictError):
    """The text was saved by someone else since this editor loaded it; ``theirs`` is what is stored now."""

    def __init__(self, label: str, theirs: str):
        super().__init__(_("{label} were changed on another PC since you opened them; nothing was overwritten.")
                         .format(label=label))
        self.theirs = theirs


def save_checked_text(s: Session, model, row_id: int, field: str, text: str, base: str | None, label: str,
                      *, versioned: bool = True) -> str:
    """Store ``text`` in ``model.field`` if it still holds ``base`` (None: unconditionally); the stored text.

    The check and the write are one UPDATE, so two PCs saving at once cannot both win. Saving what is
    already stored is no conflict. A versioned row gets its version bumped (editors holding it notice).
    """
    column = getattr(model, field)
    values: dict[str, Any] = {field: text}
    if versioned:
        values["version"] = model.version + 1
    if hasattr(model, "updated_at"):
        values["updated_at"] = _now()
    stmt = update(model).where(model.id == row_id)
    if base is not None:
        stmt = stmt.where(column == base)
    result = cast("CursorResult[Any]", s.execute(stmt.values(**values)))  # an UPDATE's result has its row count
    if result.rowcount == 1:
        return text
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(_("The record no longer exists; someone may have deleted it."))
    s.refresh(row)
    current = getattr(row, field)
    if current == text:
        return text
    raise TextConflict(label, current)


class AgendaMixin(MeetingHost):
    """Agenda methods of ``MeetingService`` (needs ``store``, ``_get``, ``_require_draft``)."""

    def _item(self, s: Session, item_id: int) -> AgendaItem:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFound(_("The agenda item no longer exists."))
        return item

    def add_item(self, meeting_id: int, title: str, *, kind: AgendaKind | str = AgendaKind.REPORT,
                 presenter: str = "", description: str = "", closed: bool = False,
                 session: Session | None = None) -> AgendaItem:
        """A new item at the end of the agenda; ``closed``: 비공개 (left out of the public minutes)."""
        if session is None:
            with self.store.write() as s:
                return self.add_item(meeting_id, title, kind=kind, presenter=presenter, description=description,
                                     closed=closed, session=s)
        s = session
        m = self._get(s, meeting_id)
        self._require_draft(m)
        pos = (s.exec(select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)).one() or 0) + 1
        item = AgendaItem(
            meeting_id=meeting_id, position=pos,
            kind=parse_enum(AgendaKind, kind, _("Agenda kind"), default=AgendaKind.REPORT),
            title=clean_text(title, _("Agenda title"), required=True, max_len=300),
            presenter=clean_text(presenter, _("Presenter"), max_len=200),
            description=clean_text(description, _("Description"), max_len=20_000),
            closed=bool(closed),
        )
        s.add(item)
        s.flush()
        return item

    def item(self, item_id: int) -> AgendaItem:
        with self.store.session() as s:
            return self._item(s, item_id)

    def items(self, meeting_id: int) -> list[AgendaItem]:
        with self.store.session() as s:
            return list(s.exec(select(AgendaItem).where(col(AgendaItem.meeting_id) == meeting_id).order_by(col(AgendaItem.position))))

    def update_item(self, item_id: int, *, title: str | None = None, kind: AgendaKind | str | None = None,
                    presenter: str | None = None, description: str | None = None,
                    closed: bool | None = None) -> AgendaItem:
        with self.store.write() as s:
            item = self._item(s, item_id)
            self._require_draft(self._get(s, item.meeting_id))
            if title is not None:
                item.title = clean_text(title, _("Agenda title"), required=True, max_len=300)
            if kind is not None:
                new_kind = parse_enum(AgendaKind, kind, _("Agenda kind"))
                if new_kind is not AgendaKind.RESOLUTION and s.exec(
                    select(Decision).where(Decision.agenda_item_id == item_id)).first():
                    raise ValidationError(_("A vote was recorded on this item; delete the vote before changing its kind."))
                item.kind = new_kind
            if presenter is not None:
                item.presenter = clean_text(presenter, _("Presenter"), max_len=200)
            if description is not None:
                item.description = clean_text(description, _("Description"), max_len=20_000)
            if closed is not None:
                item.closed = bool(closed)
            item.updated_at = _now()
            item.version += 1
            s.add(item)
            s.flush()
            return item

    def remove_item(self, item_id: int) -> None:
        """Delete an agenda item that has no vote and no action items."""
        with self.store.write() as s:
            item = self._item(s, item_id)
            self._require_draft(self._get(s, item.meeting_id))
            if s.exec(select(Task).where(Task.origin_agenda_item_id == item_id)).first():
                raise ValidationError(_("Action items were created from this agenda item; it cannot be deleted."))
            if item.notes.strip():
                raise ValidationError(_("This agenda item has minutes notes; clear them before deleting the item."))
            delete_item_rows(s, item_id)
            meeting_id = item.meeting_id
            s.delete(item)
            s.flush()
            self._renumber(s, meeting_id, [])

    def _renumber(self, s: Session, meeting_id: int, order: list[int]) -> None:
        items = list(s.exec(select(AgendaItem).where(col(AgendaItem.meeting_id) == meeting_id).order_by(col(AgendaItem.position))))
        rank: dict[int | None, int] = {item_id: k for k, item_id in enumerate(order)}
        items.sort(key=lambda it: (rank.get(it.id, len(order)), it.position))
        for pos, it in enumerate(items, start=1):
            if it.position != pos:
                it.position = pos
                s.add(it)

    def move_item(self, item_id: int, delta: int) -> None:
        """Move an agenda item up (-1) or down (+1)."""
        with self.store.write() as s:
            item = self._item(s, item_id)
            self._require_draft(self._get(s, item.meeting_id))
            items = list(s.exec(select(AgendaItem).where(col(AgendaItem.meeting_id) == item.meeting_id).order_by(col(AgendaItem.position))))
            i = next(k for k, it in enumerate(items) if it.id == item_id)
            j = max(0, min(len(items) - 1, i + delta))
            items.insert(j, items.pop(i))
            for pos, it in enumerate(items, start=1):
                it.position = pos
                s.add(it)

    def reorder_items(self, meeting_id: int, item_ids: list[int]) -> None:
        """Put the agenda in this order (after a drag and drop)."""
        with self.store.write() as s:
            self._require_draft(self._get(s, meeting_id))
            own = {it.id for it in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))}
            if set(item_ids) != own or len(item_ids) != len(own):
                raise ValidationError(_("The agenda changed meanwhile; reopen it and try again."))
            self._renumber(s, meeting_id, item_ids)

    def save_notes(self, item_id: int, notes: str, *, base: str | None = None) -> str:
        """Save 발언 요지 of one agenda item (committed before returning); the text as stored.

        With ``base`` (the text the editor last loaded or saved) a text changed meanwhile on another PC
        is not overwritten: ``TextConflict`` carries it instead.
        """
        with self.store.write() as s:
            item = self._item(s, item_id)
            self._require_draft(self._get(s, item.meeting_id))
            return save_checked_text(s, AgendaItem, item_id, "notes", clean_notes(notes, _("Notes")), base,
                                     _("The notes (발언 요지)"))

    def linked_tasks(self, item_id: int) -> list[Task]:
        """Tasks carried forward onto this agenda item (AgendaTask)."""
        with self.store.session() as s:
            return list(s.exec(select(Task).join(AgendaTask, col(AgendaTask.task_id) == Task.id)
                               .where(col(AgendaTask.agenda_item_id) == item_id).order_by(col(Task.due_on), col(Task.id))))
