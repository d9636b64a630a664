"""Import of a big people CSV: 13,000 and 130,000 rows, each into a fresh SQLite file; the ratio shows
whether the import scales linearly (about 10× for 10× the rows).

    python benchmarks/bench_import.py [--rows 13000 130000] [--runs 1]

The 130,000-row file is about 12 MB, like the one in issue #19 that took 133 s. Prints wall-clock and CPU
seconds of the whole ``ImportService.run`` and of its stages (read and check, write), as reported by the
import's own progress callback. CPU seconds are steadier than wall-clock on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEADER = "성명,소속기관,부서,직위,이메일,휴대전화,성별\n"


def make_csv(path: Path, n: int) -> Path:
    rows = (f"위원{i:06d},서초예시기관{i % 400:03d},전략부{i % 7},책임연구원,m{i}@example.kr,"
            f"010-{i % 10000:04d}-{i % 9999:04d},{'남' if i % 2 else '여'}\n" for i in range(n))
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def run_once(path: Path, folder: Path) -> dict[str, float]:
    from aict_desktop.services.container import Services
    from aict_desktop.services.import_results import WRITING
    from aict_desktop.store import open_store

    store = open_store(folder / f"bench-{time.monotonic_ns()}.sqlite", create=True)
    try:
        services = Services(store)
        marks: dict[str, tuple[float, float]] = {}

        def progress(stage, done, total):
            if stage == WRITING and "write" not in marks:
                marks["write"] = (time.perf_counter(), time.process_time())

        w0, c0 = time.perf_counter(), time.process_time()
        result = services.importing.run("people", path, progress=progress)
        w1, c1 = time.perf_counter(), time.process_time()
        assert result.ok, [p.describe() for p in result.problems[:3]]
        ww, cw = marks["write"]
        return {"wall": w1 - w0, "cpu": c1 - c0, "check_wall": ww - w0, "write_wall": w1 - ww,
                "check_cpu": cw - c0, "write_cpu": c1 - cw, "rows": result.rows}
    finally:
        store.dispose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[13_000, 130_000])
    ap.add_argument("--runs", type=int, default=1, help="runs per size (the median is printed)")
    args = ap.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory(prefix="aict-bench-import-") as tmp:
        folder = Path(tmp)
        for n in args.rows:
            path = make_csv(folder / f"people_{n}.csv", n)
            runs = [run_once(path, folder) for _ in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            figures[n] = med
            print(f"{n:>7,} rows ({path.stat().st_size / 1e6:.1f} MB): {med['wall']:6.2f} s wall "
                  f"(read+check {med['check_wall']:.2f} s, write {med['write_wall']:.2f} s), "
                  f"{med['cpu']:6.2f} s CPU; {med['wall'] / n * 1e6:.0f} µs per row", flush=True)
    if len(figures) >= 2:
        (small, a), (large, b) = sorted(figures.items())[0], sorted(figures.items())[-1]
        print(f"ratio {large:,}/{small:,} rows = {large / small:.0f}×: wall {b['wall'] / a['wall']:.1f}×, "
              f"CPU {b['cpu'] / a['cpu']:.1f}× (linear: {large / small:.0f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
