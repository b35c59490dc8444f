#!/usr/bin/env python3
"""City-scale benchmark of the sub-district dashboard (issue 6). Not part of the test run.

  tools/dashboard-benchmark.py [--requests 200] [--port 5190] [--work /tmp/tk-bench] [--skip-build]

1. publishes the web app in Release, starts it once on a fresh SQLite file (migrate + demo seed), stops it;
2. grows the database with plain SQL (cloning demo rows): 60 communities, 200,000 cases (+ follow-ups),
   20,000 activities (2 services each), 5,000 party members and 1,000,000 check-ins;
3. starts the real server (Kestrel, Release), signs in as jiedao, warms up, then times --requests GETs of the
   dashboard (this year, and a whole past year) and prints p50/p95/max in ms — once computing the figures on every
   request (Dashboards:CacheSeconds=0), once as deployed (figures reused until the next write, ADR 0009).
"""
import argparse, http.cookiejar, os, re, shutil, sqlite3, subprocess, sys, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def columns(db, table):
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


def clone(db, table, source_sql, overrides):
    """INSERT INTO table (every column but Id) SELECT t.col or its override FROM (source_sql) — source rows alias t."""
    cols = [c for c in columns(db, table) if c != "Id"]
    exprs = [overrides.get(c, f't."{c}"') for c in cols]
    db.execute(f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) SELECT {", ".join(exprs)} FROM ({source_sql}) t')


def numbers(n):
    return f"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {n - 1}) SELECT i FROM n"


