# answer: sigmoid
# base: blank
# adds: raw
# attack: a raw cell (nbconvert copies raw cells into the page) with a script
<script>document.title = 'PWNED'</script>
