"""Adam optimizer over a dict of numpy float32 parameters (Kingma & Ba, with bias correction)."""

import numpy as np


class Adam:
    """Updates parameters in place; the caller passes the learning rate of each step."""

    def __init__(self, params, beta1=0.9, beta2=0.999, eps=1e-7):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t = 0

    def step(self, params, grads, lr):
        self.t += 1
        c1 = 1.0 - self.beta1 ** self.t
        c2 = 1.0 - self.beta2 ** self.t
        step = np.float32(lr * np.sqrt(c2) / c1)
        for k, g in grads.items():
            m, v = self.m[k], self.v[k]
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * (g * g)
            params[k] -= step * m / (np.sqrt(v) + self.eps)
