"""Print speed, query-count and memory figures for the main pages on the demo data.

    make bench            (or: .venv/bin/python scripts/benchmark.py [--rounds N] [--db URL])

Builds a fresh database (SQLite in a temporary folder unless --db is given), seeds the demo
organisation with its history, signs in as each demo role through the real sign-in form and
requests each page several times. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from lineup import create_app  # noqa: E402
from lineup.extensions import db  # noqa: E402
from tests.support import CsrfClient, count_queries  # noqa: E402

PAGES = {
    "staff@lineup.demo": ["/", "/line-up/", "/quizzes/", "/board"],
    "supervisor@lineup.demo": ["/", "/team", "/line-up/", "/board"],
    "hr@lineup.demo": ["/hr", "/admin/", "/admin/people", "/line-up/", "/quizzes/"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    url = args.db or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False})
    app.test_client_class = CsrfClient
    with app.app_context():
        started = time.perf_counter()
        upgrade()
        migrate_s = time.perf_counter() - started
        runner = app.test_cli_runner()
        started = time.perf_counter()
        result = runner.invoke(args=["seed-demo"])
        seed_s = time.perf_counter() - started
        if result.exit_code != 0:
            print(result.output, result.exception)
            raise SystemExit(1)
        print(f"database: {db.engine.url.drivername}")
        print(f"migrate from empty: {migrate_s:.2f} s; seed-demo: {seed_s:.2f} s")
        print(f"{'account':26} {'page':22} {'status':>6} {'queries':>7} {'median ms':>9} "
              f"{'p95 ms':>7}")
        for account, pages in PAGES.items():
            client = app.test_client()
            login = client.post("/login", data={"identifier": account, "password": "lineup-demo"})
            print(f"sign-in as {account}: {login.status_code}")
            for page in pages:
                timings = []
                with count_queries() as counter:
                    status = client.get(page).status_code
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    client.get(page)
                    timings.append((time.perf_counter() - started) * 1000)
                timings.sort()
                p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
                print(f"{account:26} {page:22} {status:>6} {counter.count:>7} "
                      f"{statistics.median(timings):>9.1f} {p95:>7.1f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
