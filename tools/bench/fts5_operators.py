#!/usr/bin/env python3
"""FTS5 side of treaty-bench --operators: latency per operator class.

  python3 fts5_operators.py DB OPERATORS_FILE PASSES

DB is the SQLite file ../shared/bench/index_fts5.py built (table docs(name, body), bm25).
OPERATORS_FILE has class<TAB>ours<TAB>fts5 lines; lines whose FTS5 column is "-" are skipped
(FTS5 has no such operator). One untimed warm-up pass, then PASSES timed passes; each execution
covers MATCH + ORDER BY rank + fetching the top 10 names.
Output: "Q<TAB>class<TAB>expr<TAB>hits=N<TAB>med_ms=X" per query and
"CLASS<TAB>class<TAB>runs=N<TAB>p50_ms=X<TAB>p95_ms=Y" per class (nearest-rank percentiles).
"""
import math
import sqlite3
import sys
import time


def pct(values, p):
    values = sorted(values)
    k = max(1, min(len(values), math.ceil(p / 100.0 * len(values))))
    return values[k - 1]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    db, qfile, passes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    queries = []
    with open(qfile, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 3 and cols[2] != "-":
                queries.append((cols[0], cols[2]))
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    top = "SELECT name FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"
    count = "SELECT count(*) FROM docs WHERE docs MATCH ?"
    hits = [con.execute(count, (expr,)).fetchone()[0] for _, expr in queries]
    for _, expr in queries:  # warm-up
        con.execute(top, (expr,)).fetchall()
    per_query = [[] for _ in queries]
    for _ in range(passes):
        for i, (_, expr) in enumerate(queries):
            start = time.perf_counter()
            con.execute(top, (expr,)).fetchall()
            per_query[i].append((time.perf_counter() - start) * 1000.0)
    by_class = {}
    for i, (cls, expr) in enumerate(queries):
        print("Q\t%s\t%s\thits=%d\tmed_ms=%.3f" % (cls, expr, hits[i], pct(per_query[i], 50)))
        by_class.setdefault(cls, []).extend(per_query[i])
    for cls, values in by_class.items():
        print("CLASS\t%s\truns=%d\tp50_ms=%.3f\tp95_ms=%.3f" % (cls, len(values), pct(values, 50),
                                                            pct(values, 95)))


if __name__ == "__main__":
    main()
