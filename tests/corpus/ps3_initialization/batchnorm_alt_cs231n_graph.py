# answer: batchnorm
# expect: pass
# source: CS231n assignment 2's staged backward (correct)
# note: the computational graph step by step, running variance biased as CS231n's code keeps it, momentum as the new batch's weight
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
        if not training:
            return self.params["gamma"] * (x - self.running_mean) / np.sqrt(self.running_var + self.eps) + self.params["beta"]
        mu = np.mean(x, axis=0)
        xmu = x - mu
        sq = xmu ** 2
        var = np.mean(sq, axis=0)
        sqrtvar = np.sqrt(var + self.eps)
        ivar = 1.0 / sqrtvar
        xhat = xmu * ivar
        self.running_mean = self.momentum * mu + (1 - self.momentum) * self.running_mean
        self.running_var = self.momentum * var + (1 - self.momentum) * self.running_var
        self.cache = (xhat, xmu, ivar, sqrtvar, var)
        return self.params["gamma"] * xhat + self.params["beta"]

    def backward(self, dout):
        xhat, xmu, ivar, sqrtvar, var = self.cache
        n = dout.shape[0]
        self.grads["beta"] = np.sum(dout, axis=0)
        self.grads["gamma"] = np.sum(dout * xhat, axis=0)
        dxhat = dout * self.params["gamma"]
        divar = np.sum(dxhat * xmu, axis=0)
        dxmu1 = dxhat * ivar
        dsqrtvar = -1.0 / (sqrtvar ** 2) * divar
        dvar = 0.5 / np.sqrt(var + self.eps) * dsqrtvar
        dsq = np.ones_like(dout) / n * dvar
        dxmu2 = 2 * xmu * dsq
        dx1 = dxmu1 + dxmu2
        dmu = -np.sum(dx1, axis=0)
        dx2 = np.ones_like(dout) / n * dmu
        return dx1 + dx2
