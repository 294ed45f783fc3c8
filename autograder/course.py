"""The course: its assignments in order and the reference answers each one asks students to write.

An assignment's exercises stay locked (absent from the package students receive) in every
assignment before it and in itself; later assignments unlock them. ``UNLOCKS`` can widen that.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COURSE_ID = "numpynet-course"

ASSIGNMENTS = ["ps1_activations", "ps2_optimizers", "ps3_initialization", "ps4_cnn"]

# assignment -> {module of numpynet: [top-level functions and classes that are its exercises]}
EXERCISES = {
    "ps1_activations": {"activations": ["Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU"]},
    "ps2_optimizers": {"optimizers": ["SGD", "Momentum", "RMSProp", "Adam"]},
    "ps3_initialization": {"initializers": ["fans", "lecun_normal", "xavier_normal", "xavier_uniform",
                                            "he_normal", "he_uniform"],
                           "layers": ["BatchNorm"]},
    "ps4_cnn": {"layers": ["max_pool_forward", "_max_pool_windows", "max_pool_backward", "Dropout"]},
}

# Extra unlocks per assignment, beyond the exercises of the assignments before it.
UNLOCKS = {}


def locked_in(assignment):
    """{module: [names]} whose reference implementation is withheld from ``assignment``'s package."""
    if assignment not in ASSIGNMENTS:
        raise ValueError(f"unknown assignment {assignment!r}; the course has {ASSIGNMENTS}")
    position = ASSIGNMENTS.index(assignment)
    locked = {}
    for later in ASSIGNMENTS[position:]:
        for module, names in EXERCISES.get(later, {}).items():
            keep = [n for n in names if f"{module}.{n}" not in UNLOCKS.get(assignment, ())]
            locked.setdefault(module, []).extend(keep)
    return locked


def unlocked_by(name):
    """The assignment whose exercise ``module.name`` is."""
    module, _, attr = name.partition(".")
    for assignment, exercises in EXERCISES.items():
        if attr in exercises.get(module, ()):
            return assignment
    return None
