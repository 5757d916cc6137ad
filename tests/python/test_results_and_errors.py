"""Result objects (coef, se, vcov, tidy, summary, JSON, HTML), etable as the command line's table,
and cbec's errors as Python exceptions carrying its message."""
import subprocess

import numpy as np
import pandas as pd
import pytest

import cbec
from conftest import path


@pytest.fixture(scope="module")
def df():
    return pd.read_csv(path("tests/data/grunfeld.csv"), float_precision="round_trip")


def test_coef_se_vcov_tidy(df):
    r = cbec.reg(df, "inv ~ value + capital", vcov="hc1")
    m = r.json["models"][0]
    assert list(r.coef.index) == ["(Intercept)", "value", "capital"]
    assert r.coef["value"] == m["coef"]["value"] and r.se["capital"] == m["se"]["capital"]
    assert np.allclose(np.sqrt(np.diag(r.vcov.to_numpy())), r.se.to_numpy(), rtol=1e-12)
    t = r.tidy()
    assert list(t.columns) == ["term", "estimate", "std_error", "statistic", "p_value", "conf_low", "conf_high"]
    assert t.loc[t.term == "value", "conf_low"].item() == m["conf_int"]["value"][0]
    two = cbec.reg(df, ["inv ~ value", "inv ~ value + capital"], names=["a", "b"])
    assert list(two.coef.columns) == ["a", "b"] and np.isnan(two.coef.loc["capital", "a"])
    assert list(two.tidy()["model"].unique()) == ["a", "b"]
    with pytest.raises(cbec.Error, match="holds 2 models"):
        two.vcov


def test_summary_html_and_tables_of_other_analyses(df):
    r = cbec.converge(df, method="sigma", variable="inv", panel="firm,year")
    assert "<table" in r._repr_html_() and r.summary() == str(r)
    assert isinstance(r.tidy(), pd.DataFrame) and len(r.tidy()) > 0
    with pytest.raises(AttributeError, match="gives no coefficients"):
        r.coef
    assert not hasattr(r, "coef") and not hasattr(r, "se")


@pytest.mark.parametrize("formulas", [["inv ~ value + capital", "inv ~ value + capital | firm + year"],
                                      ["inv ~ value | year + firm", "inv ~ value + capital | firm"]])
def test_etable_is_the_command_lines_table(cli, df, formulas):
    models = [cbec.reg(df, f, vcov="cluster:firm") for f in formulas]
    table = cbec.etable(models, names=["A", "B"], title="Investment")
    expected = cli("reg", "tests/data/grunfeld.csv", *formulas, "--vcov", "cluster:firm", "--names", "A", "B", "--title", "Investment",
                   json_output=False)
    assert str(table) == expected
    assert table.render("latex").startswith("\\begin") or "tabular" in table.render("latex")
    assert "<table" in table._repr_html_()
    # A result holding several models adds all of them.
    assert str(cbec.etable(cbec.reg(df, formulas, vcov="cluster:firm"), names=["A", "B"], title="Investment")) == expected


def test_etable_takes_xtreg_models(df):
    x = cbec.xtreg(df, "inv ~ value + capital", model=["fe", "re"], panel="firm,year")
    assert len(cbec.etable([x]).to_frame().columns) == 3


def cli_error(*args):
    p = subprocess.run([path("build", "cbec"), *args], capture_output=True, text=True, cwd=path())
    assert p.returncode == 1
    return p.stderr.strip().removeprefix("cbec: error: ")


def test_engine_errors_are_exceptions_with_cbecs_message(df):
    with pytest.raises(cbec.FormulaError) as e:
        cbec.reg("tests/data/grunfeld.csv", "inv ~ valu")
    assert str(e.value) == cli_error("reg", "tests/data/grunfeld.csv", "inv ~ valu")
    assert isinstance(e.value, cbec.Error)
    with pytest.raises(cbec.SpecError) as e:
        cbec.reg("tests/data/grunfeld.csv", "inv ~ value | firm", vcov="hc2")
    assert str(e.value) == cli_error("reg", "tests/data/grunfeld.csv", "inv ~ value | firm", "--vcov", "hc2")
    with pytest.raises(cbec.DataError, match="no column 'nowhere'"):
        cbec.spatial.moran(df, variable="inv", panel="firm,year", w="tests/data/columbus.gal", id="nowhere")


