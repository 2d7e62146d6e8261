#!/usr/bin/python3
"""The benchmark suite: `timeline` beside the sqlite3 shell, on the same data, in one run.

    python3 Benchmarks/run.py            # 1M events (about an hour: the import is run 5 times)
    python3 Benchmarks/run.py --quick    # 100k events, to try it out
    python3 Benchmarks/run.py --big      # 1M, then a 10M database for the range query
    python3 Benchmarks/run.py --events N # any size

Builds the release binaries itself (`timeline`, fully static, and `timeline-benchmark`),
generates the data with Benchmarks/generate.py into a temporary folder, then runs every workload
ALTERNATING ours and the shell's (ours first on even runs, the shell first on odd ones), at least
5 timed runs each after one untimed warm-up, and writes the medians, the ratios ours/shell and the
targets to BENCHMARKS.md (and prints them). Times are wall-clock (time.monotonic around each
process, start to exit); peak RSS is each process's own ru_maxrss from os.wait4. Standard
library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEVNULL = "/dev/null"

# The columns `timeline export --format csv|tsv` writes, selected from OUR events table by the shell.
EVENT_COLUMNS_SQL = """
SELECT e.uid, e.kind, e.status, e.when_edtf AS "when", e.when_earliest AS earliest, e.when_latest AS latest,
  e.when_precision AS precision,
  CASE e.when_approximate WHEN 1 THEN 'true' ELSE 'false' END AS approximate,
  CASE e.when_uncertain WHEN 1 THEN 'true' ELSE 'false' END AS uncertain,
  e.announced_edtf AS announced, e.announced_earliest, e.announced_latest, e.title, e.summary,
  (SELECT json_group_array(json_object('slug', slug, 'name', name, 'role', role)) FROM (
     SELECT en.slug AS slug, en.name AS name, ee.role AS role FROM event_entities AS ee
     JOIN entities AS en ON en.id = ee.entity_id WHERE ee.event_id = e.id ORDER BY ee.position, en.slug, ee.role)) AS entities,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM event_tags WHERE event_id = e.id ORDER BY tag)) AS tags,
  (SELECT json_group_array(json_object('quantity', quantity, 'value', value, 'unit', unit, 'entity', entity,
        'approximate', json(approximate), 'qualifier', qualifier, 'source', source, 'note', note)) FROM (
     SELECT m.quantity AS quantity, m.value AS value, m.unit AS unit, en.slug AS entity,
       CASE m.approximate WHEN 1 THEN 'true' ELSE 'false' END AS approximate, m.qualifier AS qualifier,
       s.key AS source, m.note AS note
     FROM measures AS m LEFT JOIN entities AS en ON en.id = m.entity_id LEFT JOIN sources AS s ON s.id = m.source_id
     WHERE m.event_id = e.id ORDER BY m.id)) AS measures,
  (SELECT json_group_array(json_object('key', key, 'url', url, 'title', title, 'publisher', publisher,
        'published', published, 'language', language, 'type', type, 'stance', stance, 'quote', quote,
        'quote_language', quote_language, 'translation', translation, 'note', note)) FROM (
     SELECT s.key AS key, s.url AS url, s.title AS title, s.publisher AS publisher, s.published_edtf AS published,
       s.language AS language, s.type AS type, c.stance AS stance, c.quote AS quote, c.quote_language AS quote_language,
       c.translation AS translation, c.note AS note
     FROM citations AS c JOIN sources AS s ON s.id = c.source_id WHERE c.event_id = e.id ORDER BY c.id)) AS sources
