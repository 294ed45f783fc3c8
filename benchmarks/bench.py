"""numpynet against PyTorch CPU: whole training runs on MNIST, then micro-benchmarks.

    .venv/bin/python benchmarks/bench.py                      # 3 epochs per network, ~10 minutes
    .venv/bin/python benchmarks/bench.py --epochs 1
    .venv/bin/python benchmarks/bench.py --quick              # smoke test, under a minute
    .venv/bin/python benchmarks/bench.py --networks cnn50,mlp100 --no-micro

Each network is trained by numpynet and by PyTorch with the same architecture, batch size,
initial weights (numpynet's, converted from NHWC to NCHW layouts), Adam(1e-3) and the same
order of examples. Each library runs in its own subprocess, so the peak memory of one
(ru_maxrss) does not include the other's; both use --threads threads (PyTorch:
torch.set_num_threads; NumPy: its BLAS, through OPENBLAS_NUM_THREADS/OMP_NUM_THREADS in the
subprocess's environment). The two subprocesses take turns: an epoch is cut into --chunks parts
of whole batches, and numpynet's ``training.train`` (on that part, with its own seeded shuffle)
and the same PyTorch loop (the same batches in the same order) train on part 1, then on part 2,
and so on, so that both see the same load when other programs share the machine. The time of
an epoch is the sum of its parts and excludes the test-set evaluation that follows it. The
tables are printed and written to benchmarks/results.md (or --output).

The micro-benchmarks time one forward + backward: max-pooling on (50, 12, 12, 32) against the
loop versions in benchmarks/naive.py and PyTorch, and the course's two convolutions against
PyTorch. They report the best of several repetitions, which is what matters on a shared machine.
"""
import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # numpynet from this checkout, installed or not

from numpynet.model import EVAL_BATCH  # noqa: E402

NETWORKS = {  # name -> (architecture, batch size)
    "cnn50": ("cnn", 50),
    "cnn100": ("cnn", 100),
    "cnn50own": ("cnn_own", 50),
    "mlp100": ("mlp", 100),
}
TITLES = {
    "cnn": "course CNN: Conv(1->16, 3x3)+LeakyReLU, Conv(16->32, 4x4, stride 2)+LeakyReLU, "
           "MaxPool(2), Flatten, Dense(1152->256)+ReLU, Dense(256->10)",
    "mlp": "MLP 784-256-256-10, ReLU",
}
TITLES["cnn_own"] = TITLES["cnn"] + "; the activations are objects of classes of the user's own (ps1's model answers)"
SEED = 0
LR = 1e-3


# ------------------------------------------------------------------------------------ models

class OwnReLU:
    """ReLU as ps1's model answer writes it: a class of the user's own, whose forward and
    derivative the layers must call (their fused path is for numpynet's classes only)."""

    def forward(self, x):
        return np.maximum(x, 0)

    def derivative(self, x):
        return (x > 0).astype(x.dtype)


