# answer: fans
# expect: fail test_fans_dense
# expect: fail test_fans_conv
# expect: fail test_lecun_normal
# expect: fail test_xavier_normal
# expect: fail test_xavier_uniform
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# expect: fail test_he_normal_reproducible
# expect: fail test_he_normal_prints_nothing
# expect: fail test_he_uniform
# message: NotImplementedError
# source: the released stub
# note: every initializer calls fans, so every test fails
def fans(shape):
    """Return (fan_in, fan_out)."""
    # YOUR CODE HERE
    raise NotImplementedError()
