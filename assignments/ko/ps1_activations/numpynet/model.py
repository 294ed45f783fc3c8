"""``Sequential``: a stack of layers with one forward and one backward pass."""
import numpy as np

# Images per batch in evaluation. Larger batches are slower, not faster: the course CNN's im2col
# rows then pass 32 MB, which the allocator maps fresh from the system (and zeroes) for every batch.
EVAL_BATCH = 100


class Sequential:
    """Layers applied in order. Parameters are named ``"<index>.<name>"`` (``"0.W"``, ``"0.b"``, ...);
    the dicts returned by ``params()`` and ``grads()`` hold the layers' own arrays, so an optimizer
    that updates them in place trains the model."""

    def __init__(self, layers):
        self.layers = list(layers)
        self.outputs = None

    def forward(self, x, training=True, record=False, keep_cache=True):
        """Run every layer; with ``record=True`` keep each layer's output in ``self.outputs``.

        ``keep_cache=False`` (inference) drops each layer's cache as soon as it has run: no
        backward pass can follow, and memory holds one layer's arrays at a time, not all of them.
        """
        outputs = []
        for layer in self.layers:
            x = layer.forward(x, training=training)
            if not keep_cache:
                layer.cache = None
            if record:
                outputs.append(x)
        self.outputs = outputs if record else None
        return x

    __call__ = forward

    def backward(self, dout, input_grad=True):
        """Back-propagate ``dout`` (the loss gradient of the output); returns the gradient with
        respect to the input. Training needs only the parameters' gradients: with
        ``input_grad=False`` the layers before the first one with parameters are skipped, that
        one does not compute its input gradient (``needs_input_grad``), and None is returned."""
        first = self._first_with_params() if not input_grad else 0
        for i in range(len(self.layers) - 1, first - 1, -1):
            dout = self._backward_layer(self.layers[i], dout, input_grad or i > first)
        return dout if input_grad else None

    def _first_with_params(self):
        return next((i for i, layer in enumerate(self.layers) if layer.params), len(self.layers))

    @staticmethod
    def _backward_layer(layer, dout, input_grad):
        if input_grad:
            return layer.backward(dout)
        previous = getattr(layer, "needs_input_grad", True)
        layer.needs_input_grad = False
        try:
            return layer.backward(dout)
        finally:
            layer.needs_input_grad = previous

    def params(self):
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.params.items()}

    def grads(self):
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.grads.items()}

    def num_params(self):
        return int(sum(v.size for v in self.params().values()))

    def predict_logits(self, x, batch_size=EVAL_BATCH):
        """Logits in eval mode, in batches, keeping no cache for a backward pass."""
        if len(x) == 0:  # an empty batch still has the logits' width
            return self.forward(x, training=False, keep_cache=False)
        chunks = [self.forward(x[i:i + batch_size], training=False, keep_cache=False)
                  for i in range(0, len(x), batch_size)]
        return np.concatenate(chunks)

    def predict(self, x, batch_size=EVAL_BATCH):
        """Predicted class indices ``(N,)``."""
        return self.predict_logits(x, batch_size).argmax(axis=1)

    def __repr__(self):
        body = "\n".join(f"  ({i}) {layer!r}" for i, layer in enumerate(self.layers))
        return f"Sequential(\n{body}\n)  # {self.num_params():,} parameters"
