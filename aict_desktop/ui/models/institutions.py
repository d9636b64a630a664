"""기관 table."""

from __future__ import annotations

from aict_desktop.domain.enums import Sector, SectorGroup
from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import Column, RowTableModel, enum_label


class InstitutionTableModel(RowTableModel):
    COL_NAME, COL_SECTOR, COL_GROUP, COL_PEOPLE, COL_BODIES, COL_PHONE = range(6)
    COLUMNS = (
        Column(N_("Institution name"), lambda r: r.name),
        Column(N_("Sector"), lambda r: enum_label(Sector, r.sector)),
        Column(N_("Group"), lambda r: enum_label(SectorGroup, r.sector_group)),
        Column(N_("People"), lambda r: r.people, align_right=True),
        Column(N_("Bodies"), lambda r: ", ".join(r.bodies)),
        Column(N_("Telephone"), lambda r: r.phone),
    )

    def tooltip(self, row, column):
        return "\n".join(row.bodies) if column == self.COL_BODIES and row.bodies else None
