"""Where numpynet's training time goes: forward and backward of each layer of a network, the
loss, the Adam step and the batch gather, per epoch of MNIST.

    .venv/bin/python benchmarks/profile_layers.py                 # course CNN, batch 50
    .venv/bin/python benchmarks/profile_layers.py --network mlp100 --batches 300

Runs ``--batches`` training steps exactly as ``training.train`` does (the first layer with
parameters skips its input gradient) and scales the totals to a 60000-example epoch. Wall time
and CPU time of this process are both shown: CPU time above wall time means the BLAS used
several threads, and wall time far above CPU time means other programs shared the cores.
"""
import argparse
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import NETWORKS, numpynet_model, _load_data  # noqa: E402
from numpynet import losses, optimizers  # noqa: E402


class Clock:
    """Accumulates wall and CPU seconds under labels."""

    def __init__(self):
        self.wall, self.cpu = {}, {}

    def time(self, label, f, *args):
        w, c = time.perf_counter(), time.process_time()
        result = f(*args)
        self.wall[label] = self.wall.get(label, 0.0) + time.perf_counter() - w
        self.cpu[label] = self.cpu.get(label, 0.0) + time.process_time() - c
        return result


def profile(net, data, batch, batches, seed=0):
    """Time ``batches`` training steps of ``net``; returns the Clock."""
    opt, clock = optimizers.Adam(1e-3), Clock()
    order = np.random.default_rng(seed).permutation(len(data.x_train))
    first = next(i for i, layer in enumerate(net.layers) if layer.params)
    net.layers[first].needs_input_grad = False
    for step in range(batches + 1):
        if step == 1:  # the first step warms up (BLAS threads, allocations) and is not counted
            clock = Clock()
        idx = order[(step * batch) % len(order):][:batch]
        x, y = clock.time("gather the batch", lambda: (data.x_train[idx], data.y_train[idx]))
        for i, layer in enumerate(net.layers):
            x = clock.time(f"forward  {i} {layer!r}", layer.forward, x)
        loss, dout = clock.time("loss", losses.softmax_cross_entropy, x, y)
        for i in range(len(net.layers) - 1, first - 1, -1):
            dout = clock.time(f"backward {i} {net.layers[i]!r}", net.layers[i].backward, dout)
        clock.time("Adam step", opt.step, net.params(), net.grads())
    return clock


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--network", default="cnn50", choices=list(NETWORKS))
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--data", default=None, help="MNIST folder (default: as bench.py)")
    args = parser.parse_args()
    arch, batch = NETWORKS[args.network]
    data = _load_data(args.data or str(HERE.parents[1] / "shared" / "data" / "mnist")
                      if (HERE.parents[1] / "shared" / "data" / "mnist").is_dir() else args.data)
    clock = profile(numpynet_model(arch), data, batch, args.batches)
    scale = 60000 / (batch * args.batches)
    total_wall, total_cpu = sum(clock.wall.values()), sum(clock.cpu.values())
    print(f"{args.network}: seconds per 60000-example epoch, from {args.batches} batches of {batch}")
    print(f"{'':60s} {'wall':>7s} {'share':>6s} {'CPU':>7s}")
    for label in sorted(clock.wall, key=clock.wall.get, reverse=True):
        print(f"{label[:60]:60s} {clock.wall[label] * scale:7.2f} {clock.wall[label] / total_wall:6.1%} "
              f"{clock.cpu[label] * scale:7.2f}")
    print(f"{'total':60s} {total_wall * scale:7.2f} {'':6s} {total_cpu * scale:7.2f}")


if __name__ == "__main__":
    main()
