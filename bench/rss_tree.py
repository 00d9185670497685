"""Run a command and sample the summed RSS of its whole process tree (the command, its
worker processes and theirs) every second; ``ru_maxrss`` only sees one process.

    python bench/rss_tree.py OUT.json -- strikewatch ingest CORPUS --workers 2

Writes the exit code, wall time, peak tree RSS, peak single-process RSS and one
sample a minute (seconds, MB, processes) to OUT.json and prints the summary."""
import json
import os
import subprocess
import sys
import time

log = sys.argv[1]; cmd = sys.argv[sys.argv.index("--") + 1:]
def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f: parts = f.read().rsplit(")", 1)[1].split()
                if int(parts[1]) == pid: out.append(int(d))
            except Exception: pass
    return out
def tree(pid):
    todo, seen = [pid], []
    while todo:
        p = todo.pop(); seen.append(p); todo += children(p)
    return seen
def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
    except Exception: return 0.0
    return 0.0
start = time.time(); p = subprocess.Popen(cmd)
peak_total = peak_single = 0.0; samples = []
while p.poll() is None:
    pids = tree(p.pid); sizes = [rss(x) for x in pids]
    total = sum(sizes); peak_total = max(peak_total, total); peak_single = max(peak_single, max(sizes or [0]))
    samples.append((round(time.time() - start), round(total), len(pids)))
    time.sleep(1)
res = {"cmd": " ".join(cmd), "rc": p.returncode, "wall_s": round(time.time() - start, 1), "peak_tree_rss_mb": round(peak_total, 1),
       "peak_process_rss_mb": round(peak_single, 1), "samples_every_60s": samples[::60]}
json.dump(res, open(log, "w"), indent=1); print(json.dumps({k: v for k, v in res.items() if k != "samples_every_60s"}))
