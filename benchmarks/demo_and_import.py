"""Print how long loading the demo and importing a 500-row roster take (SQLite, a temp folder).

    python benchmarks/demo_and_import.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aict_desktop.services.container import Services  # noqa: E402
from aict_desktop.services.demo import load_demo  # noqa: E402
from aict_desktop.services.importing import ImportService  # noqa: E402
from aict_desktop.store import open_store  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite", create=True)
        services = Services(store)
        t0 = time.perf_counter()
        summary = load_demo(services)
        print(f"load_demo: {time.perf_counter() - t0:.3f} s  ({summary})")

        rows = ["성명,소속기관,부서,직위,이메일,휴대전화"]
        rows += [f"위원{i:03d},예시기관{i % 40:02d},부서{i % 7},책임연구원,p{i}@example.com,010-0000-{i:04d}"
                 for i in range(500)]
        path = Path(tmp) / "people.csv"
        path.write_bytes("\n".join(rows).encode("cp949"))
        importer = ImportService(services)
        t0 = time.perf_counter()
        preview = importer.preview("people", path)
        print(f"preview 500 people (CP949 CSV): {time.perf_counter() - t0:.3f} s, {len(preview.problems)} problems")
        t0 = time.perf_counter()
        result = importer.run("people", path)
        print(f"import 500 people: {time.perf_counter() - t0:.3f} s, {result.rows} rows")
        store.dispose()


if __name__ == "__main__":
    main()
