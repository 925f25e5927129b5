#!/usr/bin/env python3
"""Time commands interleaved: ROUNDS rounds, each command once a round, the order
rotated from round to round, so a machine whose speed drifts (a VM's phases) slows
every command alike. Prints, per command, the median, mean and fastest wall time, the
throughput over BYTES at the median, and the median of its per-round ratio to the
first command (the yardstick).

    python3 scripts/interleave.py ROUNDS BYTES NAME=COMMAND [NAME=COMMAND ...]

    python3 scripts/interleave.py 30 14688441 \\
        "rg=rg '\\[[0-9]+\\]' /tmp/corpus5k" \\
        "check=./target/release/minewatch check --format json /tmp/corpus5k"
"""
import shlex
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 4 or any("=" not in a for a in sys.argv[3:]):
        sys.exit(__doc__)
    rounds, size = int(sys.argv[1]), int(sys.argv[2])
    cmds = [a.split("=", 1) for a in sys.argv[3:]]
    times = {name: [] for name, _ in cmds}
    for r in range(rounds):
        k = r % len(cmds)
        for name, cmd in cmds[k:] + cmds[:k]:
            start = time.perf_counter()
            subprocess.run(shlex.split(cmd), stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    first = times[cmds[0][0]]
    for name, _ in cmds:
        t = times[name]
        ratio = statistics.median(x / y for x, y in zip(t, first))
        print(f"{name:14s} median {statistics.median(t) * 1000:7.1f} ms  "
              f"mean {statistics.mean(t) * 1000:7.1f}  fastest {min(t) * 1000:7.1f}  "
              f"{size / statistics.median(t) / 1e6:6.1f} MB/s  x{cmds[0][0]} {ratio:5.2f}")


if __name__ == "__main__":
    main()
