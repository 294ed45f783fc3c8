# answer: max_pool_forward
# expect: pass
# source: invented (no helper: pool and stride unpacked by hand, lists accepted, the windows as a Python list of slices)
def max_pool_forward(x, pool=2, stride=None):
    if isinstance(pool, int):
        pool = [pool, pool]
    if stride is None:
        stride = pool
    elif isinstance(stride, int):
        stride = [stride, stride]
    ph, pw = pool
    sh, sw = stride
    N, H, W, C = x.shape
    Ho = (H - ph) // sh + 1
    Wo = (W - pw) // sw + 1
    slices = []
    for a in range(ph):
        for b in range(pw):
            slices.append(x[:, a:a + sh * Ho:sh, b:b + sw * Wo:sw, :][:, :Ho, :Wo, :])
    stacked = np.array(slices)  # (ph*pw, N, Ho, Wo, C)
    arg = stacked.argmax(axis=0)
    return stacked.max(axis=0), (x.shape, (ph, pw), (sh, sw), arg)
