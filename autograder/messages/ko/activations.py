"""Korean texts of autograder/checks/activations.py."""
MESSAGES = {
    # a function that changes its input, or returns something other than a floating array
    "{what} modified its input x in place ({changed} of {size} values of the caller's array changed{hint}). "
    "The layer keeps x (the pre-activation) for the backward pass, so forward and derivative must leave it "
    "alone: `out = x` does not copy (both names are one array), so `out[...] = ...` changes x too. Build a "
    "new array (np.where, np.maximum, arithmetic such as x * (x > 0)) or start from x.copy()":
        "{what}이(가) 입력 x를 제자리에서(in place) 수정했습니다 (호출한 쪽 배열의 값 {size}개 중 {changed}개가 "
        "바뀌었습니다{hint}). 층은 역전파(backward pass)에 쓰려고 x(사전 활성화)를 보관하므로, forward와 "
        "derivative는 x를 바꾸면 안 됩니다: `out = x`는 복사하지 않으므로 (두 이름이 같은 배열 하나를 "
        "가리킵니다) `out[...] = ...`는 x도 바꿉니다. 새 배열을 만들거나 (np.where, np.maximum, "
        "x * (x > 0) 같은 산술 연산) x.copy()에서 시작하세요",
    ": the negative values were set to 0, so x now holds max(0, x)":
        ": 음수 값이 0으로 바뀌어, 이제 x에 max(0, x)가 들어 있습니다",
    ": x was overwritten with the derivative's 0s and 1s": ": x가 도함수의 0과 1로 덮어쓰였습니다",
    "{what} returned None: the function computes its result but does not `return` it":
        "{what}이(가) None을 반환했습니다: 함수가 결과를 계산하지만 `return`하지 않습니다",
    "{what} returned a Python {type}, not a NumPy array. Layers multiply and add the result as an array (a "
    "list * 2 repeats the list); compute with array operations (np.where, np.maximum, x * (x > 0), ...) or "
    "convert with np.asarray before returning":
        "{what}이(가) NumPy 배열이 아니라 Python {type}을(를) 반환했습니다. 층은 결과를 배열로 여기고 곱하고 "
        "더합니다 (리스트 * 2는 리스트를 두 번 이어 붙일 뿐입니다); 배열 연산(np.where, np.maximum, "
        "x * (x > 0), ...)으로 계산하거나, 반환하기 전에 np.asarray로 변환하세요",
    "{what} returned {type}, not a NumPy array of the input's shape {shape}":
        "{what}이(가) {type}을(를) 반환했습니다: 입력과 같은 모양 {shape}의 NumPy 배열이어야 합니다",
    "{what} returned an array of dtype {dtype}; activations and their derivatives return floating-point "
    "numbers (keep the input's dtype, e.g. (x > 0).astype(x.dtype); float64 is accepted too). Booleans and "
    "integers break the arithmetic of the backward pass (-mask fails on booleans, and integer arrays cannot "
    "hold alpha)":
        "{what}이(가) dtype이 {dtype}인 배열을 반환했습니다; 활성화 함수와 그 도함수는 부동소수점 수를 "
        "반환해야 합니다 (입력의 dtype을 유지하세요, 예: (x > 0).astype(x.dtype); float64도 허용됩니다). "
        "불리언과 정수는 역전파의 산술을 망가뜨립니다 (불리언 배열에는 -mask가 실패하고, 정수 배열에는 alpha를 "
        "담을 수 없습니다)",
    "{what} on a {dtype} array of shape {shape} returned shape {out_shape}: the output must have the shape of "
    "the input (element-wise; a loop over a flattened copy must reshape back with out.reshape(x.shape))":
        "모양 {shape}의 {dtype} 배열을 입력받은 {what}이(가) 모양 {out_shape}을(를) 반환했습니다: 출력은 입력과 "
        "모양이 같아야 합니다 (원소별 연산입니다; 평탄화한 사본을 반복문으로 처리했다면 out.reshape(x.shape)로 "
        "모양을 되돌리세요)",

    # wrong values
    "{what} on a {dtype} array of shape {shape}: at x{where} = {value!r} expected {expected:.6g}, got "
    "{actual:.6g} ({wrong} of {size} values wrong)":
        "{what} (입력: 모양 {shape}의 {dtype} 배열): x{where} = {value!r}에서 기대값 {expected:.6g}, 실제값 "
        "{actual:.6g} (값 {size}개 중 {wrong}개가 틀렸습니다)",
    "{what} on a {dtype} array of shape {shape} returned {actual} at x = {value!r}, where the answer is "
    "{expected:.6g}: an intermediate result overflowed (np.exp(1000) is inf; inf/inf and 0*inf are NaN).":
        "모양 {shape}의 {dtype} 배열을 입력받은 {what}이(가) x = {value!r}에서 {actual}을(를) 반환했습니다 "
        "(정답은 {expected:.6g}): 중간 결과가 오버플로(overflow)되었습니다 (np.exp(1000)은 inf이고, inf/inf와 "
        "0*inf는 NaN입니다).",
    "Write the sigmoid so that it never divides inf by inf: 1 / (1 + np.exp(-x)) is fine, and "
    "np.exp(-np.logaddexp(0, -x)) or 0.5 * (1 + np.tanh(x / 2)) never overflow":
        "inf를 inf로 나누는 일이 없도록 시그모이드를 작성하세요: 1 / (1 + np.exp(-x))는 괜찮고, "
        "np.exp(-np.logaddexp(0, -x))나 0.5 * (1 + np.tanh(x / 2))는 아예 오버플로되지 않습니다",
    "Compute exp only where the formula needs it: np.where picks the right branch (an overflow in the branch "
    "it drops does not matter), or use np.exp(np.minimum(x, 0)).":
        "exp는 식에 필요한 곳에서만 계산하세요: np.where로 맞는 분기를 고르거나 (버려지는 분기에서 생긴 "
        "오버플로는 상관없습니다), np.exp(np.minimum(x, 0))을 쓰세요.",
    "Compute s = sigma(x) with a formula that never overflows to NaN, then s * (1 - s).":
        "오버플로로 NaN이 되는 일이 없는 식으로 s = sigma(x)를 계산한 뒤, s * (1 - s)를 구하세요.",
    "Use np.tanh.": "np.tanh를 쓰세요.",
    "Compute t = np.tanh(x), then 1 - t**2.": "t = np.tanh(x)를 계산한 뒤, 1 - t**2를 구하세요.",

    # known mistakes (they continue "알려진 실수와 같은 값입니다: ...")
    # Sigmoid
    "np.exp(x) / (1 + np.exp(x)) gives: for large x, np.exp(x) overflows to inf and inf/inf is NaN. "
    "1 / (1 + np.exp(-x)) gives the right value everywhere (at most with a harmless overflow warning); "
    "np.exp(-np.logaddexp(0, -x)) or 0.5 * (1 + np.tanh(x / 2)) never overflow":
        "np.exp(x) / (1 + np.exp(x))로 계산한 값. x가 크면 np.exp(x)가 inf로 오버플로되고 inf/inf는 NaN입니다. "
        "1 / (1 + np.exp(-x))는 모든 곳에서 올바른 값을 냅니다 (기껏해야 무해한 오버플로 경고가 나올 뿐입니다); "
        "np.exp(-np.logaddexp(0, -x))나 0.5 * (1 + np.tanh(x / 2))는 아예 오버플로되지 않습니다",
    "1 / (1 + exp(x)) gives, sigma(-x): the sign in the exponent is wrong, sigma(x) = 1 / (1 + exp(-x))":
        "1 / (1 + exp(x)), 즉 sigma(-x)의 값. 지수의 부호가 틀렸습니다: sigma(x) = 1 / (1 + exp(-x))",
    "tanh(x) gives: the sigmoid is 1 / (1 + exp(-x)), with values in (0, 1)":
        "tanh(x)의 값. 시그모이드는 1 / (1 + exp(-x))이고, 값의 범위는 (0, 1)입니다",
    "1 / (1 - exp(-x)) gives: the denominator is 1 + exp(-x)":
        "1 / (1 - exp(-x))의 값. 분모는 1 + exp(-x)입니다",
    "sigma(x) * (1 - x) gives: the derivative is sigma(x) * (1 - sigma(x)), both factors with sigma(x)":
        "sigma(x) * (1 - x)의 값. 도함수는 sigma(x) * (1 - sigma(x))로, 두 인수 모두에 sigma(x)가 들어갑니다",
    "x * (1 - x) gives: the formula s * (1 - s) needs s = sigma(x), not x":
        "x * (1 - x)의 값. 식 s * (1 - s)의 s는 x가 아니라 s = sigma(x)입니다",
    "np.exp(-x) / (1 + np.exp(-x))**2 gives: right on paper, but for large negative x both exp's overflow to "
    "inf and inf/inf is NaN; use s * (1 - s) with s = sigma(x)":
        "np.exp(-x) / (1 + np.exp(-x))**2의 값. 수식으로는 맞지만, 절댓값이 큰 음수 x에서는 두 exp가 모두 "
        "inf로 오버플로되고 inf/inf는 NaN입니다; s = sigma(x)로 두고 s * (1 - s)를 쓰세요",
    "sigma(x) itself gives: the derivative is sigma(x) * (1 - sigma(x))":
        "sigma(x) 자체의 값. 도함수는 sigma(x) * (1 - sigma(x))입니다",
    "-sigma(x) * (1 - sigma(x)) gives: the sign is wrong": "-sigma(x) * (1 - sigma(x))의 값. 부호가 틀렸습니다",
    # Tanh
    "(exp(x) - exp(-x)) / (exp(x) + exp(-x)) gives: right on paper, but for |x| = 1000 the exp's overflow to "
    "inf and inf/inf is NaN; use np.tanh":
        "(exp(x) - exp(-x)) / (exp(x) + exp(-x))의 값. 수식으로는 맞지만, |x| = 1000에서는 exp가 inf로 "
        "오버플로되고 inf/inf는 NaN입니다; np.tanh를 쓰세요",
    "the sigmoid gives: tanh(x) = 2 * sigma(2x) - 1, with values in (-1, 1)":
        "시그모이드의 값. tanh(x) = 2 * sigma(2x) - 1이고, 값의 범위는 (-1, 1)입니다",
    "1 - x**2 gives: the derivative is 1 - tanh(x)**2, the formula in terms of the *output* t = tanh(x); "
    "derivative(x) receives the pre-activation x, so compute t = np.tanh(x) first":
        "1 - x**2의 값. 도함수는 1 - tanh(x)**2이며, 1 - t**2는 *출력* t = tanh(x)로 쓴 식입니다; "
        "derivative(x)는 사전 활성화(pre-activation) x를 받으므로, 먼저 t = np.tanh(x)를 계산하세요",
    "1 - tanh(x) gives: the derivative is 1 - tanh(x)**2 (square it)":
        "1 - tanh(x)의 값. 도함수는 1 - tanh(x)**2입니다 (제곱하세요)",
    "tanh(x)**2 - 1 gives: the sign is wrong, 1 - tanh(x)**2":
        "tanh(x)**2 - 1의 값. 부호가 틀렸습니다: 1 - tanh(x)**2",
    "tanh(x) itself gives: the derivative is 1 - tanh(x)**2": "tanh(x) 자체의 값. 도함수는 1 - tanh(x)**2입니다",
    # ReLU
    "the derivative gives (0 or 1): forward is max(0, x)": "도함수의 값(0 또는 1). forward는 max(0, x)입니다",
    "|x| gives: negative inputs must become 0, not change sign":
        "|x|의 값. 음수 입력은 부호가 바뀌는 것이 아니라 0이 되어야 합니다",
    "min(0, x) gives: ReLU keeps the positive part, max(0, x)":
        "min(0, x)의 값. ReLU는 양수 부분을 남깁니다: max(0, x)",
    "x unchanged gives: negative inputs must become 0": "x를 그대로 둔 값. 음수 입력은 0이 되어야 합니다",
    "x >= 0 gives: ReLU'(0) = 1. The convention (the core's, PyTorch's) is ReLU'(0) = 0: use x > 0 (note that "
    "-0.0 >= 0 is True too)":
        "x >= 0으로 만든 값: ReLU'(0) = 1이 됩니다. 규약은 (numpynet에서도, PyTorch에서도) ReLU'(0) = 0입니다: "
        "x > 0을 쓰세요 (-0.0 >= 0도 True라는 점에 주의하세요)",
    "returning x where x > 0 gives (the forward value max(0, x), or a backward pass that masks x as if it were "
    "dout): the derivative is 1 where x > 0 and 0 elsewhere":
        "x > 0인 곳에서 x를 반환한 값 (순전파 값 max(0, x), 또는 x를 dout처럼 마스킹한 역전파). 도함수는 "
        "x > 0인 곳에서 1, 나머지에서 0입니다",
    "x for x > 0 and 1 elsewhere gives: the derivative is 1 for x > 0, 0 for x <= 0":
        "x > 0에서 x, 나머지에서 1인 값. 도함수는 x > 0에서 1, x <= 0에서 0입니다",
    "np.sign(x) gives: -1 for x < 0, where the derivative is 0":
        "np.sign(x)의 값. x < 0에서 -1이 나오지만, 그곳의 도함수는 0입니다",
    "x < 0 gives: the mask is reversed, the slope is 1 for x > 0":
        "x < 0으로 만든 값. 마스크가 반대입니다: 기울기가 1인 곳은 x > 0입니다",
    "x <= 0 gives: the mask is reversed, the slope is 1 for x > 0":
        "x <= 0으로 만든 값. 마스크가 반대입니다: 기울기가 1인 곳은 x > 0입니다",
    "1 everywhere gives: the derivative is 0 for x <= 0": "모든 곳에서 1인 값. x <= 0에서는 도함수가 0입니다",
    # Leaky ReLU
    "alpha hard-coded as 0.01 gives: LeakyReLU(alpha={alpha}) must use its own slope, self.alpha (set in "
    "__init__), not the default value":
        "alpha를 0.01로 고정해 둔 값. LeakyReLU(alpha={alpha})는 기본값이 아니라 자기 기울기인 "
        "self.alpha(__init__에서 설정)를 써야 합니다",
    "alpha = {instance_alpha} gives: the default slope is alpha = 0.01":
        "alpha = {instance_alpha}로 계산한 값. 기본 기울기는 alpha = 0.01입니다",
    "ReLU gives: for x <= 0 Leaky ReLU is alpha * x, not 0":
        "ReLU의 값. x <= 0에서 Leaky ReLU는 0이 아니라 alpha * x입니다",
    "alpha (not alpha * x) for x <= 0 gives: the negative side is the line alpha * x":
        "x <= 0에서 (alpha * x가 아니라) alpha인 값. 음수 쪽은 직선 alpha * x입니다",
    "-alpha * x for x <= 0 gives: the negative side is alpha * x (negative values)":
        "x <= 0에서 -alpha * x인 값. 음수 쪽은 alpha * x(음수 값)입니다",
    "alpha * x everywhere gives: for x > 0 the output is x":
        "모든 곳에서 alpha * x인 값. x > 0에서는 출력이 x입니다",
    "a slope of 1 for x <= 0 too gives. A typical cause is two masks applied one after the other to the same "
    "array: after d[d <= 0] = alpha, the alphas are > 0, so d[d > 0] = 1 overwrites them. Compute both masks "
    "from x (d[x > 0] = 1; d[x <= 0] = alpha on a new array) or use np.where(x > 0, 1.0, alpha)":
        "x <= 0에서도 기울기가 1인 값. 흔한 원인은 같은 배열에 마스크 두 개를 차례로 적용하는 것입니다: "
        "d[d <= 0] = alpha 뒤에는 alpha가 담긴 원소들이 > 0이 되므로, d[d > 0] = 1이 그 원소들까지 덮어씁니다. "
        "두 마스크를 모두 x로 계산하거나 (새 배열에 d[x > 0] = 1; d[x <= 0] = alpha) "
        "np.where(x > 0, 1.0, alpha)를 쓰세요",
    "alpha hard-coded as 0.01 gives: LeakyReLU(alpha={alpha}) must use self.alpha":
        "alpha를 0.01로 고정해 둔 값. LeakyReLU(alpha={alpha})는 self.alpha를 써야 합니다",
    "alpha * x for x <= 0 gives (the forward value): the slope there is the constant alpha":
        "x <= 0에서 alpha * x인 값(순전파 값). 그 구간의 기울기는 상수 alpha입니다",
    "x >= 0 gives: slope 1 at x = 0. The convention is LeakyReLU'(x) = alpha for x <= 0 (use x > 0 for the "
    "slope-1 side; -0.0 >= 0 is True too)":
        "x >= 0으로 만든 값: x = 0에서 기울기가 1이 됩니다. 규약은 x <= 0에서 LeakyReLU'(x) = alpha입니다 "
        "(기울기가 1인 쪽에는 x > 0을 쓰세요; -0.0 >= 0도 True입니다)",
    "ReLU's derivative gives: for x <= 0 the slope is alpha, not 0":
        "ReLU 도함수의 값. x <= 0에서 기울기는 0이 아니라 alpha입니다",
    "the forward value gives: the derivative is 1 for x > 0 and alpha for x <= 0":
        "순전파 값. 도함수는 x > 0에서 1, x <= 0에서 alpha입니다",
    "alpha for x > 0 and 1 elsewhere gives: the two slopes are swapped":
        "x > 0에서 alpha, 나머지에서 1인 값. 두 기울기가 뒤바뀌었습니다",
    # ELU
    "exp(x) - 1 without alpha (or alpha fixed at 1) gives: for x <= 0 ELU is alpha * (exp(x) - 1) with "
    "alpha = self.alpha ({alpha} here)":
        "alpha 없이 (또는 alpha를 1로 고정해) exp(x) - 1로 계산한 값. x <= 0에서 ELU는 alpha * (exp(x) - 1)이고, "
        "alpha = self.alpha(여기서는 {alpha})입니다",
    "masks times formulas computed everywhere give: (x <= 0) * alpha * (exp(x) - 1) is 0 * inf = NaN at "
    "x = 1000. Use np.where (an overflow in the branch it drops does not matter) or np.exp(np.minimum(x, 0))":
        "모든 곳에서 계산한 식에 마스크를 곱한 값. x = 1000에서 (x <= 0) * alpha * (exp(x) - 1)은 "
        "0 * inf = NaN입니다. np.where를 쓰거나 (버려지는 분기에서 생긴 오버플로는 상관없습니다) "
        "np.exp(np.minimum(x, 0))을 쓰세요",
    "alpha * exp(x) without the -1 gives: ELU is alpha * (exp(x) - 1) for x <= 0 (0 at x = 0)":
        "-1이 빠진 alpha * exp(x)의 값. x <= 0에서 ELU는 alpha * (exp(x) - 1)입니다 (x = 0에서 0)",
    "ReLU gives: for x <= 0 ELU is alpha * (exp(x) - 1)": "ReLU의 값. x <= 0에서 ELU는 alpha * (exp(x) - 1)입니다",
    "Leaky ReLU gives: for x <= 0 ELU is alpha * (exp(x) - 1)":
        "Leaky ReLU의 값. x <= 0에서 ELU는 alpha * (exp(x) - 1)입니다",
    "alpha * (exp(x) - 1) for x <= 0 gives, the forward value: the derivative of alpha * (exp(x) - 1) is "
    "alpha * exp(x) (= f(x) + alpha)":
        "x <= 0에서 alpha * (exp(x) - 1)인 값, 즉 순전파 값. alpha * (exp(x) - 1)의 도함수는 "
        "alpha * exp(x) (= f(x) + alpha)입니다",
    "exp(x) without alpha gives: for x <= 0 the derivative is alpha * exp(x), alpha = self.alpha ({alpha} here)":
        "alpha가 빠진 exp(x)의 값. x <= 0에서 도함수는 alpha * exp(x)이고, alpha = self.alpha(여기서는 "
        "{alpha})입니다",
    "masks times formulas computed everywhere give: (x <= 0) * alpha * exp(x) is 0 * inf = NaN at x = 1000. "
    "Use np.where or np.exp(np.minimum(x, 0))":
        "모든 곳에서 계산한 식에 마스크를 곱한 값. x = 1000에서 (x <= 0) * alpha * exp(x)는 0 * inf = NaN입니다. "
        "np.where나 np.exp(np.minimum(x, 0))을 쓰세요",
    "x >= 0 gives: slope 1 at x = 0. The convention is the x <= 0 branch there, alpha * exp(0) = alpha (as for "
    "Leaky ReLU)":
        "x >= 0으로 만든 값: x = 0에서 기울기가 1이 됩니다. 규약은 그 점에서 x <= 0 쪽 분기, 즉 "
        "alpha * exp(0) = alpha입니다 (Leaky ReLU와 같습니다)",
    "alpha * exp(x) everywhere gives: for x > 0 the slope is 1":
        "모든 곳에서 alpha * exp(x)인 값. x > 0에서는 기울기가 1입니다",
    "ReLU's derivative gives: for x <= 0 the slope is alpha * exp(x)":
        "ReLU 도함수의 값. x <= 0에서 기울기는 alpha * exp(x)입니다",
    "the forward value gives: the derivative is 1 for x > 0, alpha * exp(x) for x <= 0":
        "순전파 값. 도함수는 x > 0에서 1, x <= 0에서 alpha * exp(x)입니다",

    # the likely causes of a too-low MNIST accuracy (they continue "가능한 원인: ...")
    "in runs of this recipe, a ReLU.forward that returns zeros (the hidden layers pass nothing on and only the "
    "last bias learns: one digit for every image, 11%), a ReLU.derivative with the wrong sign (the hidden "
    "layers climb the loss: 8%), or a forward that returns x unchanged (a linear network: SGD at lr 0.1 "
    "diverged to NaN). The ReLU tests above name each of these; then check that the training cell ran to its "
    "end":
        "이 설정으로 돌린 실행에서는 0을 반환하는 ReLU.forward (은닉층이 아무것도 전달하지 않아 마지막 편향만 "
        "학습합니다: 모든 이미지를 숫자 하나로 예측, 11%), 부호가 틀린 ReLU.derivative (은닉층이 손실이 커지는 "
        "쪽으로 올라갑니다: 8%), 또는 x를 그대로 반환하는 forward (선형 신경망이 되어, lr 0.1의 SGD가 NaN으로 "
        "발산했습니다)가 이런 결과를 냈습니다. 위의 ReLU 테스트가 이 실수들을 하나하나 짚어 줍니다; 그다음 학습 "
        "셀이 끝까지 실행되었는지 확인하세요",
    "in runs of this recipe, a ReLU.derivative that is 0 everywhere left both hidden layers at their random "
    "start and only the last layer learned (68%); a forward that returns the derivative (0 or 1) reached 51%; "
    "a derivative of the wrong size (x instead of 1 for x > 0, 1 on the negative side too, or scaled by a "
    "constant such as 0.1) still learns but ends short, at 88% to 92%. The ReLU tests above name each of "
    "these; then check the recipe: lr 0.1, batches of 50, two epochs":
        "이 설정으로 돌린 실행에서, 모든 곳에서 0인 ReLU.derivative는 두 은닉층을 무작위 초기 상태 그대로 두어 "
        "마지막 층만 학습했습니다 (68%); 도함수 값(0 또는 1)을 반환하는 forward는 51%에 그쳤습니다; 크기가 틀린 "
        "도함수(x > 0에서 1 대신 x, 음수 쪽에서도 1, 또는 0.1 같은 상수배)는 학습은 되지만 88%에서 92%에 "
        "머뭅니다. 위의 ReLU 테스트가 이 실수들을 하나하나 짚어 줍니다; 그다음 학습 설정을 확인하세요: lr 0.1, "
        "배치 크기 50, 두 에포크",
    "your 784-100-50-10 MLP with your ReLU": "여러분의 ReLU를 쓴 784-100-50-10 MLP",
    "model answer, this recipe, seeds 0-4: 94.9% to 95.8%": "모범 답안, 이 학습 설정, 시드 0-4: 94.9%에서 95.8%",
}