def test_options_are_checked_by_the_schema(df):
    with pytest.raises(cbec.SpecError, match="'control_group' cannot be 'sometimes'; choose one of"):
        cbec.did.cs(df, y="inv", control_group="sometimes", unit="firm", time="year", first_treat="year")
    with pytest.raises(cbec.SpecError, match="'draws' must be a whole number"):
        cbec.did.cs(df, y="inv", draws=2.5, unit="firm", time="year", first_treat="year")
    with pytest.raises(cbec.SpecError, match="no_such_option"):
        cbec.reg(df, "inv ~ value", no_such_option=1)
    with pytest.raises(cbec.SpecError, match="is not an analysis of cbec did"):
        cbec.did(df, method="moran", y="inv")
    with pytest.raises(cbec.SpecError, match="needs spatial weights"):
        cbec.spatial.moran(df, variable="inv", panel="firm,year")


def test_write_is_the_command_lines_out_file(cli, df, tmp_path):
    r = cbec.reg(df, ["inv ~ value", "inv ~ value + capital | firm"], vcov="hc1")
    for ext in ("md", "tex", "csv", "html"):
        r.write(tmp_path / f"py.{ext}")
        cli("reg", "tests/data/grunfeld.csv", "inv ~ value", "inv ~ value + capital | firm", "--vcov", "hc1", "-o", tmp_path / f"cli.{ext}",
            json_output=False)
        assert (tmp_path / f"py.{ext}").read_bytes() == (tmp_path / f"cli.{ext}").read_bytes(), ext
    r.write(tmp_path / "py.xlsx")
    assert (tmp_path / "py.xlsx").read_bytes()[:2] == b"PK"


def test_option_lists_from_numpy_and_pandas():
    sci = pd.read_csv(path("tests/data/scitech_2011_2019.csv"), float_precision="round_trip")
    indicators = sci.columns[2:5]   # a pandas Index
    a = cbec.index.entropy(sci, indicators=indicators, name="s")
    b = cbec.index.entropy(sci, indicators=list(indicators), name="s")
    assert a.to_json() == b.to_json()
    assert cbec.did.cs(pd.read_csv(path("tests/data/mpdta.csv")), y="lemp", draws=np.int64(49), unit="countyreal", time="year",
                       first_treat="first.treat").json["aggregations"]["simple"]["att"] is not None


def test_etable_takes_results_offering_estimates_as_the_studys_table(tmp_path):
    # The study tests/data/studies/unitroot_table.toml puts two unitroot steps in one [[table]];
    # etable of the same two results prints the very same table.
    produc = path("tests", "data", "produc.csv")
    steps = [cbec.ts(produc, method="unitroot", variable=[v], tests=["llc", "ips"], lags="1", panel="state,year") for v in ("gsp", "unemp")]
    table = cbec.etable(steps, title="Panel unit-root tests")
    study = cbec.run_study(path("tests", "data", "studies", "unitroot_table.toml"), out=tmp_path / "report", no_cache=True)
    merged = study.sections[-1]
    assert "Levin-Lin-Chu" in str(table) and str(table) == str(merged.tables[0])
    # A regression model beside them becomes a column of estimates.
    mixed = cbec.etable([cbec.reg(produc, "unemp ~ gsp | state"), steps[1]]).to_frame()
    assert len(mixed.columns) == 1 + 1 + 2


def test_etable_of_estimates_formats_small_numbers_and_keeps_each_columns_warnings_and_errors():
    mpdta = pd.read_csv(path("tests/data/mpdta.csv"))
    mpdta["small"] = mpdta["lemp"] / 1000    # effects of about -4e-5: "-0.000" in fixed decimals
    mpdta.loc[mpdta["countyreal"] < 8010, "first.treat"] = np.nan   # a warning of the cs result
    args = dict(y="small", unit="countyreal", time="year", first_treat="first.treat")
    twfe, cs = cbec.did.twfe(mpdta, **args), cbec.did.cs(mpdta, **args, no_bootstrap=True)
    frame = cbec.etable([twfe, cs]).to_frame()
    text = str(cbec.etable([twfe, cs]))
    assert "-0.000" not in text and "e-05" in text
    assert frame[frame.iloc[:, 0] == "Std. errors"].iloc[0, 1:].tolist() == ["CR1 by countyreal", "analytical"]
    assert "(2) Callaway-Sant'Anna: " in text and "without a 'first.treat' value" in text and "taken as never treated" in text and "(1) twfe: 1 unit without" in text


def test_merged_table_keeps_the_hausman_test_and_explains_only_test_rows_it_shows(df):
    x = cbec.xtreg(df, "inv ~ value + capital", model=["fe", "re"], hausman=True, panel="firm,year")
    text = str(cbec.etable([x]))
    assert "Hausman test (fe vs re): chi2(2) = " in text and "Specification tests" in text   # F test of effects row
    assert "Specification tests" not in str(cbec.etable([x], stats=["n"]))


