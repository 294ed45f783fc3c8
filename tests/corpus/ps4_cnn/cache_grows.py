# answer: max_pool_forward
# expect: fail test_max_pool_backward_repeated_calls
# message: grows at every call
# source: course-notes (a list of arg-maxes kept across calls), with a backward that reads the latest entry
_arg_history = []


def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    windows = np.stack([x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
                        for a in range(ph) for b in range(pw)], axis=-1)
    _arg_history.append(windows.argmax(axis=-1))
    out = np.take_along_axis(windows, _arg_history[-1][..., None], axis=-1)[..., 0]
    return out, (x.shape, (ph, pw), (sh, sw), _arg_history[-1])
