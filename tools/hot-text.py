#!/usr/bin/env python3
"""Writes tools/hot-text.ld: the functions a keypress runs, then those the first frame runs,
kept together at the start of the program's code (see build.rs).

usage: tools/hot-text.py target/release/briefing assets/releases/unodc-interpol-2016.txt > tools/hot-text.ld

Runs the reader under callgrind in a pseudo-terminal of 200x60 (valgrind and pexpect needed) on
a long release, the given one's body 40 times (as README's measure of what a key costs): the
start and first frame, then scrolling a pane (2, j), switching panes (l, h) and scrolling back
(k). Functions are named by their symbol without its hash where that names one function
of the binary (it stays right as the code changes); generic functions, whose instances differ
only by their hash, keep it (a stale name only loses its place). The order: by instructions
spent, the keys' functions first: those most keys run, then by instructions spent.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile
import time

import pexpect


def quiet(child, seconds):
    """Reads the child's output until it has written nothing for `seconds`."""
    try:
        while True:
            child.read_nonblocking(1 << 20, timeout=seconds)
    except pexpect.TIMEOUT:
        pass


def settle(pid):
    """Waits until the process takes no CPU for a second (what it does after a frame, such as
    counting a long pane's lines for its scrollbar, belongs before the keys)."""

    def cpu():
        total = 0
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        return total

    before = cpu()
    while True:
        time.sleep(1)
        now = cpu()
        if now - before < 10_000_000:
            return
        before = now


KEYS = ["j" * 30, "lh" * 15, "k" * 10]


def profile(binary, release, out):
    """Callgrind dumps: out.1 the start and first frame, then one per key."""
    child = pexpect.spawn(
        "valgrind",
        ["--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}", binary, release],
        dimensions=(60, 200),
        timeout=300,
    )
    child.read_nonblocking(1 << 20, timeout=300)
    quiet(child, 2)
    settle(child.pid)
    subprocess.run(["callgrind_control", "-d", str(child.pid)], capture_output=True, check=False)
    child.send("2")
    quiet(child, 1)
    settle(child.pid)
    subprocess.run(["callgrind_control", "-z", str(child.pid)], capture_output=True, check=False)
    for key in "".join(KEYS):
        child.send(key)
        quiet(child, 0.3)
        subprocess.run(["callgrind_control", "-d", str(child.pid)], capture_output=True, check=False)
    child.send("q")
    child.expect(pexpect.EOF, timeout=300)


def costs(path):
    """Instructions per function (self cost) in a callgrind file."""
    names, cost, current, in_call = {}, collections.Counter(), None, False
    with open(path) as f:
        for line in f:
            if line.startswith(("fn=", "cfn=")):
                m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line.strip())
                if m.group(2):
                    names[m.group(1)] = m.group(2)
                if line.startswith("fn="):
                    current = names.get(m.group(1))
                continue
            if line.startswith("calls="):
                in_call = True
                continue
            if not line or line[0] not in "0123456789+-*":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            if in_call:
                in_call = False
                continue
            cost[current] += int(parts[-1])
    return cost


HASH = re.compile(r"17h[0-9a-f]{16}E(\.llvm\.\d+)?$")
CRATE = re.compile(r"Cs[0-9A-Za-z]+_")


def pattern(symbol, hashless):
    """The section pattern for `symbol`."""
    if symbol.startswith("_ZN"):
        short = HASH.sub("", symbol)
        if hashless[short] == 1:
            return short + "*"
        return re.sub(r"\.llvm\.\d+$", "", symbol) + "*"
    if symbol.startswith("_R"):
        # v0 names (the standard library's) carry the crates' disambiguators, not a hash.
        return CRATE.sub("Cs*_", symbol) + "*"
    return None


def main():
    binary, release = sys.argv[1], sys.argv[2]
    symbols = subprocess.run(["nm", binary], capture_output=True, text=True, check=True)
    hashless = collections.Counter(
        HASH.sub("", line.split()[-1]) for line in symbols.stdout.splitlines() if "_ZN" in line
    )
    with tempfile.TemporaryDirectory() as tmp:
        title, body = open(release, encoding="utf-8").read().split("\n", 1)
        long = os.path.join(tmp, "long.txt")
        with open(long, "w", encoding="utf-8") as f:
            f.write(title + "\n" + body * 40)
        # Apart from the release: the reader watches its folder, and a profile written there
        # would make it look at the file again in the middle of the keys.
        os.mkdir(os.path.join(tmp, "cg"))
        out = os.path.join(tmp, "cg", "cg.out")
        profile(binary, long, out)
        start = costs(out + ".1")
        per_key = [costs(f"{out}.{i}") for i in range(2, 2 + len("".join(KEYS)))]
    # The functions of the keys, those most keys run first (a key touches the pages of every
    # function it runs, however little of it), then by instructions spent; then the first
    # frame's.
    keys, runs = collections.Counter(), collections.Counter()
    for table in per_key:
        keys.update(table)
        runs.update({symbol: 1 for symbol, n in table.items() if n > 0})
    by_runs = sorted(keys, key=lambda symbol: (-runs[symbol], -keys[symbol]))
    patterns = []
    for symbols in (by_runs, [symbol for symbol, _ in start.most_common()]):
        for symbol in symbols:
            p = symbol and pattern(symbol, hashless)
            if p and p not in patterns:
                patterns.append(p)
    print(
        "/* The functions a keypress runs, then those the first frame runs, first in the code, so\n"
        "   a key touches few pages of it (see build.rs); then the rest, as the linker would\n"
        "   place it. Written by tools/hot-text.py; a function missing here is only placed with\n"
        "   the rest. */\n"
        "SECTIONS {\n  .text : {"
    )
    for p in patterns:
        print(f"    *(.text.{p})")
    print("    *(.text .text.*)\n  }\n}\nINSERT AFTER .init;")


if __name__ == "__main__":
    main()
