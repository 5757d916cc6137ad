"""The README's Python example runs as written (from the source tree) and prints the tidy
coefficients and the two-model table."""
import contextlib
import io
import re

from conftest import path


def test_the_readme_example_runs():
    with open(path("README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme[readme.index("## Python"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) == 5
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue()
    assert "std_error" in printed and "value" in printed
    assert "OLS" in printed and "FE" in printed and "firm FE" in printed
