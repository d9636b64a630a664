"""발급대장 (certificate register) table."""

from __future__ import annotations

from aict_desktop.domain.enums import CertificateStatus, Role
from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import MUTED, Column, RowTableModel, enum_label, role_key


class CertificateTableModel(RowTableModel):
    COL_SERIAL, COL_PERSON, COL_INSTITUTION, COL_ROLE, COL_ISSUED, COL_STATUS, COL_PRINTS, COL_NOTE = range(8)
    COLUMNS = (
        Column(N_("Serial"), lambda r: (r.year, r.seq), text=lambda r: r.serial),
        Column(N_("Name"), lambda r: r.person),
        Column(N_("Institution"), lambda r: r.institution),
        Column(N_("Role"), lambda r: role_key(r.role, None, r.person, r.id), text=lambda r: enum_label(Role, r.role)),
        Column(N_("Issued on"), lambda r: r.issued_on),
        Column(N_("Status"), lambda r: enum_label(CertificateStatus, r.status)),
        Column(N_("Prints"), lambda r: r.prints, align_right=True),
        Column(N_("Void reason"), lambda r: r.void_reason),
    )

    def colour(self, row):
        return MUTED if row.status == CertificateStatus.VOID.value else None
