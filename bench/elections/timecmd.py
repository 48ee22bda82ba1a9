"""Times whole commands, interleaved (A B C A B C ...), and prints a Markdown table of medians.

Usage: timecmd.py RUNS LABEL=COMMAND [LABEL=COMMAND ...]
Each COMMAND is split like a shell would (shlex) and run with its output discarded. Wall time
is a monotonic clock around the child; CPU time (user + system) and peak memory come from the
operating system's accounting of the finished child (os.wait4). Stdlib only.
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {shlex.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    runs = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    results = {label: [] for label, _ in commands}
    for label, command in commands:  # one warm-up each
        run_once(shlex.split(command))
    for _ in range(runs):
        for label, command in commands:
            results[label].append(run_once(shlex.split(command)))
    print(f"| command | median wall s | median cpu s | peak MiB | runs |")
    print(f"| --- | ---: | ---: | ---: | ---: |")
    for label, command in commands:
        rows = results[label]
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        peak = max(r[2] for r in rows)
        print(f"| {label} | {wall:.3f} | {cpu:.3f} | {peak:.0f} | {runs} |")


main()
