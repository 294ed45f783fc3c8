"""``python -m autograder``: build the course, grade a class, make the demo."""
import argparse
import shutil
import sys
import time
from pathlib import Path

from . import config, edition, release as rel


def cmd_kernel(args):
    from .sandbox import kernelspec
    rel.install_kernel()
    print(f"kernel {kernelspec.NAME} -> {kernelspec.install()}")


def require_sandbox(args):
    """Stop before anything is graded when bwrap cannot run, unless the grader knowingly passed
    --unsafe-no-sandbox (which the reports and summary then mark)."""
    from .sandbox import problem
    if args.unsafe_no_sandbox:
        print("WARNING: --unsafe-no-sandbox: student code will run unconfined, with your rights", file=sys.stderr)
        return
    message = problem()
    if message:
        raise SystemExit(f"cannot grade: student code must run in a sandbox, and {message}")


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


def cmd_bundles(args):
    from . import bundle
    try:
        bundle.build(args.assignments or None, args.dist, edition.EDITIONS)
    except bundle.BundleRefused as refusal:
        raise SystemExit(str(refusal)) from None


def cmd_gradescope(args):
    from . import bundle, gradescope
    for assignment in args.assignments or rel.available():
        try:
            target = gradescope.build(assignment, args.dist / f"{assignment}.zip", args.allow_unsandboxed)
        except bundle.BundleRefused as refusal:
            raise SystemExit(str(refusal)) from None
        print(f"gradescope {assignment} -> {target}")


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


def cmd_grade(args):
    from . import grade
    require_sandbox(args)
    sandboxed = not args.unsafe_no_sandbox
    grade.prepare_environment()
    class_dir = Path(args.class_dir).resolve()
    assignments = args.assignments or rel.available()
    if args.zip:
        if not args.assignment:
            raise SystemExit("--zip needs --assignment: the assignment the notebooks in the zip belong to")
        grade.init_class(class_dir, [args.assignment], sandboxed=sandboxed, db_url=args.db)
        grade.collect_zip(class_dir, args.zip, args.assignment)
    if args.submissions:
        grade.init_class(class_dir, assignments, sandboxed=sandboxed, db_url=args.db)
        print(f"collected {grade.collect_folder(class_dir, args.submissions)} submissions from {args.submissions}")
    if not (class_dir / "submitted").is_dir():
        raise SystemExit(f"nothing to grade: {class_dir}/submitted does not exist; pass --submissions DIR "
                         "(laid out <student>/<assignment>/<notebook>.ipynb) or --zip FILE --assignment NAME")
    grade.grade_class(class_dir, assignments, args.students or None, args.jobs, args.timeout,
                      cell_timeout=args.cell_timeout, sandboxed=sandboxed, scheduler=args.scheduler,
                      db_url=args.db, force=args.force)


def add_edition_option(p):
    p.add_argument("--edition", choices=edition.EDITIONS, default=None,
                   help="the language of the notebooks released to the class (default: English; kept once given)")


def cmd_init(args):
    from . import grade
    grade.prepare_environment()
    class_dir = grade.init_class(Path(args.class_dir), args.assignments or rel.available(), args.cell_timeout,
                                 not args.unsafe_no_sandbox, args.db, args.exchange, args.edition)
    print(f"class folder {class_dir}: nbgrader_config.py, release/ (notebooks and student packages), gradebook "
          f"{grade.shown_url(config.gradebook_url(class_dir))}")


def cmd_demo(args):
    from . import demo, grade
    require_sandbox(args)
    sandboxed = not args.unsafe_no_sandbox
    grade.prepare_environment()
    class_dir = Path(args.class_dir).resolve()
    if class_dir.exists():
        shutil.rmtree(class_dir)
    assignments = args.assignments or rel.available()
    grade.init_class(class_dir, assignments, args.cell_timeout, sandboxed, args.db, edition=args.edition)
    students = dict(demo.STUDENTS, **(demo.INFINITE_LOOP_STUDENT if args.infinite_loop else {}))
    demo.build(class_dir, class_dir / "release", assignments, students)
    print(f"demo class: {', '.join(students)} in {class_dir / 'submitted'}")
    grade.grade_class(class_dir, assignments, None, args.jobs, args.timeout, cell_timeout=args.cell_timeout,
                      sandboxed=sandboxed, scheduler=args.scheduler, db_url=args.db)
    print(f"\nwritten answers: grade them by hand in formgrader with `make formgrader CLASS={class_dir}` (JupyterLab's "
          f"menu Nbgrader > Formgrader > Manual grading), then `make autograde ARGS=\"--class-dir {class_dir}\"` "
          "puts their points into the reports, grades.csv and the feedback")


