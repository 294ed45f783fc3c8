"""End to end on real MNIST with the reference core (slow: `make test-slow`).

Figures measured are printed (run with -s) and reported in the README."""
import time

import numpy as np
import pytest

from numpynet import Sequential, activations as A, data, initializers as I, layers as L, optimizers as O, training as T

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def mnist():
    return data.load_mnist()


def mlp(rng):
    """He for the ReLU layers, Xavier for the logits (so the first loss is about ln 10)."""
    return Sequential([L.Flatten(), L.Dense(784, 256, A.ReLU(), rng=rng), L.Dense(256, 256, A.ReLU(), rng=rng),
                       L.Dense(256, 10, initializer=I.xavier_normal, rng=rng)])


def course_cnn(rng, pooling=True):
    layers = [L.Conv2D(1, 16, 3, activation=A.LeakyReLU(), rng=rng),
              L.Conv2D(16, 32, 4, stride=2, activation=A.LeakyReLU(), rng=rng)]
    layers += [L.MaxPool2D(2), L.Flatten(), L.Dense(1152, 256, A.ReLU(), rng=rng)] if pooling else \
              [L.Flatten(), L.Dense(4608, 256, A.ReLU(), rng=rng)]
    return Sequential(layers + [L.Dense(256, 10, rng=rng)])


def fit(model, mnist, epochs, batch_size, seed=0):
    start = time.time()
    accuracies = []
    optimizer = O.Adam(1e-3)
    for epoch in range(epochs):
        T.train(model, optimizer, mnist.x_train, mnist.y_train, epochs=1, batch_size=batch_size,
                seed=seed * 100 + epoch, progress=False)
        accuracies.append(T.accuracy(model, mnist.x_test, mnist.y_test))
    seconds = time.time() - start
    print(f"\n{type(model).__name__}: test accuracy by epoch {[f'{a:.2%}' for a in accuracies]}, {seconds:.0f} s")
    return accuracies, seconds


def test_mlp_relu_he_adam_reaches_97_5_percent_in_3_epochs(mnist):
    accuracies, _ = fit(mlp(np.random.default_rng(0)), mnist, epochs=3, batch_size=100)
    assert accuracies[-1] >= 0.975


def test_course_cnn_reaches_98_5_percent_in_3_epochs(mnist):
    accuracies, _ = fit(course_cnn(np.random.default_rng(0)), mnist, epochs=3, batch_size=50)
    assert accuracies[-1] >= 0.985


def test_sigmoid_vs_relu_after_100_iterations(mnist):
    """The course notes' picture: sigmoid + SGD barely leaves chance, ReLU + SGD does, ReLU + Adam more."""
    results = {}
    for name, act, opt in (("sigmoid+sgd", A.Sigmoid, O.SGD(0.01)), ("relu+sgd", A.ReLU, O.SGD(0.01)),
                           ("relu+adam", A.ReLU, O.Adam(0.01))):
        rng = np.random.default_rng(0)
        model = Sequential([L.Flatten(), L.Dense(784, 100, act(), rng=rng), L.Dense(100, 50, act(), rng=rng),
                            L.Dense(50, 10, rng=rng)])
        T.train(model, opt, mnist.x_train, mnist.y_train, batch_size=50, max_iters=100, progress=False)
        results[name] = T.accuracy(model, mnist.x_test, mnist.y_test)
    print(results)
    assert results["sigmoid+sgd"] < results["relu+sgd"] < results["relu+adam"]
