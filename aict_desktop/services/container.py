"""All services over one store, built once by the composition root (app.py / cli).

Pages, dialogs and CLI verbs take this object and reach every service through
it (``services.meetings`` is a :class:`MeetingService`); none builds a service
of its own, so a test can swap one (``services.appointments = …``) for all.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from aict_desktop.security.keys import KeyManager
from aict_desktop.services.allowances import AllowanceService
from aict_desktop.services.appointments import AppointmentService
from aict_desktop.services.bodies import BodyService
from aict_desktop.services.certificates import CertificateService
from aict_desktop.services.composition import CompositionService
from aict_desktop.services.exporting import ExportService
from aict_desktop.services.meetings import MeetingService
from aict_desktop.services.personal import PersonalDataService
from aict_desktop.services.reports import ReportService
from aict_desktop.services.roster import RosterService
from aict_desktop.services.tasks import TaskService
from aict_desktop.services.working_groups import WorkingGroupService

if TYPE_CHECKING:
    from aict_desktop.services.annual_report import AnnualReportService
    from aict_desktop.services.importing import ImportService
    from aict_desktop.services.notices import NoticeService
    from aict_desktop.store.engine import Store


class Services:
    store: Store
    bodies: BodyService
    roster: RosterService
    appointments: AppointmentService
    composition: CompositionService
    meetings: MeetingService
    tasks: TaskService
    certificates: CertificateService
    allowances: AllowanceService
    exports: ExportService
    keys: KeyManager
    personal: PersonalDataService
    groups: WorkingGroupService
    reports: ReportService

    def __init__(self, store: Store):
        self.store = store
        self.bodies = BodyService(store)
        self.roster = RosterService(store)
        self.appointments = AppointmentService(store)
        self.composition = CompositionService(store)
        self.meetings = MeetingService(store)
        self.tasks = TaskService(store)
        self.certificates = CertificateService(store, appointments=self.appointments)
        self.keys = KeyManager(store)  # the UI/CLI sets keys.passphrase_provider where there is no keyring
        self.personal = PersonalDataService(store, self.keys)
        self.allowances = AllowanceService(store, personal=self.personal)
        self.exports = ExportService(store, self.allowances)
        self.groups = WorkingGroupService(store)
        self.reports = ReportService(store, self.groups)

    @cached_property
    def annual(self) -> AnnualReportService:
        """The yearly 운영현황 report; built on first use (nothing at start-up needs it)."""
        from aict_desktop.services.annual_report import AnnualReportService

        return AnnualReportService(self.store, self.allowances, self.meetings)

    @cached_property
    def notices(self) -> NoticeService:
        """Notices per recipient, by e-mail (.eml, SMTP) with a calendar entry, and 문자; built on first use."""
        from aict_desktop.services.notices import NoticeService

        return NoticeService(self.store, self.exports)

    @cached_property
    def importing(self) -> ImportService:
        """Import from .xlsx/.csv; built on first use (its readers are not needed by most verbs)."""
        from aict_desktop.services.importing import ImportService

        return ImportService(self)
