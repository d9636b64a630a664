"""Composition rules checked at appointment time (RULES.md 1–4).

- 성별: the members of one gender may not exceed 6/10 of the body's 위촉직
  members, all of them counted (미입력 included); people without a 성별 never
  block (양성평등기본법 제21조②). An exception needs a recorded reason.
- a 위촉직 term at most ``max_term_months`` (지방자치법 시행령 제79조②).
- 연임 at most ``reappointment_limit`` times (각 조례), warned at the last allowed.
- 중복위촉: serving as 위촉직 on more bodies than ``multi_body_limit`` is warned (행정기관위원회법
  제8조⑤ is about 위촉 members; an official's seats by office do not count).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from aict_desktop.domain.enums import LabelledEnum
from aict_desktop.domain.rules.membership import is_commissioned
from aict_desktop.domain.rules.settings import BodyRules
from aict_desktop.domain.terms import default_term_end
from aict_desktop.i18n import N_, _


class Gender(LabelledEnum):
    MALE = "남", N_("Male")
    FEMALE = "여", N_("Female")
    UNKNOWN = "미입력", N_("Not given")

    @classmethod
    def parse(cls, text) -> "Gender":
        """남/여, 남성/여성, 남자/여자, M/F, male/female; blank is 미입력."""
        t = ("" if text is None else str(text)).strip().lower()
        if t in ("", "미입력", "-"):
            return cls.UNKNOWN
        if t in ("남", "남성", "남자", "m", "male", "man"):
            return cls.MALE
        if t in ("여", "여성", "여자", "f", "female", "woman"):
            return cls.FEMALE
        raise ValueError(text)


@dataclass(frozen=True)
class Composition:
    commissioned: int
    ex_officio: int
    by_gender: dict = field(default_factory=dict)  # {"남": n, "여": n, "미입력": n} among 위촉직

    def share(self, g: Gender) -> float:
        return 100.0 * self.by_gender.get(g.value, 0) / self.commissioned if self.commissioned else 0.0

    def over_cap(self, rules: BodyRules) -> list[Gender]:
        """The genders whose share of 위촉직 is above the cap."""
        return [g for g in (Gender.MALE, Gender.FEMALE)
                if self.by_gender.get(g.value, 0) * 100 > rules.gender_cap_percent * self.commissioned]

    def cap_ok(self, rules: BodyRules) -> bool:
        return not self.over_cap(rules)

    def describe(self) -> str:
        """``위촉직 12명(남 7, 여 5, 미입력 0), 당연직 2명``"""
        g = self.by_gender
        return (f"위촉직 {self.commissioned}명(남 {g.get('남', 0)}, 여 {g.get('여', 0)}, "
                f"미입력 {g.get('미입력', 0)}), 당연직 {self.ex_officio}명")


def composition(members) -> Composition:
    """From (kind, gender) pairs of the serving members."""
    by = {g.value: 0 for g in Gender}
    com = ex = 0
    for kind, gender in members:
        if is_commissioned(kind):
            com += 1
            by[(gender or Gender.UNKNOWN).value] += 1
        else:
            ex += 1
    return Composition(commissioned=com, ex_officio=ex, by_gender=by)


def vacancies(seats: int | None, members: int) -> int | None:
    """결원: the 정원 the body's 조례 sets less the members serving (None when no 정원 is set; never below 0)."""
    return None if not seats else max(0, seats - members)


def gender_problem(after: Composition, before: Composition, rules: BodyRules) -> str | None:
    """A message when an appointment brings a gender over the cap (or keeps it over and adds to it)."""
    worse = [g for g in after.over_cap(rules)
             if after.by_gender.get(g.value, 0) > before.by_gender.get(g.value, 0)]
    if not worse:
        return None
    g = worse[0]
    return _(
        "One gender may not exceed {cap}% of the appointed members (양성평등기본법 제21조): with this appointment "
        "{gender} would be {n} of {total} ({share:.0f}%). {counts}."
    ).format(cap=rules.gender_cap_percent, gender=g.value, n=after.by_gender[g.value], total=after.commissioned,
             share=after.share(g), counts=after.describe())


def term_problem(start: dt.date, end: dt.date | None, rules: BodyRules) -> str | None:
    """A 위촉직 term longer than the body's maximum (default 3 years)."""
    if end is None or not rules.max_term_months:
        return None
    if end > default_term_end(start, rules.max_term_months):
        return _("A term of an appointed member may be at most {months} months (지방자치법 시행령 제79조②); "
                 "this one runs {start} to {end}.").format(months=rules.max_term_months, start=start.isoformat(),
                                                          end=end.isoformat())
    return None


def renewal_check(renewals_so_far: int, rules: BodyRules) -> tuple[str | None, str | None]:
    """(refusal, warning) for one more 연임 after ``renewals_so_far`` consecutive ones."""
    limit = rules.reappointment_limit
    if limit is None:
        return None, None
    if renewals_so_far + 1 > limit:
        return _("The body allows {limit} renewal(s); this person has already been renewed {n} time(s).").format(
            limit=limit, n=renewals_so_far), None
    if renewals_so_far + 1 == limit:
        return None, _("This is the last renewal the body allows ({limit}).").format(limit=limit)
    return None, None


def multi_body_warning(other_bodies: list[str], rules: BodyRules) -> str | None:
    """Warn when the person would serve on more bodies than the limit (this one included)."""
    if rules.multi_body_limit and len(other_bodies) + 1 > rules.multi_body_limit:
        return _("This person would serve on {n} bodies (more than {limit}): {bodies}.").format(
            n=len(other_bodies) + 1, limit=rules.multi_body_limit, bodies=", ".join(other_bodies))
    return None
