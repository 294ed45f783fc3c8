"""The checks' messages in every edition of the course (``autograder.edition``).

A message is written once, in English, where it is raised: ``t("{what} returned None", what=what)``
gives it in the edition of the submission being graded, formatted with the fields. A message kept
in a constant before any submission is known is marked ``N_("...")`` and given to ``t`` where it
is used. The other languages' texts live here, one catalog per language and check module
(``ko/activations.py``: {English template: Korean template}; a template two modules say is
translated once, in one of them); tests/test_messages.py proves that
every marked message has its translation with the same fields, and that the checks raise no text
that is not marked.
"""
import contextlib
import contextvars
import importlib
import pkgutil

from ..edition import DEFAULT, EDITIONS, check_edition  # noqa: F401 - EDITIONS for callers

_speaking = contextvars.ContextVar("edition", default=DEFAULT)
_catalogs = {}


def catalog(lang):
    """{English template: template in ``lang``}, from every module of ``messages/<lang>/``."""
    if lang not in _catalogs:
        merged = {}
        package = importlib.import_module(f"{__name__}.{lang}")
        for module in pkgutil.iter_modules(package.__path__):
            entries = importlib.import_module(f"{package.__name__}.{module.name}").MESSAGES
            clash = set(merged) & set(entries)
            if clash:
                raise ValueError(f"messages/{lang}/{module.name}.py translates again {sorted(clash)[:3]}")
            merged.update(entries)
        _catalogs[lang] = merged
    return _catalogs[lang]


def current():
    """The edition the messages are given in, in this thread."""
    return _speaking.get()


@contextlib.contextmanager
def speaking(lang):
    """Give the messages raised inside in edition ``lang`` (a grader's thread per submission)."""
    token = _speaking.set(check_edition(lang))
    try:
        yield
    finally:
        _speaking.reset(token)


def t(message, /, **fields):
    """``message`` (an English template) in the current edition, formatted with ``fields``. A text
    that is not a template of the catalog (one already translated) comes back as it is."""
    lang = current()
    if lang != DEFAULT:
        message = catalog(lang).get(message, message)
    return message.format(**fields) if fields else message


def N_(message):
    """Marks ``message`` for translation where it is used, by ``t`` (gettext's convention)."""
    return message
