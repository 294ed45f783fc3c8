# answer: max_pool_forward
# expect: fail test_max_pool_forward_basic
# expect: fail test_max_pool_forward_rectangular
# expect: fail test_max_pool_forward_stride
# expect: fail test_max_pool_forward_overlapping
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: ignores the stride|Ho = \(H - ph\) // sh \+ 1
# source: issue (public student code): output size (H - ph) + 1, the size for stride 1, with windows moved by the stride
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = h - ph + 1, w - pw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    arg = np.zeros((n, ho, wo, c), dtype=int)
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :].reshape(n, -1, c)
            out[:, i, j, :] = window.max(axis=1)
            arg[:, i, j, :] = window.argmax(axis=1)
    return out, (x.shape, (ph, pw), (sh, sw), arg)