FROM events AS e"""
CHRONOLOGICAL = ("ORDER BY e.when_earliest IS NOT NULL, e.when_earliest, e.when_latest IS NULL, e.when_latest, e.uid")

SEARCH_WORD = "revele"  # the generator's rare sentence « … a révélé le projet »: accents ignored

TARGETS = {
    "import": ("≤ 1.0", lambda r: r <= 1.0),
    "range": ("≤ 1.0", lambda r: r <= 1.0),
    "range-dense": ("≤ 1.0", lambda r: r <= 1.0),
    "search": ("≤ 1.2", lambda r: r <= 1.2),
    "sql-export": ("≤ 1.0", lambda r: r <= 1.0),
    "csv-export": ("≤ 1.0", lambda r: r <= 1.0),
    "json-export": ("≤ 1.0", lambda r: r <= 1.0),
    "cold-start": ("≤ 1.0", lambda r: r <= 1.0),
}


def log(message):
    sys.stderr.write("[%s] %s\n" % (time.strftime("%H:%M:%S"), message))
    sys.stderr.flush()


class Failed(Exception):
    pass


GNU_TIME = "/usr/bin/time"


def run_process(argv, stdin_path=None, stdin_text=None, stdout_path=DEVNULL, cwd=None, env=None, rss=False):
    """Runs one process; returns (wall seconds, peak RSS in KiB or None). Raises Failed on a non-zero exit.

    With `rss`, the process runs under GNU time (`/usr/bin/time -f %M`), which reports its peak RSS
    (the ru_maxrss of a child forked straight from Python would include Python's own RSS at the fork:
    Linux keeps the high-water mark across exec). The wall time then includes time's own start,
    about a millisecond, on both sides alike."""
    rss_file = None
    if rss and os.path.exists(GNU_TIME):
        rss_file = tempfile.NamedTemporaryFile(delete=False)
        rss_file.close()
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + list(argv)
    stdin = open(stdin_path, "rb") if stdin_path else (subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL)
    stdout = open(stdout_path, "wb")
    stderr_file = tempfile.TemporaryFile()
    try:
        start = time.monotonic()
        process = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=stderr_file, cwd=cwd, env=env)
        if stdin_text is not None:
            process.stdin.write(stdin_text.encode())
            process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            stderr_file.seek(0)
            raise Failed("%s exited %d: %s" % (" ".join(argv)[:300], process.returncode,
                                                 stderr_file.read().decode(errors="replace")[-2000:]))
        if rss_file:
            with open(rss_file.name) as f:
                return elapsed, int(f.read().strip().splitlines()[-1])
        return elapsed, (usage.ru_maxrss if rss else None)
    finally:
        if rss_file:
            os.remove(rss_file.name)
        stdout.close()
        stderr_file.close()
        if stdin_path:
            stdin.close()


def shell_quote(argv):
    out = []
    for a in argv:
        if re.fullmatch(r"[A-Za-z0-9_./=:,+-]+", a):
            out.append(a)
        else:
            out.append("'" + a.replace("'", "'\\''") + "'")
    return " ".join(out)


class Workload:
    """One row of the table: ours and the shell's, each a function that runs one timed process."""

    def __init__(self, key, label, ours, shell, ours_text, shell_text, prepare=None, runs=5, warmup=True):
        self.key, self.label = key, label
        self.ours, self.shell = ours, shell
        self.ours_text, self.shell_text = ours_text, shell_text
        self.prepare = prepare
        self.runs = runs
        self.warmup = warmup
        self.ours_times, self.shell_times = [], []
        self.ours_rss, self.shell_rss = [], []
        self.notes = []

    def measure(self):
        log("%s: %d runs each, alternating" % (self.label, self.runs))
        # The previous workload's output (gigabytes, for an export) written back now, not during this one.
        os.sync()
        if self.warmup:
            if self.prepare:
                self.prepare("ours", -1)
            self.ours()
            if self.prepare:
                self.prepare("shell", -1)
            self.shell()
        for i in range(self.runs):
            order = [("ours", self.ours, self.ours_times, self.ours_rss),
                     ("shell", self.shell, self.shell_times, self.shell_rss)]
            if i % 2 == 1:
                order.reverse()
            for side, function, times, rss in order:
                if self.prepare:
                    self.prepare(side, i)
                elapsed, peak = function()
                times.append(elapsed)
                rss.append(peak)
        log("  ours %s  shell %s  ratio %.2f" % (fmt_time(self.ours_median), fmt_time(self.shell_median), self.ratio))

    @property
    def ours_median(self):
        return statistics.median(self.ours_times)

    @property
    def shell_median(self):
        return statistics.median(self.shell_times)

    @property
    def ratio(self):
        return self.ours_median / self.shell_median if self.shell_median else float("inf")


def fmt_time(seconds):
    if seconds >= 10:
        return "%.1f s" % seconds
    if seconds >= 1:
        return "%.2f s" % seconds
    return "%.1f ms" % (seconds * 1000)


def fmt_mib(kib):
    return "%.1f MiB" % (kib / 1024.0)


