"""The incident at size: archive search over 5,000 releases, a follow-up made from a saved
release, and a log append, each against its goal (the floors are SQLite's own query on the
same index, and json + open/append/fsync for the log).

    python bench/incident.py [--releases N]

Goals: search <= 50 ms at 5,000 releases (the index already built; each search still looks
at every file's size and time, so a result is never stale); follow-up <= 50 ms; log append
<= 20 ms.
"""

from __future__ import annotations

import sys

# bench/typing.py would shadow the standard library's ``typing``: keep this folder off the path.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.model.release import Release
from editor.storage import incident_log
from editor.storage.archive import Archive, fts_query
from editor.storage.incidents import follow_up_of
from editor.storage.releases import save_release
from tests.helpers import builtin, values

WORDS = [
    "vatten", "el", "värme", "ras", "brand", "storm", "snö",
    "is", "avbrott", "larm", "sjukhus", "vårdcentral", "buss", "tåg",
]  # fmt: skip


def median_ms(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--releases", type=int, default=5000)
    args = parser.parse_args()
    template = builtin("general-sv")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        archive = Archive(base / "cache" / "archive.sqlite3", [base / "org"])
        (base / "org").mkdir()
        start = time.perf_counter()
        for n in range(args.releases):
            words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(4))
            release = Release.new(
                template, values(template, {"headline": f"Läget {n}: {words}", "lead": words * 3})
            )
            save_release(release, base / "org" / f"r{n:05}.pressklar")
        made = time.perf_counter() - start
        start = time.perf_counter()
        archive.refresh()
        built = time.perf_counter() - start
        query = "storm snö"
        hits = archive.search(query)
        assert hits, "nothing found"
        ours = median_ms(lambda: archive.search(query), 9)
        typing = median_ms(lambda: archive.search(query, refresh=False), 9)
        connection = sqlite3.connect(archive.index)
        sql = "SELECT path FROM texts WHERE texts MATCH ? ORDER BY rank LIMIT 50"
        floor = median_ms(lambda: connection.execute(sql, (fts_query(query),)).fetchall(), 9)
        first = base / "org" / "r00000.pressklar"
        follow = median_ms(lambda: follow_up_of(first), 9)
        log = base / "log"
        append = median_ms(lambda: incident_log.append(log, "export", number=1), 25)
        probe = base / "probe.jsonl"

        def bare_append() -> None:
            with probe.open("a", encoding="utf-8") as stream:
                stream.write('{"x": 1}\n')
                stream.flush()
                os.fsync(stream.fileno())

        bare = median_ms(bare_append, 25)
    print(f"releases: {args.releases} (written in {made:.1f} s, indexed in {built:.1f} s)")
    print(f"search '{query}': {ours:.1f} ms (floor, SQLite's query alone: {floor:.2f} ms;"
          f" ratio {ours / floor:.0f})   goal <= 50 ms")  # fmt: skip
    print(f"search as the user types (refreshed when the dialog opened): {typing:.1f} ms"
          f" (ratio {typing / floor:.1f})   goal <= 50 ms")  # fmt: skip
    print(f"follow-up from a saved release: {follow:.1f} ms   goal <= 50 ms")
    print(f"log append (lock, chain, fsync): {append:.2f} ms (floor, open+append+fsync:"
          f" {bare:.2f} ms; ratio {append / bare:.1f})   goal <= 20 ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
