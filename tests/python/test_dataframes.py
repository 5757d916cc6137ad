"""DataFrames in: numeric columns read from their buffers, integers and booleans as numbers, text,
categorical and string ids, and missing values (NaN, None, pd.NA), each giving what the command
line gives on the same data written to a CSV file."""
import json

import numpy as np
import pandas as pd
import pytest

import cbec
from cbec import _frame
from conftest import path

FE = "inv ~ value + capital | firm + year"


def grunfeld():
    return pd.read_csv(path("tests/data/grunfeld.csv"), float_precision="round_trip")


def cli_on(cli, df, tmp_path, *args):
    f = tmp_path / "data.csv"
    df.to_csv(f, index=False)
    return cli(args[0], f, *args[1:])


def test_numeric_columns_are_not_copied_on_the_way_in():
    df = grunfeld()
    columns = dict((c[0], c[1]) for c in _frame.engine_data(df))
    for name in ("inv", "value", "capital", "firm", "year"):
        assert np.shares_memory(columns[name], df[name].to_numpy()), name
    assert df["firm"].dtype.kind == "i" and columns["firm"].dtype.kind == "i"   # converted as the engine copies it


def test_missing_values_nan_none_and_pd_na(cli, tmp_path):
    df = grunfeld()
    df.loc[[3, 50], "value"] = np.nan
    df["capital"] = df["capital"].astype("Float64")
    df.loc[[7], "capital"] = pd.NA
    df["firm"] = df["firm"].map(lambda i: f"F{i}").astype(object)
    df.loc[[120], "firm"] = None
    r = cbec.reg(df, FE, vcov="cluster:firm")
    assert r.to_json() + "\n" == cli_on(cli, df, tmp_path, "reg", FE, "--vcov", "cluster:firm")
    assert r.models[0].nobs == 200 - 4


@pytest.mark.parametrize("kind", ["object", "string", "category"])
def test_text_and_categorical_ids(cli, tmp_path, kind):
    df = grunfeld()
    df["firm"] = df["firm"].map(lambda i: f"firm {i:02d}").astype(kind)
    r = cbec.reg(df, FE, vcov="cluster:firm")
    assert r.to_json() + "\n" == cli_on(cli, df, tmp_path, "reg", FE, "--vcov", "cluster:firm")
    numeric = cbec.reg(grunfeld(), FE, vcov="cluster:firm")
    assert r.coef.tolist() == numeric.coef.tolist() and r.se.tolist() == numeric.se.tolist()


def test_int_and_bool_columns(cli, tmp_path):
    df = grunfeld()
    df["big"] = df["value"] > 1000
    df["year"] = df["year"].astype("int32")
    df["capital_int"] = df["capital"].round().astype("int64")
    r = cbec.reg(df, "inv ~ value + capital_int + big | firm + year")
    written = df.assign(big=df["big"].astype(int))
    assert r.to_json() + "\n" == cli_on(cli, written, tmp_path, "reg", "inv ~ value + capital_int + big | firm + year")
    # The bools written as pandas writes them (True/False) read back as the same 0/1 dummy, said in a note.
    from_csv = json.loads(cli_on(cli, df, tmp_path, "reg", "inv ~ value + capital_int + big | firm + year"))
    assert "column 'big': TRUE/FALSE read as 1/0" in from_csv.pop("input_notes")[0]
    assert json.loads(r.to_json()) == from_csv
    # Nullable integers and booleans with pd.NA are numbers with missing values.
    df["big"] = df["big"].astype("boolean")
    df.loc[0, "big"] = pd.NA
    assert cbec.reg(df, "inv ~ value + big").models[0].nobs == 199


def test_text_levels_follow_first_appearance_and_merge_equal_texts():
    name, codes, levels = _frame.column("g", pd.Series(["b", 1, "a", "1", None, np.nan, "", pd.NA, "b", "NA", "N/A", "."], dtype=object))
    assert levels == ["b", "1", "a"]
    assert codes.tolist() == [0, 1, 2, 1, -1, -1, -1, -1, 0, -1, -1, -1]   # "NA", "N/A", "." are missing, as in a CSV