class OwnLeakyReLU:
    """LeakyReLU as ps1's model answer writes it."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * x)

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.alpha).astype(x.dtype)


def numpynet_model(arch, seed=SEED):
    """The network in numpynet, weights drawn from ``seed``."""
    from numpynet import layers as L
    from numpynet.model import Sequential

    rng = np.random.default_rng(seed)
    if arch in ("cnn", "cnn_own"):
        own = arch == "cnn_own"
        return Sequential([
            L.Conv2D(1, 16, 3, activation=OwnLeakyReLU() if own else "leaky_relu", rng=rng),
            L.Conv2D(16, 32, 4, stride=2, activation=OwnLeakyReLU() if own else "leaky_relu", rng=rng),
            L.MaxPool2D(2),
            L.Flatten(),
            L.Dense(6 * 6 * 32, 256, activation=OwnReLU() if own else "relu", rng=rng),
            L.Dense(256, 10, rng=rng),
        ])
    return Sequential([
        L.Flatten(),
        L.Dense(784, 256, activation="relu", rng=rng),
        L.Dense(256, 256, activation="relu", rng=rng),
        L.Dense(256, 10, rng=rng),
    ])


def torch_model(arch, net):
    """The same network in PyTorch (NCHW), holding a copy of numpynet model ``net``'s weights."""
    import torch
    from torch import nn

    if arch in ("cnn", "cnn_own"):
        model = nn.Sequential(
            nn.Conv2d(1, 16, 3), nn.LeakyReLU(0.01),
            nn.Conv2d(16, 32, 4, stride=2), nn.LeakyReLU(0.01),
            nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(6 * 6 * 32, 256), nn.ReLU(),
            nn.Linear(256, 10))
    else:
        model = nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 256), nn.ReLU(),
            nn.Linear(256, 256), nn.ReLU(),
            nn.Linear(256, 10))
    ours = [layer for layer in net.layers if layer.params]
    theirs = [m for m in model if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        for layer, module in zip(ours, theirs):
            w = layer.params["W"]
            if w.ndim == 4:  # (kh, kw, c_in, c_out) -> (c_out, c_in, kh, kw)
                w = w.transpose(3, 2, 0, 1)
            elif arch != "mlp" and w.shape[0] == 6 * 6 * 32:
                # the Dense after Flatten: numpynet flattens (h, w, c) (NHWC), torch (c, h, w) (NCHW)
                w = w.reshape(6, 6, 32, -1).transpose(3, 2, 0, 1).reshape(w.shape[1], -1)
            else:  # (in, out) -> (out, in)
                w = w.T
            module.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            module.bias.copy_(torch.from_numpy(layer.params["b"]))
    return model


# ------------------------------------------------------------------------------------ workers

def _rss_mib():
    with open("/proc/self/status") as f:
        fields = dict(line.split(":", 1) for line in f)
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}


def _reset_peak_rss():
    """Make VmHWM (the peak resident size) start again from the current size (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _load_data(path):
    from numpynet.data import load_mnist
    return load_mnist(path)


def chunk_indices(n, batch, epoch, chunks):
    """The examples of each part of an epoch: ``chunks`` consecutive runs of whole batches of the
    permutation ``numpynet.training.train(seed=SEED + epoch)`` would draw for the epoch."""
    order = np.random.default_rng(SEED + epoch).permutation(n)
    n_batches = -(-n // batch)
    cuts = [batch * (n_batches * i // chunks) for i in range(chunks + 1)]
    return [order[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


class Trainer:
    """One library training one network, driven part by part (see ``serve``)."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.data = _load_data(cfg["data"])
        self.x, self.y = self.data.x_train[:cfg["n_train"]], self.data.y_train[:cfg["n_train"]]
        self.x_test, self.y_test = self.data.x_test[:cfg["n_test"]], self.data.y_test[:cfg["n_test"]]
        self.net = numpynet_model(cfg["arch"])
        self.init_check = None
        self.setup()

    def part(self, epoch, chunk):
        """Train on part ``chunk`` of ``epoch``; returns its wall and CPU seconds and peak memory."""
        idx = chunk_indices(len(self.x), self.cfg["batch"], epoch, self.cfg["chunks"])[chunk]
        seed = SEED + 1000 * epoch + chunk
        xb, yb = self.x[idx], self.y[idx]  # the part's examples; train() shuffles them (seed)
        rss, reset = _rss_mib()["VmRSS"], _reset_peak_rss()
        t0, c0 = time.perf_counter(), time.process_time()
        loss = self.train(xb, yb, seed)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return {"wall": wall, "cpu": cpu, "n": len(idx), "loss": loss,
                "peak_mib": _rss_mib()["VmHWM"] - rss if reset else None}

    def evaluate(self):
        rss, reset = _rss_mib()["VmRSS"], _reset_peak_rss()
        acc = self.accuracy()
        return {"acc": acc, "peak_mib": _rss_mib()["VmHWM"] - rss if reset else None}

    def summary(self):
        return {"maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "init_check": self.init_check}


class NumpynetTrainer(Trainer):
    def setup(self):
        from numpynet import optimizers
        self.opt = optimizers.Adam(LR)

    def train(self, x, y, seed):
        from numpynet import training
        history = training.train(self.net, self.opt, x, y, epochs=1, batch_size=self.cfg["batch"],
                                 seed=seed, progress=False)
        return history["loss"][-1]

    def accuracy(self):
        from numpynet import training
        return training.accuracy(self.net, self.x_test, self.y_test)


class TorchTrainer(Trainer):
    def setup(self):
        import torch
        torch.set_num_threads(self.cfg["threads"])
        self.model = torch_model(self.cfg["arch"], self.net)
        self.x_test = torch.from_numpy(np.ascontiguousarray(self.x_test.transpose(0, 3, 1, 2)))
        self.y_test = torch.from_numpy(self.y_test)
        with torch.no_grad():  # both models compute the same function before training
            ours = self.net.forward(self.data.x_test[:200], training=False)
            self.init_check = float(np.abs(self.model(self.x_test[:200]).numpy() - ours).max())
        self.opt = torch.optim.Adam(self.model.parameters(), lr=LR)

    def train(self, x, y, seed):
        """numpynet's training loop, batch for batch: the order train(seed=seed) would use."""
        import torch
        import torch.nn.functional as F
        xt = torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2)))
        yt = torch.from_numpy(y)
        order = torch.from_numpy(np.random.default_rng(seed).permutation(len(xt)))
        self.model.train()
        batch = self.cfg["batch"]
        for start in range(0, len(xt), batch):
            idx = order[start:start + batch]
            loss = F.cross_entropy(self.model(xt[idx]), yt[idx])
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
        return loss.item()

    def accuracy(self):
        import torch
        self.model.eval()
        with torch.no_grad():
            pred = torch.cat([self.model(self.x_test[i:i + 1000]).argmax(1)
                              for i in range(0, len(self.x_test), 1000)])
        return float((pred == self.y_test).double().mean())


