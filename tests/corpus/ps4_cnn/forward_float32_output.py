# answer: max_pool_forward
# expect: fail test_max_pool_forward_basic
# expect: fail test_max_pool_gradcheck
# message: dtype of x|float32 loses the digits
# source: issue 13 (a forward that writes into a float32 buffer: right values, float32 for a float64 x; the float64 gradient check then failed without saying why)
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    windows = np.stack([x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
                        for a in range(ph) for b in range(pw)], axis=-1)
    arg = windows.argmax(axis=-1)
    out = np.empty((n, ho, wo, c), dtype=np.float32)   # float32 as in training, whatever x is
    out[...] = np.take_along_axis(windows, arg[..., None], axis=-1)[..., 0]
    return out, (x.shape, (ph, pw), (sh, sw), arg)
