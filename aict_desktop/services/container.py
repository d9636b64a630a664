"""All services over one store, built once by the composition root (app.py / cli)."""

from __future__ import annotations

from aict_desktop.security.keys import KeyManager
from aict_desktop.services.allowances import AllowanceService
from aict_desktop.services.appointments import AppointmentService
from aict_desktop.services.bodies import BodyService
from aict_desktop.services.certificates import CertificateService
from aict_desktop.services.exporting import ExportService
from aict_desktop.services.meetings import MeetingService
from aict_desktop.services.personal import PersonalDataService
from aict_desktop.services.reports import ReportService
from aict_desktop.services.roster import RosterService
from aict_desktop.services.tasks import TaskService
from aict_desktop.services.working_groups import WorkingGroupService


class Services:
    def __init__(self, store):
        self.store = store
        self.bodies = BodyService(store)
        self.roster = RosterService(store)
        self.appointments = AppointmentService(store)
        self.meetings = MeetingService(store)
        self.tasks = TaskService(store)
        self.certificates = CertificateService(store)
        self.allowances = AllowanceService(store)
        self.exports = ExportService(store, self.allowances)
        self.keys = KeyManager(store)  # the UI/CLI sets keys.passphrase_provider where there is no keyring
        self.personal = PersonalDataService(store, self.keys)
        self.groups = WorkingGroupService(store)
        self.reports = ReportService(store, self.groups)