def serve(cfg):
    """Worker main loop: one JSON command per line on stdin, one JSON answer per line on stdout."""
    trainer = (TorchTrainer if cfg["lib"] == "torch" else NumpynetTrainer)(cfg)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["do"] == "part":
            answer = trainer.part(cmd["epoch"], cmd["chunk"])
        elif cmd["do"] == "evaluate":
            answer = trainer.evaluate()
        else:
            answer = trainer.summary()
        print(json.dumps(answer), flush=True)
        if cmd["do"] == "summary":
            return


def _best_ms(f, reps):
    """Best wall time of ``reps`` calls of ``f`` (after one warm-up call), in milliseconds."""
    f()
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def micro_worker(cfg):
    """Forward + backward timings of max-pooling and the course convolutions (milliseconds)."""
    import torch
    import torch.nn.functional as F

    import naive
    from numpynet import layers

    torch.set_num_threads(cfg["threads"])
    reps = cfg["reps"]
    rng = np.random.default_rng(0)
    rows = []

    # max-pooling (50, 12, 12, 32), pool 2: numpynet, the loop versions, torch
    x = rng.standard_normal((50, 12, 12, 32)).astype(np.float32)
    dout = rng.standard_normal((50, 6, 6, 32)).astype(np.float32)
    out, cache = layers.max_pool_forward(x, 2)
    dx = layers.max_pool_backward(dout, cache)
    versions = {"windows": (naive.max_pool_forward_windows, naive.max_pool_backward_windows),
                "loops": (naive.max_pool_forward_loops, naive.max_pool_backward_loops)}
    for fwd, bwd in versions.values():  # same numbers first
        o, c = fwd(x, 2)
        np.testing.assert_array_equal(o, out)
        np.testing.assert_array_equal(c[3], cache[3])
        np.testing.assert_array_equal(bwd(dout, c), dx)

    def pool_numpynet():
        o, c = layers.max_pool_forward(x, 2)
        return layers.max_pool_backward(dout, c)

    def pool_naive(kind):
        fwd, bwd = versions[kind]
        return lambda: bwd(dout, fwd(x, 2)[1])

    xt = torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2))).requires_grad_(True)
    dt = torch.from_numpy(np.ascontiguousarray(dout.transpose(0, 3, 1, 2)))

    def pool_torch():
        xt.grad = None
        F.max_pool2d(xt, 2).backward(dt)

    ours = _best_ms(pool_numpynet, reps)
    rows.append({"bench": "max-pool 2x2, x (50, 12, 12, 32), forward + backward", "numpynet_ms": ours,
                 "others": {"naive, loop over windows (Ho*Wo)": _best_ms(pool_naive("windows"), reps),
                            "naive, 4 loops (N*Ho*Wo*C)": _best_ms(pool_naive("loops"), max(2, reps // 10)),
                            "PyTorch F.max_pool2d": _best_ms(pool_torch, reps)}})

    # the course convolutions: forward + backward (parameter gradients, and dx unless first layer)
    for title, (c_in, c_out, k, s, h), first in [
            ("conv2: 16->32, 4x4, stride 2, x (50, 26, 26, 16), with dx", (16, 32, 4, 2, 26), False),
            ("conv1: 1->16, 3x3, x (50, 28, 28, 1), first layer (no dx)", (1, 16, 3, 1, 28), True)]:
        conv = layers.Conv2D(c_in, c_out, k, stride=s, rng=rng)
        conv.needs_input_grad = not first
        x = rng.standard_normal((50, h, h, c_in)).astype(np.float32)
        out = conv.forward(x)
        dout = rng.standard_normal(out.shape).astype(np.float32)

        def conv_numpynet():
            conv.forward(x)
            return conv.backward(dout)

        xt = torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2))).requires_grad_(not first)
        wt = torch.from_numpy(np.ascontiguousarray(conv.params["W"].transpose(3, 2, 0, 1))).requires_grad_(True)
        bt = torch.from_numpy(conv.params["b"].copy()).requires_grad_(True)
        dt = torch.from_numpy(np.ascontiguousarray(dout.transpose(0, 3, 1, 2)))

        def conv_torch():
            xt.grad = wt.grad = bt.grad = None
            F.conv2d(xt, wt, bt, stride=s).backward(dt)

        conv_torch()  # same numbers first
        dx = conv_numpynet()
        np.testing.assert_allclose(conv.grads["W"], wt.grad.numpy().transpose(2, 3, 1, 0), rtol=1e-3, atol=1e-3)
        if not first:
            np.testing.assert_allclose(dx, xt.grad.numpy().transpose(0, 2, 3, 1), rtol=1e-3, atol=1e-4)
        rows.append({"bench": title, "numpynet_ms": _best_ms(conv_numpynet, reps),
                     "others": {"PyTorch F.conv2d": _best_ms(conv_torch, reps)}})
    rows += step_rows(reps)
    return {"rows": rows}


