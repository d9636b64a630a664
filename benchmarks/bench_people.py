"""People page with 20,000 generated people: time to open the page, and per keystroke of search.

    python benchmarks/bench_people.py [--people 20000]

Targets (issue #4): the page opens in under 300 ms; a keystroke costs under 50 ms.
Keystrokes are typed one character at a time, as an input method commits
Hangul, for 초성, mixed and plain queries; each is timed until the table
model has been refiltered and the view has processed the change.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FAMILY = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호"  # noqa: E501 (one string of surnames)
GIVEN = "민서준도현지우하윤예성수영진호재은채원빈유연태희승혜경아주상동규석철용훈미정선"


def generate(services, n: int) -> None:
    from sqlalchemy import insert

    from aict_desktop.domain.hangul import initials
    from aict_desktop.domain.models import Institution, Person

    rnd = random.Random(5)
    with services.store.write() as s:
        s.execute(insert(Institution), [{"name": f"기관{i:03d}", "sector": "기타", "address": "", "phone": "",
                                         "homepage": "", "note": "", "is_sample": True, "version": 1}
                                        for i in range(300)])
        inst_ids = [i for (i,) in s.execute(Institution.__table__.select().with_only_columns(Institution.id))]
        rows = []
        for _ in range(n):
            name = rnd.choice(FAMILY) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
            rows.append({"name": name, "name_initials": initials(name), "institution_id": rnd.choice(inst_ids),
                         "department": "", "position": "위원", "email": "", "mobile": "", "note": "",
                         "is_public_official": False, "version": 1})
        s.execute(insert(Person), rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    os.environ["AICT_DATA_DIR"] = tempfile.mkdtemp(prefix="aict-bench-")
    from PySide6.QtWidgets import QApplication

    from aict_desktop import i18n
    from aict_desktop.config import Settings
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    i18n.install("ko")
    app = QApplication.instance() or QApplication([])
    services = Services(open_store(Path(os.environ["AICT_DATA_DIR"]) / "bench.sqlite", create=True))
    generate(services, args.people)

    from aict_desktop.ui.pages.people import PeopleTab

    opens = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        page = PeopleTab(services, Settings())
        page.resize(1280, 760)
        page.show()
        page.activate()
        app.processEvents()
        opens.append((time.perf_counter() - t0) * 1000)
        shown = page.model.rowCount()
        page.close()
        page.deleteLater()
        app.processEvents()

    page = PeopleTab(services, Settings())
    page.resize(1280, 760)
    page.show()
    page.activate()
    app.processEvents()
    keys = []
    for query in ("ㄱㅁㅅ", "김ㅁ", "김민서", "ㅎㄱㄷ", "기관01", "서"):
        page.filters.search.clear()
        app.processEvents()
        for ch in query:
            t0 = time.perf_counter()
            page.filters.search.insert(ch)
            app.processEvents()
            keys.append((time.perf_counter() - t0) * 1000)
    page.filters.search.clear()
    app.processEvents()

    print(f"people: {args.people:,} (page shows {shown:,} rows)")
    print(f"page open:  median {statistics.median(opens):6.1f} ms  (runs: {', '.join(f'{x:.0f}' for x in opens)})  "
          f"target < 300 ms")
    print(f"keystroke:  median {statistics.median(keys):6.1f} ms, max {max(keys):6.1f} ms over {len(keys)} keystrokes  "
          f"target < 50 ms")
    services.store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
