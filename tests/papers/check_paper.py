#!/usr/bin/env python3
"""Runs one reference paper's study (examples/papers/<paper>/study.toml) and checks key cells of its
tables: the form the paper prints (stepwise columns, Controls rows, groups side by side, levels and
differences) and the numbers: for real data the values of independent runs of the same commands,
for simulated data the known truth within the sampling error.

Usage: check_paper.py <cbec> <source dir> <paper> <artifacts dir>
"""
import re
import json
import os
import shutil
import subprocess
import sys
import tempfile

CBEC, SRC, PAPER, OUT = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
FOLDER = os.path.join(SRC, "examples", "papers", PAPER)
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def near(value, expected, tol, what):
    check(value is not None and abs(value - expected) <= tol, f"{what}: {value}, expected {expected} +- {tol}")


def run_study(study):
    report = os.path.join(OUT, "report")
    shutil.rmtree(report, ignore_errors=True)
    r = subprocess.run([CBEC, "run", study, "-o", report, "--no-cache"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"cbec run {study} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    with open(os.path.join(report, "results.json"), encoding="utf-8") as f:
        results = json.load(f)
    tables = []
    for name in sorted(os.listdir(os.path.join(report, "tables"))):
        if name.endswith(".md"):
            with open(os.path.join(report, "tables", name), encoding="utf-8") as f:
                tables.append(markdown_table(f.read()))
    return results, tables


def markdown_table(text):
    """(title, rows of cells) of a table as the report's Markdown writes it."""
    lines = text.splitlines()
    title = lines[0].strip("*") if lines and lines[0].startswith("**") else ""
    rows = []
    for line in lines:
        if line.startswith("|") and not re.match(r"^\|\s*:?-", line):
            rows.append([c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return title, rows


def step(results, title_start):
    """The results of the step whose title starts with `title_start`."""
    for a in results["analyses"]:
        if a["title"].startswith(title_start):
            return a["results"]
    sys.exit(f"no step titled '{title_start}...'")


def table(tables, title_start):
    """The rows (header first) of the first table whose title starts with `title_start`."""
    for title, rows in tables:
        if title.startswith(title_start):
            return rows
    sys.exit(f"no table titled '{title_start}...'; titles: {[t for t, _ in tables]}")


def row(rows, label):
    for r in rows:
        if r and r[0].strip() == label:
            return r
    failures.append(f"no row '{label}' in the table with header {rows[0]}")
    return []


def same_file(a, b, what):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        check(fa.read() == fb.read(), f"{what}: {a} differs from {b}")


def cells(rows, label):
    return row(rows, label)[1:]


def zhejiang_convergence():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(FOLDER, "simulate.py"), os.path.join(tmp, "panel.csv")], check=True)
        same_file(os.path.join(tmp, "panel.csv"), os.path.join(FOLDER, "panel.csv"), "simulate.py (seed 17)")
    results, tables = run_study(os.path.join(FOLDER, "study.toml"))
    # The SAR with time effects in the paper's form: rho, beta, sigma^2, log-likelihood, speed, half-life.
    t6 = table(tables, "Table 6.")
    check(t6[0] == ["", "all"], f"Table 6 header {t6[0]}")
    check(cells(t6, "rho") == ["0.157"], "Table 6 rho")
    check(cells(t6, "l(log(cbec_exports), 1)") == ["-0.081***"], "Table 6 beta")
    check(cells(t6, "period FE") == ["Yes"], "Table 6 time effects")
    check(cells(t6, "sigma^2") == ["0.000841"], "Table 6 sigma^2")
    check(cells(t6, "Log-likelihood") == ["209.633"], "Table 6 log-likelihood")
    check(cells(t6, "Speed -ln(1 + beta)") == ["0.0846"], "Table 6 speed")
    check(cells(t6, "Half-life (periods)") == ["8.2"], "Table 6 half-life")
    m = step(results, "Table 6.")["results"][0]["model"]
    beta = "l(log(cbec_exports), 1)"
    near(m["coef"]["rho"], 0.35, 2.5 * m["se"]["rho"], "rho against the truth 0.35 (2.5 SE)")
    near(m["coef"][beta], -0.08, 2.5 * m["se"][beta], "beta against the truth -0.08 (2.5 SE)")
    t7 = table(tables, "Table 7.")
    check(t7[0] == ["", "Northeast", "Southwest"], f"Table 7 header {t7[0]}")
    check(cells(t7, "Observations") == ["54", "45"], "Table 7 observations")
    check(cells(t7, "Speed -ln(1 + beta)") == ["0.0879", "0.0849"], "Table 7 speeds")
    t8 = step(results, "Table 8.")["results"]
    check([r["convergence"]["group"] for r in t8] == ["Northeast", "Southwest"], "Table 8 groups")
    near(t8[0]["convergence"]["speed"], 0.053370, 1e-6, "Table 8 Northeast speed -ln(1 + T beta)/T")
    near(t8[1]["convergence"]["half_life"], 7.1416, 1e-4, "Table 8 Southwest half-life")
    check(cells(table(tables, "Table 3."), "2011")[0] == "0.4693", "Moran's I 2011")
    sigma = table(tables, "Table 2.")
    check(cells(sigma, "2011")[2] == "0.5595" and cells(sigma, "2020")[2] == "0.3065", "sigma convergence SD 2011, 2020")
    check(cells(table(tables, "Table 4."), "LM-lag (Anselin 1988)")[0] == "1.8104", "LM-lag")
    check(cells(table(tables, "Spatial Hausman test: random"), "sar")[0] == "5.1832", "spatial Hausman chi2")


def provincial_cointegration():
    results, tables = run_study(os.path.join(FOLDER, "study.toml"))
    # One unit-root table: a block per variable, levels and first differences side by side.
    ur = table(tables, "Table 2.")
    check(ur[0] == ["Variable", "Test", "Statistic", "Levels", "p-value", "First differences", "p-value"], f"unit-root header {ur[0]}")
    blocks = [r[0] for r in ur[1:] if r[0]]
    check(blocks == ["log_patent_grant_total", "log_rd_expenditure"], f"unit-root blocks {blocks}")
    tests = [r[1] for r in ur[1:] if r[1]]
    check(tests == ["Levin-Lin-Chu", "Harris-Tzavalis", "Im-Pesaran-Shin", "Fisher ADF"] * 2, f"unit-root tests {tests}")
    check(ur[2][2:] == ["t*", "-1.0614", "0.1443", "-22.2394", "0.0000"], f"LLC of ln patents {ur[2]}")
    check(ur[4][2:] == ["z", "3.7748", "0.9999", "-12.7659", "0.0000"], f"Harris-Tzavalis of ln patents {ur[4]}")
    check(cells(table(tables, "Table 3. Panel cointegration tests (Kao)"), "ADF") == ["2.6562", "0.9960"], "Kao ADF")
    check(cells(table(tables, "Table 3 (cont.)"), "group_adf") == ["-15.1242", "-4.7041", "0.0000"], "Pedroni group ADF")
    # FE confirmed by FMOLS and DOLS, side by side.
    t4 = table(tables, "Table 4.")
    check(t4[0] == ["", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], f"Table 4 header {t4[0]}")
    check(t4[1][1:] == ["FE", "RE", "Two-way FE", "FMOLS", "DOLS", "FMOLS (group mean)"], f"Table 4 names {t4[1]}")
    check(cells(t4, "ln R&D expenditure") == ["1.323***", "1.141***", "0.429***", "1.325***", "1.422***", "1.454***"], "Table 4 elasticities")
    check(cells(t4, "province_en FE") == ["Yes", "No", "Yes", "Yes", "Yes", "Yes"], "Table 4 unit effects")
    check(cells(t4, "Observations") == ["279", "279", "279", "248", "186", "248"], "Table 4 observations")
    near(step(results, "Fixed and random effects")["hausman"]["stat"], 24.628859, 1e-5, "Hausman chi2 (FE against RE)")
    check(cells(table(tables, "Table 5."), "Beijing") == ["8", "0.5902**"], "Hansen Lc of Beijing")
    check(cells(table(tables, "Table 6."), "all") == ["279", "-0.6874", "3.5616", "25.6398", "0.0000"], "Jarque-Bera")


def pilot_zone_did():
    work = os.path.join(OUT, "study")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copy(os.path.join(FOLDER, "study.toml"), work)
    subprocess.run([sys.executable, os.path.join(FOLDER, "simulate.py"), CBEC, work], check=True)
    with open(os.path.join(work, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    check(truth["treated_cities"] == 104, f"treated cities {truth['treated_cities']} (the registry's batches 1-5)")
    results, tables = run_study(os.path.join(work, "study.toml"))
    # The stepwise table (1)-(7) with Controls, fixed-effect and statistics rows.
    t2 = table(tables, "Table 2.")
    check(t2[0] == [""] + [f"({k})" for k in range(1, 8)], f"Table 2 header {t2[0]}")
    check(cells(t2, "Pilot zone (DID)")[0] == "0.153***", "Table 2 column (1)")
    check(cells(t2, "Controls") == ["No"] + ["Yes"] * 6, "Table 2 Controls row")
    check(cells(t2, "province_cn^year FE") == ["No"] * 5 + ["Yes", "No"], "Table 2 province-by-year row")
    check(cells(t2, "Clusters")[-1] == "31", "Table 2 clusters by province in (7)")
    check(all(r[0] != "ln GDP per capita" for r in t2), "Table 2 hides the controls")
    # Known truth: the mean effect over treated city-years, by region, at event time 0, indirect effect.
    cs = step(results, "Table 7b.")["aggregations"]["simple"]
    near(cs["att"], truth["att_treated_cells"], 3 * cs["se"], "Callaway-Sant'Anna simple ATT against the truth (3 SE)")
    att = [e for e in step(results, "Table 7d.")["effects"] if e["term"] == "ATT"][0]
    near(att["att"], truth["att_treated_cells"], 3 * att["se"], "imputation ATT against the truth (3 SE)")
    # The robustness table: each estimator's overall effect in the one row of did.
    t7e = table(tables, "Table 7e.")
    check(t7e[0] == [""] + [f"({k})" for k in range(1, 5)], f"Table 7e header {t7e[0]}")
    check(t7e[1] == ["", "TWFE", "Callaway-Sant'Anna", "Sun-Abraham", "Imputation"], f"Table 7e names {t7e[1]}")
    row = cells(t7e, "Pilot zone (DID)")
    check(row[1].startswith(f"{cs['att']:.3f}") and row[3].startswith(f"{att['att']:.3f}"), f"Table 7e row {row}")
    ev = {e["rel"]: e for e in step(results, "Figure 1.")["event_study"]}
    near(ev[0]["estimate"], truth["att_by_event_time"]["0"], 3 * ev[0]["se"], "event-study effect at 0 against the truth (3 SE)")
    for k in (-4, -3, -2):
        near(ev[k]["estimate"], 0, 3 * ev[k]["se"], f"event-study lead {k} against 0 (3 SE)")
    t5 = table(tables, "Table 5.")
    check(t5[0] == ["", "East", "Central", "West"], f"Table 5 header {t5[0]}")
    check(cells(t5, "Controls") == ["Yes"] * 3, "Table 5 Controls row")
    groups = step(results, "Table 5.")["groups"]
    for g in groups:
        m = g["results"]
        near(m["coef"]["did"], truth["att_by_region"][g["group"]], 3 * m["se"]["did"], f"{g['group']} effect against the truth (3 SE)")
    eq = step(results, "Table 5.")["equality_tests"][0]
    check(eq["p_value"] < 0.01, f"equal regional effects rejected: p = {eq['p_value']}")
    med = step(results, "Table 4.")
    lo, hi = med["bootstrap"]["conf_int"]
    check(lo <= truth["indirect_effect"] <= hi, f"indirect effect {truth['indirect_effect']} outside the bootstrap CI [{lo}, {hi}]")
    a = med["steps"][1]
    near(a["coef"]["did"], truth["mediator_effect_of_did"], 3 * a["se"]["did"], "effect of the zone on the mediator (3 SE)")
    placebo = step(results, "Figure 2.")
    check(placebo["n_draws"] == 500 and placebo["p_value"]["two_sided"] < 0.01, f"placebo: {placebo['n_draws']} draws, p {placebo['p_value']}")
    batch = table(tables, "Table 6.")
    check([r[0] for r in batch if r[0].startswith("batch::")] == [f"batch::{b}:did" for b in range(1, 6)], "Table 6 one DID per batch")
    psm = step(results, "Table 3.")
    check(psm["n_treated_matched"] == psm["n_treated"] == 329, f"PSM matched {psm['n_treated_matched']} of {psm['n_treated']}")


def composite_index():
    results, tables = run_study(os.path.join(FOLDER, "study.toml"))
    w = table(tables, "Table 1.")
    check([r[-1] for r in w[1:]] == ["0.3012", "0.3258", "0.2534", "0.1195"], f"entropy weights {[r[-1] for r in w[1:]]}")
    by_region = table(tables, "Mean of innovation by seven_east_jiangxi and year")
    check(cells(by_region, "East China")[-1] == "0.267", "East China mean (Jiangxi in East China)")
    check(cells(by_region, "Central China")[-1] == "0.129", "Central China mean")
    regions = step(results, "Seven regions")
    check(regions["counts"].get("East China") == 7, f"East China has 7 provinces with Jiangxi: {regions['counts']}")
    ineq = table(tables, "Table 3.")
    check(ineq[0][:6] == ["Period", "n", "Gini", "Gini within", "Gini net between", "Gini transvariation"], f"Table 3 header {ineq[0]}")
    check(cells(ineq, "2011")[:5] == ["31", "0.5343", "0.0681", "0.3189", "0.1473"], "Dagum Gini 2011")
    check(cells(ineq, "2019")[5:8] == ["0.4904", "0.1858", "0.3046"], "Theil T 2019")
    for p in step(results, "Table 3.")["variables"][0]["inequality"]:
        near(p["gini_within"] + p["gini_net_between"] + p["gini_transvariation"], p["gini"], 1e-12, f"Dagum parts sum to the Gini in {p['period']}")
        near(p["theil_t_between"] + p["theil_t_within"], p["theil_t"], 1e-12, f"Theil parts sum to T in {p['period']}")
    check(cells(table(tables, "Table 4."), "2019")[0] == "0.2385", "Moran's I 2019")
    beta = table(tables, "Table 6.")
    check(len(beta[0]) == 8, f"Table 6: one column per region, {beta[0]}")


def zone_monitoring():
    results, tables = run_study(os.path.join(FOLDER, "study.toml"))
    batches = table(tables, "Table 1.")
    check(cells(batches, "Total")[-2] == "165", "165 zones")
    check(cells(batches, "5")[-1] == "105", "cumulative zones after batch 5")
    rollout = table(tables, "Rollout by year")
    check(cells(rollout, "2020") == ["46", "105", "30", "96.8", "104", "30.9"], f"rollout in 2020 {cells(rollout, '2020')}")
    monitor = step(results, "Table 2.")
    pop = monitor["indicators"][0]
    check(pop["indicator"] == "population", "monitored indicator")
    levels = {p["period"]: p for p in pop["levels"]}
    check(levels[2020]["n_zone"] == 104, f"zone cities in 2020: {levels[2020]['n_zone']}")
    check(levels[2020]["gap"] > 0 and levels[2020]["growth_gap"] > 0, "zone cities larger and growing faster")
    by_belt = step(results, "Table 4.")["variables"][1]["inequality"]
    same = step(results, "Table 3.")["indicators"][0]["inequality"]
    for a, b in zip(by_belt, same):
        near(a["gini"], b["gini"], 1e-12, f"inequality equals monitor --by in {a['period']}")
        near(a["theil_t_between"], b["theil_t_between"], 1e-12, f"Theil between equals monitor --by in {a['period']}")


PAPERS = {"zhejiang-convergence": zhejiang_convergence, "provincial-cointegration": provincial_cointegration,
          "pilot-zone-did": pilot_zone_did, "composite-index": composite_index, "zone-monitoring": zone_monitoring}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    PAPERS[PAPER]()
    if failures:
        sys.exit(f"{PAPER}: {len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
    print(f"{PAPER}: all checks passed")