def grow(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    start = time.time()
    # 54 more communities (60 in all)
    clone(db, "Communities", f"SELECT c.*, n.i FROM Communities c, ({numbers(54)}) n WHERE c.Id = (SELECT MIN(Id) FROM Communities)",
          {"Name": "'基准社区' || t.i"})
    ids = [r[0] for r in db.execute("SELECT Id FROM Communities ORDER BY Id")]
    db.execute("CREATE TEMP TABLE cm(k INTEGER PRIMARY KEY, id INTEGER)")
    db.executemany("INSERT INTO cm VALUES (?, ?)", list(enumerate(ids)))
    count = len(ids)
    # 200,000 cases over 2022-2026, 85% resolved within 0-29 days, 1 in 17 escalated, a third disputes
    reg = "datetime('2022-01-01', '+' || (t.i % 1790) || ' days', '+' || (t.i % 9) || ' hours')"
    resolved = f"(t.i % 100) < 85 AND datetime({reg}, '+' || (t.i % 30) || ' days') < datetime('now')"
    clone(db, "Cases", f"SELECT c.*, n.i FROM Cases c, ({numbers(200000)}) n WHERE c.Id = (SELECT MIN(Id) FROM Cases)", {
        "Number": "'BM' || printf('%07d', t.i)",
        "CommunityId": f"(SELECT id FROM cm WHERE k = t.i % {count})",
        "CompoundId": "NULL", "BuildingId": "NULL", "GridId": "NULL",
        "Kind": "CASE WHEN t.i % 3 = 0 THEN 'Dispute' ELSE 'Request' END",
        "RegisteredAtUtc": reg, "OccurredAtUtc": reg, "LastProgressAtUtc": reg,
        "AcceptDueAtUtc": f"datetime({reg}, '+3 days')", "ResolveDueAtUtc": f"datetime({reg}, '+30 days')", "UpdateDueAtUtc": f"datetime({reg}, '+7 days')",
        "Status": f"CASE WHEN {resolved} THEN 'Closed' WHEN t.i % 2 = 0 THEN 'Accepted' ELSE 'Registered' END",
        "ResolvedAtUtc": f"CASE WHEN {resolved} THEN datetime({reg}, '+' || (t.i % 30) || ' days') END",
        "ClosedAtUtc": f"CASE WHEN {resolved} THEN datetime({reg}, '+' || (t.i % 30 + 2) || ' days') END",
        "Resolution": f"CASE WHEN {resolved} THEN 'ResolvedWithoutAgreement' END",
        "CloseKind": "NULL",
        "EscalatedAtUtc": f"CASE WHEN t.i % 17 = 0 THEN datetime({reg}, '+1 days') END",
        "IsEscalated": "0", "TakenOverBySubDistrict": "0",
        # China calendar day numbers (DateOnly.DayNumber: days since 0001-01-01) and yyyymm, as the entity writes them
        "RegisteredDay": f"CAST(julianday(date({reg}, '+8 hours')) - julianday('0001-01-01') AS INTEGER)",
        "ResolvedDay": f"CASE WHEN {resolved} THEN CAST(julianday(date({reg}, '+' || (t.i % 30) || ' days', '+8 hours')) - julianday('0001-01-01') AS INTEGER) END",
        "ResolvedMonth": f"CASE WHEN {resolved} THEN CAST(strftime('%Y%m', {reg}, '+' || (t.i % 30) || ' days', '+8 hours') AS INTEGER) END",
    })
    # a follow-up for every other resolved case
    clone(db, "FollowUps", "SELECT f.*, c.Id AS NewCaseId, c.ResolvedAtUtc AS R FROM FollowUps f, Cases c "
          "WHERE f.Id = (SELECT MIN(Id) FROM FollowUps) AND c.Number LIKE 'BM%' AND c.ResolvedAtUtc IS NOT NULL AND c.Id % 2 = 0",
          {"CaseId": "t.NewCaseId", "Date": "date(t.R, '+8 hours', '+3 days')", "Satisfaction": "CASE WHEN t.NewCaseId % 10 = 0 THEN 'BasicallySatisfied' ELSE 'Satisfied' END"})
    # 20,000 activities (service days, 1 in 10 cancelled), two services each
    start_expr = "datetime('2022-01-01', '+' || (t.i % 1790) || ' days', '+1 hours')"
    clone(db, "Activities", f"SELECT a.*, n.i FROM Activities a, ({numbers(20000)}) n WHERE a.Id = (SELECT MIN(Id) FROM Activities WHERE Kind = 'ServiceDay' AND Status = 'Held')", {
        "CommunityId": f"(SELECT id FROM cm WHERE k = t.i % {count})", "CompoundId": "NULL",
        "Title": "'基准活动 ' || t.i", "StartUtc": start_expr, "EndUtc": f"datetime({start_expr}, '+3 hours')",
        "Status": "CASE WHEN t.i % 10 = 0 THEN 'Cancelled' ELSE 'Held' END",
    })
    for offset in (0, 1):
        clone(db, "ActivityServices", f"SELECT s.*, a.Id AS NewActivityId FROM ActivityServices s, Activities a WHERE a.Title LIKE '基准活动 %' "
              f"AND s.Id = (SELECT Id FROM ActivityServices ORDER BY Id LIMIT 1 OFFSET {offset})",
              {"ActivityId": "t.NewActivityId", "ResidentsServed": "t.NewActivityId % 40"})
    # 5,000 party members, 1,000,000 check-ins (50 per activity)
    if db.execute("SELECT COUNT(*) FROM CheckIns").fetchone()[0] > 0:
        clone(db, "PartyMembers", f"SELECT m.*, n.i FROM PartyMembers m, ({numbers(5000)}) n WHERE m.Id = (SELECT MIN(Id) FROM PartyMembers)",
              {"Name": "'基准党员' || t.i", "Phone": "'1390000' || printf('%04d', t.i)", "UserId": "NULL"} if "UserId" in columns(db, "PartyMembers") else
              {"Name": "'基准党员' || t.i", "Phone": "'1390000' || printf('%04d', t.i)"})
        first = db.execute("SELECT MIN(Id) FROM PartyMembers WHERE Name LIKE '基准党员%'").fetchone()[0]
        clone(db, "CheckIns", f"SELECT c.*, a.Id AS A, a.StartUtc AS S, n.i AS J FROM CheckIns c, Activities a, ({numbers(50)}) n "
              f"WHERE c.Id = (SELECT MIN(Id) FROM CheckIns WHERE Minutes IS NOT NULL) AND a.Title LIKE '基准活动 %'", {
            "ActivityId": "t.A", "PartyMemberId": f"{first} + ((t.A * 50 + t.J) % 5000)",
            "CheckedInAtUtc": "t.S", "CheckedOutAtUtc": "datetime(t.S, '+2 hours')", "Minutes": "120"})
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    for table in ("Communities", "Cases", "FollowUps", "Activities", "ActivityServices", "PartyMembers", "CheckIns"):
        try:
            print(f"  {table}: {db.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]:,}")
        except sqlite3.OperationalError:
            pass
    print(f"  grown in {time.time() - start:.0f} s")
    db.close()


def start_server(app, db_path, port, log, extra=None):
    env = dict(os.environ, ASPNETCORE_URLS=f"http://127.0.0.1:{port}", ASPNETCORE_ENVIRONMENT="Development",
               ConnectionStrings__Default=f"Data Source={db_path}", Database__MigrateOnStartup="true", DemoData__Enabled="true",
               Serilog__MinimumLevel__Default="Warning", **(extra or {}))
    proc = subprocess.Popen(["dotnet", os.path.join(app, "TongkuangAlliance.Web.dll")], cwd=app, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
            return proc
        except Exception:
            if proc.poll() is not None:
                sys.exit("server exited; see " + log.name)
            time.sleep(0.5)
    proc.kill()
    sys.exit("server did not start")


def sign_in(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/Account/SignIn").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', html)
    form = urllib.parse.urlencode({"UserName": "jiedao", "Password": os.environ.get("DEMO_PASSWORD", "Tongkuang2026"), "__RequestVerificationToken": token.group(1)}).encode()
    opener.open(base + "/Account/SignIn", form)
    return opener


def measure(opener, url, n):
    for _ in range(20):
        opener.open(url).read()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        body = opener.open(url).read()
        times.append((time.perf_counter() - t) * 1000)
    assert b"figure-disputes-resolved" in body, "not the dashboard (signed in?)"
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95) - 1], times[-1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--requests", type=int, default=200)
    p.add_argument("--port", type=int, default=5190)
    p.add_argument("--work", default="/tmp/tk-bench")
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--reuse-db", action="store_true", help="keep an already grown database")
    a = p.parse_args()
    app = os.path.join(a.work, "app")
    db_path = os.path.join(a.work, "bench.db")
    os.makedirs(a.work, exist_ok=True)
    if not a.skip_build:
        subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "TongkuangAlliance.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "q"], check=True)
    log = open(os.path.join(a.work, "server.log"), "w")
    if not (a.reuse_db and os.path.exists(db_path)):
        for f in (db_path, db_path + "-wal", db_path + "-shm"):
            if os.path.exists(f):
                os.remove(f)
        print("seeding the demo ...")
        start_server(app, db_path, a.port, log).terminate()
        time.sleep(2)
        print("growing to city scale ...")
        grow(db_path)
    # Twice: computing the figures on every request (Dashboards:CacheSeconds=0), then as deployed, where figures
    # computed a moment ago are served again until the next write (ADR 0009). No write happens during the run.
    for mode, extra in (("computed every request", {"Dashboards__CacheSeconds": "0"}), ("reused until a write", {})):
        server = start_server(app, db_path, a.port, log, extra)
        try:
            base = f"http://127.0.0.1:{a.port}"
            opener = sign_in(base)
            for label, url in (("this year", f"{base}/Dashboards"), ("2024", f"{base}/Dashboards?kind=Year&year=2024")):
                p50, p95, worst = measure(opener, url, a.requests)
                print(f"sub-district dashboard, {label}, {mode}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms over {a.requests} requests; "
                      f"load average {os.getloadavg()[0]:.1f}")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
