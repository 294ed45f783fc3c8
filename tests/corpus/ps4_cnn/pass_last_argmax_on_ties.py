# answer: max_pool_forward
# expect: pass
# source: invented (on ties the LAST maximum is kept: one arg-max per window all the same, which the spec accepts)
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    windows = np.stack([x[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]
                        for a in range(ph) for b in range(pw)], axis=-1)
    arg = ph * pw - 1 - windows[..., ::-1].argmax(axis=-1)
    out = windows.max(axis=-1)
    return out, (x.shape, (ph, pw), (sh, sw), arg)
