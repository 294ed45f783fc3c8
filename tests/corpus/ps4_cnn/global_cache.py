# answer: max_pool_backward
# expect: fail test_max_pool_backward_repeated_calls
# message: global|share state
# source: issue (public student code): the arg-maxes kept in a global variable that the next forward call overwrites; the cell redefines the forward pass too
_last = {}


def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    windows = np.stack([x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
                        for a in range(ph) for b in range(pw)], axis=-1)
    _last["arg"] = windows.argmax(axis=-1)
    _last["spec"] = (x.shape, (ph, pw), (sh, sw))
    out = np.take_along_axis(windows, _last["arg"][..., None], axis=-1)[..., 0]
    return out, x.shape


def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw) = _last["spec"]
    arg = _last["arg"]
    ho, wo = arg.shape[1:3]
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for a in range(ph):
        for b in range(pw):
            dx[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :] += np.where(arg == a * pw + b, dout, 0)
    return dx
