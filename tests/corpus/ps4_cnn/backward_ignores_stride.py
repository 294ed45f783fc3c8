# answer: max_pool_backward
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: ignores\s+the stride|i\*sh
# source: invented (pool and stride mixed in the backward pass: window (i, j) placed at (i*ph, j*pw))
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    ho, wo = arg.shape[1:3]
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for a in range(ph):
        for b in range(pw):
            dx[:, a:a + ph * (ho - 1) + 1:ph, b:b + pw * (wo - 1) + 1:pw, :] += np.where(arg == a * pw + b, dout, 0)
    return dx