def step_rows(reps):
    """One training step of the course CNN (batch 50): numpynet's whole step, and the matrix
    products alone that numpynet's step makes (the same shapes and layouts, on random numbers),
    each against PyTorch's whole step. The second row is a floor: NumPy's BLAS cannot make those
    products faster, so numpynet's step cannot be faster than that row."""
    import torch

    from numpynet import layers
    from numpynet.optimizers import Adam
    from numpynet.training import train_step

    rng = np.random.default_rng(0)
    x = rng.random((50, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, 50)
    net = numpynet_model("cnn")
    optimizer = Adam(LR)
    ours = _best_ms(lambda: train_step(net, optimizer, x, y), reps)

    model = torch_model("cnn", net)
    torch_optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    xt, yt = torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2))), torch.from_numpy(y)

    def torch_step():
        torch_optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(xt), yt).backward()
        torch_optimizer.step()

    theirs = _best_ms(torch_step, reps)

    def f32(*shape):
        return rng.standard_normal(shape, dtype=np.float32)

    first_cols = layers.im2col(f32(50, 28, 28, 1), (3, 3), (1, 1))  # Fortran order, as in Conv2D
    flat, dense_w, dense_dz = f32(50, 1152), f32(1152, 256), f32(50, 256)
    products = {  # what: (function, operands)
        "first conv": (np.matmul, (first_cols, f32(9, 16))),
        "first conv, kernel gradient": (layers._conv_weight_grad, (first_cols, f32(50, 26, 26, 16))),
        "second conv": (np.matmul, (f32(7200, 256), f32(256, 32))),
        "second conv, kernel gradient": (layers._conv_weight_grad, (f32(7200, 256), f32(50, 12, 12, 32))),
        "second conv, input gradient": (np.matmul, (f32(8450, 128), f32(128, 64))),  # _conv_input_grad's
        "Dense": (np.matmul, (flat, dense_w)),
        "Dense, weight gradient": (np.matmul, (flat.T, dense_dz)),
        "Dense, input gradient": (np.matmul, (dense_dz, dense_w.T)),
    }
    alone = sum(_best_ms(lambda: function(*operands), reps) for function, operands in products.values())
    step = "course CNN, one training step (forward, backward, Adam), batch 50"
    return [{"bench": f"{step}: numpynet", "numpynet_ms": ours, "others": {"PyTorch, the whole step": theirs}},
            {"bench": f"{step}: numpynet's matrix products alone", "numpynet_ms": alone,
             "others": {"PyTorch, the whole step": theirs}}]