def test_a_strided_column_is_read_with_its_strides(cli, tmp_path):
    df = grunfeld()
    every_other = pd.DataFrame(df.to_numpy()[::2], columns=df.columns)   # views with a stride of two rows
    r = cbec.reg(every_other, "inv ~ value + capital")
    assert r.to_json() + "\n" == cli_on(cli, every_other, tmp_path, "reg", "inv ~ value + capital")


def test_dates_spans_and_complex_numbers_are_text_as_in_a_csv(cli, tmp_path):
    df = grunfeld().assign(when=pd.Timestamp("2020-01-01") + pd.to_timedelta(grunfeld()["year"] - 1935, unit="D"),
                           span=pd.Timedelta(days=1), z=1j)
    r = cbec.reg(df, "inv ~ value")   # columns the analysis does not use do not stop it
    assert r.to_json() == cbec.reg(grunfeld(), "inv ~ value").to_json()
    assert r.to_json() + "\n" == cli_on(cli, df, tmp_path, "reg", "inv ~ value")
    with pytest.raises(cbec.DataError, match="time variable 'when' holds text such as '2020-01-01'; .*s.dt.year"):
        cbec.xtreg(df, "inv ~ value", panel="firm,when")


def test_a_dict_of_columns_is_a_data_frame():
    df = grunfeld()
    assert cbec.reg({c: df[c] for c in df.columns}, "inv ~ value").to_json() == cbec.reg(df, "inv ~ value").to_json()


def test_big_endian_columns_are_read_as_their_values():
    df = grunfeld()
    swapped = df.assign(capital=df["capital"].astype(">f8"), value=df["value"].astype(">f4"), year=df["year"].astype(">i8"))
    native = df.assign(value=df["value"].astype("f4"))
    assert cbec.reg(swapped, FE).to_json() == cbec.reg(native, FE).to_json()


@pytest.mark.parametrize("kind", ["int64", "Int64", "object"])
def test_whole_numbers_beyond_two_to_the_53_are_ids_as_text(cli, tmp_path, kind):
    df = grunfeld()
    df["firm"] = (df["firm"].astype("int64") + 2**60).astype(kind)   # distinct codes a double would merge into one
    if kind == "Int64":
        df.loc[5, "firm"] = pd.NA
    with pytest.warns(UserWarning, match="column 'firm': whole numbers longer than 15 digits"):
        r = cbec.reg(df, "inv ~ value | firm")
    from_csv, from_frame = json.loads(cli_on(cli, df, tmp_path, "reg", "inv ~ value | firm")), json.loads(r.to_json())
    assert "whole numbers longer than 15 digits" in from_csv.pop("input_notes")[0]   # the reader's note
    assert from_frame.pop("input_notes") == ["the DataFrame column 'firm': whole numbers longer than 15 digits (codes such as 18-digit ids) "
                                             "are kept as text, since a double cannot hold them exactly and distinct codes would merge"]
    assert from_frame == from_csv
    if kind != "Int64":
        assert r.coef.tolist() == cbec.reg(grunfeld(), "inv ~ value | firm").coef.tolist()


def test_object_columns_are_read_as_the_csv_reader_reads_their_cells(cli, tmp_path):
    df = grunfeld()
    value = df["value"].astype(object)
    value[[2, 4, 6]] = ["NA", " . ", "abc"]   # markers (spaces around them too) and one text cell
    df["value"] = value
    with pytest.warns(UserWarning, match="column 'value': 1 cell is not a number and read as missing: iloc 6 'abc'"):
        r = cbec.reg(df, "inv ~ value")
    assert r.models[0].nobs == 197 and list(r.coef.index) == ["(Intercept)", "value"]
    from_csv, from_frame = json.loads(cli_on(cli, df, tmp_path, "reg", "inv ~ value")), json.loads(r.to_json())
    assert "1 cell is not a number and read as missing: line 8 'abc'" in from_csv.pop("input_notes")[0]
    assert from_frame.pop("input_notes") == ["the DataFrame column 'value': 1 cell is not a number and read as missing: iloc 6 'abc'"]
    assert from_frame == from_csv
    assert "iloc 6 'abc'" in r.summary()   # in the tables too, as the command line prints its reader's notes


