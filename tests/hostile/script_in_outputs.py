# answer: sigmoid
# base: blank
# attack: HTML, JavaScript, SVG and Markdown outputs with scripts that would change the page's title; a fake image and metadata that would break out of the img tag
from IPython.display import display, HTML, Javascript, SVG, Markdown
PWN = "document.title = 'PWNED'"
display(HTML(f"<script>{PWN}</script><img src=x onerror=\"{PWN}\">"))
display(Javascript(PWN))
display(SVG(f'<svg xmlns="http://www.w3.org/2000/svg"><script>{PWN}</script></svg>'))
display(Markdown(f"<script>{PWN}</script>"))
display({"image/png": f'"><script>{PWN}</script>', "text/plain": "an image"}, raw=True)
display({"image/png": "iVBORw0KGgo="}, metadata={"image/png": {"width": f'1 onload="{PWN}"'}}, raw=True)
print(f"<script>{PWN}</script>")
