"""The sample and table options from Python: if_= and subset= are --if, split_by= is --split-by
(the same JSON text as the command line), and etable takes the table options of cbec reg."""
import json

import pandas as pd
import pytest

import cbec
from conftest import path

DATA = "tests/data/core_panel.csv"


def test_if_and_subset_are_the_command_lines_if(cli):
    expected = cli.json("reg", DATA, "y ~ x1 + x2", "--if", "region == 'A' & year >= 2015")
    for kwargs in ({"if_": "region == 'A' & year >= 2015"}, {"subset": "region == 'A' & year >= 2015"}):
        assert json.loads(cbec.reg(DATA, "y ~ x1 + x2", **kwargs).to_json()) == expected
    with pytest.raises(cbec.SpecError, match="given twice"):
        cbec.reg(DATA, "y ~ x1", if_="year > 1", subset="year > 2")
    with pytest.raises(cbec.DataError, match="no column 'regoin'"):
        cbec.reg(DATA, "y ~ x1", if_="regoin == 'A'")


def test_split_by_is_the_command_lines(cli):
    expected = cli.json("reg", DATA, "y ~ x1 + x2", "--vcov", "hc0", "--split-by", "region")
    got = json.loads(cbec.reg(pd.read_csv(path(DATA), float_precision="round_trip"), "y ~ x1 + x2", vcov="hc0", split_by="region").to_json())
    assert got["equality_tests"] == expected["equality_tests"]
    assert len(got["groups"]) == 8


def test_etable_takes_the_table_options():
    df = pd.read_csv(path(DATA), float_precision="round_trip")
    models = [cbec.reg(df, "y ~ x1"), cbec.reg(df, "y ~ x1 + x2")]
    text = str(cbec.etable(models, names=["A", "B"], numbers=True, indicate=["Controls = x2"], coefstat="p", stats=["n", "adj_r2"],
                           labels={"x1": "投资"}))
    assert "Controls" in text and "投资" in text and "p-values in parentheses" in text and "(2)" in text
    assert "投资 x1" in str(cbec.etable(models, labels=path("tests/data/labels_core_panel.csv")))
    with pytest.raises(cbec.SpecError, match="'coefstat' cannot be 'sd'"):
        cbec.etable(models, coefstat="sd")
