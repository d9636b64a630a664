"""위원 (people) table; fast enough for 20,000 rows."""

from __future__ import annotations

from aict_desktop.domain.rules import Gender
from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import Column, RowTableModel


class PersonTableModel(RowTableModel):
    COL_NAME, COL_INSTITUTION, COL_DEPARTMENT, COL_POSITION, COL_EMAIL, COL_MOBILE, COL_GENDER = range(7)
    COLUMNS = (
        Column(N_("Name"), lambda r: r.name),
        Column(N_("Institution"), lambda r: r.institution),
        Column(N_("Department"), lambda r: r.department),
        Column(N_("Position"), lambda r: r.position),
        Column(N_("E-mail"), lambda r: r.email),
        Column(N_("Mobile"), lambda r: r.mobile),
        Column(N_("Gender"), lambda r: Gender(r.gender).label()),
    )