def add_unsafe_option(parser):
    parser.add_argument("--unsafe-no-sandbox", action="store_true",
                        help="run student code WITHOUT the bubblewrap sandbox (where bwrap cannot run); "
                             "reports and summary say so")


def add_cluster_options(parser, jobs):
    parser.add_argument("--jobs", type=int, default=jobs,
                        help="submissions graded at once: the workers of the local Dask cluster")
    parser.add_argument("--scheduler", help="grade on the Dask cluster whose scheduler is at this address "
                        "(tcp://HOST:PORT) instead of a local one; its workers need the kit installed")
    parser.add_argument("--db", help="the gradebook's SQLAlchemy URL, e.g. postgresql+psycopg2://USER@/DB?host=/run/"
                        "postgresql (needs the kit's [postgresql] extra); kept for the class folder's later runs. "
                        "Default: SQLite, gradebook.db in the class folder")


def build_parser():
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("kernel", help="install the course kernel `python3` and the grading kernel "
                       "`python3-sandbox` into this environment")
    p.set_defaults(func=cmd_kernel)
    p = sub.add_parser("release", help="student notebooks and packages into assignments/")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.add_argument("--check", action="store_true", help="only check assignments/ for leaks")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser("solutions", help="executed model answers into solutions/")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.set_defaults(func=cmd_solutions)
    p = sub.add_parser("bundles", help="a zip per released assignment and edition for students, into dist/ and dist/ko/ "
                       "(refused if it would leak an answer)")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.add_argument("--dist", type=Path, default=rel.ROOT / "dist", help="where the zips go (default: dist/)")
    p.set_defaults(func=cmd_bundles)
    p = sub.add_parser("gradescope", help="the autograder zip of each assignment for a Gradescope programming "
                       "assignment, into dist/gradescope/")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.add_argument("--dist", type=Path, default=rel.ROOT / "dist" / "gradescope",
                   help="where the zips go (default: dist/gradescope/)")
    p.add_argument("--allow-unsandboxed", action="store_true", help="where Gradescope's container cannot run "
                   "bwrap, grade WITHOUT the sandbox (every result says so) instead of giving 0 and saying why")
    p.set_defaults(func=cmd_gradescope)
    p = sub.add_parser("validate", help="nbgrader validate: sources pass, releases fail")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("grade", help="autograde a class with nbgrader: reports, feedback, grades.csv")
    p.add_argument("--class-dir", default=str(rel.BUILD / "class"), help="the nbgrader course folder (created)")
    p.add_argument("--submissions", help="folder of <student>/<assignment>/<notebook>.ipynb to collect")
    p.add_argument("--zip", help="an LMS zip of notebooks named <student>_..._<assignment>.ipynb")
    p.add_argument("--assignment", help="the assignment of --zip")
    p.add_argument("--assignments", nargs="*", help="only these assignments")
    p.add_argument("--students", nargs="*", help="only these students")
    add_cluster_options(p, jobs=1)
    p.add_argument("--force", action="store_true",
                   help="grade every submission again, also those unchanged since they were graded")
    p.add_argument("--timeout", type=float, default=None, help="seconds for one submission, in all")
    p.add_argument("--cell-timeout", type=int, default=None,
                   help=f"seconds for one cell (default {config.CELL_TIMEOUT}: MNIST training on a slow laptop)")
    add_unsafe_option(p)
    p.set_defaults(func=cmd_grade)
    p = sub.add_parser("init", help="create or update a class folder: nbgrader_config.py, the gradebook, release/ "
                       "with the student packages (for `nbgrader release_assignment`)")
    p.add_argument("--class-dir", default=str(rel.BUILD / "class"))
    p.add_argument("--assignments", nargs="*")
    p.add_argument("--db", help="the gradebook's SQLAlchemy URL (default: SQLite in the class folder); kept")
    p.add_argument("--exchange", help="the nbgrader exchange folder students fetch from and submit to "
                   "(default: nbgrader's, /usr/local/share/nbgrader/exchange); kept")
    p.add_argument("--cell-timeout", type=int, default=None)
    add_edition_option(p)
    add_unsafe_option(p)
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("demo", help="build a demo class from the course and grade it")
    p.add_argument("--class-dir", default=str(rel.BUILD / "demo"))
    p.add_argument("--assignments", nargs="*")
    add_edition_option(p)
    add_cluster_options(p, jobs=2)
    p.add_argument("--timeout", type=float, default=None)
    p.add_argument("--cell-timeout", type=int, default=None)
    p.add_argument("--infinite-loop", action="store_true",
                   help="add a student whose notebook never finishes (costs one cell timeout)")
    add_unsafe_option(p)
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except config.ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
