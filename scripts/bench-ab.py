#!/usr/bin/env python3
"""Two helpcenter binaries timed against each other on one corpus, in interleaved rounds.

    scripts/bench-ab.py [--rounds N] [--count C] [--output-dir DIR] OLD_BINARY NEW_BINARY [BUILD_ARGS...]

On this shared two-core machine a binary's median wall time drifts by 5 % from one minute to
the next, so two hyperfine runs made one after the other cannot tell a 3 % change. Here each
round builds with both binaries (in alternating order, after one warm-up round), and the
medians of wall time and CPU time (user + system) come from the same minutes. Builds write to
fresh folders under DIR (default /dev/shm, tmpfs: ext4 slows down for minutes after large
deletions, docs/generator.md "Measuring"). The outputs of the first round are compared byte
for byte; the command fails when they differ.
"""
import argparse, filecmp, os, resource, shutil, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--rounds", type=int, default=8)
parser.add_argument("--count", type=int, default=10000, help="corpus size (../shared/bench/make-corpus.py)")
parser.add_argument("--output-dir", default="/dev/shm")
parser.add_argument("old")
parser.add_argument("new")
parser.add_argument("build_args", nargs=argparse.REMAINDER)
options = parser.parse_args()
if options.rounds < 0:
    parser.error("--rounds must be 0 (only compare the outputs) or more")

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bench_common(command, *arguments):
    """A function of scripts/bench-common.sh (the corpus and the configuration the other
    benchmarks use), run with its root and shared folders; prints what it prints."""
    script = 'root=$1 shared=$2; mkdir -p "$root"; shift 2; . scripts/bench-common.sh; "$@"'
    shared = os.environ.get("HELPCENTER_SHARED", os.path.join(root, "..", "shared"))
    return subprocess.run(["bash", "-c", script, "bench-common", os.environ.get("BENCH_DIR", "/tmp/helpcenter-bench"), shared, command] + list(arguments),
                          cwd=root, check=True, capture_output=True, text=True).stdout.strip()


corpus = bench_common("bench_corpus", str(options.count))
config = bench_common("bench_write_config")
arguments = ["build", "--quiet", "--config", config, "--content", os.path.join(corpus, "content"),
             "--templates", os.path.join(root, "templates")] + options.build_args

def same_tree(left, right):
    """Whether two folders hold the same paths, each file with the same bytes."""
    def listing(root):
        found = {}
        for folder, folders, files in os.walk(root):
            for name in folders + files:
                path = os.path.join(folder, name)
                found[os.path.relpath(path, root)] = os.path.isdir(path)
        return found
    left_paths, right_paths = listing(left), listing(right)
    if left_paths != right_paths:
        return False
    return all(is_folder or filecmp.cmp(os.path.join(left, path), os.path.join(right, path), shallow=False)
               for path, is_folder in left_paths.items())


work = tempfile.mkdtemp(prefix="bench-ab.", dir=options.output_dir)
binaries = [options.old, options.new]
# By position, not by path: the same binary may be given twice (an A/A run, to see the noise).
times = [{"wall": [], "cpu": []} for _ in binaries]
identical = False
try:
    for round_number in range(options.rounds + 1):
        for which in ([0, 1] if round_number % 2 == 0 else [1, 0]):
            binary = binaries[which]
            output = os.path.join(work, "%d-%d" % (round_number, which))
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            build = subprocess.run([binary] + arguments + ["--output", output], stdout=subprocess.DEVNULL)
            if build.returncode != 0:
                sys.exit("bench-ab: %s failed (exit status %d); its messages are above" % (binary, build.returncode))
            wall = time.monotonic() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_number == 0:
                continue  # warm-up; its outputs are compared below
            times[which]["wall"].append(wall)
            times[which]["cpu"].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            shutil.rmtree(output)
        if round_number == 0:
            identical = same_tree(os.path.join(work, "0-0"), os.path.join(work, "0-1"))
            print("outputs: %s" % ("byte-identical" if identical else "DIFFERENT"))
            shutil.rmtree(os.path.join(work, "0-0"))
            shutil.rmtree(os.path.join(work, "0-1"))
finally:
    shutil.rmtree(work, ignore_errors=True)

if options.rounds > 0:
    for which, binary in enumerate(binaries):
        wall, cpu = times[which]["wall"], times[which]["cpu"]
        print("%-40s wall median %.3f s (min %.3f)   CPU median %.3f s (min %.3f)" % (binary, statistics.median(wall), min(wall), statistics.median(cpu), min(cpu)))
    old, new = times
    print("new/old, %d rounds: wall %.3f, CPU %.3f" % (options.rounds, statistics.median(new["wall"]) / statistics.median(old["wall"]),
                                                      statistics.median(new["cpu"]) / statistics.median(old["cpu"])))
sys.exit(0 if identical else 1)