# ------------------------------------------------------------------------------------ driver

def _worker_env(threads):
    return dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
                MKL_NUM_THREADS=str(threads))


def run_micro(cfg, threads):
    """The micro-benchmarks in a fresh Python with ``threads`` threads."""
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", "micro", json.dumps(cfg)],
                          env=_worker_env(threads), capture_output=True, text=True, cwd=str(HERE))
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"the micro-benchmark worker failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class Worker:
    """A ``serve`` subprocess: one library, one network, kept alive between commands."""

    def __init__(self, cfg, threads):
        self.lib = cfg["lib"]
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker", "train",
                                      json.dumps(cfg)], env=_worker_env(threads), cwd=str(HERE), text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def answer(self):
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"the {self.lib} worker died (exit {self.proc.wait()}); its error is above")
        return json.loads(line)

    def ask(self, **cmd):
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        return self.answer()

    def close(self):
        summary = self.ask(do="summary")
        self.proc.wait()
        return summary


def train_both(cfg, epochs, threads, pause=0.3):
    """Train numpynet and PyTorch side by side: part k of an epoch in one, then in the other, so
    both meet the same load on a shared machine. The pause lets the idle library's BLAS/OpenMP
    threads stop spinning before the other one runs."""
    workers = {lib: Worker(dict(cfg, lib=lib), threads) for lib in ("numpynet", "torch")}
    for worker in workers.values():  # both start (load MNIST, build the model) at the same time
        worker.answer()  # ready
    res = {lib: {"times": [], "cpu": [], "test_acc": [], "train_peak": [], "eval_peak": [], "pace": []}
           for lib in workers}
    for epoch in range(epochs):
        wall, cpu = {lib: 0.0 for lib in workers}, {lib: 0.0 for lib in workers}
        for chunk in range(cfg["chunks"]):
            for lib, worker in (reversed(workers.items()) if chunk % 2 else workers.items()):
                time.sleep(pause)
                part = worker.ask(do="part", epoch=epoch, chunk=chunk)
                wall[lib] += part["wall"]
                cpu[lib] += part["cpu"]
                res[lib]["train_peak"].append(part["peak_mib"])
                res[lib]["pace"].append(part["wall"] / part["n"] * 60000)  # seconds per epoch at this pace
        for lib, worker in workers.items():
            r = res[lib]
            r["times"].append(wall[lib])
            r["cpu"].append(cpu[lib])
            evaluation = worker.ask(do="evaluate")
            r["test_acc"].append(evaluation["acc"])
            r["eval_peak"].append(evaluation["peak_mib"])
        print(f"  epoch {epoch + 1}: numpynet {wall['numpynet']:.2f} s, PyTorch {wall['torch']:.2f} s", flush=True)
    for lib, worker in workers.items():
        res[lib].update(worker.close())
    return res


