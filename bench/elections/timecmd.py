"""Times whole commands, interleaved (A B C A B C ...), and prints a Markdown table of medians.

Usage: timecmd.py RUNS LABEL=COMMAND [LABEL=COMMAND ...]
Each COMMAND is split like a shell would (shlex) and run with its output discarded. Wall time
is a monotonic clock around the child; CPU time (user + system) and peak memory come from the
operating system's accounting of the finished child (os.wait4). Stdlib only.

The machine is shared, so the load average is printed before and after, and for every command
after the first the ratio to the first command within each round (A/B measured seconds apart),
whose median is steadier than a ratio of medians when the load moves.
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


def load():
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cpus"


def main():
    runs = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    results = {label: [] for label, _ in commands}
    print(f"load average before: {load()}")
    for label, command in commands:  # one warm-up each
        run_once(shlex.split(command))
    for _ in range(runs):
        for label, command in commands:
            results[label].append(run_once(shlex.split(command)))
    print(f"load average after: {load()}")
    print()
    print("| command | median wall s | median cpu s | peak MiB | runs |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, command in commands:
        rows = results[label]
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        peak = max(r[2] for r in rows)
        print(f"| {label} | {wall:.3f} | {cpu:.3f} | {peak:.0f} | {runs} |")
    first = commands[0][0]
    base = results[first]
    if len(commands) > 1:
        print()
        print(f"Per round, each command's time over {first}'s (median, min to max):")
        print()
        print("| command | wall ratio | cpu ratio |")
        print("| --- | ---: | ---: |")
        for label, _ in commands[1:]:
            walls = [r[0] / b[0] for r, b in zip(results[label], base)]
            cpus = [r[1] / b[1] for r, b in zip(results[label], base) if b[1] > 0]
            def span(xs):
                if not xs:
                    return "n/a"
                return f"{statistics.median(xs):.1f} ({min(xs):.1f} to {max(xs):.1f})"
            print(f"| {label} | {span(walls)} | {span(cpus)} |")


main()
