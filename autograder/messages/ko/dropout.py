"""Korean texts of autograder/checks/dropout.py."""
MESSAGES = {
    # how to draw the mask, and the known mistakes ("This is what ...")
    "draw the mask with the layer's generator, one call per forward pass in training: "
    "u = self.rng.random(x.shape), and keep the units where u < 1 - p_drop":
        "층의 생성기로 마스크를 뽑으세요. 학습 중 순전파마다 한 번 호출합니다: u = self.rng.random(x.shape)로 "
        "뽑고, u < 1 - p_drop인 유닛을 유지하세요",
    "you get when the mask comes from a standard NORMAL draw (randn, rng.standard_normal) compared with "
    "1 - p_drop: normal numbers are not uniform in [0, 1), so P(z < 1 - p) is not 1 - p. Draw uniform numbers: "
    "self.rng.random(x.shape)":
        "마스크를 표준 정규(NORMAL) 분포에서 뽑아(randn, rng.standard_normal) 1 - p_drop과 비교할 때 나오는 "
        "값입니다: 정규 분포의 수는 [0, 1)에서 균등하지 않으므로 P(z < 1 - p)는 1 - p가 아닙니다. 균등 분포의 "
        "수를 뽑으세요: self.rng.random(x.shape)",
    "you get when NO unit is dropped: `rand < keep / keep` is `rand < (keep / keep)`, i.e. rand < 1, which is "
    "always true (operator precedence: / binds tighter than <). Write (rand < keep) / keep":
        "유닛을 하나도(NO) 끄지 않을 때 나오는 값입니다: `rand < keep / keep`은 `rand < (keep / keep)`, 즉 "
        "rand < 1이어서 항상 참입니다 (연산자 우선순위: /가 <보다 먼저 계산됩니다). (rand < keep) / keep으로 "
        "쓰세요",
    "you get when keep and drop are swapped: your layer KEEPS each unit with probability p_drop (u < p_drop) "
    "instead of dropping it with that probability; keep where u < 1 - p_drop":
        "keep과 drop이 뒤바뀌었을 때 나오는 값입니다: 여러분의 층은 각 유닛을 확률 p_drop으로 끄는 대신 그 "
        "확률로 유지(KEEP)합니다 (u < p_drop); u < 1 - p_drop인 유닛을 유지하세요",
    "you get when one mask is drawn for a single example (shape x.shape[1:]) and shared by every row of the "
    "batch: each example must get its own mask, one number per element of x: self.rng.random(x.shape)":
        "예제 하나 분량의 마스크(모양 x.shape[1:])를 한 번 뽑아 배치의 모든 행이 함께 쓸 때 나오는 값입니다: "
        "예제마다 자기 마스크가 있어야 하며, x의 원소마다 수를 하나씩 뽑아야 합니다: self.rng.random(x.shape)",
    "you get without the 1/(1-p_drop) scaling: inverted dropout divides the kept units by 1 - p_drop in "
    "training, so that the expected output equals x":
        "1/(1-p_drop) 스케일링을 빠뜨렸을 때 나오는 값입니다: 역 드롭아웃(inverted dropout)은 학습 중 유지된 "
        "유닛을 1 - p_drop으로 나누어, 출력의 기댓값이 x와 같아지게 합니다",
    "you get when the kept units are MULTIPLIED by 1 - p_drop instead of divided by it":
        "유지된 유닛을 1 - p_drop으로 나누는 대신 곱할(MULTIPLIED) 때 나오는 값입니다",
    "you get when the kept units are divided by p_drop instead of 1 - p_drop (the keep probability)":
        "유지된 유닛을 1 - p_drop(유지 확률) 대신 p_drop으로 나눌 때 나오는 값입니다",
    "you get when evaluation mode scales by 1 - p_drop (scaling at test time): that is the ORIGINAL dropout's "
    "test-time rule; inverted dropout already scaled in training, so with training=False the layer must return "
    "x unchanged":
        "평가 모드에서 1 - p_drop을 곱할 때(테스트 때 스케일링) 나오는 값입니다: 이는 원래(ORIGINAL) 드롭아웃의 "
        "테스트 때 규칙입니다; 역 드롭아웃은 이미 학습 중에 스케일링했으므로, training=False이면 층은 x를 "
        "그대로 반환해야 합니다",
    "you get when evaluation mode divides by 1 - p_drop (scaling at test time): with training=False the layer "
    "must return x unchanged":
        "평가 모드에서 1 - p_drop으로 나눌 때(테스트 때 스케일링) 나오는 값입니다: training=False이면 층은 x를 "
        "그대로 반환해야 합니다",
    "you get when backward draws a NEW mask (another call of self.rng) instead of using the one forward drew "
    "and kept: the gradient must flow through exactly the units forward kept, with the same 1/(1-p_drop)":
        "backward가 forward가 뽑아 저장해 둔 마스크를 쓰지 않고 새(NEW) 마스크를 뽑을 때(self.rng를 한 번 더 "
        "호출할 때) 나오는 값입니다: 기울기(gradient)는 forward가 유지한 바로 그 유닛들로, 같은 1/(1-p_drop)을 "
        "곱해 흘러야 합니다",
    "you get when backward returns dout unchanged: the dropped units must get a gradient of 0 and the kept ones "
    "dout / (1 - p_drop), the mask forward kept":
        "backward가 dout을 그대로 반환할 때 나오는 값입니다: forward가 저장해 둔 마스크에 따라, 꺼진 유닛은 "
        "기울기 0을, 유지된 유닛은 dout / (1 - p_drop)을 받아야 합니다",
    "you get when backward multiplies by the kept/dropped pattern but forgets the 1/(1-p_drop) that forward "
    "applied: backward multiplies dout by exactly what forward multiplied x by":
        "backward가 유지/꺼짐 패턴은 곱하지만 forward가 적용한 1/(1-p_drop)을 빠뜨릴 때 나오는 값입니다: "
        "backward는 forward가 x에 곱한 것과 정확히 같은 것을 dout에 곱해야 합니다",
    "you get when backward uses the mask of the FIRST forward call after a second one: every training forward "
    "draws a new mask and replaces the kept one":
        "forward를 두 번 호출한 뒤에 backward가 첫 번째(FIRST) forward 호출의 마스크를 쓸 때 나오는 값입니다: "
        "학습 모드의 forward는 호출될 때마다 새 마스크를 뽑아 저장해 둔 마스크를 바꿉니다",

    # the share of kept units, for a mask that matches no known draw
    "it looks as if one mask is drawn for a single example (shape x.shape[1:]) and shared by every row of the "
    "batch: each example must get its own mask, one number per element of x: self.rng.random(x.shape)":
        "예제 하나 분량의 마스크(모양 x.shape[1:])를 한 번 뽑아 배치의 모든 행이 함께 쓰는 것으로 보입니다: "
        "예제마다 자기 마스크가 있어야 하며, x의 원소마다 수를 하나씩 뽑아야 합니다: self.rng.random(x.shape)",
    "your layer keeps {fraction:.1%} of the units, about the expected {keep:.0%}, but not the units the layer's "
    "generator picks: {how_to_draw} (or u >= p_drop), with self.rng, not np.random.* or a new generator, in one "
    "call of shape x.shape":
        "여러분의 층은 유닛의 {fraction:.1%}를 유지해 기대한 {keep:.0%}에 가깝지만, 층의 생성기가 고르는 유닛을 "
        "유지하지는 않습니다: {how_to_draw} (u >= p_drop인 유닛을 유지해도 됩니다). np.random.*이나 새 생성기가 "
        "아니라 self.rng로, x.shape 모양으로 한 번에 호출해 뽑아야 합니다",
    "your layer keeps {fraction:.1%} of the units, about p_drop = {p_drop:.0%}: it looks as if keep and drop "
    "are swapped: your layer KEEPS each unit with probability p_drop (u < p_drop) instead of dropping it with "
    "that probability; keep where u < 1 - p_drop":
        "여러분의 층은 유닛의 {fraction:.1%}를 유지하며, 이는 p_drop = {p_drop:.0%}에 가깝습니다: keep과 drop이 "
        "뒤바뀐 것으로 보입니다. 여러분의 층은 각 유닛을 확률 p_drop으로 끄는 대신 그 확률로 유지(KEEP)합니다 "
        "(u < p_drop); u < 1 - p_drop인 유닛을 유지하세요",
    "your layer keeps {fraction:.1%} of the units instead of {keep:.0%}: it looks as if the mask comes from a "
    "standard NORMAL draw (randn, rng.standard_normal) compared with 1 - p_drop: normal numbers are not uniform "
    "in [0, 1), so P(z < 1 - p) is not 1 - p. Draw uniform numbers: self.rng.random(x.shape)":
        "여러분의 층은 유닛의 {keep:.0%}가 아니라 {fraction:.1%}를 유지합니다: 마스크를 표준 정규(NORMAL) "
        "분포에서 뽑아(randn, rng.standard_normal) 1 - p_drop과 비교한 것으로 보입니다. 정규 분포의 수는 "
        "[0, 1)에서 균등하지 않으므로 P(z < 1 - p)는 1 - p가 아닙니다. 균등 분포의 수를 뽑으세요: "
        "self.rng.random(x.shape)",
    "your layer keeps {fraction:.1%} of the units; {keep:.0%} (1 - p_drop) should be kept. {how_to_draw}":
        "여러분의 층은 유닛의 {fraction:.1%}를 유지합니다; {keep:.0%}(1 - p_drop)를 유지해야 합니다. {how_to_draw}",

    # the calls the checks make
    "Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=True)":
        "Dropout({p_drop}, rng={seed}).forward(모양 {shape}의 x, training=True)",
    "Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, {dtype}, training=True)":
        "Dropout({p_drop}, rng={seed}).forward(모양 {shape}의 {dtype} x, training=True)",
    "Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=False) on a new layer":
        "Dropout({p_drop}, rng={seed}).forward(모양 {shape}의 x, training=False) (새로 만든 층)",
    "Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=False) on after a training pass":
        "Dropout({p_drop}, rng={seed}).forward(모양 {shape}의 x, training=False) (학습 순전파를 한 번 거친 층)",
    "Dropout({p_drop}).backward(dout of shape {shape}) after two training forward passes":
        "Dropout({p_drop}).backward(모양 {shape}의 dout) (학습 순전파(forward pass)를 두 번 거친 뒤)",
    "Dropout({p_drop}).backward(dout of shape {shape}) after a training forward pass":
        "Dropout({p_drop}).backward(모양 {shape}의 dout) (학습 순전파(forward pass)를 한 번 거친 뒤)",
    "{what}, the kept units": "{what}의 유지된 유닛",
    "{what}, its dx": "{what}의 dx",

    # forward
    "{what} changed its input x in place ({count} values changed), e.g. with x *= mask or x[mask] = 0: the "
    "layer before needs its output unchanged; compute a new array":
        "{what}이(가) 입력 x를 제자리 수정(in-place)했습니다 (값 {count}개가 바뀜). 예: x *= mask 또는 "
        "x[mask] = 0. 앞 층은 자기 출력이 바뀌지 않아야 합니다; 새 배열을 계산하세요",
    "{what}: expected an output of the shape of x, {expected}; got {actual}":
        "{what}: 출력은 x와 같은 모양 {expected}이어야 하는데 {actual}입니다",
    "{what} returned dtype {dtype}; expected floats (x's dtype): a bool mask must be multiplied with x, not "
    "returned":
        "{what}이(가) dtype {dtype}을(를) 반환했습니다; 실수(x의 dtype)여야 합니다: bool 마스크는 반환하지 말고 "
        "x에 곱해야 합니다",
    "{what}: every output should be 0 (a dropped unit) or x / (1 - p_drop); yours are x * {low:g} or "
    "x * {high:g}, never 0. With p_drop = {p_drop}, mask / 1 - p is (mask / 1) - p (operator precedence): "
    "write mask / (1 - p_drop)":
        "{what}: 모든 출력은 0(꺼진 유닛)이거나 x / (1 - p_drop)이어야 하는데, 여러분의 출력은 x * {low:g} 또는 "
        "x * {high:g}이고 0은 하나도 없습니다. p_drop = {p_drop}일 때 mask / 1 - p는 (mask / 1) - p입니다 "
        "(연산자 우선순위): mask / (1 - p_drop)으로 쓰세요",
    "{what}: it kept {kept} of {total} units, not the ones a mask drawn as the exercise says keeps "
    "({how_to_draw})":
        "{what}: 유닛 {total}개 중 {kept}개를 유지했지만, 문제에서 말한 대로 뽑은 마스크가 유지하는 유닛과 "
        "다릅니다 ({how_to_draw})",
    "{message}. Hint: {hint}": "{message}. 힌트: {hint}",
    "{what} returned only zeros: every unit was dropped; keep each with probability 1 - p_drop":
        "{what}이(가) 0만 반환했습니다: 모든 유닛이 꺼졌습니다; 각 유닛을 확률 1 - p_drop으로 유지하세요",
    "a kept unit is x / (1 - p_drop) = x / {keep:g} (inverted dropout)":
        "유지된 유닛은 x / (1 - p_drop) = x / {keep:g}입니다 (역 드롭아웃(inverted dropout))",

    # evaluation mode
    "{what}: {zeros} of {total} outputs are 0, so units were dropped at test time: in evaluation mode "
    "(training=False) dropout does nothing, the layer returns x":
        "{what}: 출력 {total}개 중 {zeros}개가 0이므로, 테스트 때 유닛이 꺼졌습니다: 평가 모드(training=False)에서 "
        "드롭아웃은 아무것도 하지 않고, 층은 x를 그대로 반환합니다",
    "in evaluation mode the layer returns x unchanged": "평가 모드에서 층은 x를 그대로 반환합니다",

    # backward
    "{what} changed dout in place; leave the caller's array alone":
        "{what}이(가) dout을 제자리 수정(in-place)했습니다; 호출한 쪽의 배열은 그대로 두세요",
    "{what}: dx must have the shape of dout, {expected}; got {actual}":
        "{what}: dx는 dout과 같은 모양 {expected}이어야 하는데 {actual}입니다",
    "dx = dout * mask / (1 - p_drop), with the mask the last training forward drew and kept (in self.cache, "
    "say); backward draws nothing":
        "dx = dout * mask / (1 - p_drop)입니다. 여기서 mask는 마지막 학습 forward가 뽑아 저장해 둔 것(예: "
        "self.cache)이며, backward는 아무것도 뽑지 않습니다",
}
