"""Which of the student's cells a test needs: the names each cell defines and uses, found by
Python's own scope analysis (``symtable``), and the closure of a test cell's names over the cells
before it. The student's code is parsed here, never run."""
import ast
import dataclasses
import symtable
import threading

from IPython.core.inputtransformer2 import TransformerManager

from .. import notebook


@dataclasses.dataclass(frozen=True)
class Cell:
    """A code cell of the student's notebook: what it binds at top level and what it reads
    from the global namespace (inside its functions and classes too)."""

    index: int
    label: str            # "cell `relu`" (its grade_id) or "cell 25"
    source: str
    defines: frozenset
    uses: frozenset
    slow: bool
    test: bool
    answer: bool
    star_import: bool     # ``from ... import *``: defines names no parser can list


def python(source):
    """IPython's translation of a cell (magics become calls), as the kernel would run it."""
    return TransformerManager().transform_cell(source)


def _scopes(table):
    yield table
    for child in table.get_children():
        yield from _scopes(child)


# CPython 3.11 keeps the AST constructor's recursion depth in state that all threads share: two
# threads parsing at once can fail with "SystemError: AST constructor recursion depth mismatch"
# (python/cpython#106905). A grader that runs submissions in threads parses one cell at a time.
_PARSING = threading.Lock()


def names(code):
    """(defined, used, star import) of a cell's Python code; a cell that does not parse defines
    and uses nothing (it would only raise)."""
    try:
        with _PARSING:
            top = symtable.symtable(code, "<cell>", "exec")
            tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return frozenset(), frozenset(), False
    defined = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    used = {s.get_name() for s in top.get_symbols() if s.is_referenced()}
    for scope in _scopes(top):
        if scope is top:
            continue
        for symbol in scope.get_symbols():
            if symbol.is_declared_global() and symbol.is_assigned():
                defined.add(symbol.get_name())
            if symbol.is_global() and symbol.is_referenced():
                used.add(symbol.get_name())
    star = any(isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names)
               for node in ast.walk(tree))
    return frozenset(defined), frozenset(used), star


def label(cell, index):
    """How messages name a cell: "cell `relu`" (its grade_id) or "cell 25" (its position)."""
    gid = notebook.grade_id(cell)
    return f"cell `{gid}`" if gid else f"cell {index}"


def code_cells(nb):
    """The notebook's code cells as Cells."""
    cells = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        defined, used, star = names(python(cell.source))
        cells.append(Cell(index, label(cell, index), cell.source, defined, used,
                          notebook.SLOW_TAG in notebook.tags(cell), notebook.is_test(cell),
                          notebook.is_answer(cell), star))
    return cells


def closure(cells, before, wanted, with_slow):
    """The cells, in notebook order, that must run for the names ``wanted`` to have their values
    at notebook position ``before``: for each name the last cell before that defines it, then the
    same for the names that cell uses. Test cells never; slow cells only ``with_slow``; cells with a
    star import always (their names are unknown)."""
    candidates = [c for c in cells if c.index < before and not c.test and (with_slow or not c.slow)]
    chosen = {c.index: c for c in candidates if c.star_import}
    todo = [(name, before) for name in wanted] + [(n, c.index) for c in chosen.values() for n in c.uses]
    while todo:
        name, limit = todo.pop()
        provider = next((c for c in reversed(candidates) if c.index < limit and name in c.defines), None)
        if provider is not None and provider.index not in chosen:
            chosen[provider.index] = provider
            todo += [(n, provider.index) for n in provider.uses]
    return [chosen[i] for i in sorted(chosen)]


def setup_imports(source_nb):
    """The import statements of the course's setup cell (its first code cell), as code: what a
    test cell may use from the reference core and the libraries, run in the grader."""
    first = next(c for c in source_nb.cells if c.cell_type == "code")
    with _PARSING:
        tree = ast.parse(python(first.source))
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    return ast.unparse(ast.Module(body=imports, type_ignores=[]))
