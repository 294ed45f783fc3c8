# answer: max_pool_backward
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: instead of adding|not overwrite|\+=
# source: invented (the loop over window offsets written with = instead of +=: fine for stride = pool, wrong where windows overlap)
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    ho, wo = arg.shape[1:3]
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for a in range(ph):
        for b in range(pw):
            dx[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :] = np.where(arg == a * pw + b, dout, 0)
    return dx
