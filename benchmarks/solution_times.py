"""How long each executed solution notebook took, from its cells' execution timestamps.

The autograder re-executes every student's notebook, so the solutions' execution time is the part
of grading that the course's code and the core decide. Measure with one BLAS thread, as a grading
worker runs, on an idle machine:

    OPENBLAS_NUM_THREADS=1 make solutions && .venv/bin/python benchmarks/solution_times.py

``--rev REV`` reads the solutions as committed at REV instead (a run stored in git).
"""
import argparse
import datetime
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = ["ps1_activations", "ps2_optimizers", "ps3_initialization", "ps4_cnn"]


def when(stamp):
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def read(path, rev=None):
    if rev is None:
        return json.loads((ROOT / path).read_text())
    return json.loads(subprocess.check_output(["git", "show", f"{rev}:{path}"], cwd=ROOT))


def executions(nb):
    """[(cell index, seconds it ran, its timestamps)] of the executed code cells."""
    rows = []
    for i, cell in enumerate(nb["cells"]):
        stamps = cell.get("metadata", {}).get("execution")
        if cell["cell_type"] == "code" and stamps:
            seconds = (when(stamps["iopub.status.idle"]) - when(stamps["iopub.execute_input"])).total_seconds()
            rows.append((i, seconds, stamps))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="read solutions/ as committed at this git revision")
    args = parser.parse_args()
    total = 0.0
    for a in ASSIGNMENTS:
        rows = executions(read(f"solutions/{a}/{a}.ipynb", args.rev))
        seconds = (when(rows[-1][2]["iopub.status.idle"]) - when(rows[0][2]["iopub.execute_input"])).total_seconds()
        total += seconds
        slowest = sorted(rows, key=lambda row: -row[1])[:3]
        print(f"{a:20s} {seconds:6.1f} s   slowest cells: " + ", ".join(f"#{i} {s:.1f} s" for i, s, _ in slowest))
    print(f"{'all four':20s} {total:6.1f} s")


if __name__ == "__main__":
    main()
