"""Glyph preflight: every character of every field is checked before anything renders.

A character no bundled face has (an emoji, say) stops the job with a message
naming the character, its U+ code, the field and the person, so nothing is
recorded and no blank box ever reaches paper.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from aict_desktop.documents import fonts
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _

_ALWAYS_OK = frozenset(" \n\t")


@dataclass(frozen=True)
class Field:
    """One piece of text to print: whose it is, what it is, and the face it prints in."""

    person: str
    label: str
    value: str
    face: str = fonts.SERIF


def person_fields(name: str, institution: str, position: str, face: str = fonts.SANS) -> list[Field]:
    """A table row's 성명, 소속 and 직위, each checked as that person's."""
    return [Field(name, _("name"), name, face), Field(name, _("institution"), institution, face),
            Field(name, _("position"), position, face)]


def missing(text: str, face: str) -> str | None:
    """The first character of ``text`` no face of ``face``'s chain can print."""
    for ch in text or "":
        if ch in _ALWAYS_OK:
            continue
        if fonts.face_for(face, ch) is None:
            return ch
    return None


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def check(fields: Iterable[Field]) -> None:
    """Raise ValidationError for the first unprintable character."""
    for f in fields:
        ch = missing(f.value, f.face)
        if ch is None:
            continue
        if f.person:
            msg = _(
                "'{char}' ({code}) in the {field} of {person} cannot be printed: the document font has no such "
                "character. Correct the text and try again; nothing was recorded."
            ).format(char=ch, code=_describe(ch), field=f.label, person=f.person)
        else:
            msg = _(
                "'{char}' ({code}) in the {field} cannot be printed: the document font has no such character. "
                "Correct the text and try again; nothing was recorded."
            ).format(char=ch, code=_describe(ch), field=f.label)
        raise ValidationError(msg, field=f.label)

