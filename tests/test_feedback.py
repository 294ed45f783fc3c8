"""Output caps, the safe feedback page and the reasons that name a limit, without a kernel (the
hostile batch, tests/test_hostile.py, runs them through nbgrader and the sandbox)."""
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

from autograder import feedback, grade
from autograder.sandbox import DEFAULT_LIMITS
from autograder.sandbox.limits import OutputCaps
from autograder.sandbox.output import CappedIOPubChannel, cap_outputs, is_note

CAPS = OutputCaps(text_bytes=1000, outputs=5, image_bytes=100)


def stream(text, name="stdout"):
    return new_output("stream", name=name, text=text)


def test_a_huge_print_keeps_the_cap_and_a_note_with_what_was_printed():
    kept = cap_outputs([stream("x" * 10 ** 6), stream("more")], CAPS)
    assert [len(o.text) for o in kept[:-1]] == [1000] and is_note(kept[-1])
    assert "this cell printed 1 MB; at most 1 kB is kept" in kept[-1].text
    assert cap_outputs(kept, CAPS) == kept, "a second pass changes nothing"


def test_too_many_outputs_are_dropped_but_an_error_is_always_kept():
    outputs = [stream("a")] * 20 + [new_output("error", ename="AssertionError", evalue="x" * 10 ** 5, traceback=["t"])]
    kept = cap_outputs(outputs, CAPS)
    errors = [o for o in kept if o.output_type == "error"]
    assert len(kept) == CAPS.outputs + 2 and len(errors) == 1 and len(errors[0].evalue) == CAPS.text_bytes


def test_an_image_over_the_cap_is_dropped_and_its_text_kept():
    big = new_output("display_data", data={"image/png": "A" * 1000, "text/plain": "<Figure>"})
    [kept, note] = cap_outputs([big], CAPS)
    assert kept.data == {"text/plain": "<Figure>"} and is_note(note)


def message(kind, content, parent="cell-1"):
    return {"msg_type": kind, "header": {"msg_type": kind}, "parent_header": {"msg_id": parent},
            "content": content, "metadata": {}, "buffers": []}


def test_the_kernel_client_drops_output_beyond_the_caps_and_notes_it_before_idle():
    channel = CappedIOPubChannel.__new__(CappedIOPubChannel)
    channel.caps, channel.budgets, channel.pending = CAPS, {}, []
    kept = [channel.capped(message("stream", {"name": "stdout", "text": "y" * 600})) for _ in range(3)]
    assert [len(m["content"]["text"]) if m else None for m in kept] == [600, 400, None]
    note = channel.capped(message("status", {"execution_state": "idle"}))
    assert note["msg_type"] == "stream" and "at most 1 kB is kept" in note["content"]["text"]
    assert channel.pending[0]["msg_type"] == "status"


PWN = "<script>document.title='PWNED'</script>"


def test_outputs_keep_text_and_real_images_only():
    cell = new_code_cell("x", outputs=[
        new_output("display_data", data={"text/html": PWN, "application/javascript": PWN}),
        new_output("display_data", data={"image/png": f'">{PWN}', "text/plain": "fig"}),
        new_output("display_data", data={"image/png": "iVBORw0KGgo="}, metadata={"image/png": {"width": f"1 {PWN}"}}),
        new_output("stream", name=f'stdout">{PWN}', text="hi")])
    cell.execution_count = "<b>1</b>"  # kernel messages set it, unvalidated
    safe = feedback.safe_cell(cell, 0, set())
    html_only, fake_png, png, printed = safe.outputs
    assert set(html_only.data) == {"text/plain"} and "application/javascript" in html_only.data["text/plain"]
    assert fake_png.data == {"text/plain": "fig"} and png.metadata == {} and printed.name == "stdout"
    assert safe.execution_count is None


def test_markdown_the_course_did_not_write_is_shown_as_text():
    trusted = "## 1. Sigmoid\n$\\sigma(x)$"
    cells = [new_markdown_cell(trusted), new_markdown_cell(f"notes {PWN}\n\n$x$"), new_raw_cell(PWN)]
    kept, student, raw = [feedback.safe_cell(c, i, {trusted}) for i, c in enumerate(cells)]
    assert kept.source == trusted
    for cell in (student, raw):
        assert cell.cell_type == "markdown" and "<script" not in cell.source and "\n" not in cell.source
        assert cell.source.startswith("<pre") and "&lt;script&gt;" in cell.source and "$" not in cell.source


def test_metadata_keeps_names_only():
    cell = new_code_cell("x", metadata={"tags": ["ok", f'x">{PWN}'], "nbgrader": {"grade_id": PWN, "grade": True},
                                        "widgets": PWN})
    safe = feedback.safe_cell(cell, 3, set())
    assert safe.metadata == {"tags": ["ok"], "nbgrader": {"grade_id": "cell-3", "grade": True}}


def test_reasons_name_the_limit_and_the_cell():
    error = {"output_type": "error", "traceback": []}
    nb = new_notebook(cells=[
        new_code_cell("a", metadata={"nbgrader": {"grade_id": "relu"}}, outputs=[dict(error, ename="MemoryError", evalue="")]),
        new_code_cell("b", outputs=[dict(error, ename="CellTimeoutError", evalue="")]),
        new_code_cell("c", outputs=cap_outputs([stream("x" * 5000)], CAPS))])
    assert grade.limit_reasons(nb, DEFAULT_LIMITS, 60) == [
        "memory limit of 4 GiB reached in cell `relu`", "cell time limit of 60 s reached in cell `cell 1`",
        "output truncated in cell `cell 2`"]
