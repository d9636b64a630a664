"""All services over one store, built once by the composition root (app.py / cli).

Pages, dialogs and CLI verbs take this object and reach every service through
it (``services.meetings`` is a :class:`MeetingService`); none builds a service
of its own, so a test can swap one (``services.appointments = …``) for all.
Each service is built, and its module imported, on first use: a command that
issues certificates does not load the meetings, reports or import code.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aict_desktop.security.keys import KeyManager
    from aict_desktop.services.allowances import AllowanceService
    from aict_desktop.services.annual_report import AnnualReportService
    from aict_desktop.services.appointments import AppointmentService
    from aict_desktop.services.bodies import BodyService
    from aict_desktop.services.certificates import CertificateService
    from aict_desktop.services.composition import CompositionService
    from aict_desktop.services.exporting import ExportService
    from aict_desktop.services.importing import ImportService
    from aict_desktop.services.meetings import MeetingService
    from aict_desktop.services.notices import NoticeService
    from aict_desktop.services.personal import PersonalDataService
    from aict_desktop.services.reports import ReportService
    from aict_desktop.services.roster import RosterService
    from aict_desktop.services.tasks import TaskService
    from aict_desktop.services.working_groups import WorkingGroupService
    from aict_desktop.store.engine import Store


class Services:
    def __init__(self, store: Store):
        self.store = store

    @cached_property
    def bodies(self) -> BodyService:
        from aict_desktop.services.bodies import BodyService

        return BodyService(self.store)

    @cached_property
    def roster(self) -> RosterService:
        from aict_desktop.services.roster import RosterService

        return RosterService(self.store)

    @cached_property
    def appointments(self) -> AppointmentService:
        from aict_desktop.services.appointments import AppointmentService

        return AppointmentService(self.store)

    @cached_property
    def composition(self) -> CompositionService:
        from aict_desktop.services.composition import CompositionService

        return CompositionService(self.store)

    @cached_property
    def meetings(self) -> MeetingService:
        from aict_desktop.services.meetings import MeetingService

        return MeetingService(self.store)

    @cached_property
    def tasks(self) -> TaskService:
        from aict_desktop.services.tasks import TaskService

        return TaskService(self.store)

    @cached_property
    def certificates(self) -> CertificateService:
        from aict_desktop.services.certificates import CertificateService

        return CertificateService(self.store, appointments=self.appointments)

    @cached_property
    def keys(self) -> KeyManager:
        """The encryption keys; the UI/CLI sets ``keys.passphrase_provider`` where there is no keyring."""
        from aict_desktop.security.keys import KeyManager

        return KeyManager(self.store)

    @cached_property
    def personal(self) -> PersonalDataService:
        from aict_desktop.services.personal import PersonalDataService

        return PersonalDataService(self.store, self.keys)

    @cached_property
    def allowances(self) -> AllowanceService:
        from aict_desktop.services.allowances import AllowanceService

        return AllowanceService(self.store, personal=self.personal)

    @cached_property
    def exports(self) -> ExportService:
        from aict_desktop.services.exporting import ExportService

        return ExportService(self.store, self.allowances)

    @cached_property
    def groups(self) -> WorkingGroupService:
        from aict_desktop.services.working_groups import WorkingGroupService

        return WorkingGroupService(self.store)

    @cached_property
    def reports(self) -> ReportService:
        from aict_desktop.services.reports import ReportService

        return ReportService(self.store, self.groups)

    @cached_property
    def annual(self) -> AnnualReportService:
        """The yearly 운영현황 report."""
        from aict_desktop.services.annual_report import AnnualReportService

        return AnnualReportService(self.store, self.allowances, self.meetings)

    @cached_property
    def notices(self) -> NoticeService:
        """Notices per recipient, by e-mail (.eml, SMTP) with a calendar entry, and 문자."""
        from aict_desktop.services.notices import NoticeService

        return NoticeService(self.store, self.exports)

    @cached_property
    def importing(self) -> ImportService:
        """Import from .xlsx/.csv."""
        from aict_desktop.services.importing import ImportService

        return ImportService(self)
