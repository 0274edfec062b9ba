#!/usr/bin/env python3
"""The anchor of `cab import`: the `sqlite3` command line loading the same rows, as CSV, into the
same schema, indexes and triggers (`.schema` of a Cabinet store), in one transaction.

  scripts/import_anchor.py SOURCE.sqlite   # times the load of SOURCE's rows into a fresh file

The CSV files are written once (not timed); each timed run starts from an empty file holding
only the schema. scripts/bench runs it interleaved with `cab import` of the same history.
"""
import os, sqlite3, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import OUT, log, timed_peak

# The tables an import writes, parents before children (StoreTables' order, without meta).
TABLES = ["services", "service_dependencies", "changes", "change_services", "decisions", "conditions_met", "incidents",
          "incident_causes", "incident_services", "meetings", "meeting_attendees", "agenda_items", "freezes", "risk_calibrations",
          "risk_weights", "verifications", "announcements", "action_items", "reviews", "pirs"]
# Tables with a nullable column under a CHECK (a review's rollback_worked is 0, 1 or not known
# yet): a few hundred rows in the demo histories.
STAGED = {"reviews"}


def prepare(source, folder):
    """Writes each non-empty table of `source` as CSV, the schema, and the load script; returns
    (schema path, script path)."""
    os.makedirs(folder, exist_ok=True)
    lines = ["BEGIN;"]
    for table in TABLES:
        path = os.path.join(folder, table + ".csv")
        with open(path, "w") as handle:
            subprocess.run(["sqlite3", "-csv", source, f"SELECT * FROM {table} ORDER BY rowid"], stdout=handle, check=True)
        if not os.path.getsize(path):
            continue
        if table in STAGED:
            # CSV has no NULL: `.import` writes an empty string, which these columns' CHECKs
            # refuse. The rows go through a staging copy, the empty strings back to NULL.
            columns = [row[1] for row in sqlite3.connect(f"file:{source}?mode=ro", uri=True).execute(f"PRAGMA table_info({table})")]
            lines += [f"CREATE TEMP TABLE stage_{table} AS SELECT * FROM {table} WHERE 0;",
                      f".import --csv {path} stage_{table}",
                      f"INSERT INTO {table} SELECT {', '.join(f'NULLIF({column}, {chr(39)}{chr(39)})' for column in columns)} FROM stage_{table};"]
        else:
            lines.append(f".import --csv {path} {table}")
    lines.append("COMMIT;")
    script = os.path.join(folder, "load.sql")
    with open(script, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    schema = os.path.join(folder, "schema.sql")
    with open(schema, "w") as handle:
        subprocess.run(["sqlite3", source, ".schema"], stdout=handle, check=True)
    return schema, script


def fresh_target(schema, target):
    """An empty file with the schema, indexes and triggers of the source."""
    for suffix in ["", "-wal", "-shm", "-journal"]:
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    with open(schema) as handle:
        subprocess.run(["sqlite3", target], stdin=handle, check=True, stdout=subprocess.DEVNULL)


def load(schema, script, target, journals_in_memory=False):
    """One timed load: (seconds, peak MB). With `journals_in_memory`, sqlite3 keeps its statement
    journals in memory (`PRAGMA temp_store = MEMORY`), as `cab`'s bulk writes do: the same load
    without four million writes to a temporary file."""
    fresh_target(schema, target)
    command = ["sqlite3", "-bail"] + (["-cmd", "PRAGMA temp_store = MEMORY"] if journals_in_memory else []) + [target]
    with open(script) as handle:
        return timed_peak(command, stdin=handle)


if __name__ == "__main__":
    source = sys.argv[1]
    folder = os.path.join(OUT, "import-anchor")
    schema, script = prepare(source, folder)
    seconds, peak = load(schema, script, os.path.join(folder, "target.sqlite"))
    log(f"sqlite3 .import of {source}: {seconds:.2f} s, {peak:.0f} MB")
    print(f"{seconds:.3f}")
