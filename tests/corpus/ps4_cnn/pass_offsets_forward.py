# answer: max_pool_forward
# expect: pass
# source: invented (one loop over the ph*pw window offsets for every stride, max and argmax over the stacked slices)
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.full((n, ho, wo, c), -np.inf, dtype=np.result_type(x.dtype, np.float32))
    arg = np.zeros((n, ho, wo, c), dtype=np.int64)
    for a in range(ph):
        for b in range(pw):
            values = x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
            better = values > out  # strictly greater: the first maximum wins ties
            out = np.where(better, values, out)
            arg = np.where(better, a * pw + b, arg)
    return out.astype(x.dtype, copy=False), (x.shape, (ph, pw), (sh, sw), arg)
