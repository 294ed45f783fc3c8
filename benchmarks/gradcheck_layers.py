"""Float64 gradient checks of the layers the benchmarks speed up; run after every change.

    .venv/bin/python benchmarks/gradcheck_layers.py

Prints the largest relative error of each check (input and every parameter) and exits with
status 1 if one is 1e-7 or more. Max-pool inputs come from ``gradcheck.distinct_values`` (no
ties); the other inputs stay away from the activation kinks.
"""
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from numpynet import activations as A  # noqa: E402
from numpynet import gradcheck as gc  # noqa: E402
from numpynet import layers as L  # noqa: E402

LIMIT = 1e-7

# (c_in, c_out, kernel, stride, padding, H, W)
CONVS = [(1, 3, 3, 1, 0, 8, 8), (2, 3, 4, 2, 0, 10, 10), (2, 3, (2, 3), 1, 1, 6, 7),
         (3, 2, (3, 2), (2, 1), 1, 7, 6), (1, 2, 2, 3, 0, 8, 8), (2, 2, 1, 2, 0, 5, 5),
         (3, 4, (2, 3), (1, 2), 0, 6, 9)]
# (pool, stride, input shape)
POOLS = [(2, None, (2, 6, 6, 3)), (2, None, (2, 7, 9, 2)), ((3, 2), (1, 2), (2, 7, 8, 2)),
         (3, 2, (2, 9, 8, 2)), (3, 1, (1, 6, 7, 2)), (2, 3, (2, 8, 9, 2))]


def cases(rng):
    """(name, layer, input) for every check."""
    for act in (None, "relu", "leaky_relu", A.LeakyReLU(0.2), "tanh"):
        yield f"Dense(7, 5, {act})", L.Dense(7, 5, activation=act, rng=rng), gc.away_from_kinks((4, 7), rng)
    for c_in, c_out, k, s, p, h, w in CONVS:
        for act in (None, "leaky_relu"):
            layer = L.Conv2D(c_in, c_out, k, stride=s, padding=p, activation=act, rng=rng)
            yield (f"Conv2D({c_in}, {c_out}, {k}, stride={s}, padding={p}, {act})", layer,
                   gc.away_from_kinks((2, h, w, c_in), rng))
    for pool, stride, shape in POOLS:
        x = gc.distinct_values(shape, rng)
        yield f"MaxPool2D({pool}, stride={stride}) on {shape}", L.MaxPool2D(pool, stride), x
    yield "BatchNorm(5) on (6, 5)", L.BatchNorm(5), gc.away_from_kinks((6, 5), rng)
    yield "BatchNorm(3) on (3, 4, 4, 3)", L.BatchNorm(3), gc.away_from_kinks((3, 4, 4, 3), rng)


def main():
    rng = np.random.default_rng(0)
    worst = 0.0
    for name, layer, x in cases(rng):
        error = max(gc.check_layer(layer, x, rng=rng).values())
        worst = max(worst, error)
        print(f"{error:9.2e}  {name}{'  <-- too large' if error >= LIMIT else ''}")
    print(f"largest relative error {worst:.2e} (limit {LIMIT:g})")
    return 0 if worst < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