def test_cs_warnings_go_with_the_aggregates_table():
    mpdta = pd.read_csv(path("tests/data/mpdta.csv"))
    mpdta.loc[mpdta["countyreal"] < 8010, "first.treat"] = np.nan
    text = cbec.did.cs(mpdta, y="lemp", unit="countyreal", time="year", first_treat="first.treat", no_bootstrap=True).summary()
    warning = text.index("taken as never treated")
    assert text.index("aggregated effects") < warning < text.index("event-time effects")


@pytest.mark.parametrize("kwargs, message", [
    ({"threads": 100000}, "threads must be a whole number from 0 to 1024"),
    ({"threads": -1}, "threads must be a whole number from 0 to 1024"),
    ({"threads": 1.5}, "threads must be a whole number"),
    ({"seed": -1}, "seed must be a whole number from 0 to 18446744073709551615"),
    ({"seed": 2**64}, "seed must be a whole number"),
    ({"seed": "7"}, "seed must be a whole number"),
    ({"draws": 2**70}, "'draws' must be at most"),
    ({"unit": 0}, "unit must be text"),
    ({"panel": (1, 2)}, "must name the unit and time variables"),
])
def test_values_besides_the_options_are_checked_as_the_command_lines(kwargs, message):
    args = dict(y="lemp", unit="countyreal", time="year", first_treat="first.treat", draws=9)
    args.update(kwargs)
    if "panel" in kwargs:
        del args["unit"], args["time"]
    with pytest.raises(cbec.SpecError, match=message):
        cbec.did.cs(path("tests/data/mpdta.csv"), **args)
    with pytest.raises(cbec.SpecError, match="w must be a cbec.weights"):
        cbec.spatial.moran(path("tests/data/grunfeld.csv"), variable="inv", w=5, id="firm")
    with pytest.raises(cbec.SpecError, match="threads must be a whole number from 0 to 1024"):
        cbec.run_study(path("examples/provinces/study.toml"), threads=2**40, check=True)


def test_text_that_is_not_unicode_is_refused_by_name():
    with pytest.raises(cbec.DataError, match="column name 'x\\\\udcff' is not valid Unicode"):
        cbec.reg(pd.DataFrame({"y": [1.0, 2, 4], "x\udcff": [1.0, 3, 2]}), "y ~ 1")
    with pytest.raises(cbec.DataError, match="column 'g': the text 'a\\\\udcff' is not valid Unicode"):
        cbec.reg(pd.DataFrame({"y": [1.0, 2, 4, 5], "g": ["a\udcff", "b", "b", "a"]}), "y ~ g")
    with pytest.raises(cbec.SpecError, match="argument 'vcov': text that is not valid Unicode"):
        cbec.reg(path("tests/data/grunfeld.csv"), "inv ~ value", vcov="hc1\udcff")


def test_etable_weights_and_summary_arguments_are_checked_by_name():
    m = cbec.reg(path("tests/data/grunfeld.csv"), "inv ~ value")
    for call, message in [(lambda: cbec.etable([m], digits=-1), "etable: digits must be a whole number from 0 to 15"),
                          (lambda: cbec.etable([m], names=[1]), "etable: names must be text"),
                          (lambda: cbec.etable([m], title=5), "etable: title must be text"),
                          (lambda: m.summary(None), "summary: format must be text"),
                          (lambda: cbec.weights(pd.DataFrame({"id": ["a", "b"], "lon": [0.0, 1], "lat": [0.0, 1]}), id=5), "weights: id must be text"),
                          (lambda: cbec.weights(pd.DataFrame({"id": ["a", "b"], "lon": [0.0, 1], "lat": [0.0, 1]}), id="id", k=2**40),
                           "weights: k must be a whole number from 1")]:
        with pytest.raises(cbec.SpecError, match=message):
            call()
    # NaN in a model's JSON (as Python writes a missing number) is the engine's null, not a JSON parse error.
    with pytest.raises(cbec.SpecError, match="holds no regression models"):
        cbec.etable([cbec.Model({"coef": {"a": float("nan")}})])


def test_empty_lists_and_surplus_names_are_refused():
    g = path("tests/data/grunfeld.csv")
    with pytest.raises(cbec.SpecError, match="'reg' needs at least one value of 'formulas'"):
        cbec.reg(g, [])
    with pytest.raises(cbec.SpecError, match="'xtreg' needs at least one value of 'model'"):
        cbec.xtreg(g, "inv ~ value", model=[], panel="firm,year")
    with pytest.raises(cbec.SpecError, match="2 names for 1 models"):
        cbec.reg(g, ["inv ~ value"], names=["a", "b"])
    with pytest.raises(cbec.SpecError, match="is not an analysis of cbec did"):
        cbec.did(g, method=["cs"])


