# answer: max_pool_forward
# expect: fail test_max_pool_forward_stride
# expect: fail test_max_pool_forward_overlapping
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: H // ph|Ho = \(H - ph\) // sh \+ 1
# source: issue (public student code): output size H // ph, right only when stride = pool
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = h // ph, w // pw
    windows = np.stack([x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
                        for a in range(ph) for b in range(pw)], axis=-1)
    arg = windows.argmax(axis=-1)
    out = np.take_along_axis(windows, arg[..., None], axis=-1)[..., 0]
    return out, (x.shape, (ph, pw), (sh, sw), arg)
