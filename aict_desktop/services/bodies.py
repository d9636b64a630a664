"""Bodies (기구): committees, networks, councils and their working groups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import fields
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AttendanceStatus, BodyKind, DecisionQuorumRule, OpenQuorumRule, TieRule
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Appointment, Body, InstitutionMembership, Meeting, Task
from aict_desktop.domain.rules import SOURCES, BodyRules, rules_of, serves_on
from aict_desktop.i18n import _
from aict_desktop.services.rows import BodyRow
from aict_desktop.services.validation import clean_text, parse_enum
from aict_desktop.services.lookup import require_body
from aict_desktop.store.optimistic import save_versioned

if TYPE_CHECKING:
    from aict_desktop.store.engine import Store


class BodyService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def find_body(self, ref: str | int, session: Session | None = None) -> Body:
        """A body by id or exact name (``--body B``)."""
        def _find(s: Session) -> Body:
            text = str(ref).strip()
            body = None
            if text.isdigit():
                body = s.get(Body, int(text))
            if body is None:
                body = s.exec(select(Body).where(Body.name == text)).first()
            if body is None:
                raise NotFound(_("There is no body '{ref}' (give its id or exact name).").format(ref=ref))
            return body

        if session is not None:
            return _find(session)
        with self.store.session() as s:
            return _find(s)

    def _body_values(self, data: dict[str, Any], s: Session, body_id: int | None) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if "name" in data or body_id is None:
            v["name"] = clean_text(data.get("name"), _("Body name"), required=True, field="name")
            clash = s.exec(select(Body).where(Body.name == v["name"])).first()
            if clash and clash.id != body_id:
                raise ValidationError(_("A body named '{name}' already exists.").format(name=v["name"]), field="name")
        for key, label, max_len in (
            ("short_name", _("Short name"), 100),
            ("issuer", _("Appointing authority"), 200),
            ("certificate_wording", _("Certificate wording"), 500),
            ("goals", _("Goals"), 20_000),
            ("plan", _("Execution plan"), 20_000),
            ("description", _("Description"), 20_000),
            ("contact", _("Contact"), 500),
        ):
            if key in data:
                v[key] = clean_text(data[key], label, max_len=max_len, field=key)
        for key, enum_cls, label in (
            ("kind", BodyKind, _("Body kind")),
            ("open_quorum", OpenQuorumRule, _("Quorum to open")),
            ("decision_quorum", DecisionQuorumRule, _("Quorum to decide")),
            ("tie_rule", TieRule, _("Tie rule")),
        ):
            if key in data:
                v[key] = parse_enum(enum_cls, data[key], label, field=key)
        for key in ("default_term_months", "allowance_rate", "allowance_long_extra", "allowance_written_rate", "sort_order"):
            if key in data:
                try:
                    n = int(data[key])
                except (TypeError, ValueError):
                    raise ValidationError(_("{field} must be a whole number.").format(field=key), field=key) from None
                if n < 0:
                    raise ValidationError(_("{field} cannot be negative.").format(field=key), field=key)
                v[key] = n
        if "seats" in data:  # 정원; 0 or empty: not set
            try:
                seats = int(data["seats"] or 0)
            except (TypeError, ValueError):
                raise ValidationError(_("The number of seats must be a whole number."), field="seats") from None
            if not 0 <= seats <= 9999:
                raise ValidationError(_("The number of seats must be between 0 (not set) and 9999."), field="seats")
            v["seats"] = seats or None
        if "default_term_months" in v and not 1 <= v["default_term_months"] <= 120:
            raise ValidationError(_("The default term must be between 1 and 120 months."), field="default_term_months")
        for key in ("allowance_ex_officio", "certificate_border"):
            if key in data:
                v[key] = bool(data[key])
        if "seal_png" in data:
            seal = data["seal_png"]
            if seal is not None and not bytes(seal).startswith(b"\x89PNG\r\n\x1a\n"):
                raise ValidationError(_("The seal image must be a PNG file."), field="seal_png")
            v["seal_png"] = seal
        if "parent_id" in data:
            parent_id = data["parent_id"]
            if parent_id is not None:
                parent = s.get(Body, int(parent_id))
                if parent is None:
                    raise ValidationError(_("The parent body does not exist."), field="parent_id")
                node: Body | None = parent
                while node is not None:  # no cycles: a body cannot sit under itself
                    if body_id is not None and node.id == body_id:
                        raise ValidationError(_("A body cannot be placed under itself."), field="parent_id")
                    node = s.get(Body, node.parent_id) if node.parent_id else None
            v["parent_id"] = parent_id
        return v

    def create_body(self, **data: Any) -> Body:
        with self.store.write() as s:
            body = Body(**self._body_values(data, s, None))
            s.add(body)
            s.flush()
            return body

    def update_body(self, body_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                    original: dict[str, Any] | None = None) -> Body:
        with self.store.write() as s:
            values = self._body_values(changes, s, body_id)
            return save_versioned(s, Body, body_id, values, expected_version=expected_version, original=original)

    def delete_body(self, body_id: int) -> None:
        with self.store.write() as s:
            body = require_body(s, body_id)
            deps = {
                _("working groups"): s.exec(select(func.count()).select_from(Body).where(Body.parent_id == body_id)).one(),
                _("appointments"): s.exec(select(func.count()).select_from(Appointment).where(Appointment.body_id == body_id)).one(),
                _("meetings"): s.exec(select(func.count()).select_from(Meeting).where(Meeting.body_id == body_id)).one(),
                _("tasks"): s.exec(select(func.count()).select_from(Task).where(Task.body_id == body_id)).one(),
            }
            used = {k: n for k, n in deps.items() if n}
            if used:
                what = ", ".join(f"{k} {n}" for k, n in used.items())
                raise ValidationError(
                    _("'{name}' cannot be deleted while it has {what}.").format(name=body.name, what=what)
                )
            for m in s.exec(select(InstitutionMembership).where(InstitutionMembership.body_id == body_id)):
                s.delete(m)
            s.delete(body)

    def get_body(self, body_id: int) -> Body:
        with self.store.session() as s:
            body = require_body(s, body_id)
            return body

    def list_bodies(self) -> list[BodyRow]:
        with self.store.session() as s:
            bodies = s.exec(select(Body)).all()
            by_id = {b.id: b for b in bodies}
            today = dt.date.today()
            members: dict[int, int] = defaultdict(int)
            for a in s.exec(select(Appointment)):
                if serves_on(a, today):
                    members[a.body_id] += 1

            def order_key(b: Body):
                chain = []
                node: Body | None = b
                while node is not None:
                    chain.append((node.sort_order, node.id))
                    node = by_id.get(node.parent_id) if node.parent_id else None
                return list(reversed(chain))

            rows = []
            for b in sorted(bodies, key=order_key):
                assert b.id is not None
                parent = by_id.get(b.parent_id) if b.parent_id else None
                rows.append(
                    BodyRow(
                        id=b.id,
                        name=b.name,
                        kind=b.kind.value,
                        parent=parent.name if parent else None,
                        issuer=b.issuer,
                        parent_id=b.parent_id,
                        default_term_months=b.default_term_months,
                        members=members[b.id],
                        rules=rules_of(b).to_dict(),
                    )
                )
            return rows

    # --- the body's rule set (domain.rules.BodyRules) ------------------------------------------

    def rules(self, body_id: int) -> BodyRules:
        with self.store.session() as s:
            return rules_of(require_body(s, body_id))

    def save_rules(self, body_id: int, changes: dict[str, Any], expected_version: int | None = None, *,
                   body_changes: dict[str, Any] | None = None, original: dict[str, Any] | None = None) -> BodyRules:
        """Change some of the body's rules (keys of ``BodyRules``); refused whole on any bad value.

        The quorum rules and ``pay_ex_officio`` go to the body's columns, the rest to ``body.rules``.
        ``body_changes`` (as for :meth:`update_body`) are saved in the same transaction, so the
        settings page's one button saves all or nothing. ``original``: as for :meth:`update_body`.
        """
        with self.store.write() as s:
            body = require_body(s, body_id)
            current = rules_of(body)
            new = current.replace(**_checked_rules(changes, current))
            values = self._body_values(body_changes, s, body_id) if body_changes else {}
            values.update(_rule_columns(new))
            save_versioned(s, Body, body_id, values, expected_version=expected_version, original=original)
            return new

    def children(self, body_id: int) -> list[Body]:
        with self.store.session() as s:
            return list(s.exec(select(Body).where(col(Body.parent_id) == body_id).order_by(col(Body.sort_order), col(Body.id))))



# --- checking rule changes ----------------------------------------------------------------------

RULE_LABELS = {info.key: info.label for info in SOURCES}
_TYPES = {f.name: f.default for f in fields(BodyRules)}
NOT_ATTENDANCE = (AttendanceStatus.UNKNOWN, AttendanceStatus.ABSENT)


def _rule_columns(r: BodyRules) -> dict[str, Any]:
    """The body's columns and its ``rules`` JSON for a rule set."""
    return {"open_quorum": r.open_quorum, "decision_quorum": r.decision_quorum, "tie_rule": r.tie_rule,
            "allowance_ex_officio": r.pay_ex_officio, "rules": r.stored_json()}


