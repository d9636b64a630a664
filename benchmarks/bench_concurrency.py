"""Figures for shared server mode: several processes issuing 위촉장 and editing one record at once.

    python benchmarks/bench_concurrency.py [--processes 4] [--per-process 10] [--edits 10] [--sqlite]

Starts a private PostgreSQL cluster (tests/postgres/cluster.py; as the
``postgres`` user when run as root), runs the workers of
tests/postgres/concurrency_run.py against one new database, prints the
figures and stops the cluster. ``--sqlite`` runs the same against a local
data file as well, for comparison.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=4)
    ap.add_argument("--per-process", type=int, default=10, help="certificates each process issues")
    ap.add_argument("--edits", type=int, default=10, help="saves of the shared record each process makes")
    ap.add_argument("--sqlite", action="store_true", help="also run against a local SQLite file")
    args = ap.parse_args()

    from tests.postgres.cluster import Cluster, find_bin_dir
    from tests.postgres.concurrency_run import run

    ok = True
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); install 'postgresql'.")
        return 1
    cluster = Cluster(bin_dir).start()
    try:
        url = cluster.create_database("bench")
        print(f"== PostgreSQL {bin_dir.parent.name} ({url})")
        fig = run(url, processes=args.processes, per_process=args.per_process, edits=args.edits)
        print("\n".join(fig.lines()))
        ok &= fig.duplicates == 0 and fig.lost_updates == 0 and not fig.errors
    finally:
        cluster.stop()
    if args.sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "bench.sqlite")
            print(f"== SQLite file ({path})")
            fig = run(path, processes=args.processes, per_process=args.per_process, edits=args.edits)
            print("\n".join(fig.lines()))
            ok &= fig.duplicates == 0 and fig.lost_updates == 0 and not fig.errors
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