def test_true_false_objects_are_a_dummy_as_bool_is(cli, tmp_path):
    df = grunfeld()
    df["big"] = (df["value"] > 1000).astype(object)
    df.loc[3, "big"] = None
    with pytest.warns(UserWarning, match="column 'big': TRUE/FALSE read as 1/0"):
        r = cbec.reg(df, "inv ~ value + big")
    from_frame = json.loads(r.to_json())
    assert "TRUE/FALSE read as 1/0" in from_frame.pop("input_notes")[0]
    assert from_frame == json.loads(cbec.reg(df.assign(big=df["big"].astype("boolean")), "inv ~ value + big").to_json())
    assert from_frame == {k: v for k, v in json.loads(cli_on(cli, df, tmp_path, "reg", "inv ~ value + big")).items() if k != "input_notes"}


@pytest.mark.parametrize("kind", ["object", "string", "category"])
def test_missing_texts_with_spaces_around_them_are_missing_in_text_columns(cli, tmp_path, kind):
    df = grunfeld()
    firm = df["firm"].map(lambda i: f"F{i}").astype(object)
    firm[[1, 2, 3]] = [" NA", "NA ", " "]
    df["firm"] = firm.astype(kind)
    r = cbec.reg(df, "inv ~ value | firm")
    assert r.models[0].nobs == 197
    assert r.to_json() + "\n" == cli_on(cli, df, tmp_path, "reg", "inv ~ value | firm")


def test_multi_level_headers_half_precision_and_numpy_integers():
    df = grunfeld()
    two_levels = df.copy()
    two_levels.columns = pd.MultiIndex.from_tuples([("g", c) for c in df.columns])
    assert cbec.reg(two_levels, "g_inv ~ g_value").coef.tolist() == cbec.reg(df, "inv ~ value").coef.tolist()
    half = df.assign(value=df["value"].astype(np.float16))
    assert cbec.reg(half, "inv ~ value").coef.tolist() == cbec.reg(df.assign(value=half["value"].astype(np.float64)), "inv ~ value").coef.tolist()
    df["g"] = np.where(df["firm"] <= 3, 1945, 0)
    placebo = dict(y="inv", panel="firm,year", first_treat="g", draws=np.int64(20))
    assert cbec.did.placebo(df, **placebo, seed=np.int64(5), threads=np.int32(2)).to_json() == cbec.did.placebo(df, **placebo, seed=5, threads=2).to_json()


def test_two_models_of_one_name_are_refused():
    with pytest.raises(cbec.SpecError, match="names: 'm' is given to two models"):
        cbec.reg(grunfeld(), ["inv ~ value", "inv ~ capital"], names=["m", "m"])


def test_infinite_values_are_missing_and_said(cli, tmp_path):
    df = grunfeld()
    df.loc[[0, 9], "value"] = [np.inf, -np.inf]
    with pytest.warns(UserWarning, match="column 'value': 2 infinite value"):
        r = cbec.reg(df, "inv ~ value")
    assert r.models[0].nobs == 198
    assert r.coef.tolist() == cbec.reg(df.drop(index=[0, 9]), "inv ~ value").coef.tolist()


def test_numbers_held_as_objects_are_numbers(cli, tmp_path):
    import decimal
    df = grunfeld()
    as_objects = df.assign(value=df["value"].map(lambda v: decimal.Decimal(repr(v))), capital=df["capital"].astype(object))
    as_objects.loc[3, "capital"] = None
    expected = df.assign(capital=df["capital"].where(df.index != 3))
    assert cbec.reg(as_objects, "inv ~ value + capital").to_json() == cbec.reg(expected, "inv ~ value + capital").to_json()
    mixed = df.assign(g=pd.Series([1, "a", "b", "a"] * 50, dtype=object))   # mostly text: text, as in a CSV
    assert "g::a" in cbec.reg(mixed, "inv ~ value + g").coef.index
    assert cbec.reg(mixed, "inv ~ value + g").to_json() + "\n" == cli_on(cli, mixed, tmp_path, "reg", "inv ~ value + g")


