"""The module's numbers equal the command line's to the last digit: on the reference data, each
function's JSON is the very text `cbec ... --json` prints, and its summary() the tables it prints.
Data go in both as a file path (read by cbec) and as a pandas DataFrame (read with pandas'
round-trip float parser, which reads every decimal as the nearest double, as cbec's reader does)."""
import json
import re
import os

import pandas as pd
import pytest

import cbec
from conftest import path


def read(rel):
    return pd.read_csv(path(rel), float_precision="round_trip")


def same_as_cli(result, cli, *args):
    assert result.to_json() + "\n" == cli(*args)
    assert result.summary() == cli(*args, json_output=False)


REG = ["inv ~ value + capital", "inv ~ value + capital | firm + year"]


@pytest.mark.parametrize("data", ["tests/data/grunfeld.csv", "frame"])
def test_reg(cli, data):
    d = read("tests/data/grunfeld.csv") if data == "frame" else path(data)
    r = cbec.reg(d, REG, names=["OLS", "FE"], vcov="cluster:firm", panel="firm,year")
    same_as_cli(r, cli, "reg", "tests/data/grunfeld.csv", *REG, "--names", "OLS", "FE", "--vcov", "cluster:firm", "--panel", "firm,year")


def test_reg_as_in_the_issue(cli):
    r = cbec.reg(read("tests/data/grunfeld.csv"), "inv ~ value + capital | firm + year", vcov="cluster:firm")
    same_as_cli(r, cli, "reg", "tests/data/grunfeld.csv", "inv ~ value + capital | firm + year", "--vcov", "cluster:firm")
    expected = cli.json("reg", "tests/data/grunfeld.csv", "inv ~ value + capital | firm + year", "--vcov", "cluster:firm")["models"][0]
    assert r.coef.to_dict() == expected["coef"]
    assert r.se.to_dict() == expected["se"]
    assert r.vcov.to_numpy().tolist() == expected["vcov"]["matrix"]


@pytest.mark.parametrize("data", ["tests/data/grunfeld.csv", "frame"])
def test_xtreg(cli, data):
    d = read("tests/data/grunfeld.csv") if data == "frame" else path(data)
    r = cbec.xtreg(d, "inv ~ value + capital", model=["pooled", "fe", "be", "fd", "re"], hausman=True, unit="firm", time="year")
    same_as_cli(r, cli, "xtreg", "tests/data/grunfeld.csv", "inv ~ value + capital", "--model", "pooled", "fe", "be", "fd", "re", "--hausman",
                "--unit", "firm", "--time", "year")
    assert len(r.models) == 5


@pytest.mark.parametrize("data", ["tests/data/mpdta.csv", "frame"])
def test_did_cs(cli, data):
    d = read("tests/data/mpdta.csv") if data == "frame" else path(data)
    r = cbec.did(d, method="cs", y="lemp", controls=["lpop"], control_group="notyet", draws=99, unit="countyreal", time="year",
                 first_treat="first.treat")
    same_as_cli(r, cli, "did", "tests/data/mpdta.csv", "--method", "cs", "--y", "lemp", "--controls", "lpop", "--control-group", "notyet",
                "--draws", "99", "--unit", "countyreal", "--time", "year", "--first-treat", "first.treat")
    assert r.json["aggregations"]["simple"]["att"] == cli.json("did", "tests/data/mpdta.csv", "--method", "cs", "--y", "lemp", "--controls", "lpop",
                                                               "--control-group", "notyet", "--draws", "99", "--unit", "countyreal", "--time",
                                                               "year", "--first-treat", "first.treat")["aggregations"]["simple"]["att"]


@pytest.mark.parametrize("weights", ["file", "object"])
def test_spatial_moran(cli, weights):
    gal = path("tests/data/zhejiang_queen.gal")
    w = gal if weights == "file" else cbec.weights(file=gal)
    r = cbec.spatial.moran(read("tests/data/studies/zhejiang_panel.csv"), variable="x", permutations=99, w=w, id="city", panel="city,year")
    same_as_cli(r, cli, "spatial", "moran", "tests/data/studies/zhejiang_panel.csv", "--variable", "x", "--permutations", "99",
                "--w", "tests/data/zhejiang_queen.gal", "--id", "city", "--panel", "city,year")
    # The command's form: cbec.spatial(data, "moran", ...)
    r2 = cbec.spatial(read("tests/data/studies/zhejiang_panel.csv"), "moran", variable="x", permutations=99, w=w, id="city", panel="city,year")
    assert r2.to_json() == r.to_json()


