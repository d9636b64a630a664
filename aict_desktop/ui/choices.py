"""Items for combos that list other entities: (label, id) pairs from the services."""

from __future__ import annotations

from aict_desktop.i18n import _


def body_items(services, *, kinds: set[str] | None = None) -> list[tuple[str, int]]:
    """Bodies in tree order; working groups indented under their parent."""
    items = []
    for b in services.bodies.list_bodies():
        if kinds is not None and b.kind not in kinds:
            continue
        items.append((("　" + b.name) if b.parent_id else b.name, b.id))
    return items


def optional(items: list[tuple[str, int]], none_label: str | None = None) -> list[tuple[str, int | None]]:
    return [(none_label or _("(none)"), None), *items]


def institution_items(services) -> list[tuple[str, int]]:
    return [(i.name, i.id) for i in services.roster.list_institutions()]


def person_items(services) -> list[tuple[str, int]]:
    return [(f"{p.name} ({p.institution})" if p.institution else p.name, p.id) for p in services.roster.list_people()]