def fmt_count(n):
    if n >= 1000000 and n % 1000000 == 0:
        return "%dM" % (n // 1000000)
    if n >= 1000 and n % 1000 == 0:
        return "%dk" % (n // 1000)
    return str(n)


# ---------------------------------------------------------------------------------------------
# The machine and the build.


def machine_info():
    info = {"cores": os.cpu_count()}
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info["cpu"] = model
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    info["memory"] = "%.1f GiB" % (int(line.split()[1]) / 1024.0 / 1024.0)
    except OSError:
        info["memory"] = "unknown"
    info["sqlite"] = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    info["swift"] = (swift.stdout or swift.stderr).strip().splitlines()[0]
    info["python"] = platform.python_version()
    info["kernel"] = platform.release()
    info["load_start"] = os.getloadavg()[0]
    info["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                        text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        if dirty:
            info["commit"] += " (with uncommitted changes)"
    except OSError:
        info["commit"] = "unknown"
    return info


def swift_build(arguments, scratch):
    """Runs `swift build ARGS --scratch-path SCRATCH`, retrying when someone else's edit breaks it."""
    command = ["swift", "build"] + arguments + ["--scratch-path", scratch]
    for attempt in range(5):
        start = time.monotonic()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        if result.returncode == 0:
            return elapsed
        log("build failed (attempt %d): %s" % (attempt + 1, (result.stdout + result.stderr).strip()[-800:]))
        time.sleep(60)
    raise Failed("swift build %s failed 5 times" % " ".join(arguments))


def build(scratch, bin_dir):
    """Builds `timeline` (a release build links it fully static: Package.swift) and `timeline-benchmark`."""
    os.makedirs(bin_dir, exist_ok=True)
    results = {}
    show = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--show-bin-path"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()
    # SwiftPM keeps the build plan, with the list of migration files the embedding watches, until
    # the package's structure changes: a migration edited after it was added could stay embedded
    # as first built. Without the plan, the build makes it again from the files as they are.
    plan = os.path.join(scratch, "release.yaml")
    if os.path.exists(plan):
        os.remove(plan)
    log("building the static release binaries")
    results["static_build"] = swift_build(["-c", "release", "--static-swift-stdlib", "--product", "timeline"], scratch)
    shutil.copy2(os.path.join(show, "timeline"), os.path.join(bin_dir, "timeline"))
    swift_build(["-c", "release", "--static-swift-stdlib", "--product", "timeline-benchmark"], scratch)
    shutil.copy2(os.path.join(show, "timeline-benchmark"), os.path.join(bin_dir, "timeline-benchmark"))
    results["timeline_size"] = os.path.getsize(os.path.join(bin_dir, "timeline"))
    return results


# ---------------------------------------------------------------------------------------------
# Picking ranges on the shell's table.


def shell_count(db, a, b):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT count(*) FROM events WHERE earliest <= ? AND (latest >= ? OR latest = '')", (b, a)).fetchone()[0]


def pick_sparse_range(db, target=100):
    """The first range (scanning forward a week at a time, then widening) where about `target` events overlap."""
    day = datetime.date(1990, 1, 1)
    end = datetime.date(2031, 1, 1)
    previous = None
    with sqlite3.connect(db) as connection:
        def count(a, b):
            return connection.execute(
                "SELECT count(*) FROM events WHERE earliest <= ? AND (latest >= ? OR latest = '')",
                (b.isoformat(), a.isoformat())).fetchone()[0]
        while day < end:
            c = count(day, day)
            if c >= target:
                break
            previous = day
            day += datetime.timedelta(days=7)
        best = (abs(c - target), day, day, c)
        if previous is not None:
            # Widen from the last day with fewer than `target` events until it reaches `target`.
            for width in range(1, 120):
                b = previous + datetime.timedelta(days=width)
                c2 = count(previous, b)
                if abs(c2 - target) < best[0]:
                    best = (abs(c2 - target), previous, b, c2)
                if c2 >= target:
                    break
        _, a, b, c = best
        return a.isoformat(), b.isoformat(), c


def pick_dense_month(db):
    """The month in which the most events start, as a whole-month range."""
    with sqlite3.connect(db) as connection:
        month = connection.execute(
            "SELECT substr(earliest, 1, 7) AS m FROM events GROUP BY m ORDER BY count(*) DESC, m LIMIT 1").fetchone()[0]
    year, mon = int(month[:4]), int(month[5:7])
    last = (datetime.date(year + (mon == 12), mon % 12 + 1, 1) - datetime.timedelta(days=1)).isoformat()
    first = month + "-01"
    return first, last, shell_count(db, first, last)


def count_lines(path):
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


# ---------------------------------------------------------------------------------------------
# The run.


def main():
    parser = argparse.ArgumentParser(description="timeline beside the sqlite3 shell, same data, one run.")
    parser.add_argument("--quick", action="store_true", help="100k events, to try it out")
    parser.add_argument("--big", action="store_true", help="also a 10M database for the range query")
    parser.add_argument("--big-events", type=int, default=10000000,
                        help="the size of the --big database (10M; smaller to try the run out)")
    parser.add_argument("--events", type=int, help="the size to measure (instead of 1M, or 100k with --quick)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each side of each workload (≥ 5)")
    parser.add_argument("--import-runs", type=int, help="timed runs of the import (default: --runs)")
    parser.add_argument("--ranges", type=int, default=100, help="random ranges for timeline-benchmark")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", help="where data and databases go (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build-bench"))
    parser.add_argument("--output", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = parser.parse_args()
    if args.runs < 5:
        log("note: fewer than 5 runs; the brief asks for at least 5")
    size = args.events or (100000 if args.quick else 1000000)
    import_runs = args.import_runs or args.runs
    total_start = time.monotonic()

    info = machine_info()
    work = args.workdir or tempfile.mkdtemp(prefix="timeline-bench-")
    os.makedirs(work, exist_ok=True)
    log("working in %s" % work)
    bin_dir = os.path.join(work, "bin")
    builds = build(args.scratch_path, bin_dir)
    ours_bin = os.path.join(bin_dir, "timeline")
    bench_bin = os.path.join(bin_dir, "timeline-benchmark")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "LC_ALL": "C.UTF-8",
           "TIMELINE_TODAY": "2026-11-27"}

    def ours(*arguments, stdout=DEVNULL, stdin_path=None, rss=False):
        return run_process([ours_bin] + list(arguments), stdout_path=stdout, stdin_path=stdin_path, env=env, rss=rss)

    def shell(*arguments, stdout=DEVNULL, stdin_text=None, rss=False):
        return run_process(["sqlite3"] + list(arguments), stdout_path=stdout, stdin_text=stdin_text, env=env, rss=rss)

    if not os.path.exists(GNU_TIME):
        log("note: %s is missing (apt-get install time); peak RSS falls back to os.wait4, which counts "
            "Python's own RSS at the fork" % GNU_TIME)

    # Data.
    data = os.path.join(work, "data-%d" % size)
    log("generating %d events" % size)
    gen_start = time.monotonic()
    subprocess.run(["/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable,
                    os.path.join(ROOT, "Benchmarks", "generate.py"), "--events", str(size), "--seed", str(args.seed),
                    "--out", data, "--quiet"], check=True)
    generation_seconds = time.monotonic() - gen_start
    csv_path = os.path.join(data, "events.csv")
    csv_bytes = os.path.getsize(csv_path)
    ndjson_bytes = os.path.getsize(os.path.join(data, "events.ndjson"))
    log("generated in %.1f s (CSV %.0f MB, NDJSON %.0f MB)" % (generation_seconds, csv_bytes / 1e6, ndjson_bytes / 1e6))

    workloads = []
    label_size = fmt_count(size)

    # Cold start on the seed database.
    seed_db = os.path.join(work, "seed.sqlite")
    ours("--db", seed_db, "list")
    cold_shell_sql = 'SELECT "when", announced, kind, status, title, figures, uid FROM timeline_events'
    cold = Workload("cold-start", "cold start: `list` on the seed database",
                    lambda: ours("--db", seed_db, "list"),
                    lambda: shell(seed_db, cold_shell_sql),
                    "timeline --db seed.sqlite list", "sqlite3 seed.sqlite '%s'" % cold_shell_sql,
                    runs=max(args.runs, 20))
    cold.measure()
    workloads.append(cold)

    # Import: ours into a migrated empty database, the shell into a new one (+ the date indexes).
    ours_db = os.path.join(work, "ours.sqlite")
    shell_db = os.path.join(work, "shell.sqlite")
    migrate_times = []
    shell_import_script = (".import --csv %s events\n"
                           "CREATE INDEX events_by_when ON events (earliest, latest);\n"
                           "CREATE INDEX events_by_latest ON events (latest);\n") % csv_path

    def remove_db(path):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)

    def prepare_import(side, _):
        if side == "ours":
            remove_db(ours_db)
            migrate_times.append(ours("--db", ours_db, "migrate", "--skip-seeds")[0])
        else:
            remove_db(shell_db)

    imp = Workload("import", "import %s events (CSV)" % label_size,
                   lambda: ours("--db", ours_db, "import", csv_path, rss=True),
                   lambda: shell(shell_db, stdin_text=shell_import_script, rss=True),
                   "timeline --db new.sqlite migrate --skip-seeds  (untimed)\ntimeline --db new.sqlite import events.csv",
                   "sqlite3 new.sqlite <<'EOF'\n" + shell_import_script.replace(csv_path, "events.csv") + "EOF",
                   prepare=prepare_import, runs=import_runs, warmup=False)
    imp.measure()
    workloads.append(imp)
    ours_db_bytes = os.path.getsize(ours_db)
    shell_db_bytes = os.path.getsize(shell_db)

    # Range query, ~100 events.
    a, b, expected = pick_sparse_range(shell_db)
    range_sql = ("SELECT * FROM events WHERE earliest <= '%s' AND (latest >= '%s' OR latest = '') "
                 "ORDER BY earliest, latest = '', latest, uid" % (b, a))
    check = os.path.join(work, "check.txt")
    ours("--db", ours_db, "list", "--from", a, "--to", b, "--format", "tsv", stdout=check)
    ours_rows = count_lines(check) - 1
    shell_rows = shell_count(shell_db, a, b)
    rng = Workload("range", "range query, %s … %s (%d of %s events)" % (a, b, ours_rows, label_size),
                   lambda: ours("--db", ours_db, "list", "--from", a, "--to", b, "--format", "tsv"),
                   lambda: shell("-tabs", "-header", shell_db, range_sql),
                   "timeline --db ours.sqlite list --from %s --to %s --format tsv" % (a, b),
                   "sqlite3 -tabs -header shell.sqlite \"%s\"" % range_sql, runs=args.runs)
    rng.notes.append("rows: ours %d (lines of TSV), the shell's query %d (its count(*))" % (ours_rows, shell_rows))
    rng.rows = ours_rows
    rng.measure()
    workloads.append(rng)

    # With --big, range queries of growing results at 1M: the 10M query is compared with the one
    # returning about as many events (its sparsest day already holds more than 100 events).
    ladder = []
    if args.big:
        for target in (150, 225, 340, 500, 750):
            la, lb, found = pick_sparse_range(shell_db, target=target)
            if abs(found - target) > target / 4:
                continue  # no range holds about that many events
            ours("--db", ours_db, "list", "--from", la, "--to", lb, "--format", "tsv", stdout=check)
            rows = count_lines(check) - 1
            if any(w.rows == rows for w in ladder + [rng]):
                continue
            sql = ("SELECT * FROM events WHERE earliest <= '%s' AND (latest >= '%s' OR latest = '') "
                   "ORDER BY earliest, latest = '', latest, uid" % (lb, la))
            step = Workload("range-%d" % rows, "range query, %s … %s (%d of %s events)" % (la, lb, rows, label_size),
                            lambda la=la, lb=lb: ours("--db", ours_db, "list", "--from", la, "--to", lb, "--format", "tsv"),
                            lambda sql=sql: shell("-tabs", "-header", shell_db, sql),
                            "timeline --db ours.sqlite list --from %s --to %s --format tsv" % (la, lb),
                            "sqlite3 -tabs -header shell.sqlite \"%s\"" % sql, runs=args.runs)
            step.rows = rows
            step.measure()
            ladder.append(step)

    # Range query in the busiest month (what a user asks about recent events).
    da, db_, dense_expected = pick_dense_month(shell_db)
    dense_sql = ("SELECT * FROM events WHERE earliest <= '%s' AND (latest >= '%s' OR latest = '') "
                 "ORDER BY earliest, latest = '', latest, uid" % (db_, da))
    ours("--db", ours_db, "list", "--from", da, "--to", db_, "--format", "tsv", stdout=check)
    dense_rows = count_lines(check) - 1
    dense = Workload("range-dense", "range query, busiest month %s (%d events)" % (da[:7], dense_rows),
                     lambda: ours("--db", ours_db, "list", "--from", da, "--to", db_, "--format", "tsv"),
                     lambda: shell("-tabs", "-header", shell_db, dense_sql),
                     "timeline --db ours.sqlite list --from %s --to %s --format tsv" % (da, db_),
                     "sqlite3 -tabs -header shell.sqlite \"%s\"" % dense_sql, runs=args.runs)
    dense.notes.append("rows: ours %d, the shell's query %d" % (dense_rows, dense_expected))
    dense.measure()
    workloads.append(dense)

    # Search, with FTS5 on OUR database for the shell.
    search_sql = ("%s JOIN event_search ON event_search.rowid = e.id WHERE event_search MATCH '\"%s\"' %s"
                  % (EVENT_COLUMNS_SQL, SEARCH_WORD, CHRONOLOGICAL))
    ours("--db", ours_db, "list", "--search", SEARCH_WORD, "--format", "tsv", stdout=check)
    search_rows = count_lines(check) - 1
    with sqlite3.connect(ours_db) as connection:
        shell_search_rows = connection.execute(
            "SELECT count(*) FROM event_search WHERE event_search MATCH '\"%s\"'" % SEARCH_WORD).fetchone()[0]
    search = Workload("search", "search `%s` (%d events)" % (SEARCH_WORD, search_rows),
                      lambda: ours("--db", ours_db, "list", "--search", SEARCH_WORD, "--format", "tsv"),
                      lambda: shell("-tabs", "-header", ours_db, search_sql),
                      "timeline --db ours.sqlite list --search %s --format tsv" % SEARCH_WORD,
                      "sqlite3 -tabs -header ours.sqlite \"<the export columns> FROM events AS e JOIN event_search "
                      "ON event_search.rowid = e.id WHERE event_search MATCH '\\\"%s\\\"' ORDER BY …\"" % SEARCH_WORD,
                      runs=args.runs)
    search.notes.append("rows: ours %d (lines of TSV), the shell's query %d (its count(*))" % (search_rows, shell_search_rows))
    search.measure()
    workloads.append(search)

    # Counting by kind, with the same GROUP BY on OUR database for the shell (the kind's index, as ours reads).
    stats_sql = "SELECT kind, count(*) AS events FROM events GROUP BY kind ORDER BY kind"
    stats_check = os.path.join(work, "stats-shell.txt")
    ours("--db", ours_db, "stats", "--format", "tsv", stdout=check)
    shell("-tabs", "-header", ours_db, stats_sql, stdout=stats_check)
    with open(check, "rb") as ours_counts, open(stats_check, "rb") as shell_counts:
        if ours_counts.read() != shell_counts.read():
            raise Failed("`stats --format tsv` and the shell's GROUP BY kind differ (%s, %s)" % (check, stats_check))
    stats_groups = count_lines(check) - 1
    stats = Workload("stats", "counts by kind, `stats` (%d kinds, %s events)" % (stats_groups, label_size),
                     lambda: ours("--db", ours_db, "stats", "--format", "tsv"),
                     lambda: shell("-tabs", "-header", ours_db, stats_sql),
                     "timeline --db ours.sqlite stats --format tsv",
                     "sqlite3 -tabs -header ours.sqlite \"%s\"" % stats_sql, runs=args.runs)
    stats.notes.append("the two outputs are byte for byte the same (checked before timing); the issue sets no "
                       "target for it")
    stats.measure()
    workloads.append(stats)

    # Exports of the whole database, to a file.
    out = os.path.join(work, "export.out")
    full_sql = "%s %s" % (EVENT_COLUMNS_SQL, CHRONOLOGICAL)

    def fresh_output(side, run):
        """Each run writes a new file (untimed): writing over the other side's gigabyte or more,
        its pages still being written back, cost whichever side ran next 3-5 s of system time
        (our SQL export: 8.0 s into no file, 10.9-13.1 s over the shell's dump)."""
        if os.path.exists(out):
            os.remove(out)
        os.sync()

    for key, label, ours_args, shell_args, ours_text, shell_text in [
        ("sql-export", "SQL export (%s events)" % label_size, ["export", "--format", "sql"], [".dump"],
         "timeline --db ours.sqlite export --format sql --output out.sql", "sqlite3 ours.sqlite .dump > out.sql"),
        ("csv-export", "CSV export (%s events)" % label_size, ["export", "--format", "csv"], ["-csv", "-header"],
         "timeline --db ours.sqlite export --format csv --output out.csv",
         "sqlite3 -csv -header ours.sqlite \"<the same 18 columns, lists as json_group_array> ORDER BY …\" > out.csv"),
        ("json-export", "JSON export (%s events)" % label_size, ["export", "--format", "json"], ["-json"],
         "timeline --db ours.sqlite export --format json --output out.json",
         "sqlite3 -json ours.sqlite \"<the same 18 columns> ORDER BY …\" > out.json"),
    ]:
        # Each side's output size, read after its own run (the file is the other side's after the next).
        sizes = {}

        def sized(side, run):
            def measured():
                result = run()
                sizes[side] = os.path.getsize(out)
                return result
            return measured

        if key == "sql-export":
            shell_run = (lambda: shell(ours_db, ".dump", stdout=out, rss=True))
        else:
            shell_run = (lambda shell_args=shell_args: shell(*shell_args, ours_db, full_sql, stdout=out, rss=True))
        ours_run = (lambda ours_args=ours_args: ours("--db", ours_db, *ours_args, "--output", out, rss=True))
        w = Workload(key, label, sized("ours", ours_run), sized("shell", shell_run), ours_text, shell_text,
                     prepare=fresh_output, runs=args.runs)
        w.measure()
        w.notes.append("output: ours %.0f MB, the shell's %.0f MB" % (sizes["ours"] / 1e6, sizes["shell"] / 1e6))
        workloads.append(w)
        os.remove(out)

    # In-process: the core beside a plain C loop over the same SQL.
    width = (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days + 1
    log("timeline-benchmark: %d ranges of %d days" % (args.ranges, width))
    os.sync()
    result = subprocess.run([bench_bin, "--db", ours_db, "--ranges", str(args.ranges), "--width", str(width),
                             "--seed", str(args.seed), "--json"], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise Failed("timeline-benchmark failed: " + result.stderr)
    in_process = json.loads(result.stdout.strip().splitlines()[-1])
    log("  core p50 %.0f µs, C p50 %.0f µs, ratio %.2f" % (in_process["core_p50_us"], in_process["c_p50_us"],
                                                          in_process["ratio_p50"]))

    # 10M, with --big: a second database for the range query.
    big = None
    if args.big:
        # The 1M results first, so that they are kept whatever happens to the (long) 10M part.
        with open(args.output, "w") as f:
            f.write(render(info, builds, size, args, import_runs, generation_seconds, csv_bytes, ndjson_bytes,
                           workloads, migrate_times, ours_db_bytes, shell_db_bytes, in_process, None,
                           time.monotonic() - total_start))
        log("wrote %s (1M part); now the 10M database" % args.output)
        # The 1M data and databases are done with: their room goes to the 10M ones (about 55 GB).
        if os.path.exists(os.path.join(data, "events.ndjson")):
            os.remove(os.path.join(data, "events.ndjson"))
        remove_db(ours_db)
        remove_db(shell_db)
        big_size = args.big_events
        big_label = fmt_count(big_size)
        big_data = os.path.join(work, "data-%d" % big_size)
        log("generating %d events" % big_size)
        start = time.monotonic()
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "Benchmarks", "generate.py"), "--events", str(big_size),
                        "--seed", str(args.seed), "--out", big_data, "--quiet"], check=True)
        big_generation = time.monotonic() - start
        # Only the CSV is imported: the NDJSON (about 14 GB) goes at once, to leave room for the databases.
        os.remove(os.path.join(big_data, "events.ndjson"))
        big_db = os.path.join(work, "ours-10m.sqlite")
        big_shell_db = os.path.join(work, "shell-10m.sqlite")
        ours("--db", big_db, "migrate", "--skip-seeds")
        log("importing %d events (once)" % big_size)
        big_import = ours("--db", big_db, "import", os.path.join(big_data, "events.csv"), rss=True)
        big_shell_import = shell(big_shell_db, stdin_text=shell_import_script.replace(csv_path, os.path.join(big_data, "events.csv")))
        ba, bb, _ = pick_sparse_range(big_shell_db)
        big_sql = ("SELECT * FROM events WHERE earliest <= '%s' AND (latest >= '%s' OR latest = '') "
                   "ORDER BY earliest, latest = '', latest, uid" % (bb, ba))
        ours("--db", big_db, "list", "--from", ba, "--to", bb, "--format", "tsv", stdout=check)
        big_rows = count_lines(check) - 1
        bw = Workload("range-10m", "range query at %s, %s … %s (%d events)" % (big_label, ba, bb, big_rows),
                      lambda: ours("--db", big_db, "list", "--from", ba, "--to", bb, "--format", "tsv"),
                      lambda: shell("-tabs", "-header", big_shell_db, big_sql),
                      "timeline --db ours-10m.sqlite list --from %s --to %s --format tsv" % (ba, bb),
                      "sqlite3 -tabs -header shell-10m.sqlite \"%s\"" % big_sql, runs=args.runs)
        bw.rows = big_rows
        bw.measure()
        big = {"workload": bw, "generation": big_generation, "import": big_import, "shell_import": big_shell_import,
               "size": big_size, "label": big_label, "ladder": ladder}

    total_seconds = time.monotonic() - total_start
    report = render(info, builds, size, args, import_runs, generation_seconds, csv_bytes, ndjson_bytes, workloads,
                    migrate_times, ours_db_bytes, shell_db_bytes, in_process, big, total_seconds)
    with open(args.output, "w") as f:
        f.write(report)
    print(report)
    log("wrote %s; the whole run took %.1f min" % (args.output, total_seconds / 60))
    if not args.keep and not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


def render(info, builds, size, args, import_runs, generation_seconds, csv_bytes, ndjson_bytes, workloads,
           migrate_times, ours_db_bytes, shell_db_bytes, in_process, big, total_seconds):
    by_key = {w.key: w for w in workloads}
    lines = []
    add = lines.append
    add("# Benchmarks")
    add("")
    add("`timeline` beside the `sqlite3` shell doing the same job on the same data, in one run of "
        "`python3 Benchmarks/run.py%s` (written by it; do not edit by hand)." %
        ((" --events %d" % size) if size not in (1000000, 100000) else (" --quick" if size == 100000 else "")))
    add("")
    add("| machine | |")
    add("|---|---|")
    add("| date | %s |" % info["date"])
    add("| commit | %s |" % info["commit"])
    add("| CPU | %s, %d cores |" % (info["cpu"], info["cores"]))
    add("| memory | %s |" % info["memory"])
    add("| SQLite | %s (Debian's libsqlite3 and sqlite3 shell) |" % info["sqlite"])
    add("| Swift | %s |" % info["swift"])
    add("| Python | %s; Linux %s |" % (info["python"], info["kernel"]))
    add("| load average (1 min) | %.2f at the start, %.2f at the end (anything else running shares the cores) |" % (
        info["load_start"], os.getloadavg()[0]))
    add("")
    add("Data: %s synthetic events from `Benchmarks/generate.py --events %d --seed %d` (CSV %.0f MB, NDJSON %.0f MB, "
        "generated in %.1f s with 2 processes). Our database after the import: %.0f MB; the shell's: %.0f MB." %
        (fmt_count(size), size, args.seed, csv_bytes / 1e6, ndjson_bytes / 1e6, generation_seconds,
         ours_db_bytes / 1e6, shell_db_bytes / 1e6))
    add("")
    add("Each workload ran ALTERNATING ours and the shell's (ours first on even runs, the shell first on odd ones), "
        "after one untimed warm-up run of each (none for the import), %d timed runs each (import: %d); the figures "
        "are medians of wall-clock time per process (start to exit, `time.monotonic`), output to /dev/null "
        "(queries) or a file (exports). Ratio = ours / shell: below 1 we are faster." % (args.runs, import_runs))
    add("")
    add("| workload | ours (median) | the shell (median) | ratio ours/shell | target | met? |")
    add("|---|---|---|---|---|---|")
    for w in workloads:
        target, test = TARGETS.get(w.key, ("", None))
        met = ("met" if test(w.ratio) else "**missed**") if test else ""
        if w.key == "range-10m":
            continue
        add("| %s | %s | %s | %.2f | %s | %s |" % (w.label, fmt_time(w.ours_median), fmt_time(w.shell_median),
                                                 w.ratio, target, met))
    # In-process.
    ratio = in_process["ratio_p50"]
    add("| in-process range query, %d random %d-day ranges (mean %.0f events): core vs C loop, p50 | %s | "
        "%s (C loop) | %.2f | ≤ 1.3 | %s |" % (
            in_process["ranges"], in_process["width_days"], in_process["matches_mean"],
            fmt_time(in_process["core_p50_us"] / 1e6), fmt_time(in_process["c_p50_us"] / 1e6), ratio,
            "met" if ratio <= 1.3 else "**missed**"))
    add("| … p99 | %s | %s (C loop) | %.2f | ≤ 1.3 | %s |" % (
        fmt_time(in_process["core_p99_us"] / 1e6), fmt_time(in_process["c_p99_us"] / 1e6), in_process["ratio_p99"],
        "met" if in_process["ratio_p99"] <= 1.3 else "**missed**"))
    if big:
        bw = big["workload"]
        first = by_key["range"]
        same = min(big["ladder"] + [first], key=lambda w: abs(w.rows - bw.rows))
        scale = bw.ours_median / same.ours_median if same.ours_median else float("inf")
        add("| %s | %s | %s | %.2f | ours within 1.5× the %s query returning about as many events "
            "(%d, %s): %.2f× (%.2f× the %d-event one) | %s |" % (
                bw.label, fmt_time(bw.ours_median), fmt_time(bw.shell_median), bw.ratio, fmt_count(size), same.rows,
                fmt_time(same.ours_median), scale, bw.ours_median / first.ours_median, first.rows,
                "met" if scale <= 1.5 else "**missed**"))
    else:
        add("| range query at 10M | not run (`--big`) | — | — | within 1.5× the 1M query | not measured |")
    # Memory.
    for key, label in [("import", "import"), ("sql-export", "SQL export"), ("csv-export", "CSV export"),
                       ("json-export", "JSON export")]:
        w = by_key[key]
        peak = max(w.ours_rss)
        add("| peak RSS, %s %s | %s | %s | %.2f | ≤ 64 MiB | %s |" % (
            label, fmt_count(size), fmt_mib(peak), fmt_mib(max(w.shell_rss)), peak / max(max(w.shell_rss), 1),
            "met" if peak <= 64 * 1024 else "**missed**"))
    add("")
    add("Peak RSS is each process's maximum resident set size as GNU time reports it (`/usr/bin/time -f %M`), "
        "the largest over its runs.")
    add("")
    add("## The builds")
    add("")
    add("| binary | build command | build time (incremental, this run) | size | cold start (median of %d) |" %
        len(by_key["cold-start"].ours_times))
    add("|---|---|---|---|---|")
    add("| timeline (benchmarked) | `swift build -c release --static-swift-stdlib --product timeline` | %.1f s | %.1f MB | %s |" % (
        builds["static_build"], builds["timeline_size"] / 1e6, fmt_time(by_key["cold-start"].ours_median)))
    add("")
    add("A release build links `timeline` as a static executable (Package.swift): no dynamic loader, no relocations "
        "at start-up. Debug builds (and `swift test`) link as usual.")
    add("")
    add("`migrate --skip-seeds` of each new database before an import (untimed there): median %s." %
        fmt_time(statistics.median(migrate_times)))
    if big:
        add("")
        add("%s: generated in %.0f s; our import (once) %s, peak RSS %s; the shell's import (once) %s." % (
            big["label"], big["generation"], fmt_time(big["import"][0]), fmt_mib(big["import"][1]), fmt_time(big["shell_import"][0])))
        add("")
        add("The %s range query is compared with the %s range query that returns about as many events: at %s "
            "even the sparsest day overlaps %d events, so no range there returns 100. Range queries at %s by the "
            "size of their result (medians of %d runs each, alternating with the shell as above):" % (
                big["label"], fmt_count(size), big["label"], big["workload"].rows, fmt_count(size), args.runs))
        add("")
        add("| events returned | range | ours | the shell | ratio |")
        add("|---|---|---|---|---|")
        for w in sorted(big["ladder"] + [by_key["range"]], key=lambda w: w.rows):
            add("| %d | %s | %s | %s | %.2f |" % (w.rows, w.label.split(", ", 1)[1].split(" (")[0],
                                                fmt_time(w.ours_median), fmt_time(w.shell_median), w.ratio))
        add("| %d (%s) | %s | %s | %s | %.2f |" % (
            big["workload"].rows, big["label"], big["workload"].label.split(", ", 1)[1].split(" (")[0],
            fmt_time(big["workload"].ours_median), fmt_time(big["workload"].shell_median), big["workload"].ratio))
    add("")
    add("## The commands")
    add("")
    for w in workloads:
        add("**%s**" % w.label)
        add("")
        add("```sh")
        add("# ours")
        add(w.ours_text)
        add("# the shell")
        add(w.shell_text)
        add("```")
        for note in w.notes:
            add("")
            add(note[0].upper() + note[1:] + ".")
        add("")
    add("**in-process range query**: `timeline-benchmark --db ours.sqlite --ranges %d --width %d --seed %d` "
        "(Sources/TimelineBenchmark). Each range starts on the earliest day of a randomly picked event and spans "
        "%d days (the width of the range query above); matched events per range: mean %.0f, median %.0f, max %d. "
        "The core runs `TimelineStore.forEachEvent(matching: EventQuery(from:to:))`; the C loop replays, through "
        "sqlite3_prepare_v3/bind/step/column_* on its own connection, every statement the core ran for that range "
        "(recorded once with an SQLite trace; %.1f statements per query), each prepared once. The SQL the core ran:"
        % (in_process["ranges"], in_process["width_days"], in_process["seed"], in_process["width_days"],
           in_process["matches_mean"], in_process["matches_p50"], in_process["matches_max"],
           in_process["statements_per_query"]))
    add("")
    add("```sql")
    for sql in in_process["sql"]:
        add(" ".join(part.strip() for part in sql.splitlines()) + ";")
    add("```")
    add("")
    add("The shell's range queries run on its own table (the CSV imported with `.import`, every column TEXT, "
        "an open end as ''), with `OR latest = ''` so that open-ended events match as they do in ours; both sides "
        "return the same rows. The search, CSV and JSON queries select, from OUR tables, the 18 columns "
        "`export --format csv` writes, the lists built with `json_group_array`/`json_object`:")
    add("")
    add("```sql")
    add(EVENT_COLUMNS_SQL.strip())
    add(CHRONOLOGICAL + ";")
    add("```")
    add("")
    add("The whole run took %.1f minutes." % (total_seconds / 60))
    add("")
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        main()
    except Failed as error:
        log("failed: %s" % error)
        sys.exit(1)