def environment(args):
    import numpy
    try:
        import torch
        torch_version = torch.__version__
    except ImportError:
        torch_version = "not installed"
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    try:
        blas = numpy.show_config("dicts")["Build Dependencies"]["blas"]["name"]
    except (TypeError, KeyError):
        blas = "BLAS unknown"
    return {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "cpu": f"{cpu}, {os.cpu_count()} cores",
            "python": platform.python_version(), "numpy": f"{numpy.__version__} ({blas})", "torch": torch_version,
            "threads": args.threads}


def _fmt_acc(accs):
    return " / ".join(f"{100 * a:.2f}" for a in accs)


def _largest(values):
    return max(values, key=lambda v: v or 0)


def network_table(name, arch, batch, res, epochs_label):
    ours, theirs, scale = res["numpynet"], res["torch"], res["scale"]

    def per_epoch(r, key="times"):
        return sum(r[key]) / len(r[key]) * scale

    def each(r):
        return " / ".join(f"{t * scale:.2f}" for t in r["times"])

    def mib(value):
        return "n/a" if value is None else f"{value:.0f}"

    ratio = per_epoch(ours) / per_epoch(theirs)
    fastest = [min(r["pace"]) for r in (ours, theirs)]
    pair_ratio = float(np.median(np.array(ours["pace"]) / np.array(theirs["pace"])))
    lines = [f"### {name}: {TITLES[arch]}; batch {batch}, Adam {LR:g}, {epochs_label}", "",
             "| | numpynet | PyTorch CPU | numpynet / PyTorch |", "|---|---:|---:|---:|",
             f"| seconds per epoch (mean) | {per_epoch(ours):.2f} | {per_epoch(theirs):.2f} | **{ratio:.2f}x** |",
             f"| seconds per epoch, each epoch | {each(ours)} | {each(theirs)} | |",
             f"| seconds per epoch at the pace of the fastest part | {fastest[0]:.2f} | {fastest[1]:.2f} | "
             f"{fastest[0] / fastest[1]:.2f}x |",
             f"| median over parts of the ratio of paces (part k of numpynet / part k of PyTorch) | | | "
             f"{pair_ratio:.2f}x |",
             f"| CPU seconds per epoch (mean, all threads) | {per_epoch(ours, 'cpu'):.2f} | "
             f"{per_epoch(theirs, 'cpu'):.2f} | {per_epoch(ours, 'cpu') / per_epoch(theirs, 'cpu'):.2f}x |",
             f"| test accuracy % after each epoch ({res['n_test']} test images) | {_fmt_acc(ours['test_acc'])} | "
             f"{_fmt_acc(theirs['test_acc'])} | |",
             f"| peak RSS of the process, MiB | {ours['maxrss_mib']:.0f} | {theirs['maxrss_mib']:.0f} | |",
             f"| memory growth while training (first part), MiB | {mib(ours['train_peak'][0])} | "
             f"{mib(theirs['train_peak'][0])} | |",
             f"| memory growth while evaluating {res['n_test']} test images (numpynet's batches of "
             f"{EVAL_BATCH}, PyTorch's of 1000), MiB | "
             f"{mib(_largest(ours['eval_peak']))} | {mib(_largest(theirs['eval_peak']))} | |",
             "", "Same initial function: max |logits difference| on 200 test images before training = "
                 f"{theirs['init_check']:.1e}."]
    return "\n".join(lines)


