"""What Cabinet's process-level benchmarks share: the release `cab`, running and timing commands,
peak memory, instruction counts, medians and percentiles, the 1,000,000-change demo, a private
tmux server to drive the board in, and the Markdown table the README quotes.

Imported by scripts/bench, scripts/bench-board and scripts/bench-postgres (not run alone).
"""
import os, re, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench-out")
SCRATCH = os.environ.get("BENCH_SCRATCH", ".build")
CAB = os.path.join(ROOT, SCRATCH, "release", "cab")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
NOW = "2026-11-27T08:00:00Z"
# Commands run with a pinned clock, so that every run reads the same period.
ENV = dict(os.environ, CAB_NOW=NOW, CAB_USER="bench", LANG="C.UTF-8", TZ="UTC")
# The boards run on the real clock: their timers move, and decisions are stamped now.
BOARD_ENV = {key: value for key, value in ENV.items() if key != "CAB_NOW"}
BIG = os.environ.get("BENCH_BIG", os.path.join(OUT, "demo-1m.sqlite"))


def log(text):
    print("  " + text, file=sys.stderr, flush=True)


def build_release():
    """The release `cab` the benchmarks measure, built in BENCH_SCRATCH as scripts/install builds it
    (the Swift libraries linked in)."""
    os.makedirs(OUT, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "cab", "--static-swift-stdlib", "--scratch-path", SCRATCH],
                   cwd=ROOT, check=True, stdout=sys.stderr)


def run(args, stdin=None, env=ENV, stdout=subprocess.DEVNULL):
    """Runs a command once; returns its wall-clock seconds."""
    start = time.perf_counter()
    subprocess.run(args, stdin=stdin, stdout=stdout, check=True, env=env)
    return time.perf_counter() - start


def timed_peak(args, env=ENV, stdout=subprocess.DEVNULL, stdin=None):
    """Wall-clock seconds and peak RSS (MB, from /usr/bin/time -v) of one run."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v"] + args, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{' '.join(args)}: {done.stderr}")
    peak = next(int(line.split(":")[1]) for line in done.stderr.splitlines() if "Maximum resident set size" in line)
    return seconds, peak / 1024


def peak_of(args, env=ENV):
    """Peak RSS (MB) of one run of a command alone."""
    return timed_peak(args, env=env)[1]


def median_of(label, make_args, runs=RUNS, stdin_path=None):
    """The median wall-clock seconds of `runs` runs; `make_args` may prepare each run."""
    times = []
    for _ in range(runs):
        if stdin_path:
            with open(stdin_path) as stdin:
                times.append(run(make_args(), stdin=stdin))
        else:
            times.append(run(make_args()))
    log(f"{label}: median {statistics.median(times):.3f} s over {runs} runs")
    return statistics.median(times)


def interleaved(commands, runs=RUNS):
    """Median seconds of each command, run in turn `runs` times so that whatever else the
    shared machine does weighs on all of them alike. `commands` maps a label to (args, stdin path)."""
    times = {label: [] for label in commands}
    for _ in range(runs):
        for label, (args, stdin_path) in commands.items():
            if stdin_path:
                with open(stdin_path) as stdin:
                    times[label].append(run(args, stdin=stdin))
            else:
                times[label].append(run(args))
    for label, values in times.items():
        log(f"{label}: {[round(value, 3) for value in values]}")
    return {label: statistics.median(values) for label, values in times.items()}


def instructions(args, env=ENV):
    """Instructions one run executes, counted by valgrind's callgrind (the same to the
    instruction from run to run, unlike wall time on a shared machine); None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        # valgrind 3.19 gives up on the Swift toolchain's DWARF ("possibly corrupted debuginfo"):
        # it counts a copy without the debug sections, the same code to the instruction.
        program = os.path.join(folder, os.path.basename(args[0]))
        subprocess.run(["strip", "--strip-debug", "-o", program, shutil.which(args[0]) or args[0]], check=True)
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", program] + args[1:],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
        return int(found.group(1)) if found else None


def giga(count):
    return "—" if count is None else f"{count / 1e9:.2f} G instructions"


def percentile(values, share):
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (position - lower) * (ordered[upper] - ordered[lower])


def demo(path, changes):
    """`cab demo --changes N` at `path`, reused when its meta says the same parameters; the
    seconds it took to write, or None when reused."""
    wanted = f"cab demo --changes {changes} --seed 1 at {NOW}"
    if os.path.exists(path) and not os.environ.get("BENCH_FRESH"):
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            made = db.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
        if made and made[0] == wanted:
            log(f"reusing {path} ({wanted})")
            return None
    for suffix in ["", "-wal", "-shm", ".lock"]:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    log(f"writing {wanted} to {path}")
    return run([CAB, "demo", "--db", path, "--changes", str(changes), "--quiet"])


def exported(source):
    """The JSON export of the demo database `source` (bench-out/NAME.json), written when missing
    or under BENCH_FRESH."""
    export = os.path.join(OUT, os.path.splitext(os.path.basename(source))[0] + ".json")
    if not os.path.exists(export) or os.environ.get("BENCH_FRESH"):
        with open(export, "w") as handle:
            subprocess.run([CAB, "export", "--db", source], stdout=handle, check=True, env=ENV)
    return export


def cpu_seconds(pid):
    """User + system CPU seconds a process has used so far (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss(pid):
    """The process's peak RSS so far (VmHWM, MB)."""
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


class Tmux:
    """A private tmux server (own socket and TMUX_TMPDIR, no config) with one pane of
    `width`×`height`, in which the board runs as in a terminal."""

    def __init__(self, name, width=100, height=30, env=BOARD_ENV):
        self.tmpdir = tempfile.mkdtemp(prefix="cab-bench-")
        self.env = dict(env, TMUX_TMPDIR=self.tmpdir)
        self.base = ["tmux", "-L", name, "-f", "/dev/null"]
        self.call("new-session", "-d", "-x", str(width), "-y", str(height), "-e", "LANG=C.UTF-8", "sleep 3600")

    def call(self, *args):
        return subprocess.run(self.base + list(args), env=self.env, check=True, capture_output=True, text=True).stdout

    def spawn(self, command, user="bench"):
        """Replaces the pane's process with `command`."""
        self.call("respawn-pane", "-k", "-e", "LANG=C.UTF-8", "-e", f"CAB_USER={user}", "exec " + command)

    def screen(self):
        return self.call("capture-pane", "-p")

    def pid(self):
        return int(self.call("display-message", "-p", "#{pane_pid}").strip())

    def wait(self, predicate, timeout=10.0, pause=0.005):
        """Polls the screen until `predicate(screen)`; returns the seconds it took. The short
        pause keeps the polling from taking the cores from the board it times."""
        start = time.perf_counter()
        while True:
            screen = self.screen()
            if predicate(screen):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise RuntimeError("timed out; the screen was:\n" + screen)
            time.sleep(pause)

    def close(self):
        subprocess.run(self.base + ["kill-server"], env=self.env, capture_output=True)
        shutil.rmtree(self.tmpdir, ignore_errors=True)


def machine(note):
    return f"Machine: {os.cpu_count()} cores, {os.popen('uname -sr').read().strip()}; release build; {note}.\n"


def print_table(rows, note):
    """The rows (what, time, peak memory, against) as the README's Markdown table."""
    print(machine(note))
    print("| what | time | peak memory | against |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
