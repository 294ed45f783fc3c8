"""Pictures for the notebooks: training curves, activation histograms by depth, conv filters,
the confusion matrix, optimizer paths and 2-D embeddings. Each function returns the matplotlib Figure."""
import numpy as np


def _plt():
    import matplotlib.pyplot as plt
    return plt


def plot_history(history, title=None):
    """Loss per iteration (left) and accuracy (right) from ``training.train``'s history."""
    plt = _plt()
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 3.5))
    ax_loss.plot(history["loss"], lw=0.8)
    ax_loss.set(xlabel="iteration", ylabel="loss", title="training loss")
    it = history.get("iteration", [])
    if history.get("train_acc"):
        ax_acc.plot(it, history["train_acc"], "o-", label="train (batches seen)")
    if history.get("val_acc"):
        ax_acc.plot(it, history["val_acc"], "s-", label="validation")
    ax_acc.set(xlabel="iteration", ylabel="accuracy", title="accuracy")
    ax_acc.legend(loc="lower right")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def compare_histories(histories, key="loss", smooth=1, title=None):
    """One curve per labelled history, e.g. {'sigmoid': h1, 'relu': h2}."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 4))
    for label, h in histories.items():
        y = np.asarray(h[key], dtype=float)
        if smooth > 1 and len(y) >= smooth:
            y = np.convolve(y, np.ones(smooth) / smooth, mode="valid")
        ax.plot(y, label=label)
    ax.set(xlabel="iteration", ylabel=key, title=title or key)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_activation_histograms(activations, title=None, bins=50, value_range=None):
    """One histogram per layer (the classic initialization picture), with mean and std on top."""
    plt = _plt()
    depth = len(activations)
    fig, axes = plt.subplots(1, depth, figsize=(1.8 * depth, 2.4), sharey=True)
    axes = np.atleast_1d(axes)
    for i, (ax, a) in enumerate(zip(axes, activations)):
        a = np.asarray(a).ravel()
        ax.hist(a, bins=bins, range=value_range)
        ax.set_title(f"layer {i + 1}\nmean {a.mean():.2g}\nstd {a.std():.2g}", fontsize=8)
        ax.tick_params(labelsize=6)
    if title:
        fig.suptitle(title, y=1.22)
    return fig


def plot_layer_std(curves, title="std of activations by depth"):
    """``curves``: {label: [activations of layer 1, ...]}; std against depth, log scale."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for label, acts in curves.items():
        ax.semilogy(range(1, len(acts) + 1), [max(np.std(a), 1e-30) for a in acts], "o-", label=label)
    ax.set(xlabel="layer", ylabel="std", title=title)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_filters(weights, cols=8, title="filters"):
    """Conv kernels ``(kh, kw, c_in, c_out)``: one image per output channel (first input channel)."""
    plt = _plt()
    w = np.asarray(weights)
    n = w.shape[-1]
    rows = int(np.ceil(n / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(cols, rows))
    for i, ax in enumerate(np.atleast_1d(axes).ravel()):
        ax.axis("off")
        if i < n:
            ax.imshow(w[:, :, 0, i], cmap="gray")
    fig.suptitle(title)
    return fig


def plot_confusion_matrix(matrix, title="confusion matrix"):
    """Counts from ``diagnostics.confusion_matrix``, with the numbers written in the cells."""
    plt = _plt()
    m = np.asarray(matrix)
    fig, ax = plt.subplots(figsize=(5.5, 5))
    ax.imshow(m, cmap="Blues")
    for (i, j), v in np.ndenumerate(m):
        ax.text(j, i, str(v), ha="center", va="center", fontsize=7,
                color="white" if v > m.max() / 2 else "black")
    ax.set(xlabel="predicted", ylabel="true", title=title, xticks=range(len(m)), yticks=range(len(m)))
    fig.tight_layout()
    return fig


def plot_embedding(points, labels, title=None):
    """Side-by-side scatters of 2-D points {name: (N, 2) array}, coloured by ``labels`` (N,) (digits)."""
    plt = _plt()
    fig, axes = plt.subplots(1, len(points), figsize=(5.5 * len(points), 5), squeeze=False)
    labels = np.asarray(labels)
    for ax, (name, xy) in zip(axes[0], points.items()):
        xy = np.asarray(xy)
        for digit in np.unique(labels):
            at = labels == digit
            ax.scatter(xy[at, 0], xy[at, 1], s=4, alpha=0.6, color=plt.cm.tab10(digit % 10), label=str(digit))
        ax.set(title=name, xlabel="first principal component", ylabel="second principal component")
    axes[0, -1].legend(title="digit", markerscale=3, loc="center left", bbox_to_anchor=(1, 0.5))
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_paths(f, paths, xlim=(-2, 2), ylim=(-2, 2), title="optimizer paths"):
    """Contours of a 2-D function ``f(x, y)`` and the paths {label: (steps, 2) array} on it."""
    plt = _plt()
    xs, ys = np.meshgrid(np.linspace(*xlim, 200), np.linspace(*ylim, 200))
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.contour(xs, ys, f(xs, ys), levels=30, cmap="gray", linewidths=0.5)
    for label, path in paths.items():
        path = np.asarray(path)
        ax.plot(path[:, 0], path[:, 1], ".-", label=label, ms=3)
    ax.set(xlim=xlim, ylim=ylim, title=title)
    ax.legend()
    return fig


def show_digits(images, labels=None, predictions=None, cols=10):
    """A grid of MNIST images ``(N, 28, 28, 1)``, titled with label (and prediction)."""
    plt = _plt()
    n = len(images)
    rows = int(np.ceil(n / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(cols, 1.2 * rows))
    for i, ax in enumerate(np.atleast_1d(axes).ravel()):
        ax.axis("off")
        if i < n:
            ax.imshow(np.asarray(images[i])[..., 0], cmap="gray")
            if labels is not None:
                text = str(labels[i]) if predictions is None else f"{labels[i]}→{predictions[i]}"
                ax.set_title(text, fontsize=8)
    return fig