def micro_table(micro):
    lines = ["### Micro-benchmarks: best of several runs", "",
             "| operation | numpynet ms | compared with | its ms | speed-up of numpynet |", "|---|---:|---|---:|---:|"]
    for row in micro["rows"]:
        for other, ms in row["others"].items():
            lines.append(f"| {row['bench']} | {row['numpynet_ms']:.3f} | {other} | {ms:.3f} | "
                         f"{ms / row['numpynet_ms']:.1f}x |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=3, help="epochs per network (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 3000 training and 2000 test examples per network, fewer micro repetitions")
    parser.add_argument("--networks", default=",".join(NETWORKS), help=f"comma-separated, from {list(NETWORKS)}")
    parser.add_argument("--threads", type=int, default=2, help="threads for both libraries (default 2)")
    shared = ROOT.parent / "shared" / "data" / "mnist"
    parser.add_argument("--data", default=os.environ.get("MNIST_DIR") or (str(shared) if shared.is_dir() else None),
        help="folder with the four MNIST .gz files (default $MNIST_DIR, ../shared/data/mnist, the cache)")
    parser.add_argument("--chunks", type=int, default=20,
                        help="parts per epoch; the libraries take turns after each part (default 20)")
    parser.add_argument("--no-micro", action="store_true", help="skip the micro-benchmarks")
    parser.add_argument("--output", default=str(HERE / "results.md"), help="markdown file to write ('' for none)")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        kind, cfg = args.worker[0], json.loads(args.worker[1])
        if kind == "train":
            serve(cfg)
        else:
            print(json.dumps(micro_worker(cfg)))
        return

    names = [n.strip() for n in args.networks.split(",") if n.strip()]
    unknown = sorted(set(names) - set(NETWORKS))
    if unknown:
        parser.error(f"unknown networks {unknown}; choose from {list(NETWORKS)}")
    epochs = 1 if args.quick else args.epochs
    n_train = 3000 if args.quick else 60000
    chunks = 2 if args.quick else args.chunks
    n_test = 2000 if args.quick else 10000
    epochs_label = (f"quick: {n_train} examples, times scaled to a 60000-example epoch" if args.quick
                    else f"{epochs} epoch{'s' * (epochs > 1)} of 60000")
    env = environment(args)
    load_before = os.getloadavg()
    sections = []
    for name in names:
        arch, batch = NETWORKS[name]
        print(f"{name}: training with numpynet and PyTorch, alternating every 1/{chunks} epoch ...", flush=True)
        cfg = {"arch": arch, "batch": batch, "n_train": n_train, "n_test": n_test, "chunks": chunks,
               "data": args.data, "threads": args.threads}
        res = dict(train_both(cfg, epochs, args.threads), scale=60000 / n_train, n_test=n_test)
        sections.append(network_table(name, arch, batch, res, epochs_label))
        print("\n" + sections[-1] + "\n", flush=True)
    if not args.no_micro:
        print("micro-benchmarks ...", flush=True)
        micro = run_micro({"threads": args.threads, "reps": 5 if args.quick else 30}, args.threads)
        sections.append(micro_table(micro))
        print("\n" + sections[-1] + "\n", flush=True)
    load_after = os.getloadavg()
    header = ["# numpynet vs PyTorch CPU", "",
              f"{env['date']}; {env['cpu']}; Python {env['python']}; NumPy {env['numpy']}; PyTorch {env['torch']}; "
              f"{env['threads']} threads for each library.",
              f"Load average (1 min) {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end "
              "(above ~0.3, other processes shared the cores and the times are less reliable).", "",
              "Command: `" + " ".join([".venv/bin/python benchmarks/bench.py",
                                      *(argv if argv is not None else sys.argv[1:])]) + "`",
              ""]
    report = "\n".join(header) + "\n" + "\n\n".join(sections) + "\n"
    if args.output:
        Path(args.output).write_text(report)
        print(f"written to {args.output}")


if __name__ == "__main__":
    main()
