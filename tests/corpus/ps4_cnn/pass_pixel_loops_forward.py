# answer: max_pool_forward
# expect: pass
# source: invented (one Python iteration per output value: slow, right)
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    arg = np.zeros((n, ho, wo, c), dtype=int)
    for k in range(n):
        for i in range(ho):
            for j in range(wo):
                for ch in range(c):
                    window = x[k, i * sh:i * sh + ph, j * sw:j * sw + pw, ch]
                    arg[k, i, j, ch] = np.argmax(window)
                    out[k, i, j, ch] = window.flat[arg[k, i, j, ch]]
    return out, (x.shape, (ph, pw), (sh, sw), arg)
