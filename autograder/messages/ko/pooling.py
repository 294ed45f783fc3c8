"""Korean texts of autograder/checks/pooling.py."""
MESSAGES = {
    # labels of the calls, composed into the messages
    "x of shape {shape}": "모양 {shape}의 x",
    "{what}, its out": "{what}의 out",
    "max_pool_backward after {what}": "max_pool_backward (앞선 호출: {what})",
    "max_pool_backward after {what}, its dx": "max_pool_backward의 dx (앞선 호출: {what})",
    "max_pool_backward(dout, cache) after {what}": "max_pool_backward(dout, cache) (앞선 호출: {what})",
    "max_pool_backward after {what} on an input with ties":
        "최댓값이 여러 개(동점)인 입력에서의 max_pool_backward (앞선 호출: {what})",
    "a second max_pool_backward with the same cache after {what}":
        "같은 캐시로 두 번째 호출한 max_pool_backward (앞선 호출: {what})",
    "two forward calls (A then B), with B's cache": "forward 두 번(A 다음 B), B의 캐시 사용",
    "two forward calls (A then B), with A's cache": "forward 두 번(A 다음 B), A의 캐시 사용",
    "forward A (pool 2), then forward C (another shape, pool (2, 3)), with A's cache":
        "forward A(pool 2) 다음 forward C(다른 모양, pool (2, 3)), A의 캐시 사용",
    "forward A, forward C, with C's cache": "forward A, forward C, C의 캐시 사용",
    "backward of B (the second of two forward calls), its dx":
        "B(두 번의 forward 호출 중 두 번째)의 backward가 반환한 dx",
    "backward with the cache of A (the first of two forward calls), its dx":
        "A(두 번의 forward 호출 중 첫 번째)의 캐시로 호출한 backward의 dx",
    "backward with the cache of an earlier call of another shape, its dx":
        "모양이 다른 이전 호출의 캐시로 호출한 backward의 dx",
    "backward of the latest call (pool (2, 3), stride (1, 2)), its dx":
        "마지막 호출(pool (2, 3), stride (1, 2))의 backward가 반환한 dx",
    "the numeric gradient of {what}": "{what}의 수치 기울기",
    "the forward pass of {what}": "{what}의 순전파",
    "the logits of {what} (eval mode) on 3 images": "이미지 3장에 대한 {what}의 로짓 (평가 모드)",
    "the cache of the first call": "첫 번째 호출의 캐시",
    "the cache": "캐시",
    "the module-level variable `{name}`": "모듈 수준 변수 `{name}`",
    "the default argument `{name}={empty}`": "기본 인자 `{name}={empty}`",
    "the default argument `{name}`": "기본 인자 `{name}`",
    "Hint: {hints}": "힌트: {hints}",

    # known wrong backward passes ("This is what ...")
    "you get when your backward writes each window's gradient with = (dx[...] = dout[...]) instead of adding "
    "it (dx[...] += dout[...]): where windows overlap, an input that is the maximum of several windows must "
    "receive the SUM of their gradients":
        "backward가 각 창의 기울기를 더하지(dx[...] += dout[...]) 않고 =로 덮어쓸 때(dx[...] = dout[...]) "
        "나오는 결과입니다: 창이 겹치는 곳에서는 여러 창의 최댓값인 입력이 그 창들의 기울기의 합(SUM)을 받아야 "
        "합니다",
    "you get when your backward sends the gradient to every input that ties for the window's maximum (a mask "
    "like window == window.max()): a window whose maximum appears k times then passes k times its gradient. "
    "Keep ONE arg-max per window (np.argmax returns the first one)":
        "backward가 창의 최댓값과 같은 입력 모두에(window == window.max() 같은 마스크) 기울기를 보낼 때 나오는 "
        "결과입니다: 그러면 최댓값이 k번 나오는 창은 기울기를 k배로 전달합니다. 창마다 arg-max는 하나(ONE)만 "
        "쓰세요 (np.argmax는 첫 번째 것을 반환합니다)",
    "you get when your backward divides the gradient among the inputs that tie for the maximum; max-pooling "
    "routes it, whole, to ONE arg-max per window (np.argmax's first)":
        "backward가 최댓값이 같은(동점인) 입력들에 기울기를 나누어 줄 때 나오는 결과입니다; 최대 풀링(max "
        "pooling)은 기울기를 나누지 않고 통째로 창마다 arg-max 하나(ONE)에 보냅니다 (np.argmax가 주는 첫 번째 것)",
    "you get when your backward spreads each window's gradient evenly over the window: that is average "
    "pooling's backward. Max-pooling sends the whole gradient to the arg-max of the window and 0 to the other "
    "inputs":
        "backward가 각 창의 기울기를 창 전체에 고르게 나누어 줄 때 나오는 결과입니다: 그것은 평균 풀링(average "
        "pooling)의 역전파입니다. 최대 풀링은 기울기 전체를 창의 arg-max에 보내고 나머지 입력에는 0을 보냅니다",
    "you get when your backward uses the arg-max's row and column INSIDE the window (0..ph-1, 0..pw-1) as if "
    "they were positions in the input, so every gradient lands in the top-left corner of the image (the course "
    "notes' bug). Add the window's corner: row i*sh + a, column j*sw + b":
        "backward가 창 안(INSIDE)에서의 arg-max 행과 열(0..ph-1, 0..pw-1)을 입력에서의 위치처럼 쓸 때 나오는 "
        "결과입니다: 그러면 모든 기울기가 이미지의 왼쪽 위 구석에 모입니다 (강의 노트의 버그). 창의 왼쪽 위 "
        "모서리 위치를 더하세요: 행 i*sh + a, 열 j*sw + b",
    "you get when your backward splits the flat arg-max index k = a*pw + b with the pool's HEIGHT "
    "(divmod(k, ph)); the row is k // pw and the column k % pw (a row of the window holds pw values). Square "
    "pools hide this mistake":
        "backward가 평탄화된 arg-max 인덱스 k = a*pw + b를 풀의 높이(HEIGHT)로 나눌 때(divmod(k, ph)) 나오는 "
        "결과입니다; 행은 k // pw, 열은 k % pw입니다 (창의 한 행에는 값이 pw개 있습니다). 정사각형 풀에서는 이 "
        "실수가 드러나지 않습니다",
    "you get when your backward places window (i, j) at row i*ph, column j*pw: it ignores the stride. Window "
    "(i, j) starts at row i*sh, column j*sw":
        "backward가 창 (i, j)를 행 i*ph, 열 j*pw에 놓을 때 나오는 결과입니다: 스트라이드(stride)를 무시한 "
        "것입니다. 창 (i, j)는 행 i*sh, 열 j*sw에서 시작합니다",

    # state kept across calls
    "your forward keeps something that grows at every call: {where} (it held {before:,} values and items, then "
    "{after:,} after {calls} more calls with the same input). A list appended to across calls (a module-level "
    "list or a mutable default argument like `positions=[]`) makes the backward pass pair gradients with the "
    "arg-max positions of earlier calls, and memory grows without bound during training. Build a new cache in "
    "every call, holding only what this call needs":
        "여러분의 forward가 호출할 때마다 커지는 것을 보관합니다: {where} (값과 항목이 {before:,}개였는데, 같은 "
        "입력으로 {calls}번 더 호출한 뒤 {after:,}개가 되었습니다). 호출할 때마다 덧붙여지는 리스트(모듈 수준 "
        "리스트나 `positions=[]` 같은 가변 기본 인자)가 있으면 역전파(backward pass)가 기울기를 이전 호출의 "
        "arg-max 위치와 짝짓게 되고, 학습하는 동안 메모리가 끝없이 늘어납니다. 호출할 때마다 그 호출에 필요한 "
        "것만 담은 새 캐시를 만드세요",
    "you get when your functions share state through a global (module-level) variable or a mutable default "
    "argument: after a second forward call, the first call's cache gives the second call's backward. Return "
    "everything backward needs in the cache, and read only the cache in backward":
        "함수들이 전역(모듈 수준) 변수나 가변 기본 인자로 상태를 공유할 때 나오는 결과입니다: forward를 두 번째로 "
        "호출하고 나면, 첫 번째 호출의 캐시로도 두 번째 호출의 backward 결과가 나옵니다. backward에 필요한 것은 "
        "모두 캐시에 담아 반환하고, backward에서는 캐시만 읽으세요",
    "you get with the arg-max positions of the FIRST call: the backward pass pairs the gradients with positions "
    "of an earlier call (a list that grows across calls, or state kept outside the cache). Build a new cache in "
    "every call":
        "첫 번째(FIRST) 호출의 arg-max 위치를 쓸 때 나오는 결과입니다: 역전파가 기울기를 이전 호출의 위치와 "
        "짝짓고 있습니다 (호출할 때마다 커지는 리스트, 또는 캐시 밖에 보관한 상태). 호출할 때마다 새 캐시를 "
        "만드세요",
    "after a second forward call, the cache of the first call gives the backward pass of the second: your "
    "functions share state through a global (module-level) variable or a mutable default argument. Return "
    "everything backward needs in the cache, and read only the cache in backward":
        "forward를 두 번째로 호출하고 나면, 첫 번째 호출의 캐시로도 두 번째 호출의 역전파 결과가 나옵니다: "
        "함수들이 전역(모듈 수준) 변수나 가변 기본 인자로 상태를 공유하고 있습니다. backward에 필요한 것은 모두 "
        "캐시에 담아 반환하고, backward에서는 캐시만 읽으세요",
    "backward must use the cache it is given, and that cache must hold the second call's arg-max positions only":
        "backward는 주어진 캐시를 써야 하고, 그 캐시에는 두 번째 호출의 arg-max 위치만 있어야 합니다",

    # known wrong forward passes
    "you get with the pool (ph, pw) used as (pw, ph), height and width swapped: pool[0] is the window's height "
    "(along axis 1 of x (N, H, W, C)), pool[1] its width (axis 2)":
        "풀 (ph, pw)를 (pw, ph)로, 즉 높이와 너비를 바꿔 쓸 때 나오는 결과입니다: pool[0]은 창의 높이(x (N, H, "
        "W, C)의 축 1 방향), pool[1]은 너비(축 2)입니다",
    "you get with height and width swapped (pool and stride used as (w, h)): pool[0] and stride[0] go down the "
    "rows (axis 1), pool[1] and stride[1] along the columns (axis 2)":
        "높이와 너비를 바꿔 쓸 때(pool과 stride를 (w, h)로) 나오는 결과입니다: pool[0]과 stride[0]은 행을 따라 "
        "아래로(축 1), pool[1]과 stride[1]은 열을 따라(축 2) 갑니다",
    "you get with the stride (sh, sw) used as (sw, sh): stride[0] moves the window down the rows, stride[1] "
    "along the columns":
        "스트라이드 (sh, sw)를 (sw, sh)로 쓸 때 나오는 결과입니다: stride[0]은 창을 행을 따라 아래로, stride[1]은 "
        "열을 따라 옮깁니다",
    "you get with the pool size and the stride swapped (windows of the stride's size, moved by the pool's size)":
        "풀 크기와 스트라이드를 서로 바꿔 쓸 때 나오는 결과입니다 (스트라이드 크기의 창을 풀 크기만큼씩 옮김)",
    "you get when the windows move by the pool size whatever the stride: window (i, j) starts at row i*sh, "
    "column j*sw":
        "스트라이드와 상관없이 창을 풀 크기만큼씩 옮길 때 나오는 결과입니다: 창 (i, j)는 행 i*sh, 열 j*sw에서 "
        "시작합니다",
    "you get with the windows moved by 1 when stride=None: by default the stride equals the pool size "
    "(non-overlapping windows)":
        "stride=None일 때 창을 1씩 옮기면 나오는 결과입니다: 기본값에서는 스트라이드가 풀 크기와 같습니다 (겹치지 "
        "않는 창)",
    "you get with the windows moved by 1 whatever the stride: window (i, j) starts at row i*sh, column j*sw":
        "스트라이드와 상관없이 창을 1씩 옮길 때 나오는 결과입니다: 창 (i, j)는 행 i*sh, 열 j*sw에서 시작합니다",
    "you get when the max is taken over the channels too (every channel gets the same value): take the max "
    "over each window's rows and columns only, separately for every example and every channel (axes 1 and 2 "
    "of (N, H, W, C))":
        "최댓값을 채널까지 포함해서 구할 때 나오는 결과입니다 (모든 채널이 같은 값을 받음): 최댓값은 각 창의 행과 "
        "열에 대해서만, 예제마다 그리고 채널마다 따로 구하세요 ((N, H, W, C)의 축 1과 2)",
    "you get when x is treated as (N, C, H, W): the course uses NHWC (N, H, W, C), so the window slides along "
    "axes 1 (H) and 2 (W), and axis 3 holds the channels":
        "x를 (N, C, H, W)로 다룰 때 나오는 결과입니다: 이 과정은 NHWC (N, H, W, C)를 쓰므로, 창은 축 1(H)과 "
        "축 2(W)를 따라 움직이고 축 3에는 채널이 있습니다",

    # the output's shape
    "out must be 4-D (N, Ho, Wo, C), the layout of x":
        "out은 x와 같은 축 순서의 4차원 배열 (N, Ho, Wo, C)이어야 합니다",
    "This shape is what {mistake}": "이 모양은 알려진 실수와 같습니다: {mistake}",
    "out keeps the batch size N (axis 0) and the channels C (axis 3) of x":
        "out은 x의 배치 크기 N(축 0)과 채널 수 C(축 3)를 그대로 유지합니다",
    "your output size ignores the stride: (H - ph) + 1 = {stride_one} is the size for stride 1; with stride sh "
    "it is (H - ph) // sh + 1 = {ho}":
        "출력 크기가 스트라이드를 무시합니다: (H - ph) + 1 = {stride_one}은(는) 스트라이드가 1일 때의 크기이고, "
        "스트라이드가 sh이면 (H - ph) // sh + 1 = {ho}입니다",
    "your output size is H // ph (or H // sh) = {got}; the number of windows that fit is (H - ph) // sh + 1 = "
    "{ho} (and (W - pw) // sw + 1 = {wo} across)":
        "출력 크기가 H // ph (또는 H // sh) = {got}입니다; 들어가는 창의 수는 (H - ph) // sh + 1 = {ho}입니다 "
        "(가로로는 (W - pw) // sw + 1 = {wo})",
    "your output is square although the input is not (H != W): you compute the output width from the height "
    "(or the other way round); use x.shape[1] for H and x.shape[2] for W":
        "입력은 정사각형이 아닌데(H != W) 출력이 정사각형입니다: 출력의 너비를 높이로 (또는 그 반대로) 계산하고 "
        "있습니다; H에는 x.shape[1]을, W에는 x.shape[2]를 쓰세요",
    "windows that do not fit entirely are dropped: Ho = (H - ph) // sh + 1 = {ho} (floor division), not "
    "rounded up":
        "입력 안에 다 들어가지 않는 창은 버립니다: Ho = (H - ph) // sh + 1 = {ho} (내림 나눗셈)이며, 올림하지 "
        "않습니다",
    "Ho = (H - ph) // sh + 1 = {ho} and Wo = (W - pw) // sw + 1 = {wo}":
        "Ho = (H - ph) // sh + 1 = {ho}이고 Wo = (W - pw) // sw + 1 = {wo}입니다",

    # forward
    "{error}. Hint: here Ho = (H - ph) // sh + 1 = ({h} - {ph}) // {sh} + 1 = {ho} and Wo = (W - pw) // sw + 1 "
    "= ({w} - {pw}) // {sw} + 1 = {wo}; an output size that ignores the stride ((H - ph) + 1, or H // ph) runs "
    "windows past the input{not_square}":
        "{error}. 힌트: 여기서 Ho = (H - ph) // sh + 1 = ({h} - {ph}) // {sh} + 1 = {ho}이고 Wo = (W - pw) // "
        "sw + 1 = ({w} - {pw}) // {sw} + 1 = {wo}입니다; 스트라이드를 무시한 출력 크기((H - ph) + 1 또는 "
        "H // ph)를 쓰면 창이 입력 밖으로 나갑니다{not_square}",
    ", and with H != W, H and W must not be mixed up": ". 또한 H != W이므로 H와 W를 서로 바꿔 쓰면 안 됩니다",
    "{what} returned {type}; it must return a pair (out, cache): the pooled array and what max_pool_backward "
    "needs":
        "{what}이(가) {type}을(를) 반환했습니다; 쌍 (out, cache)를 반환해야 합니다: 풀링한 배열과 "
        "max_pool_backward에 필요한 것",
    "{what} changed its input x in place ({count} values changed); leave the caller's array alone":
        "{what}이(가) 입력 x를 제자리 수정(in-place)했습니다 (값 {count}개가 바뀜); 호출한 쪽의 배열은 건드리지 "
        "마세요",
    "{what}: expected out of shape {expected}, got {actual}. {reason}":
        "{what}: out의 모양이 {expected}이어야 하는데 {actual}입니다. {reason}",
    "some outputs are not values of x: every output of a max-pool is the maximum of its window, one of the "
    "inputs":
        "일부 출력이 x에 있는 값이 아닙니다: 최대 풀링의 출력은 모두 그 창의 최댓값, 즉 입력 중 하나입니다",
    "Something converts to {dtype} (an .astype({dtype}) or a buffer of dtype {dtype}): float32 loses the digits "
    "the float64 gradient check needs; keep x's dtype":
        "어딘가에서 {dtype}(으)로 변환하고 있습니다 (.astype({dtype}) 또는 dtype이 {dtype}인 버퍼): float32는 "
        "float64 기울기 검사에 필요한 자릿수를 잃습니다; x의 dtype을 유지하세요",
    "{what}: x is float64 but out is {dtype}; out must have the dtype of x. {hint}":
        "{what}: x는 float64인데 out은 {dtype}입니다; out은 x와 같은 dtype이어야 합니다. {hint}",
    "{error}. It works on a square input but not when H != W (here H = 6, W = 10): look for W where H belongs "
    "(x.shape[1] is H, x.shape[2] is W)":
        "{error}. 정사각형 입력에서는 동작하지만 H != W일 때(여기서는 H = 6, W = 10)는 동작하지 않습니다: H가 "
        "들어갈 자리에 W를 쓴 곳을 찾아보세요 (x.shape[1]이 H, x.shape[2]가 W입니다)",

    # backward
    "cannot test the backward pass: {what} returned out of shape {actual}, expected {expected} (see the forward "
    "tests). {reason}":
        "역전파(backward pass)를 테스트할 수 없습니다: {what}이(가) 모양 {actual}의 out을 반환했는데, 모양은 "
        "{expected}이어야 합니다 (순전파 테스트를 보세요). {reason}",
    "max_pool_backward changed dout in place after {what}; leave the caller's array alone":
        "max_pool_backward가 dout을 제자리 수정(in-place)했습니다 (앞선 호출: {what}); 호출한 쪽의 배열은 "
        "건드리지 마세요",
    "with the rectangular pool {pool}, the flat arg-max k = a*pw + b splits into row a = k // pw and column "
    "b = k % pw; dividing by the pool's HEIGHT (divmod(k, ph)) gives rows and columns outside the window":
        "직사각형 풀 {pool}에서는 평탄화된 arg-max k = a*pw + b를 행 a = k // pw와 열 b = k % pw로 나눕니다; "
        "풀의 높이(HEIGHT)로 나누면(divmod(k, ph)) 창 밖의 행과 열이 나옵니다",
    "with pool {pool} and stride {stride}, window (i, j) covers rows i*sh to i*sh + ph - 1 and columns j*sw to "
    "j*sw + pw - 1 of x; a backward that places windows with the pool size instead of the stride (i*ph) "
    "reaches past the input":
        "풀 {pool}, 스트라이드 {stride}에서 창 (i, j)는 x의 행 i*sh부터 i*sh + ph - 1까지, 열 j*sw부터 "
        "j*sw + pw - 1까지를 덮습니다; 창의 위치를 스트라이드가 아니라 풀 크기로 정하는(i*ph) backward는 입력 "
        "밖으로 나갑니다",
    "max_pool_backward after {what}: dx must have the shape of x, {expected}; got {actual}":
        "max_pool_backward (앞선 호출: {what}): dx는 x와 같은 모양 {expected}이어야 하는데 {actual}입니다",
    "only {received} inputs received a gradient, {expected} should: it looks like one arg-max for the whole "
    "batch and all channels (np.argmax without an axis flattens N and C too). Take the arg-max separately for "
    "every example and every channel, over the window's rows and columns only":
        "기울기를 받은 입력이 {received}개뿐인데, {expected}개가 받아야 합니다: 배치 전체와 모든 채널에 arg-max를 "
        "하나만 구한 것 같습니다 (axis 없이 쓴 np.argmax는 N과 C까지 평탄화합니다). arg-max는 예제마다, 채널마다 "
        "따로, 창의 행과 열에 대해서만 구하세요",
    "the gradients in dx add up to {total:.6g}, less than the {incoming:.6g} that came in (every window passes "
    "on all of its gradient): gradients of overlapping windows must be added (+=), not overwritten (=)":
        "dx의 기울기를 모두 더하면 {total:.6g}(으)로, 들어온 기울기 {incoming:.6g}보다 작습니다 (창은 저마다 "
        "자기 기울기를 모두 전달합니다): 겹치는 창들의 기울기는 덮어쓰지(=) 말고 더해야(+=) 합니다",
    "the gradients in dx add up to {total:.6g}, less than the {incoming:.6g} that came in (every window passes "
    "on all of its gradient)":
        "dx의 기울기를 모두 더하면 {total:.6g}(으)로, 들어온 기울기 {incoming:.6g}보다 작습니다 (창은 저마다 "
        "자기 기울기를 모두 전달합니다)",
    "the gradients in dx add up to {total:.6g}, more than the {incoming:.6g} that came in: some window gives "
    "its gradient to more than one input":
        "dx의 기울기를 모두 더하면 {total:.6g}(으)로, 들어온 기울기 {incoming:.6g}보다 큽니다: 어떤 창이 자기 "
        "기울기를 둘 이상의 입력에 주고 있습니다",
    "inputs that belong to no window (the rows and columns left over at the bottom and right when the windows "
    "do not fit exactly) must get a gradient of 0":
        "어떤 창에도 속하지 않는 입력(창이 딱 맞아떨어지지 않을 때 아래쪽과 오른쪽에 남는 행과 열)의 기울기는 "
        "0이어야 합니다",

    # ties
    "{label}: window ({i}, {j}) of example {n}, channel {c} has {ties} inputs tied for the maximum "
    "{maximum:g}; {receivers} inputs received a gradient, exactly 1 should (dx in that window: {block}, "
    "upstream gradient {gradient:.4g})":
        "{label}: 예제 {n}, 채널 {c}의 창 ({i}, {j})에는 최댓값 {maximum:g}과(와) 같은 입력이 {ties}개 "
        "있습니다; 기울기를 받은 입력은 {receivers}개인데, 정확히 1개여야 합니다 (그 창의 dx: {block}, 위에서 "
        "들어온 기울기 {gradient:.4g})",
    "{label}: window ({i}, {j}) of example {n}, channel {c}: the gradient went to row {a}, column {b} of the "
    "window, which holds {value:g}, not the maximum {maximum:g}":
        "{label}: 예제 {n}, 채널 {c}의 창 ({i}, {j}): 기울기가 창의 행 {a}, 열 {b}로 갔는데, 그 자리의 값은 "
        "최댓값 {maximum:g}이(가) 아니라 {value:g}입니다",
    "{label}: the gradient received in window ({i}, {j})": "{label}: 창 ({i}, {j})에 들어온 기울기",
    "{label}: inputs that belong to no window (rows and columns left over) must get 0":
        "{label}: 어떤 창에도 속하지 않는 입력(남는 행과 열)은 0을 받아야 합니다",

    # repeated calls
    "backward with the cache of an earlier call returned dx of shape {actual}, the shape of that call's x is "
    "{expected}. {reason}":
        "이전 호출의 캐시로 호출한 backward가 모양 {actual}의 dx를 반환했는데, 그 호출의 x는 모양이 "
        "{expected}입니다. {reason}",

    # gradient check
    "{what} returned {dtype} for a float64 x: keep the input's dtype (numeric gradient checks need float64; "
    "training runs in float32). {hint}":
        "{what}이(가) float64 x에 대해 {dtype}을(를) 반환했습니다: 입력의 dtype을 유지하세요 (수치 기울기 "
        "검사에는 float64가 필요하고, 학습은 float32로 합니다). {hint}",
    "gradient check of max_pool_backward after {what}: relative error {error:.2g} between your dx and the "
    "numeric gradient of your forward pass (below 1e-7 is right, above 1e-2 is almost surely wrong)":
        "max_pool_backward의 기울기 검사(gradient check) (앞선 호출: {what}): 여러분의 dx와, 여러분의 순전파로 "
        "구한 수치 기울기 사이의 상대 오차가 {error:.2g}입니다 (1e-7 미만이면 맞고, 1e-2를 넘으면 거의 확실히 "
        "틀렸습니다)",
    ". Your dx is what {mistake}": ". 여러분의 dx는 알려진 실수와 같습니다: {mistake}",
    ". Likely cause: {cause}": ". 가능한 원인: {cause}",
    "your backward returned {dtype} for a float64 dout: its rounding (about 1e-7 relative in float32) is the "
    "error; give dx the dtype of dout":
        "여러분의 backward가 float64 dout에 대해 {dtype}을(를) 반환했습니다: 그 반올림 오차(float32에서 상대적으로 "
        "약 1e-7)가 바로 이 오차입니다; dx에 dout의 dtype을 주세요",
    "your forward pass is wrong on this input (see the forward tests): the numeric gradient is that of your "
    "forward, and a backward written for max-pooling does not match it":
        "이 입력에서 여러분의 순전파가 틀립니다 (순전파 테스트를 보세요): 수치 기울기는 여러분의 forward로 구한 "
        "것이므로, 최대 풀링에 맞게 쓴 backward와는 맞지 않습니다",
    "the gradients land on the wrong inputs: each window's gradient belongs to its arg-max, at row i*sh + a and "
    "column j*sw + b of x, where (a, b) = divmod(k, pw) of the flat index k":
        "기울기가 엉뚱한 입력에 들어갑니다: 각 창의 기울기는 그 창의 arg-max, 즉 x의 행 i*sh + a, 열 j*sw + b에 "
        "가야 합니다. 여기서 (a, b)는 평탄화된 인덱스 k의 divmod(k, pw)입니다",

    # the course CNN
    "{what} returned {type}; return a numpynet Sequential of the layers":
        "{what}이(가) {type}을(를) 반환했습니다; 층들로 만든 numpynet Sequential을 반환하세요",
    ". With pooling the Dense layer sees 6*6*32 = 1152 inputs (the pool halves 12x12 to 6x6)":
        ". 풀링이 있으면 Dense 층의 입력은 6*6*32 = 1152개입니다 (풀링이 12x12를 6x6으로 절반씩 줄입니다)",
    ". Without pooling the Dense layer sees 12*12*32 = 4608 inputs":
        ". 풀링이 없으면 Dense 층의 입력은 12*12*32 = 4608개입니다",
    "{what}: the parameters' shapes, in order, should be {expected}; got {shapes}{hint}":
        "{what}: 매개변수의 모양은 차례대로 {expected}이어야 하는데 {shapes}입니다{hint}",
    "{what}: expected one MaxPool2D layer (after the second convolution), found {count}":
        "{what}: MaxPool2D 층이 (두 번째 합성곱 뒤에) 하나 있어야 하는데 {count}개 있습니다",
    "{what}: the MaxPool2D layer comes third, after the two convolutions and before Flatten; your layers are "
    "{kinds}":
        "{what}: MaxPool2D 층은 두 합성곱 층 다음, Flatten 앞의 세 번째 층입니다; 여러분의 층은 {kinds}입니다",
    "{what}: the pooling layer should be MaxPool2D(2) (2x2 windows, stride 2); got pool_size={size}, "
    "stride={stride}":
        "{what}: 풀링 층은 MaxPool2D(2)(2x2 창, 스트라이드 2)여야 하는데 pool_size={size}, stride={stride}입니다",
    "{what}: the network without pooling must have no pooling layer":
        "{what}: 풀링을 쓰지 않는 신경망에는 풀링 층이 없어야 합니다",
    "ReLU in the convolutions": "합성곱 층에 ReLU를 쓴 경우",
    "no activation after the convolutions": "합성곱 층 뒤에 활성화 함수가 없는 경우",
    "{name} gives: the convolutions use LeakyReLU (slope 0.01), the 256-unit Dense layer ReLU, the last layer "
    "none (logits)":
        "{name}의 결과입니다: 합성곱 층에는 LeakyReLU(음수 쪽 기울기 0.01), 256유닛 Dense 층에는 ReLU를 쓰고, "
        "마지막 층에는 활성화 함수를 쓰지 않습니다(로짓)",
    "the course CNN is Conv2D(1, 16, 3) + LeakyReLU, Conv2D(16, 32, 4, stride=2) + LeakyReLU, [MaxPool2D(2)], "
    "Flatten, Dense(.., 256) + ReLU, Dense(256, 10)":
        "이 과정의 CNN은 Conv2D(1, 16, 3) + LeakyReLU, Conv2D(16, 32, 4, stride=2) + LeakyReLU, [MaxPool2D(2)], "
        "Flatten, Dense(.., 256) + ReLU, Dense(256, 10)입니다",
    "your course CNN (with your max-pooling)": "여러분의 최대 풀링(max pooling)을 쓴 이 과정의 CNN",
    "the reference solution, trained as in the notebook (2 epochs of batches of 50, Adam at 1e-3 then 1e-4) "
    "with seeds 0-7, reached 98.87% to 99.04%":
        "노트북과 같이 학습시킨 참조 답안(배치 크기 50으로 2 에포크, Adam 1e-3 다음 1e-4)은 시드 0-7에서 "
        "98.87%에서 99.04%에 이르렀습니다",
}