def test_a_categorical_keeps_its_categories_order():
    # pd.cut's bins low < mid < high: "low" is the reference level, as R's factor and patsy take the
    # first category (it was "high", the first in byte order). Without other regressors each
    # coefficient is its group's mean less the reference group's.
    df = grunfeld()
    df["sz"] = pd.cut(df["value"], [0, 500, 1500, 1e9], labels=["low", "mid", "high"])
    means = df.groupby("sz", observed=True)["inv"].mean()
    for formula in ("inv ~ sz", "inv ~ i(sz)"):
        r = cbec.reg(df, formula)
        assert list(r.coef.index) == ["(Intercept)", "sz::mid", "sz::high"], formula
        assert r.coef["(Intercept)"] == pytest.approx(means["low"], rel=1e-12)
        assert r.coef["sz::mid"] == pytest.approx(means["mid"] - means["low"], rel=1e-12)
        assert r.coef["sz::high"] == pytest.approx(means["high"] - means["low"], rel=1e-12)
    # A string column has no declared order: its levels are sorted, as a CSV's text.
    r = cbec.reg(df.assign(sz=df["sz"].astype(str)), "inv ~ sz")
    assert list(r.coef.index) == ["(Intercept)", "sz::low", "sz::mid"]


def test_header_spaces_are_stripped_as_the_csv_reader_strips_them(cli, tmp_path):
    df = grunfeld()
    spaced = df.rename(columns={"inv": " inv", "value": "value\t"})
    assert cbec.reg(spaced, "inv ~ value").coef.tolist() == cbec.reg(df, "inv ~ value").coef.tolist()


def test_a_year_held_as_text_is_told_to_become_numbers():
    df = grunfeld()
    df["year"] = df["year"].astype("category")
    with pytest.raises(cbec.DataError, match=r"astype\(int\)"):
        cbec.xtreg(df, "inv ~ value", panel="firm,year")


def test_named_index_levels_are_columns_too(cli, tmp_path):
    # A panel indexed by unit and year (as linearmodels takes it) gives what its columns give.
    df = grunfeld()
    indexed = df.set_index(["firm", "year"])
    assert cbec.reg(indexed, FE).to_json() == cbec.reg(df, FE).to_json()
    assert cbec.xtreg(indexed, "inv ~ value", panel="firm,year").to_json() == cbec.xtreg(df, "inv ~ value", panel="firm,year").to_json()


def test_a_data_frames_rows_are_named_by_position():
    # The engine names a file's data lines (row i is line i + 2); a DataFrame's rows are iloc positions.
    df = grunfeld()
    df.loc[5, "year"] = df.loc[4, "year"]
    df.index = df.index + 60   # labels are not positions
    with pytest.raises(cbec.DataError, match=r"rows \(iloc\) 4 and 5"):
        cbec.xtreg(df, "inv ~ value", panel="firm,year")


def test_notes_name_a_data_frames_rows_by_position_too():
    # AHP's note on the cells it took as reciprocals names rows: iloc positions in the JSON and the
    # tables alike, data lines when the same matrix is read from a file.
    from cbec import _engine
    assert _engine.rows_as_positions("first: data line 7; data lines 9 and 12") == "first: row (iloc) 5; rows (iloc) 7 and 10"
    assert _engine.rows_as_positions("data line x, data lines") == "data line x, data lines"
    upper = pd.DataFrame({"a": [1.0, None, None], "b": [3.0, 1.0, None], "c": [5.0, 2.0, 1.0]})
    r = cbec.index(upper, method="ahp")
    named = "column 'a', row (iloc) 1; column 'a', row (iloc) 2; column 'b', row (iloc) 2"
    assert named in r.json["notes"][0]
    assert named in r.tables[0].notes[0]
    assert "data line" not in r.summary()
