# answer: momentum
# expect: pass
# source: alternative: own step, velocities in a dict by name, Nesterov as p += mu*v - lr*g
class Momentum(Optimizer):
    """SGD with momentum; Nesterov momentum with ``nesterov=True``. Velocity per parameter name."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum = momentum
        self.nesterov = nesterov

    def step(self, params, grads):
        if not hasattr(self, "velocity"):
            self.velocity = {}
        for name, p in params.items():
            g = np.asarray(grads[name], dtype=np.float64)
            v = self.momentum * self.velocity.get(name, 0.0) - self.lr * g
            self.velocity[name] = v
            if self.nesterov:
                p += (self.momentum * v - self.lr * g).astype(p.dtype)
            else:
                p += v.astype(p.dtype)
