"""Grading throughput against the number of Dask workers: submissions per minute and the scaling
efficiency (rate with n workers / (n x rate with 1)). Not a test: a measurement, one BLAS thread
per worker. Run: `make bench-grading` (ARGS="--submissions 8 --workers 1 2")."""
import argparse
import os
import tempfile
import time
from pathlib import Path

import nbformat

from autograder import demo, grade
from autograder.course import ROOT


def make_class(folder, assignment, count):
    class_dir = grade.init_class(Path(folder) / "class", [assignment])
    for n in range(count):
        target = class_dir / "submitted" / f"student{n:03d}" / assignment
        target.mkdir(parents=True)
        nbformat.write(demo.submission(assignment, "model", ROOT / "assignments"), str(target / f"{assignment}.ipynb"))
    return class_dir


def rate(assignment, count, workers):
    """Submissions per minute of one batch of ``count`` model answers on ``workers`` workers."""
    with tempfile.TemporaryDirectory(prefix="grading-rate-") as folder:
        class_dir = make_class(folder, assignment, count)
        start = time.perf_counter()
        entries = grade.grade_class(class_dir, [assignment], jobs=workers, progress=False)
        seconds = time.perf_counter() - start
    graded = sum(e["status"] == "graded" for e in entries)
    return graded / seconds * 60, seconds, graded


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--assignment", default="ps1_activations")
    parser.add_argument("--submissions", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    grade.prepare_environment()
    rates = {}
    for workers in args.workers:
        rates[workers], seconds, graded = rate(args.assignment, args.submissions, workers)
        print(f"{workers} worker(s): {graded} submissions of {args.assignment} in {seconds:.0f} s, "
              f"{rates[workers]:.2f} per minute ({seconds / max(graded, 1) * workers:.1f} worker-seconds each)")
    base = rates.get(1)
    for workers, value in rates.items():
        if base and workers > 1:
            print(f"scaling efficiency with {workers} workers: {value / (workers * base):.2f}")


if __name__ == "__main__":
    main()
