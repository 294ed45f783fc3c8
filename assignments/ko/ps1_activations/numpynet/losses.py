"""Losses. Each returns ``(loss, gradient)``: a Python float and the gradient with respect to
the first argument, of the same shape."""
import numpy as np

from ._checks import as_float_array, check_ndim


def log_softmax(logits):
    """Row-wise log-softmax of ``(N, K)`` logits by log-sum-exp (the max is subtracted first)."""
    logits = as_float_array(logits)
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax(logits):
    """Row-wise softmax, stable for logits of any magnitude."""
    return np.exp(log_softmax(logits))


def _check_labels(labels, n, k):
    labels = np.asarray(labels)
    if labels.shape != (n,) or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be {n} integer class indices of shape ({n},), got "
                         f"shape {labels.shape} and dtype {labels.dtype}")
    if n and (labels.min() < 0 or labels.max() >= k):
        raise ValueError(f"labels must lie in [0, {k - 1}], got values from {labels.min()} to {labels.max()}")
    return labels


def softmax_cross_entropy(logits, labels):
    """Mean cross-entropy of softmax(logits) ``(N, K)`` against integer ``labels`` ``(N,)``.

    Returns ``(loss, dlogits)`` with dlogits = (softmax(logits) - onehot(labels)) / N.
    """
    logits = as_float_array(logits, "logits")
    check_ndim(logits, 2, "softmax_cross_entropy", "of logits (N, K)")
    n, k = logits.shape
    labels = _check_labels(labels, n, k)
    logp = log_softmax(logits)
    rows = np.arange(n)
    loss = -float(logp[rows, labels].mean())
    dlogits = np.exp(logp)
    dlogits[rows, labels] -= 1
    dlogits /= n
    return loss, dlogits


def mse(predictions, targets):
    """Mean squared error over all elements (the mean, not N/2 times the sum); returns (loss, dpred)."""
    predictions = as_float_array(predictions, "predictions")
    targets = as_float_array(targets, "targets")
    if predictions.shape != targets.shape:
        raise ValueError(f"mse expects predictions and targets of one shape, got {predictions.shape} "
                         f"and {targets.shape}")
    diff = predictions - targets
    return float(np.mean(diff * diff)), (2.0 / diff.size) * diff


def l2_regularization(params, reg):
    """L2 penalty 0.5 * reg * sum(W**2) over the weight matrices and kernels (ndim >= 2; biases and
    normalization parameters are not penalized). Returns ``(loss, grads)`` with grads[name] = reg * W."""
    loss, grads = 0.0, {}
    for name, value in params.items():
        if value.ndim >= 2:
            loss += 0.5 * reg * float(np.sum(value.astype(np.float64) ** 2))
            grads[name] = reg * value
    return loss, grads
