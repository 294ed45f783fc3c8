# answer: batchnorm
# expect: fail test_bonus_batchnorm_forward
# expect: fail test_bonus_batchnorm_eval
# expect: fail test_bonus_batchnorm_backward
# message: NotImplementedError
# source: the released stub (a student who leaves the bonus out)
class BatchNorm(Layer):
    """Batch normalization of (N, D) inputs."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1, dtype=np.float32):
        super().__init__()
        self.num_features, self.eps, self.momentum = int(num_features), float(eps), float(momentum)
        self.params = {"gamma": np.ones(num_features, dtype=dtype), "beta": np.zeros(num_features, dtype=dtype)}
        self.grads = {name: np.zeros_like(value) for name, value in self.params.items()}
        self.running_mean = np.zeros(num_features, dtype=dtype)
        self.running_var = np.ones(num_features, dtype=dtype)

    def forward(self, x, training=True):
        # YOUR CODE HERE
        raise NotImplementedError()

    def backward(self, dout):
        # YOUR CODE HERE
        raise NotImplementedError()
