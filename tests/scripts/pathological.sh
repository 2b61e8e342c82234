#!/usr/bin/env bash
# cmark-gfm's pathological inputs (its test/pathological_tests.py list,
# re-created by tests/tools/pathological.py) and the two Debian 12's
# 0.29.0.gfm.6 is quadratic on ('"![[]()' x 160,000; 50,000 columns): each
# builds PDF and EPUB in under 2 s of CPU time (user + system, so a
# machine busy with other jobs does not fail it; wall time is printed and
# capped at OCTAVO_PATHO_WALL s), or fails cleanly: exit 1 with a
# [limit-...] error and nothing written. Plain build only (the limit is
# for a Release build; sanitizers are several times slower).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf python3 timeout

cd "$OCTAVO_TMP"
python3 "$TOOLS/pathological.py" cases >names.txt || fail "generator failed"
[ "$(wc -l <names.txt)" -ge 20 ] || fail "fewer cases than cmark-gfm's list"
python3 - "$OCTAVO" "${OCTAVO_PATHO_CPU:-2.0}" "${OCTAVO_PATHO_WALL:-20}" <<'PY' || fail "see above"
import os, re, resource, subprocess, sys, time
prog, cpu_limit, wall_limit = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
bad = 0
for name in open("names.txt").read().split():
    out = "out-" + name
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    try:
        p = subprocess.run([prog, "build", "cases/%s.md" % name, "-o", out, "-q", "--lang", "en"],
                           stderr=subprocess.PIPE, timeout=wall_limit)
        rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, err = "timeout", ""
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    codes = sorted(set(re.findall(r"\[([a-z0-9-]+)\]$", err, re.M)))
    problem = None
    if rc == 0:
        for ext in ("pdf", "epub"):
            f = "%s/%s.%s" % (out, name, ext)
            if not os.path.getsize(f) if os.path.exists(f) else True:
                problem = "no %s written" % ext
        if not problem and subprocess.run(["qpdf", "--check", "%s/%s.pdf" % (out, name)],
                                          capture_output=True).returncode != 0:
            problem = "qpdf --check rejects the PDF"
    elif rc == 1:
        if not re.search(r"error: .*\[limit-[a-z-]+\]$", err, re.M):
            problem = "exit 1 without a [limit-...] error"
        elif os.path.exists(out) and os.listdir(out):
            problem = "exit 1 but files were written"
    else:
        problem = "exit status %s" % rc
    if not problem and cpu >= cpu_limit:
        problem = "%.2f s of CPU time (limit %.1f)" % (cpu, cpu_limit)
    print("%-32s exit %-7s cpu %5.2f s  wall %5.2f s  %s%s" % (
        name, rc, cpu, wall, " ".join(codes), "  <-- " + problem if problem else ""))
    bad += problem is not None
sys.exit(1 if bad else 0)
PY
note "every pathological input built or failed cleanly within the limit"