@pytest.mark.parametrize("kwargs,flags", [
    ({"data": "tests/data/zhejiang_polygons.csv", "id": "city", "type": "queen", "edits": "tests/data/zhejiang_water_edits.csv", "transform": "R"},
     ["tests/data/zhejiang_polygons.csv", "--id", "city", "--type", "queen", "--edits", "tests/data/zhejiang_water_edits.csv", "--transform", "R"]),
    ({"data": "tests/data/zhejiang_cities.csv", "id": "name_en", "type": "band", "threshold": 150, "link_islands": True},
     ["tests/data/zhejiang_cities.csv", "--id", "name_en", "--type", "band", "--threshold", "150", "--link-islands"]),
    ({"data": "tests/data/zhejiang_cities.csv", "id": "name_en", "type": "idw", "power": 2, "transform": "S"},
     ["tests/data/zhejiang_cities.csv", "--id", "name_en", "--type", "idw", "--power", "2", "--transform", "S"]),
    ({"data": "tests/data/zhejiang_cities.csv", "id": "name_en", "type": "idw", "threshold": 150, "ellipsoid": True},
     ["tests/data/zhejiang_cities.csv", "--id", "name_en", "--type", "idw", "--threshold", "150", "--ellipsoid"]),
    ({"file": "tests/data/columbus.gal", "transform": "R"}, ["--file", "tests/data/columbus.gal", "--transform", "R"]),
])
def test_weights_as_cbec_weights_builds_them(cli, kwargs, flags, tmp_path):
    w = cbec.weights(**kwargs)
    assert w.to_json() + "\n" == cli("weights", *flags)
    assert w.summary() == cli("weights", *flags, json_output=False)
    w.save(tmp_path / "w.gal")
    cli("weights", *flags, "--save", tmp_path / "cli.gal", json_output=False)
    assert (tmp_path / "w.gal").read_bytes() == (tmp_path / "cli.gal").read_bytes()


def test_weights(cli):
    w = cbec.weights(read("tests/data/zhejiang_cities.csv"), id="name_en", type="knn", k=3)
    assert w.to_json() + "\n" == cli("weights", "tests/data/zhejiang_cities.csv", "--id", "name_en", "--type", "knn", "--k", "3")
    assert w.summary() == cli("weights", "tests/data/zhejiang_cities.csv", "--id", "name_en", "--type", "knn", "--k", "3", json_output=False)
    assert w.n == 11 and len(w.ids) == 11


def test_index_entropy_adds_its_column(cli, tmp_path):
    args = ["index", "tests/data/scitech_2011_2019.csv", "--method", "entropy", "--indicators", "patent_app_invention", "patent_grant_total",
            "rd_expenditure", "rd_intensity", "--negative", "rd_intensity", "--name", "innov", "--panel", "province_en,year"]
    df = read("tests/data/scitech_2011_2019.csv")
    r = cbec.index.entropy(df, indicators=["patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity"],
                           negative=["rd_intensity"], name="innov", panel=("province_en", "year"))
    same_as_cli(r, cli, *args)
    saved = tmp_path / "saved.csv"
    cli(*args, "--save", saved, json_output=False)
    expected = pd.read_csv(saved, dtype=str, keep_default_na=False)
    # the CSV holds each double's shortest round-trip text: it reads back as the same numbers
    assert [float(v) for v in expected["innov"]] == list(r.data["innov"])
    assert [repr(float(v)) for v in r.data["innov"]] == expected["innov"].tolist()
    assert "innov" not in df   # the caller's DataFrame is left as it was
    # From a file, the whole data come back with the new column.
    assert cbec.index.entropy(path("tests/data/scitech_2011_2019.csv"), indicators=["patent_app_invention", "rd_expenditure"],
                              name="innov").data.shape == (len(df), df.shape[1] + 1)


@pytest.mark.parametrize("method,data,unit,extra", [
    ("sigma", "tests/data/grunfeld.csv", "firm", {"variable": "inv"}),
    ("beta", "tests/data/scitech_2011_2019.csv", "province_en", {"variable": "rd_intensity", "vcov": "hc1"}),
    ("club", "tests/data/ps_gdp50.csv", "country", {"variable": "gdp", "merge": "vlt"}),
])
def test_converge(cli, method, data, unit, extra):
    r = cbec.converge(read(data), method=method, panel=f"{unit},year", **extra)
    flags = [x for k, v in extra.items() for x in ("--" + k, v)]
    same_as_cli(r, cli, "converge", data, "--method", method, "--panel", f"{unit},year", *flags)


