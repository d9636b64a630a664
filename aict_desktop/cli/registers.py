"""``aict export register --body B``, ``aict export seal-register --year Y`` and ``aict export institutions --body B`` (DESIGN §4).

They are kinds of ``aict export``: this module adds them to ``cli.exporting.EXPORT_KINDS`` when
imported, so it is listed before ``aict_desktop.cli.exporting`` in ``cli._COMMAND_MODULES``
(``export``'s kind choices are read when that module registers the verb).
"""

from __future__ import annotations

import datetime as dt

from aict_desktop.cli.exporting import EXPORT_KINDS, ExportKind


def _register(sv, body_id: int, fmt: str) -> bytes:
    from aict_desktop.documents.registers import RegisterLine, render_register

    body = sv.bodies.get_body(body_id)
    lines = [RegisterLine(serial=r.serial, name=r.person, institution=r.institution, issued_on=r.issued_on,
                          status=r.status, reprints=max(0, r.prints - 1), void_reason=r.void_reason)
             for r in sv.certificates.list(body_id)]
    return render_register(body.name, lines, fmt, dt.date.today())


def _seal_register(sv, target: tuple, fmt: str) -> bytes:
    from aict_desktop.documents.registers import render_seal_register

    year, body_id = target
    name = sv.bodies.get_body(body_id).name if body_id is not None else ""
    return render_seal_register(year, sv.certificates.seal_prints(year, body_id), fmt, name)


def _participants(sv, body_id: int, fmt: str) -> bytes:
    return sv.roster.participants_document(body_id, fmt)


EXPORT_KINDS.setdefault("institutions", ExportKind("body", ("pdf", "xlsx"), _participants))  # 참여기관 명단
EXPORT_KINDS.setdefault("register", ExportKind("body", ("pdf", "xlsx"), _register))
EXPORT_KINDS.setdefault("seal-register", ExportKind("year", ("pdf", "xlsx"), _seal_register))


def register(sub) -> None:
    """The verbs are kinds of ``export`` (added above); nothing of its own."""
