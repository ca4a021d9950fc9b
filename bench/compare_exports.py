#!/usr/bin/env python3
"""Compares builds on the whole `orgscope export audit` process, JSON and CSV.

    python3 bench/compare_exports.py [--rounds N] BUILD_DIR [BUILD_DIR ...]

One simulator (1 M entries, as run_bench's export figures) serves every run;
the builds alternate inside each round, JSON then CSV, each output removed
as soon as it is written. Prints, per build and format, the median wall time
and the median CPU time of the export process (user + system; the
simulator's own CPU is the same for both formats and left out), then each
build's CSV ÷ JSON per round. For changes too small for a full run's
spread to show.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench as rb  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("builds", nargs="+", help="build directories (each with bin/orgscope)")
    args = ap.parse_args()
    sim_binary = os.path.join(args.builds[0], "bin", "orgscope-sim")
    sim = rb.Simulator(sim_binary, ["--audit-events", "1800000", "--cursor-style", "both",
                                    "--rate-limit", "1000000/1"])
    out_dir = tempfile.mkdtemp(prefix="orgscope-compare-exports-")
    results = {}
    try:
        org = rb.root_org(sim.base_url)
        since, before = rb.audit_range()
        env = dict(os.environ, CLOUDFLARE_API_TOKEN="orgscope-demo-token")
        for _ in range(args.rounds):
            for build in args.builds:
                for fmt in ("json", "csv"):
                    path = os.path.join(out_dir, "audit." + fmt)
                    cmd = [os.path.join(build, "bin", "orgscope"), "export", "audit", "--org", org,
                           "--since", since, "--before", before, "--page-size", "1000", "--format", fmt,
                           "--output", path, "--quiet", "--base-url", sim.base_url]
                    before_times, start = os.times(), time.monotonic()
                    subprocess.run(cmd, env=env, check=True)
                    wall, after_times = time.monotonic() - start, os.times()
                    cpu = (after_times.children_user - before_times.children_user +
                           after_times.children_system - before_times.children_system)
                    results.setdefault((build, fmt), []).append((wall, cpu))
                    os.remove(path)
    finally:
        sim.stop()
        os.rmdir(out_dir)
    for build in args.builds:
        for fmt in ("json", "csv"):
            runs = results[(build, fmt)]
            print("%-40s %-4s wall %.3f s  cpu %.3f s" % (build, fmt, statistics.median(r[0] for r in runs),
                                                        statistics.median(r[1] for r in runs)))
        ratios = [c[0] / j[0] for j, c in zip(results[(build, "json")], results[(build, "csv")])]
        print("%-40s csv/json per round %s, median %.3f" % (build, " ".join("%.2f" % r for r in ratios),
                                                             statistics.median(ratios)))


if __name__ == "__main__":
    main()
