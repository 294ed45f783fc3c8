"""What the sandbox costs per kernel: start, first execution and shutdown of the sandboxed kernel
against the unconfined course kernel, the median of a few rounds taken in turns.

    python -m autograder.sandbox.overhead [--rounds 7]
"""
import argparse
import statistics
import tempfile
import time

from jupyter_client import KernelManager

from ..grade import prepare_environment
from . import kernelspec


def one_round(kernel_name, cwd):
    """Seconds from start_kernel to the reply of a first cell, and for the shutdown."""
    start = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    kc.execute_interactive("import numpy", timeout=60)
    ready = time.perf_counter()
    kc.stop_channels()
    km.shutdown_kernel()
    return ready - start, time.perf_counter() - ready


def measure(rounds):
    prepare_environment()
    kernelspec.install()
    times = {"python3": [], kernelspec.NAME: []}
    with tempfile.TemporaryDirectory() as cwd:
        for _ in range(rounds):
            for name in times:
                times[name].append(one_round(name, cwd))
    return {name: tuple(statistics.median(t[i] for t in runs) for i in (0, 1)) for name, runs in times.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    medians = measure(parser.parse_args(argv).rounds)
    for name, (start, stop) in medians.items():
        print(f"{name:16s} start + `import numpy`: {start:.2f} s   shutdown: {stop:.2f} s")
    (plain_start, plain_stop), (boxed_start, boxed_stop) = medians.values()
    print(f"sandbox overhead per kernel: {boxed_start - plain_start:+.2f} s to start, "
          f"{boxed_stop - plain_stop:+.2f} s to shut down")


if __name__ == "__main__":
    main()
