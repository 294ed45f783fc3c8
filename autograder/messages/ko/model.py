"""Korean texts of autograder/trusted/model.py (why a trained model cannot be evaluated)."""
MESSAGES = {
    "the model": "모델",
    "model.layers is a {type}, not a list of layers": "model.layers가 층의 리스트가 아니라 {type}입니다",
    "the model has no layers": "모델에 층이 하나도 없습니다",
    "layer {position} ({type})": "{position}번 층 ({type})",
    "the last layer gives an output of shape {shape} per image; a classifier of the 10 digits gives ({classes},)":
        "마지막 층의 출력이 이미지마다 모양 {shape}입니다; 숫자 10개를 분류하는 모델은 ({classes},)를 내야 합니다",
    "{what}: the course's models are made of {kinds}": "{what}: 이 과정의 모델은 {kinds}(으)로만 이루어집니다",
    "{what} needs (H, W, C) images, gets {shape}": "{what}에는 (H, W, C) 이미지가 들어가야 하는데 {shape}이(가) 들어옵니다",
    "{what}: W {w_shape} and b {b_shape} do not fit an input of shape {shape}":
        "{what}: W {w_shape}와 b {b_shape}가 모양 {shape}의 입력과 맞지 않습니다",
    "{what}: the kernel does not fit an input of shape {shape}": "{what}: 커널이 모양 {shape}의 입력보다 큽니다",
    "{what}: params must be a dict with W and b": "{what}: params는 W와 b를 담은 dict여야 합니다",
    "{what}: W and b must be floating-point arrays": "{what}: W와 b는 부동소수점 배열이어야 합니다",
    "{what}: W or b holds NaN or inf": "{what}: W 또는 b에 NaN이나 inf가 있습니다",
    "{what}: its activation {kind} is not one of the course's ({kinds})":
        "{what}: 활성화 함수 {kind}은(는) 이 과정의 것({kinds})이 아닙니다",
    "{what}: no {name} ({error_type}: {error})": "{what}: {name}이(가) 없습니다 ({error_type}: {error})",
}
