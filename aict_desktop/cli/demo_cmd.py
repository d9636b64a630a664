"""``aict demo``: load the demo data set into an empty data file."""

from __future__ import annotations

from aict_desktop.cli.common import add_verb, open_services
from aict_desktop.i18n import _


def register(sub) -> None:
    add_verb(sub, "demo", _("load the demo data (bodies, 31 institutions, people, meetings, tasks)"), cmd_demo)


def cmd_demo(args) -> int:
    from aict_desktop.services.demo import load_demo

    services = open_services(args)
    try:
        summary = load_demo(services)
    finally:
        services.store.dispose()
    print(summary)
    return 0
