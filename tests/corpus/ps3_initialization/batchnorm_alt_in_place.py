# answer: batchnorm
# expect: pass
# source: invented (correct)
# note: running statistics updated in place, the gradients written into the constructor's arrays, einsum
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
        x = np.asarray(x, dtype=np.float64)
        if training:
            n = x.shape[0]
            mean = x.sum(axis=0) / n
            var = ((x - mean) ** 2).sum(axis=0) / n
            self.running_mean *= 1 - self.momentum
            self.running_mean += self.momentum * mean
            self.running_var *= 1 - self.momentum
            self.running_var += self.momentum * var * n / (n - 1)
        else:
            mean, var = self.running_mean, self.running_var
        std = np.sqrt(var + self.eps)
        x_hat = (x - mean) / std
        self.cache = {"x_hat": x_hat, "std": std}
        return x_hat * self.params["gamma"] + self.params["beta"]

    def backward(self, dout):
        x_hat, std = self.cache["x_hat"], self.cache["std"]
        n = len(dout)
        self.grads["gamma"][...] = np.einsum("ij,ij->j", dout, x_hat)
        self.grads["beta"][...] = dout.sum(axis=0)
        g = dout * self.params["gamma"]
        return (n * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0)) / (n * std)