def test_treat_adds_the_treatment_columns(cli, tmp_path):
    df = read("examples/yrd/cities.csv")
    r = cbec.treat(df, unit="city_cn", time="batch", level="city")
    same_as_cli(r, cli, "treat", "examples/yrd/cities.csv", "--unit", "city_cn", "--time", "batch", "--level", "city")
    saved = tmp_path / "treated.csv"
    cli("treat", "examples/yrd/cities.csv", "--unit", "city_cn", "--time", "batch", "--level", "city", "--save", saved, json_output=False)
    expected = pd.read_csv(saved, float_precision="round_trip")
    for column in expected.columns:
        got = r.data[column]
        want = expected[column]
        assert got.isna().tolist() == want.isna().tolist(), column
        assert [str(v) for v in got[got.notna()]] == [str(v) for v in want[want.notna()]] or \
            got[got.notna()].astype(float).tolist() == want[want.notna()].astype(float).tolist(), column


def test_run_study(cli, tmp_path):
    study = path("tests/data/studies/good.toml")
    cli("run", study, "-o", tmp_path / "cli", "--no-cache", json_output=False)
    s = cbec.run_study(study, out=tmp_path / "python", no_cache=True)
    with open(tmp_path / "cli" / "results.json", encoding="utf-8") as f:
        expected = json.load(f)
    # The provenance names the code that ran: the module and the program are two builds of it.
    got = json.loads(json.dumps(s.json))
    for j in (got, expected):
        assert re.fullmatch("[0-9a-f]{64}", j["provenance"].pop("code"))
    assert got == expected
    assert [x.analysis for x in s.sections] == [a["type"] for a in expected["analyses"]]
    for section, a in zip(s.sections, expected["analyses"]):
        assert section.json == a["results"]
    for name in os.listdir(tmp_path / "cli" / "tables"):
        assert (tmp_path / "python" / "tables" / name).read_bytes() == (tmp_path / "cli" / "tables" / name).read_bytes(), name


def test_reading_options_for_a_data_file(cli, tmp_path):
    # A yearbook export: ';'-separated GBK text with thousands separators and percentages; the
    # module reads it with the same options as the command line, to the same numbers.
    rows = ["省份;出口;占比"] + [f"地区{i};{1000 * i + 7 * i * i:,};{(3 * i + 1) % 17}.5%" for i in range(1, 21)]
    f = tmp_path / "yearbook.csv"
    f.write_bytes("\n".join(rows).encode("gbk"))
    r = cbec.reg(str(f), "出口 ~ 占比", delimiter=";", encoding="gbk", thousands=",", percent=True)
    same_as_cli(r, cli, "reg", f, "出口 ~ 占比", "--delimiter", ";", "--encoding", "gbk", "--thousands", ",", "--percent")
    assert r.coef["占比"] != 0
    with pytest.raises(cbec.SpecError, match="thousands: 'ab' is not a separator"):
        cbec.reg(str(f), "出口 ~ 占比", delimiter=";", thousands="ab")
    with pytest.raises(cbec.SpecError, match="data is a DataFrame"):
        cbec.reg(read("tests/data/grunfeld.csv"), "inv ~ value", encoding="gbk")


def test_column_cache_gives_the_same_numbers(cli, tmp_path):
    # cache=True writes the column cache beside the file, then reads it: the same results as
    # parsing, and as the command line's --cache; refused with a DataFrame.
    f = tmp_path / "panel.csv"
    f.write_text("id,year,y,x\n" + "".join(f"{i % 7},{2000 + i // 7},{i * 0.37 % 5},{'oops' if i == 9 else i % 3}\n" for i in range(70)))
    parsed = cbec.reg(str(f), "y ~ x")
    first = cbec.reg(str(f), "y ~ x", cache=True)
    assert (tmp_path / "panel.csv.cbec-cache").exists()
    second = cbec.reg(str(f), "y ~ x", cache=True)
    assert first.to_json() == parsed.to_json() and second.to_json() == parsed.to_json()
    assert "oops" in parsed.to_json()   # the bad cell's note, kept in the cache
    same_as_cli(second, cli, "reg", f, "y ~ x", "--cache")
    with pytest.raises(cbec.SpecError, match="data is a DataFrame"):
        cbec.reg(read("tests/data/grunfeld.csv"), "inv ~ value", cache=True)