def _checked_rules(changes: dict[str, Any], current: BodyRules) -> dict[str, Any]:
    unknown = [k for k in changes if k not in _TYPES]
    if unknown:
        raise ValidationError(_("There is no rule '{key}'; the rules are: {known}.").format(
            key=unknown[0], known=", ".join(_TYPES)), field=unknown[0])
    return {key: _checked(key, value, _TYPES[key]) for key, value in changes.items()}


def _checked(key: str, value, default):
    label = _(RULE_LABELS.get(key, key))
    if isinstance(default, Enum):
        return parse_enum(type(default), value, label, field=key)
    if isinstance(default, frozenset):
        return _statuses(key, value, label)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValidationError(_("{field} must be yes or no (true/false).").format(field=label), field=key)
        return value
    if isinstance(default, str):  # the certificate serial prefix
        return _serial_prefix(value, label, key)
    if key == "reappointment_limit" and (value is None or value == ""):
        return None  # no limit
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(value)
        n = int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("{field} must be a whole number.").format(field=label), field=key) from None
    if key.endswith("_percent") and not 1 <= n <= 100:
        raise ValidationError(_("{field} must be between 1 and 100.").format(field=label), field=key)
    if n < 0:
        raise ValidationError(_("{field} cannot be negative.").format(field=label), field=key)
    return n


def _serial_prefix(value, label: str, key: str) -> str:
    from aict_desktop.domain.rules.settings import SERIAL_PREFIX_MAX, clean_serial_prefix

    try:
        return clean_serial_prefix(value)
    except (TypeError, ValueError):
        raise ValidationError(_("{field}: up to {n} printable characters, without 호 and not ending in 제 (e.g. 운영위).").format(
            field=label, n=SERIAL_PREFIX_MAX), field=key) from None


def _statuses(key: str, value, label: str) -> frozenset[AttendanceStatus]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise ValidationError(_("{field} must be a list of attendance kinds.").format(field=label), field=key)
    out = set()
    for v in value:
        st = parse_enum(AttendanceStatus, v, label, field=key)
        if st in NOT_ATTENDANCE:
            raise ValidationError(_("'{value}' is not a kind of attendance ({field}).").format(
                value=st.value, field=label), field=key)
        out.add(st)
    if not out and key != "paid_statuses":  # nobody would ever be present; an empty paid set pays no one
        raise ValidationError(_("{field}: choose at least one kind of attendance.").format(field=label), field=key)
    return frozenset(out)
