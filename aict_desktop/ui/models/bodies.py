"""기구 table."""

from __future__ import annotations

from aict_desktop.domain.enums import BodyKind
from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import Column, RowTableModel, enum_label


class BodyTableModel(RowTableModel):
    COL_NAME, COL_KIND, COL_PARENT, COL_ISSUER, COL_TERM, COL_MEMBERS = range(6)
    COLUMNS = (
        Column(N_("Body name"), lambda r: ("　└ " if r.parent_id else "") + r.name),
        Column(N_("Kind"), lambda r: enum_label(BodyKind, r.kind)),
        Column(N_("Parent body"), lambda r: r.parent),
        Column(N_("Appointing authority"), lambda r: r.issuer),
        Column(N_("Term (months)"), lambda r: r.default_term_months, align_right=True),
        Column(N_("Members"), lambda r: r.members, align_right=True),
    )
