# answer: sigmoid
# base: blank
# adds: markdown
# attack: a markdown cell of the student's with raw HTML and a script
My notes. <script>document.title = 'PWNED'</script>

<img src="x" onerror="document.title = 'PWNED'">

$\href{javascript:document.title='PWNED'}{click}$
