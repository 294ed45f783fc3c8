"""``Sequential``: a stack of layers with one forward and one backward pass."""
import numpy as np


class Sequential:
    """Layers applied in order. Parameters are named ``"<index>.<name>"`` (``"0.W"``, ``"0.b"``, ...);
    the dicts returned by ``params()`` and ``grads()`` hold the layers' own arrays, so an optimizer
    that updates them in place trains the model."""

    def __init__(self, layers):
        self.layers = list(layers)
        self.outputs = None

    def forward(self, x, training=True, record=False):
        """Run every layer; with ``record=True`` keep each layer's output in ``self.outputs``."""
        outputs = []
        for layer in self.layers:
            x = layer.forward(x, training=training)
            if record:
                outputs.append(x)
        self.outputs = outputs if record else None
        return x

    __call__ = forward

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    def params(self):
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.params.items()}

    def grads(self):
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.grads.items()}

    def num_params(self):
        return int(sum(v.size for v in self.params().values()))

    def predict_logits(self, x, batch_size=1000):
        """Logits in eval mode, computed in batches to bound memory."""
        chunks = [self.forward(x[i:i + batch_size], training=False) for i in range(0, len(x), batch_size)]
        return np.concatenate(chunks) if chunks else np.zeros((0, 0), dtype=np.float32)

    def predict(self, x, batch_size=1000):
        """Predicted class indices ``(N,)``."""
        return self.predict_logits(x, batch_size).argmax(axis=1)

    def __repr__(self):
        body = "\n".join(f"  ({i}) {layer!r}" for i, layer in enumerate(self.layers))
        return f"Sequential(\n{body}\n)  # {self.num_params():,} parameters"
