#!/usr/bin/env python3
"""Runs every Orgscope benchmark and writes bench/results.json + a summary.

Called by scripts/bench after a release build. Figures:
  * Google Benchmark programs in <build>/bench/bin/bench_* (JSON output),
    mapped to figure names by FIGURE_MAP below;
  * whole-process audit ingest (bench_audit_ingest) against orgscope-sim,
    alternating with the official Cloudflare TypeScript SDK (bench/sdk);
  * the audit ingest against the parse limit (bench_audit_parse_limit):
    saved orgscope-sim pages through Orgscope's decoder and table ÷
    simdjson On-Demand alone on the same bytes, one process, alternating;
  * simulator page-serving time (keep-alive HTTP client in this script);
  * the real console (`orgscope --measure-audit-load`, offscreen): Run to
    the first 1,000 rows painted and to the last of 1 M rows, resident
    memory of the GUI process, against the SDK's whole process; the first
    rows again with 200 ms added to every response;
  * cold and warm start to the first painted window.

`--only console` runs just the console figures (their own simulators),
`--only parselimit` just audit_ingest_vs_parse_limit and the rates behind
it; with `--merge` either replaces those figures in an existing --out file.
"""
import argparse
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Google Benchmark name (regex, matched against the run name) → figure.
# "value" is a counter name, or "real_time" (converted to ms) ; "scale"
# multiplies the value.
FIGURE_MAP = [
    # (regex, counter, figure name, unit, scale)
    (r"^BM_FilterColumnInclude(?![0-9A-Za-z])", "real_time", "audit_filter_value_ms_1m", "ms", 1),
    (r"^BM_FilterFreeText/hex(?![0-9A-Za-z])", "real_time", "audit_filter_text_ms_1m", "ms", 1),  # slowest free-text case
    (r"^BM_Sort/resource_id(?![0-9A-Za-z])", "real_time", "audit_sort_ms_1m", "ms", 1),  # slowest column
    (r"^BM_Sort/time(?![0-9A-Za-z])", "real_time", "audit_sort_time_ms_1m", "ms", 1),
    (r"^BM_BytesPerEntry(?![0-9A-Za-z])", "bytes_per_entry", "audit_store_bytes_per_entry_1m", "bytes", 1),
    (r"^BM_Ingest/natural(?![0-9A-Za-z])", "max_page_ms", "audit_model_max_page_append_ms_1m", "ms", 1),
    (r"^BM_ArchiveWrite/", "real_time", "audit_archive_write_ms_100k", "ms", 1),
    (r"^BM_ArchiveLoad/", "real_time", "audit_archive_load_ms_100k", "ms", 1),
    # The local archive (bench_audit_archive, issue 21).
    (r"^BM_ArchiveReopen/", "real_time", "audit_archive_reopen_ms_1m", "ms", 1),
    # The worker path (queue, pool compression, batched inserts) is what the
    # console runs; BM_ArchiveStreamWrite (one page per transaction) only
    # gives the bytes per entry.
    (r"^BM_ArchiveWorkerWrite/", "entries_per_s", "audit_archive_write_entries_per_s", "entries/s", 1),
    (r"^BM_ArchiveStreamWrite/", "bytes_per_entry", "audit_archive_bytes_per_entry", "bytes", 1),
    # Usage: JSON parse (api decoder) + cube + day x metric aggregate, as the issue states it.
    (r"^BM_ParseBuildAggregateDayByMetric/93000(?![0-9A-Za-z])", "real_time", "usage_aggregate_ms_93k", "ms", 1),
    (r"^BM_ParseBuildAggregateDayByMetric/930000(?![0-9A-Za-z])", "real_time", "usage_aggregate_ms_930k", "ms", 1),
    (r"^BM_ParseBuildAggregateDayByMetricOneThread/930000(?![0-9A-Za-z])", "real_time", "usage_aggregate_one_thread_ms_930k", "ms", 1),
    (r"^BM_DecodeColumns/930000(?![0-9A-Za-z])", "bytes_per_second", "usage_decode_columns_mb_per_s", "MB/s", 1e-6),
    (r"^BM_BuildCubeAndAggregateDayByMetric/930000(?![0-9A-Za-z])", "real_time", "usage_build_aggregate_no_parse_ms_930k", "ms", 1),
    (r"^BM_Aggregate/week_account_top10/930000(?![0-9A-Za-z])", "real_time", "usage_reaggregate_worker_ms_930k", "ms", 1),
    (r"^BM_ModelSwap/930000(?![0-9A-Za-z])", "real_time", "usage_regroup_ms_930k", "ms", 1),  # GUI-thread part of a regroup
    # Cost: a price edit re-estimates the whole cube and re-aggregates estimated cost by day x metric.
    (r"^BM_CostEstimateAfterPriceEdit/930000(?![0-9A-Za-z])", "real_time", "usage_cost_estimate_ms_930k", "ms", 1),
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def machine_info():
    info = {
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        # The machine is shared: how busy it was when the figures were taken.
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            info["memory_kib"] = int(f.readline().split()[1])
    except OSError:
        pass
    try:
        info["qt"] = subprocess.run(["qtpaths6", "--qt-version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return info


class Simulator:
    def __init__(self, binary, args):
        self.proc = subprocess.Popen([binary, "--port", "0"] + args, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        t0 = time.monotonic()
        line = self.proc.stdout.readline().strip()
        self.startup_s = time.monotonic() - t0
        m = re.match(r"orgscope-sim listening on (http://\S+)", line)
        if not m:
            self.stop()
            raise RuntimeError("simulator did not start: %r" % line)
        self.base_url = m.group(1)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def api_get(base_url, path, query, token="orgscope-demo-token", conn=None):
    u = urllib.parse.urlparse(base_url)
    own = conn is None
    if own:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    conn.request("GET", u.path + path + ("?" + urllib.parse.urlencode(query, doseq=True) if query else ""),
                 headers={"Authorization": "Bearer " + token})
    r = conn.getresponse()
    body = r.read()
    if own:
        conn.close()
    return r.status, body


def root_org(base_url):
    status, body = api_get(base_url, "/organizations", {"parent.id": "null", "page_size": 1})
    if status != 200:
        raise RuntimeError("listing organizations failed: %d" % status)
    return json.loads(body)["result"][0]["id"]


def audit_range():
    today = datetime.date.today()
    since = (today - datetime.timedelta(days=560)).isoformat()
    before = (today + datetime.timedelta(days=1)).isoformat()
    return since, before


def run_json(cmd, env=None, timeout=1800):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd[0], out.returncode, out.stderr.strip()[-500:]))
    for line in reversed(out.stdout.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError("%s printed no JSON: %s" % (cmd[0], out.stdout[-500:]))


def orgscope_ingest(build, base_url, org, limit):
    since, before = audit_range()
    return run_json([os.path.join(build, "bench", "bin", "bench_audit_ingest"), "--base-url", base_url, "--org",
                     org, "--since", since, "--before", before, "--limit", str(limit)])


def sdk_ingest(base_url, org, limit=None):
    since, before = audit_range()
    cmd = ["node", os.path.join(HERE, "sdk", "audit-ingest.mjs"), "--base-url", base_url, "--org", org, "--since",
           since, "--before", before]
    if limit:
        cmd += ["--limit", str(limit)]
    return run_json(cmd)


def save_audit_pages(base_url, org, out_dir, limit=1000):
    """Pages the organization's whole audit history (audit_range(), page size
    `limit`) over one keep-alive connection and saves each body as it came,
    out_dir/page-00001.json, … Returns (pages, entries, bytes)."""
    since, before = audit_range()
    u = urllib.parse.urlparse(base_url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    cursor, pages, entries, size = None, 0, 0, 0
    try:
        while True:
            q = {"since": since, "before": before, "limit": limit}
            if cursor:
                q["cursor"] = cursor
            status, body = api_get(base_url, "/organizations/%s/logs/audit" % org, q, conn=conn)
            if status != 200:
                raise RuntimeError("audit page %d failed: %d" % (pages + 1, status))
            page = json.loads(body)
            if not page.get("result"):
                break  # an empty page ends the listing (the pager does not keep it either)
            pages += 1
            entries += len(page["result"])
            size += len(body)
            with open(os.path.join(out_dir, "page-%05d.json" % pages), "wb") as f:
                f.write(body)
            info = page.get("result_info") or {}
            cursor = info.get("cursor") or (info.get("cursors") or {}).get("after")
            if not cursor:
                break
    finally:
        conn.close()
    return pages, entries, size


def parse_limit_figures(build, sim_bin, quick, fig):
    """audit_ingest_vs_parse_limit (issue 22): Orgscope's ingest of saved
    audit pages ÷ simdjson On-Demand alone on the same bytes, both in one
    bench_audit_parse_limit process, alternating; then, not graded, the
    console's HTTP path (bench_audit_ingest) against the same simulator ÷
    that limit."""
    events = 1_000_000
    sim = Simulator(sim_bin, ["--audit-events", str(events), "--cursor-style", "both", "--rate-limit",
                              "1000000/1"])
    pages_dir = tempfile.mkdtemp(prefix="orgscope-bench-pages-")
    try:
        org = root_org(sim.base_url)
        pages, entries, size = save_audit_pages(sim.base_url, org, pages_dir)
        log("  saved %d pages, %d entries, %.0f MB (orgscope-sim --audit-events %d, root organization)"
            % (pages, entries, size / 1e6, events))
        rounds = 3 if quick else 7
        r = run_json([os.path.join(build, "bench", "bin", "bench_audit_parse_limit"), "--pages", pages_dir,
                      "--rounds", str(rounds)])
        if r["entries"] != entries:
            log("  warning: %d entries saved, %d read" % (entries, r["entries"]))
        spread = lambda runs: dict(min=round(min(runs), 3), max=round(max(runs), 3), runs=len(runs))
        fig("audit_parse_limit_entries_per_s", r["parse_limit_entries_per_s"], "entries/s",
            entries=r["entries"], pages=r["pages"], cpu=round(r["parse_limit_cpu_entries_per_s"]),
            simdjson_stage1=r["simdjson_stage1"], simdjson_ondemand=r["simdjson_ondemand"],
            **spread(r["parse_limit_runs"]))
        fig("audit_ingest_saved_pages_entries_per_s", r["ingest_entries_per_s"], "entries/s",
            entries=r["entries"], cpu=round(r["ingest_cpu_entries_per_s"]), **spread(r["ingest_runs"]))
        fig("audit_ingest_vs_parse_limit", r["ratio"], "ratio", cpu=round(r["ratio_cpu"], 3),
            entries=r["entries"], **spread(r["ratio_runs"]))
        # Not graded: the whole console path, HTTP from this simulator included.
        http_runs = [orgscope_ingest(build, sim.base_url, org, 1000)["entries_per_s"]
                     for _ in range(1 if quick else 3)]
        http = statistics.median(http_runs)
        fig("audit_ingest_http_entries_per_s_parse_limit_sim", http, "entries/s", **spread(http_runs))
        fig("audit_ingest_http_vs_parse_limit", http / r["parse_limit_entries_per_s"], "ratio",
            runs=len(http_runs))
    finally:
        shutil.rmtree(pages_dir, ignore_errors=True)
        sim.stop()


def timed(cmd, env=None, timeout=1800):
    """Wall seconds of a whole process (start-up included), which must succeed."""
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd[0], out.returncode, out.stderr.strip()[-500:]))
    return seconds, out.stdout


def export_figures(label, ex, runs, fig):
    fig("export_audit_json_s_" + label, ex["json_s"], "s")
    fig("export_audit_csv_s_" + label, ex["csv_s"], "s")
    fig("sdk_audit_process_s_" + label, ex["sdk_s"], "s")
    fig("export_audit_vs_sdk_ratio_" + label, ex["ratio"], "ratio", min=round(ex["ratio_min"], 3),
        max=round(ex["ratio_max"], 3), runs=runs, entries=ex["entries"])
    fig("export_audit_csv_vs_json_" + label, ex["csv_vs_json"], "ratio", min=round(ex["csv_vs_json_min"], 3),
        max=round(ex["csv_vs_json_max"], 3), runs=runs)


def export_vs_sdk(build, base_url, org, runs):
    """The whole `orgscope export audit` process (JSON and CSV, to a file) against
    the whole Node process paging the same history with the SDK's auto-pager,
    alternating who goes first. Returns medians and the per-pair ratios."""
    since, before = audit_range()
    app = os.path.join(build, "bin", "orgscope")
    out_dir = tempfile.mkdtemp(prefix="orgscope-bench-export-")
    env_token = ["--base-url", base_url]
    sdk = ["node", os.path.join(HERE, "sdk", "audit-ingest.mjs"), "--base-url", base_url, "--org", org, "--since",
           since, "--before", before, "--limit", "1000"]

    def export(fmt):
        path = os.path.join(out_dir, "audit." + fmt)
        cmd = [app, "export", "audit", "--org", org, "--since", since, "--before", before, "--page-size", "1000",
               "--format", fmt, "--output", path, "--quiet"] + env_token
        seconds, _ = timed(cmd, env=dict(os.environ, CLOUDFLARE_API_TOKEN="orgscope-demo-token"))
        size = os.path.getsize(path)
        os.remove(path)
        return seconds, size

    json_s, csv_s, sdk_s, ratios, csv_ratios, sdk_runs = [], [], [], [], [], []
    entries = None
    try:
        for i in range(runs):
            steps = ["json", "sdk", "csv"] if i % 2 == 0 else ["sdk", "csv", "json"]
            got = {}
            for step in steps:
                if step == "sdk":
                    seconds, stdout = timed(sdk)
                    line = json.loads(stdout.strip().splitlines()[-1])
                    entries = line["entries"]
                    sdk_runs.append(line)
                    got["sdk"] = seconds
                else:
                    got[step] = export(step)[0]
            json_s.append(got["json"])
            csv_s.append(got["csv"])
            sdk_s.append(got["sdk"])
            ratios.append(got["json"] / got["sdk"])
            csv_ratios.append(got["csv"] / got["json"])
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    return {"json_s": statistics.median(json_s), "csv_s": statistics.median(csv_s),
            "sdk_s": statistics.median(sdk_s), "ratio": statistics.median(ratios),
            "ratio_min": min(ratios), "ratio_max": max(ratios), "csv_vs_json": statistics.median(csv_ratios),
            "csv_vs_json_min": min(csv_ratios), "csv_vs_json_max": max(csv_ratios),
            "entries": entries, "sdk_runs": sdk_runs}


def console_audit_load(build, base_url, org, first_rows_only=False, timeout=1800):
    """One `orgscope --measure-audit-load` (app/auditloadprobe.h): the whole GUI
    process offscreen, its own settings and a fresh archive directory, the same
    range as the SDK's runs; returns its JSON plus the process's wall time."""
    since, before = audit_range()
    app = os.path.join(build, "bin", "orgscope")
    home = tempfile.mkdtemp(prefix="orgscope-bench-console-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for k in ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "CLOUDFLARE_BASE_URL"):
        env.pop(k, None)
    for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        env[k] = os.path.join(home, k.lower())
        os.mkdir(env[k], 0o700)
    out = os.path.join(home, "figures.json")
    cmd = [app, "--measure-audit-load", "--base-url", base_url, "--token", "orgscope-demo-token", "--org", org,
           "--range", since + "/" + before, "--archive-dir", os.path.join(home, "archive"), "--out", out,
           "--measure-timeout", str(timeout)]
    if first_rows_only:
        cmd.append("--first-rows-only")
    try:
        seconds, _ = timed(cmd, env=env, timeout=timeout + 60)
        with open(out) as f:
            result = json.load(f)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    result["process_s"] = seconds
    return result


def console_figures(build, base_url, org, runs, fig, sdk_seconds=None):
    """The console's 1 M load against the SDK's whole process, alternating who
    goes first; sdk_seconds: SDK process times of this simulator to reuse
    (quick runs) instead of running the SDK again."""
    since, before = audit_range()
    sdk = ["node", os.path.join(HERE, "sdk", "audit-ingest.mjs"), "--base-url", base_url, "--org", org, "--since",
           since, "--before", before, "--limit", "1000"]
    gui, sdk_s, ratios = [], [], []
    for i in range(runs):
        got = {}
        for step in (["gui", "sdk"] if i % 2 == 0 else ["sdk", "gui"]):
            if step == "gui":
                got["gui"] = console_audit_load(build, base_url, org)
            elif sdk_seconds:
                got["sdk"] = sdk_seconds[i % len(sdk_seconds)]
            else:
                seconds, stdout = timed(sdk)
                got["sdk"] = seconds
                entries = json.loads(stdout.strip().splitlines()[-1])["entries"]
                if entries != got.get("gui", {}).get("received", entries):
                    log("  warning: the console got %d entries, the SDK %d" % (got["gui"]["received"], entries))
        log("  console: first rows %d ms, last row %d ms (%d rows), RSS %.0f -> %.0f MB (loaded %.0f), "
            "archive %.1f s behind; SDK %.1f s" % (
                got["gui"]["audit_first_rows_ms"], got["gui"]["gui_audit_load_ms"], got["gui"]["rows"],
                got["gui"]["rss_mb_before"], got["gui"]["rss_mb_caught_up"], got["gui"]["rss_mb_loaded"],
                got["gui"]["archive_lag_ms"] / 1000, got["sdk"]))
        gui.append(got["gui"])
        sdk_s.append(got["sdk"])
        ratios.append(got["gui"]["gui_audit_load_ms"] / 1000 / got["sdk"])

    def med(key):
        return statistics.median(r[key] for r in gui)

    spread = dict(min=min(r["audit_first_rows_ms"] for r in gui), max=max(r["audit_first_rows_ms"] for r in gui),
                  runs=runs)
    fig("audit_first_rows_ms", med("audit_first_rows_ms"), "ms", entries=gui[0]["received"], **spread)
    fig("gui_audit_load_ms_1m", med("gui_audit_load_ms"), "ms", entries=gui[0]["received"])
    fig("gui_audit_entries_per_s_1m", med("entries_per_s"), "entries/s")
    fig("gui_sdk_audit_process_s_1m", statistics.median(sdk_s), "s")
    fig("gui_audit_load_vs_sdk", statistics.median(ratios), "ratio", min=round(min(ratios), 3),
        max=round(max(ratios), 3), runs=runs)
    # The GUI process (VmRSS): once the archive caught up, minus before the Run.
    fig("audit_rss_mb_1m", med("audit_rss_mb"), "MB", min=min(r["audit_rss_mb"] for r in gui),
        max=max(r["audit_rss_mb"] for r in gui), runs=runs, process="orgscope (GUI)",
        before=med("rss_mb_before"), loaded=med("loaded_rss_mb"), peak=med("rss_mb_peak"))
    fig("gui_audit_archive_lag_s_1m", med("archive_lag_ms") / 1000, "s")


def console_latency_figures(build, sim_bin, n, runs, fig):
    """Run to the first rows with the simulator adding 200 ms to every API response."""
    sim = Simulator(sim_bin, ["--audit-events", str(int(n * 1.8)), "--cursor-style", "both", "--rate-limit",
                              "1000000/1", "--faults", "latency:200ms"])
    try:
        org = root_org(sim.base_url)
        first = [console_audit_load(build, sim.base_url, org, first_rows_only=True)["audit_first_rows_ms"]
                 for _ in range(runs)]
    finally:
        sim.stop()
    log("  first rows with 200 ms latency: %s ms" % first)
    fig("audit_first_rows_ms_latency_200ms", statistics.median(first), "ms", min=min(first), max=max(first),
        runs=runs)


def google_benchmarks(build, quick):
    results = []
    bindir = os.path.join(build, "bench", "bin")
    if not os.path.isdir(bindir):
        return results
    for name in sorted(os.listdir(bindir)):
        path = os.path.join(bindir, name)
        if not name.startswith("bench_") or not os.access(path, os.X_OK):
            continue
        if name in ("bench_audit_ingest", "bench_audit_parse_limit", "bench_simulator", "bench_rollup"):
            continue  # whole-process programs with their own output, run below
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            out = tmp.name
        cmd = [path, "--benchmark_out=" + out, "--benchmark_out_format=json"]
        if quick:
            # A tenth of a second of warm-up first: a single cold iteration
            # counted the thread pool's start and the first page faults
            # (usage_aggregate_ms_93k 60-80 ms cold, 42-46 ms warm, 35 ms
            # in a full run).
            cmd += ["--benchmark_min_time=0.1", "--benchmark_min_warmup_time=0.1"]
        else:
            # Three repetitions, medians only: one run of a half-second
            # benchmark on a shared machine is too noisy to grade a target.
            cmd += ["--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"]
        log("  running %s" % name)
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
        if r.returncode != 0:
            log("  %s failed: %s" % (name, r.stderr[-400:]))
            continue
        try:
            with open(out) as f:
                data = json.load(f)
        except (OSError, ValueError):
            log("  %s wrote no Google Benchmark JSON; skipped" % name)
            continue
        finally:
            if os.path.exists(out):
                os.unlink(out)
        for b in data.get("benchmarks", []):
            b["program"] = name
            results.append(b)
    return results


def usage_aggregate_spread(build, runs):
    """The usage pipeline at 930 k records, `runs` repetitions each of the
    pooled and the one-thread version, interleaved at random so both see the
    same load; returns {figure: [wall ms per repetition]}."""
    path = os.path.join(build, "bench", "bin", "bench_usage")
    if not os.access(path, os.X_OK):
        return {}
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = tmp.name
    try:
        r = subprocess.run([path, "--benchmark_filter=^BM_ParseBuildAggregateDayByMetric(OneThread)?/930000",
                            "--benchmark_repetitions=%d" % runs, "--benchmark_enable_random_interleaving=true",
                            "--benchmark_out=" + out, "--benchmark_out_format=json"],
                           capture_output=True, text=True, timeout=1800)
        if r.returncode != 0:
            log("  bench_usage (spread) failed: %s" % r.stderr[-400:])
            return {}
        with open(out) as f:
            data = json.load(f)
    finally:
        os.unlink(out)
    times = {}
    for b in data.get("benchmarks", []):
        if b.get("run_type") != "iteration":
            continue
        name = ("usage_aggregate_one_thread_ms_930k" if "OneThread" in b["name"] else "usage_aggregate_ms_930k")
        tu = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
        times.setdefault(name, []).append(b["real_time"] * tu)
    return times


def map_figures(benchmarks):
    figures = []
    for pattern, counter, figure, unit, scale in FIGURE_MAP:
        rx = re.compile(pattern)
        for b in benchmarks:
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
                continue
            if not rx.search(b["name"]):
                continue
            if counter == "real_time":
                tu = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
                value = b["real_time"] * tu
            elif counter in b:
                value = b[counter]
            else:
                continue
            figures.append({"name": figure, "value": round(value * scale, 3), "unit": unit})
            break
    # Decoder throughput per record type (bench_api_decoders).
    for b in benchmarks:
        if b["program"] != "bench_api_decoders" or "bytes_per_second" not in b:
            continue
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = re.sub(r"_median$", "", b["name"])
        name = re.sub(r"^BM_", "", name)
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        figures.append({"name": "decoder_mb_per_s_" + name, "value": round(b["bytes_per_second"] / 1e6, 1),
                        "unit": "MB/s"})
    # Every Google Benchmark also lands under its own name, for the record.
    for b in benchmarks:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        tu = b.get("time_unit", "ns")
        figures.append({"name": "gbench/%s/%s" % (b["program"], b["name"]), "value": round(b["real_time"], 3),
                        "unit": tu})
    return figures


def simulator_program(build, quick):
    """bench_simulator prints one line per measurement; its medians become figures."""
    path = os.path.join(build, "bench", "bin", "bench_simulator")
    if not os.access(path, os.X_OK):
        return []
    events = 100_000 if quick else 1_000_000
    r = subprocess.run([path, "--audit-events", str(events), "--pages", "200"], capture_output=True, text=True,
                       timeout=1800)
    if r.returncode != 0:
        log("  bench_simulator failed: %s" % r.stderr[-400:])
        return []
    label = "1m" if events == 1_000_000 else "100k"
    patterns = [
        (r"^in-process 1000-entry pages: .*median ([0-9.]+) ms", "sim_inprocess_page_ms_1000_" + label, "ms"),
        (r"^in-process 1000-entry pages \(filtered\): .*median ([0-9.]+) ms",
         "sim_inprocess_filtered_page_ms_1000_" + label, "ms"),
        (r"^in-process usage, 31 days.*median ([0-9.]+) ms", "sim_inprocess_usage_31d_ms_" + label, "ms"),
        (r"^over HTTP: orgscope-sim ready after ([0-9]+) ms", "sim_ready_ms_" + label, "ms"),
        (r"^over HTTP 1000-entry pages.*median ([0-9.]+) ms", "sim_http_page_ms_1000_" + label, "ms"),
    ]
    figures = []
    for line in r.stdout.splitlines():
        for rx, name, unit in patterns:
            m = re.search(rx, line)
            if m:
                figures.append({"name": name, "value": float(m.group(1)), "unit": unit})
    return figures


def page_serving(base_url, org, pages=30):
    since, before = audit_range()
    u = urllib.parse.urlparse(base_url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    times = []
    cursor = None
    for _ in range(pages):
        q = {"since": since, "before": before, "limit": 1000}
        if cursor:
            q["cursor"] = cursor
        t0 = time.perf_counter()
        status, body = api_get(base_url, "/organizations/%s/logs/audit" % org, q, conn=conn)
        times.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise RuntimeError("audit page failed: %d" % status)
        info = json.loads(body).get("result_info", {})
        cursor = info.get("cursor") or (info.get("cursors") or {}).get("after")
        if not cursor:
            break
    conn.close()
    return statistics.median(times)


def first_paint(build, cold):
    app = os.path.join(build, "bin", "orgscope")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cfg = tempfile.mkdtemp()
    env.update(XDG_CONFIG_HOME=cfg, XDG_DATA_HOME=cfg, XDG_CACHE_HOME=cfg)
    for k in ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"):
        env.pop(k, None)
    if cold:
        if os.geteuid() != 0:
            return None
        subprocess.run(["sync"])
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    # From spawn (shared libraries loaded, main() run) to the moment the
    # window's first paint event prints its line; the process's teardown
    # after that is not part of what the user waits for.
    t0 = time.perf_counter()
    p = subprocess.Popen([app, "--measure-first-paint"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    ms = None
    for line in p.stdout:
        if line.strip() == "first-paint":
            ms = (time.perf_counter() - t0) * 1000
            break
    try:
        _, err = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        _, err = p.communicate()
    shutil.rmtree(cfg, ignore_errors=True)
    if ms is None:
        raise RuntimeError("orgscope did not paint: %s" % err[-300:])
    return ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=os.path.join(HERE, "results.json"))
    ap.add_argument("--only", choices=["console", "parselimit", "export"],
                    help="only these figures (console: the real console's and start-up; parselimit: "
                         "audit_ingest_vs_parse_limit and the rates behind it; export: the export "
                         "against the SDK at 100 k and 1 M)")
    ap.add_argument("--merge", action="store_true",
                    help="keep the other figures of an existing --out file, replacing those measured now")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    sim_bin = os.path.join(build, "bin", "orgscope-sim")
    figures = []

    def fig(name, value, unit, **extra):
        if value is None:
            return
        d = {"name": name, "value": round(value, 3) if isinstance(value, float) else value, "unit": unit}
        d.update(extra)
        figures.append(d)
        log("  %-36s %s %s" % (name, d["value"], unit))

    if args.only == "console":
        n = 1_000_000
        runs = 1 if args.quick else 3
        log("== the real console, %d entries (orgscope --measure-audit-load) against the SDK's process" % n)
        sim = Simulator(sim_bin, ["--audit-events", str(int(n * 1.8)), "--cursor-style", "both", "--rate-limit",
                                  "1000000/1"])
        try:
            console_figures(build, sim.base_url, root_org(sim.base_url), runs, fig)
        finally:
            sim.stop()
        log("== the real console's first rows with 200 ms per response (orgscope-sim --faults latency:200ms)")
        console_latency_figures(build, sim_bin, n, runs, fig)
        return finish(args, figures, fig, build)

    if args.only == "export":
        for n in (100_000, 1_000_000):
            runs = 3 if args.quick else 5
            label = "1m" if n == 1_000_000 else "100k"
            log("== export, %d entries: the whole orgscope export process against the whole SDK process" % n)
            sim = Simulator(sim_bin, ["--audit-events", str(int(n * 1.8)), "--cursor-style", "both",
                                      "--rate-limit", "1000000/1"])
            try:
                export_figures(label, export_vs_sdk(build, sim.base_url, root_org(sim.base_url), runs), runs, fig)
            finally:
                sim.stop()
        return finish(args, figures, fig, build, start_up=False)

    if args.only == "parselimit":
        log("== audit ingest against the parse limit, saved pages (bench_audit_parse_limit)")
        parse_limit_figures(build, sim_bin, args.quick, fig)
        return finish(args, figures, fig, build, start_up=False)

    log("== Google Benchmark programs")
    figures += map_figures(google_benchmarks(build, args.quick))
    # Issue 22: the 930 k usage pipeline on a busy day, as a spread.
    log("== usage aggregate at 930 k, pooled and one thread, interleaved")
    for name, times in usage_aggregate_spread(build, 3 if args.quick else 10).items():
        figures = [f for f in figures if f["name"] != name]
        fig(name, round(statistics.median(times), 1), "ms", min=round(min(times), 1), max=round(max(times), 1),
            runs=len(times))
    log("== simulator (bench_simulator)")
    for f in simulator_program(build, args.quick):
        fig(f["name"], f["value"], f["unit"])

    log("== audit ingest against the parse limit, saved pages (bench_audit_parse_limit)")
    parse_limit_figures(build, sim_bin, args.quick, fig)

    log("== roll-up, 50 sub-organizations x 31 days (bench_rollup, orgscope-sim --sub-orgs 50)")
    rollup = run_json([os.path.join(build, "bench", "bin", "bench_rollup"), "--sim", sim_bin, "--runs",
                       "3" if args.quick else "5"])
    fig("rollup_usage_ms_50x31d", rollup["rollup_usage_ms_50x31d"], "ms")
    fig("rollup_usage_requests_50x31d", rollup["rollup_usage_requests_50x31d"], "requests")
    fig("rollup_gui_stall_ms_max", rollup["rollup_gui_stall_ms_max"], "ms")
    fig("rollup_gui_busy_ms_max", rollup["rollup_gui_busy_ms_max"], "ms")

    # Quick: the same sizes (several targets are set at 1 M), fewer pairs.
    sizes = [100_000, 1_000_000]
    for n in sizes:
        runs = (3 if n < 1_000_000 else 1) if args.quick else 5
        log("== audit ingest, %d entries (orgscope-sim --cursor-style both)" % n)
        # The simulator spreads its entries over every organization; the root
        # one holds a little over half, so seed enough for n in its history.
        sim = Simulator(sim_bin, ["--audit-events", str(int(n * 1.8)), "--cursor-style", "both", "--rate-limit",
                                  "1000000/1"])
        try:
            label = "1m" if n == 1_000_000 else "100k"
            fig("sim_startup_s_" + label, sim.startup_s, "s")
            org = root_org(sim.base_url)
            if n == sizes[0]:
                fig("sim_page_serve_ms_1000", page_serving(sim.base_url, org), "ms")
            ours, theirs, ratios, stalls = [], [], [], []
            # Quick at 1 M: one SDK process serves both comparisons (the
            # export's, below, and the ingest's, from its own seconds).
            share_sdk = args.quick and n == 1_000_000
            for i in range(0 if share_sdk else runs):
                # Alternate who goes first so neither always gets a warm server.
                pair = [("orgscope", lambda: orgscope_ingest(build, sim.base_url, org, 1000)),
                        ("sdk", lambda: sdk_ingest(sim.base_url, org, 1000))]
                if i % 2:
                    pair.reverse()
                got = {}
                for who, fn in pair:
                    got[who] = fn()
                if got["orgscope"]["entries"] != got["sdk"]["entries"]:
                    log("  warning: orgscope got %d entries, SDK %d" % (got["orgscope"]["entries"],
                                                                        got["sdk"]["entries"]))
                ours.append(got["orgscope"])
                theirs.append(got["sdk"])
                ratios.append(got["orgscope"]["seconds"] / got["sdk"]["seconds"])
                stalls.append(got["orgscope"]["stall_max_ms"])
            log("  export: the whole orgscope export process against the whole SDK process")
            # Three rounds even in a quick run at 1 M: one CSV / JSON round
            # alone spreads by +-0.1 around the median.
            ex_runs = max(runs, 3)
            ex = export_vs_sdk(build, sim.base_url, org, ex_runs)
            if share_sdk:
                ours.append(orgscope_ingest(build, sim.base_url, org, 1000))
                theirs.append(ex["sdk_runs"][0])
                ratios.append(ours[0]["seconds"] / theirs[0]["seconds"])
                stalls.append(ours[0]["stall_max_ms"])
            eps = statistics.median(r["entries_per_s"] for r in ours)
            sdk_eps = statistics.median(r["entries"] / r["seconds"] for r in theirs)
            fig("audit_ingest_entries_per_s_" + label, eps, "entries/s")
            fig("sdk_audit_ingest_entries_per_s_" + label, sdk_eps, "entries/s")
            fig("audit_bytes_per_entry_" + label, statistics.median(r["bytes_per_entry"] for r in ours), "bytes")
            fig("audit_ingest_entries_" + label, statistics.median(r["entries"] for r in ours), "entries")
            if "gui_cpu_us_per_entry" in ours[0]:
                fig("audit_ingest_gui_cpu_us_per_entry_" + label,
                    statistics.median(r["gui_cpu_us_per_entry"] for r in ours), "us")
                fig("audit_ingest_process_cpu_us_per_entry_" + label,
                    statistics.median(r["process_cpu_us_per_entry"] for r in ours), "us")
            export_figures(label, ex, ex_runs, fig)
            if n == 1_000_000:
                log("  the real console, 1 M entries (orgscope --measure-audit-load) against the SDK's process")
                console_figures(build, sim.base_url, org, 1 if args.quick else 3, fig,
                                sdk_seconds=[ex["sdk_s"]] if args.quick else None)
            if n == 1_000_000 and not args.quick:
                log("  resident memory of a 1 M load with the archive on, without widgets (bench_audit_ingest --archive)")
                archive_dir = tempfile.mkdtemp(prefix="orgscope-bench-archive-")
                try:
                    since, before = audit_range()
                    rss = run_json([os.path.join(build, "bench", "bin", "bench_audit_ingest"), "--base-url",
                                    sim.base_url, "--org", org, "--since", since, "--before", before, "--limit",
                                    "1000", "--archive", archive_dir])
                finally:
                    shutil.rmtree(archive_dir, ignore_errors=True)
                fig("audit_rss_mb_1m_harness", rss["rss_mb_caught_up"] - rss["rss_mb_before"], "MB",
                    loaded=round(rss["rss_mb_loaded"] - rss["rss_mb_before"], 1),
                    archive_lag_s=round(rss["archive_lag_s"], 1), entries=rss["entries"])
            if n == sizes[-1]:
                fig("sdk_ratio_audit_ingest", statistics.median(ratios), "ratio", min=round(min(ratios), 3),
                    max=round(max(ratios), 3), runs=runs, entries=n)
                fig("audit_gui_stall_ms_max", max(stalls), "ms")
        finally:
            sim.stop()
    log("== the real console's first rows with 200 ms per response (orgscope-sim --faults latency:200ms)")
    console_latency_figures(build, sim_bin, sizes[-1], 1 if args.quick else 3, fig)

    if args.quick:
        # Not graded, and slow (the SDK pages by 100): full runs only.
        return finish(args, figures, fig, build)
    log("== requests for 100,000 entries with each client's defaults, and the flat cursor")
    sim = Simulator(sim_bin, ["--audit-events", "180000", "--cursor-style", "both", "--rate-limit", "1000000/1"])
    try:
        org = root_org(sim.base_url)
        fig("orgscope_requests_100k_default", orgscope_ingest(build, sim.base_url, org, 1000)["requests"], "requests")
        fig("sdk_requests_100k_default", sdk_ingest(sim.base_url, org)["requests"], "requests")
    finally:
        sim.stop()
    sim = Simulator(sim_bin, ["--audit-events", "180000", "--cursor-style", "flat", "--rate-limit", "1000000/1"])
    try:
        org = root_org(sim.base_url)
        ours_flat = orgscope_ingest(build, sim.base_url, org, 1000)["entries"]
        fig("sdk_entries_received_flat_cursor", sdk_ingest(sim.base_url, org, 1000)["entries"], "entries",
            of=ours_flat)
        fig("orgscope_entries_received_flat_cursor", ours_flat, "entries", of=ours_flat)
    finally:
        sim.stop()

    finish(args, figures, fig, build)


def finish(args, figures, fig, build, start_up=True):
    if start_up:
        log("== start to first painted window")
        if not args.quick:
            # Dropping the page cache slows everyone on a shared machine: full runs only.
            fig("start_first_window_ms_cold", first_paint(build, cold=True), "ms")
        warm = [first_paint(build, cold=False) for _ in range(3 if args.quick else 5)]
        fig("start_first_window_ms_warm", statistics.median(warm), "ms")

    machine = machine_info()
    result = {"machine": machine, "quick": args.quick, "figures": figures}
    if args.merge and os.path.exists(args.out):
        with open(args.out) as f:
            result = json.load(f)
        measured = "%s, load average %s" % (machine["date"], " / ".join("%.1f" % x for x in os.getloadavg()))
        for d in figures:
            d.setdefault("measured", measured)
        names = {d["name"] for d in figures}
        result["figures"] = [d for d in result["figures"] if d["name"] not in names] + figures
        result.setdefault("merged", []).append({"machine": machine, "figures": sorted(names)})
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    log("wrote %s" % args.out)


if __name__ == "__main__":
    main()
