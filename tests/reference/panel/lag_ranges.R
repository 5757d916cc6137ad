# Reference numbers for lag and lead ranges in a formula (l(x, 0:2), f(x, 0:1), as fixest expands
# them into one term per period) from plm (Debian r-cran-plm), whose lag(x, 0:2) and lead(x, 0:1)
# expand the same way, on EmplUK (unbalanced, with gaps: a lag across a gap is missing in both).
# Within estimator, iid standard errors (plm's, df = n - K - absorbed effects).
# Run from the repository root: Rscript tests/reference/panel/lag_ranges.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
em <- pdata.frame(read.csv("tests/data/empluk.csv"), index = c("firm", "year"))
em$lemp <- log(em$emp); em$lwage <- log(em$wage); em$lcap <- log(em$capital)
fit <- function(id, form, effect, cbec_formula, cbec_names) {
  m <- plm(form, data = em, model = "within", effect = effect)
  b <- coef(m); se <- sqrt(diag(vcov(m)))
  list(id = id, effect = effect, formula = cbec_formula, plm_formula = deparse(form), nobs = nobs(m), df_resid = df.residual(m),
       terms = cbec_names, coef = unname(b), se = unname(se), plm_names = names(b))
}
models <- list(
  fit("lags_twoways", lemp ~ lag(lwage, 0:2) + lag(lcap, 0:1), "twoways",
      "log(emp) ~ l(log(wage), 0:2) + l(log(capital), 0:1)",
      c("log(wage)", "l(log(wage), 1)", "l(log(wage), 2)", "log(capital)", "l(log(capital), 1)")),
  fit("leads_individual", lemp ~ lead(lwage, 0:1) + lag(lcap, 1:2), "individual",
      "log(emp) ~ f(log(wage), 0:1) + l(log(capital), 1:2)",
      c("log(wage)", "f(log(wage), 1)", "l(log(capital), 1)", "l(log(capital), 2)")),
  fit("negative_lag_is_lead", lemp ~ lead(lwage, 1) + lwage + lag(lwage, 1), "twoways",
      "log(emp) ~ l(log(wage), -1:1)",
      c("f(log(wage), 1)", "log(wage)", "l(log(wage), 1)")))
out <- list(source_script = "tests/reference/panel/lag_ranges.R", plm = as.character(packageVersion("plm")), models = models)
write_json(out, "tests/reference/fixtures/panel_lag_ranges.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote panel_lag_ranges.json\n")
