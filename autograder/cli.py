"""``python -m autograder``: build the course, grade a class, make the demo."""
import argparse
import sys
import time

from . import release as rel
from .course import ASSIGNMENTS


def cmd_kernel(args):
    rel.install_kernel()


def cmd_release(args):
    if args.check:
        rel.check_release()
    else:
        rel.release(args.assignments or None)
        rel.check_release()


def cmd_solutions(args):
    start = time.time()
    rel.solutions(args.assignments or None)
    print(f"solutions executed in {time.time() - start:.0f} s")


def cmd_validate(args):
    """Source notebooks must pass nbgrader's validator, released ones must fail it."""
    bad = []
    sources = [rel.ROOT / "source" / a / f"{a}.ipynb" for a in (args.assignments or rel.available())]
    released = [rel.ASSIGNMENTS_DIR / a / f"{a}.ipynb" for a in (args.assignments or rel.available())]
    for path, result in rel.validate(sources).items():
        status = "ok" if not result else f"FAILS: {sorted(result)}"
        print(f"source   {path}: {status}")
        if result:
            bad.append(path)
    for path, result in rel.validate(released, invert=True).items():
        status = "ok (every test fails on the blank release)" if not result else f"PASSES SOME TESTS: {result}"
        print(f"released {path}: {status}")
        if result:
            bad.append(path)
    if bad:
        raise SystemExit(f"validation failed for {bad}")


def build_parser():
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("kernel", help="install the course kernel `python3` into this environment")
    p.set_defaults(func=cmd_kernel)
    p = sub.add_parser("release", help="student notebooks and packages into assignments/")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.add_argument("--check", action="store_true", help="only check assignments/ for leaks")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser("solutions", help="executed model answers into solutions/")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.set_defaults(func=cmd_solutions)
    p = sub.add_parser("validate", help="nbgrader validate: sources pass, releases fail")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.set_defaults(func=cmd_validate)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 0
