# answer: max_pool_forward
# expect: fail test_max_pool_forward_rectangular
# expect: fail test_max_pool_forward_stride
# expect: fail test_max_pool_forward_overlapping
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: H != W
# source: issue (public student code): the width taken from the height, so rectangular inputs crash
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, _, c = x.shape
    ho = (h - ph) // sh + 1
    wo = (h - pw) // sw + 1  # H where W belongs
    windows = np.stack([x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
                        for a in range(ph) for b in range(pw)], axis=-1)
    arg = windows.argmax(axis=-1)
    out = np.take_along_axis(windows, arg[..., None], axis=-1)[..., 0]
    if out.shape[2] != wo:
        raise IndexError(f"window {wo - 1} does not fit")
    return out, (x.shape, (ph, pw), (sh, sw), arg)
