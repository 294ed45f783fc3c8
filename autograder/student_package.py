"""Build the package students receive with an assignment: the reference core with the bodies of
the still-locked exercises replaced by an error that says which assignment they belong to."""
import ast
import shutil
from pathlib import Path

from .course import ROOT, locked_in, unlocked_by

LOCKED_MESSAGE = ("{qualname} is an exercise of {assignment}: write your own in the notebook "
                  "(its reference implementation is released after that assignment)")


def _raise_stmt(qualname):
    assignment = unlocked_by(qualname)
    message = LOCKED_MESSAGE.format(qualname=f"numpynet.{qualname}", assignment=assignment)
    return ast.parse(f"raise NotImplementedError({message!r})").body[0]


def _lock_function(node, qualname):
    node.body = [_raise_stmt(qualname)]  # docstrings go too: some spell out the formula


def _private(node):
    return isinstance(node, ast.FunctionDef) and node.name.startswith("_") and not node.name.startswith("__")


def strip_module(source, names, module):
    """Return ``source`` with every function in ``names``, and every method of every class in
    ``names`` (``__init__`` kept, so hyper-parameters still work), raising NotImplementedError;
    those classes' private methods are removed."""
    tree = ast.parse(source)
    found = set()
    for node in tree.body:
        if getattr(node, "name", None) not in names:
            continue
        found.add(node.name)
        qualname = f"{module}.{node.name}"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _lock_function(node, qualname)
        elif isinstance(node, ast.ClassDef):
            if ast.get_docstring(node):
                node.body = node.body[1:]
            # The private helpers (the formula's parts) go: their names and arguments spell it out.
            node.body = [item for item in node.body if not _private(item)] or [ast.Pass()]
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name != "__init__":
                    _lock_function(item, qualname)
    missing = set(names) - found
    if missing:
        raise ValueError(f"numpynet.{module} has no {sorted(missing)} to lock; update autograder/course.py")
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def build(assignment, destination):
    """Write ``destination/numpynet``: the core with ``assignment``'s locked exercises stripped."""
    source = ROOT / "numpynet"
    target = Path(destination) / "numpynet"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for module, names in locked_in(assignment).items():
        path = target / f"{module}.py"
        path.write_text(strip_module(path.read_text(), names, module))
    return target


def unlocked_references(assignment, package):
    """Problems: locked names in ``package`` whose body is anything but the locked error."""
    problems = []
    for module, names in locked_in(assignment).items():
        path = Path(package) / f"{module}.py"
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if getattr(node, "name", None) not in names:
                continue
            functions = [node] if isinstance(node, ast.FunctionDef) else [
                f for f in node.body if isinstance(f, ast.FunctionDef) and f.name != "__init__"]
            for fn in functions:
                body = fn.body
                locked = (len(body) == 1 and isinstance(body[0], ast.Raise)
                          and "NotImplementedError" in ast.unparse(body[0]))
                if not locked:
                    problems.append(f"{path}: {node.name}.{fn.name} carries a reference implementation "
                                    f"although {assignment} locks it")
    return problems
