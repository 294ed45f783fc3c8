# answer: max_pool_forward
# expect: fail test_max_pool_forward_basic
# expect: fail test_max_pool_forward_rectangular
# expect: fail test_max_pool_forward_stride
# expect: fail test_max_pool_forward_overlapping
# expect: fail test_max_pool_gradcheck
# message: over the channels too
# source: issue (public student code): x.max over the wrong axes, channels mixed in the maximum
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    arg = np.zeros((n, ho, wo, c), dtype=int)
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :]
            out[:, i, j, :] = window.max(axis=(1, 2, 3))[:, None]  # channels mixed
            arg[:, i, j, :] = window.reshape(n, ph * pw, c).argmax(axis=1)
    return out, (x.shape, (ph, pw), (sh, sw), arg)
