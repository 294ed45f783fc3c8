"""The training loop: shuffled mini-batches, a tqdm progress bar, a history of loss and accuracy."""
import math

import numpy as np

from .losses import l2_regularization, softmax_cross_entropy
from .model import EVAL_BATCH, Sequential


def accuracy(model, x, y, batch_size=EVAL_BATCH):
    """Fraction of ``x`` that ``model`` classifies as ``y``, in eval mode."""
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} examples but y has {len(y)} labels")
    return float(np.mean(model.predict(x, batch_size) == np.asarray(y)))


evaluate = accuracy


def train_step(model, optimizer, x, y, loss_fn=softmax_cross_entropy, reg=0.0):
    """One forward, backward and update on a batch; returns the loss (data loss + L2 term)."""
    return _train_batch(model, optimizer, x, y, loss_fn, reg)[0]


def _train_batch(model, optimizer, x, y, loss_fn, reg):
    logits = model.forward(x, training=True)
    loss, dlogits = loss_fn(logits, y)
    if isinstance(model, Sequential):
        model.backward(dlogits, input_grad=False)  # no one uses the gradient of the images
    else:
        model.backward(dlogits)
    params, grads = model.params(), model.grads()
    if reg:
        reg_loss, reg_grads = l2_regularization(params, reg)
        loss += reg_loss
        for name, g in reg_grads.items():
            grads[name] += g
    optimizer.step(params, grads)
    return loss, logits


def train(model, optimizer, x, y, epochs=1, batch_size=50, x_val=None, y_val=None, seed=0,
          loss_fn=softmax_cross_entropy, reg=0.0, max_iters=None, eval_every=None,
          progress=True, stop_on_nan=True):
    """Train ``model`` on ``(x, y)`` with mini-batches drawn by a seeded shuffle.

    Returns the history: ``loss`` (one value per iteration), ``iteration`` of each accuracy
    measurement, ``train_acc`` (on the last batches seen, cheap) and ``val_acc`` (on
    ``x_val``), measured at the end of each epoch or every ``eval_every`` iterations.
    ``max_iters`` stops early (the 100-iteration experiments). A NaN or inf loss stops training
    with a message (the learning rate is too high) unless ``stop_on_nan`` is False.
    """
    from tqdm.auto import tqdm

    n = len(x)
    if n != len(y):
        raise ValueError(f"x has {n} examples but y has {len(y)} labels")
    rng = np.random.default_rng(seed)
    per_epoch = math.ceil(n / batch_size)
    total = epochs * per_epoch if max_iters is None else min(max_iters, epochs * per_epoch)
    history = {"loss": [], "iteration": [], "train_acc": [], "val_acc": []}
    seen_correct = seen = 0

    def measure(it):
        history["iteration"].append(it)
        history["train_acc"].append(seen_correct / max(seen, 1))
        if x_val is not None:
            history["val_acc"].append(accuracy(model, x_val, y_val))

    bar = tqdm(total=total, disable=not progress, desc="training", unit="batch", leave=True)
    it = 0
    try:
        for epoch in range(epochs):
            order = rng.permutation(n)
            for start in range(0, n, batch_size):
                if it >= total:
                    break
                idx = order[start:start + batch_size]
                xb, yb = x[idx], y[idx]
                loss, logits = _train_batch(model, optimizer, xb, yb, loss_fn, reg)
                history["loss"].append(loss)
                it += 1
                if not math.isfinite(loss) and stop_on_nan:
                    bar.write(f"loss is {loss} at iteration {it}: the learning rate is too high; stopping")
                    return history
                if logits.ndim == 2 and np.ndim(yb) == 1:
                    seen_correct += int(np.sum(logits.argmax(axis=1) == yb))
                    seen += len(yb)
                if eval_every and it % eval_every == 0:
                    measure(it)
                    seen_correct = seen = 0
                bar.update(1)
                if it % 20 == 0:
                    bar.set_postfix(loss=f"{loss:.4f}", epoch=epoch + 1)
            if not eval_every:
                measure(it)
                seen_correct = seen = 0
            if it >= total:
                break
    finally:
        bar.close()
    if eval_every and (not history["iteration"] or history["iteration"][-1] != it):
        measure(it)
    return history


__all__ = ["accuracy", "evaluate", "train", "train_step"]