def test_split_results_offer_each_groups_models():
    df = pd.read_csv(path("tests/data/grunfeld.csv"), float_precision="round_trip").assign(big=lambda d: (d.firm > 5).astype(int))
    r = cbec.reg(df, "inv ~ value + capital", split_by="big")
    assert list(r.coef.columns) == ["big=0", "big=1"]
    assert r.coef["big=1"].tolist() == cbec.reg(df[df.big == 1], "inv ~ value + capital").coef.tolist()
    assert "big=0" in str(cbec.etable(r)).splitlines()[1]


def test_a_hand_made_model_that_is_not_cbecs_json_is_refused_by_cbec():
    m = cbec.reg(path("tests/data/grunfeld.csv"), "inv ~ value").models[0]
    with pytest.raises(cbec.SpecError, match="a result's JSON is not as cbec writes it"):
        cbec.etable([cbec.Model({**m.json, "coef": {"a": 1.0}, "se": {"a": 0.5}})])


def test_write_refuses_a_format_the_extension_contradicts(tmp_path):
    # As the command line's -o with --format: Excel bytes into a .csv, Markdown into a .tex refused.
    r = cbec.reg(path("tests/data/grunfeld.csv"), "inv ~ value")
    for name, fmt in (("t.csv", "xlsx"), ("t.tex", "md")):
        with pytest.raises(cbec.SpecError, match="disagrees with the extension"):
            r.write(tmp_path / name, format=fmt)
        assert not (tmp_path / name).exists()
    r.write(tmp_path / "t.txt", format="Markdown")   # no extension's word against it; any case
    assert (tmp_path / "t.txt").read_text(encoding="utf-8").startswith("| ")


def test_etable_keeps_model_names_and_checks_its_arguments():
    x = cbec.xtreg(path("tests/data/grunfeld.csv"), "inv ~ value", panel="firm,year", model=["fe", "re"])
    assert cbec.etable([x]).render("csv").splitlines()[0] == ",within,random"   # as x.summary() heads them
    r = cbec.reg(path("tests/data/grunfeld.csv"), ["inv ~ value", "inv ~ capital"])
    assert cbec.etable([r]).render("csv").splitlines()[0] == ",(1),(2)"
    for bad, words in ((dict(results=[]), "no results"), (dict(results=None), "results must be"),
                       (dict(results=[r], names=["a", "b", "c"]), "3 names for 2 columns"), (dict(results=[r], names="ab"), "names must be a list"),
                       (dict(results=[r], t="no"), "t must be True or False"), (dict(results=[r], labels=["a"]), "labels must be a dict")):
        with pytest.raises(cbec.SpecError, match=words):
            cbec.etable(**bad)


def test_run_study_says_what_it_takes():
    with pytest.raises(cbec.SpecError, match="path of a study file"):
        cbec.run_study(pd.DataFrame({"a": [1]}))
    with pytest.raises(cbec.SpecError, match="no_cache must be True or False"):
        cbec.run_study(path("tests/data/studies/good.toml"), no_cache="no")
    with pytest.raises(cbec.DataError, match="no such file"):
        cbec.run_study("nope.toml")


def test_a_table_writes_itself_even_to_excel(tmp_path):
    r = cbec.reg(path("tests/data/grunfeld.csv"), ["inv ~ value", "inv ~ capital"])
    t = cbec.etable([r], title="Two models")
    t.write(tmp_path / "t.xlsx")   # render cannot return Excel: write is the way
    assert (tmp_path / "t.xlsx").read_bytes()[:2] == b"PK"
    t.write(tmp_path / "t.md")
    assert (tmp_path / "t.md").read_text(encoding="utf-8") == t.render("md")
    for bad, words in (((None,), "path must be a file name"), ((tmp_path / "t.md", 3), "format must be text")):
        with pytest.raises(cbec.SpecError, match=words):
            t.write(*bad)


def test_excel_keeps_long_and_control_character_text(tmp_path):
    # A label beyond Excel's 32,767 characters was left out of the workbook without a word, and a NUL
    # cut the text; the folder's absence is said before libxlsxwriter's own error.
    import re
    import zipfile
    r = cbec.reg(path("tests/data/grunfeld.csv"), "inv ~ value")
    cbec.etable([r], labels={"value": "v" * 40000}, title="ti\x00tle").write(tmp_path / "long.xlsx")
    strings = zipfile.ZipFile(tmp_path / "long.xlsx").read("xl/sharedStrings.xml").decode()
    cut = re.findall(r"<t[^>]*>(v+\.\.\.)</t>", strings)
    assert len(cut) == 1 and len(cut[0]) == 32767
    assert "ti tle" in strings
    with pytest.raises(cbec.DataError, match="does not exist"):
        r.write(tmp_path / "nowhere" / "t.xlsx")
