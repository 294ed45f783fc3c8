"""Grading throughput against the number of Dask workers: submissions per minute and the scaling
efficiency (rate with n workers / (n x rate with 1)). Not a test: a measurement, one BLAS thread
per worker. Run: `make bench-grading` (ARGS="--submissions 8 --workers 1 2")."""
import argparse
import contextlib
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from autograder import config, demo, grade
from autograder.course import ROOT


def make_class(folder, assignment, count):
    class_dir = grade.init_class(Path(folder) / "class", [assignment])
    for n in range(count):
        target = class_dir / "submitted" / f"student{n:03d}" / assignment
        target.mkdir(parents=True)
        nbformat.write(demo.submission(assignment, "model", ROOT / "assignments"), str(target / f"{assignment}.ipynb"))
    return class_dir


def rate(assignment, count, workers):
    """Submissions per minute of one batch of ``count`` model answers on ``workers`` workers, and
    the coordinator's seconds per submission (recording and feedback: the serial part)."""
    with tempfile.TemporaryDirectory(prefix="grading-rate-") as folder:
        class_dir = make_class(folder, assignment, count)
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            entries = grade.grade_class(class_dir, [assignment], jobs=workers, progress=False)
        seconds = time.perf_counter() - start
        coordinator = coordinator_seconds(class_dir, [(e["student"], assignment) for e in entries])
    graded = sum(e["status"] == "graded" for e in entries)
    return graded / seconds * 60, seconds, graded, coordinator


def coordinator_seconds(class_dir, pairs):
    """Mean seconds the coordinator spends on one result: each graded submission recorded again
    from its autograded folder, as ``cluster.apply`` does."""
    recorder = grade.Recorder(class_dir)
    start = time.perf_counter()
    for student, assignment in pairs:
        staged = Path(class_dir) / config.RESULTS_DIR / student / assignment
        shutil.copytree(Path(class_dir) / "autograded" / student / assignment, staged)
        recorder.record(student, assignment)
        shutil.rmtree(staged.parent)
    return (time.perf_counter() - start) / max(1, len(pairs))


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
        rates[workers], seconds, graded, coordinator = rate(args.assignment, args.submissions, workers)
        print(f"{workers} worker(s): {graded} submissions of {args.assignment} in {seconds:.0f} s, "
              f"{rates[workers]:.2f} per minute ({seconds / max(graded, 1) * workers:.1f} worker-seconds each; "
              f"the coordinator's part {coordinator:.2f} s each)")
    base = rates.get(1)
    for workers, value in rates.items():
        if base and workers > 1:
            print(f"scaling efficiency with {workers} workers: {value / (workers * base):.2f}")


if __name__ == "__main__":
    main()
