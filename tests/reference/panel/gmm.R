# Reference numbers for cbec's dynamic-panel GMM (`cbec gmm`) from plm 2.6's pgmm on EmplUK
# (tests/data/empluk.csv = plm's EmplUK, checked identical below):
#  - Arellano and Bond (1991) table 4: difference GMM one- and two-step (4(b) is the two-step);
#  - Blundell and Bond (1998) table 4 (DPD for Ox): system GMM (transformation = "ld"), one- and two-step;
#  - collapsed instruments (collapse = TRUE), with a lag range starting at 3 (pgmm's level instrument is
#    the first lag of the difference whatever the range; the model has two lags of y, so that the range
#    starting at 3 does not reach before period 1 in the first differenced period, where pgmm's
#    x[1:0] would take x_1), individual effects only, and standard
#    ("iv-style") instruments in the third part of the formula.
# For each model: all coefficients (time dummies last, in pgmm's order), standard errors from vcov()
# (classic) and vcovHC() (robust: Windmeijer 2005 for two-step), sargan() (Hansen's J with the
# two-step weight matrix), mtest() of order 1 and 2 with both variances, the Wald tests of summary()
# with both variances, observations used and the number of instruments.
# Run from the repository root: Rscript tests/reference/panel/gmm.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
em <- read.csv("tests/data/empluk.csv")
data("EmplUK", package = "plm")
stopifnot(max(abs(as.matrix(EmplUK[, names(em)]) - as.matrix(em))) == 0)
pd <- pdata.frame(em, index = c("firm", "year"))

fit <- function(id, form, cbec_formula, opts, ...) {
  m <- pgmm(form, data = pd, ...)
  effect <- m$args$effect
  b <- coef(m); vc <- vcov(m); vr <- vcovHC(m)
  tests <- function(v) {
    out <- list(ar1 = mtest(m, order = 1, vcov = v), ar2 = mtest(m, order = 2, vcov = v),
                wald_coef = pwaldtest(m, param = "coef", vcov = v))
    if (effect == "twoways") out$wald_time <- pwaldtest(m, param = "time", vcov = v)
    lapply(out, function(t) list(stat = as.numeric(t$statistic), p = as.numeric(t$p.value),
                                 df = if (is.null(t$parameter)) NULL else unname(t$parameter)))
  }
  sg <- sargan(m)
  list(id = id, formula = cbec_formula, options = opts, terms = names(b), coef = unname(b),
       se_classic = unname(sqrt(diag(vc))), se_robust = unname(sqrt(diag(vr))),
       vcov_robust = unname(vr),
       sargan = list(stat = unname(sg$statistic), df = unname(sg$parameter), p = unname(sg$p.value)),
       classic = tests(vc), robust = tests(vr),
       nobs = sum(unlist(m$residuals) != 0), n_instruments = ncol(m$W[[1]]), n_units = length(m$W))
}

ab <- log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) + lag(log(output), 0:1) | lag(log(emp), 2:99)
ab_cbec <- "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) + l(log(output), 0:1) | l(log(emp), 2:99)"
bb <- log(emp) ~ lag(log(emp), 1) + lag(log(wage), 0:1) + lag(log(capital), 0:1) |
  lag(log(emp), 2:99) + lag(log(wage), 2:99) + lag(log(capital), 2:99)
bb_cbec <- "log(emp) ~ l(log(emp), 1) + l(log(wage), 0:1) + l(log(capital), 0:1) | l(log(emp), 2:99) + l(log(wage), 2:99) + l(log(capital), 2:99)"
bb3 <- log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + lag(log(capital), 0:1) |
  lag(log(emp), 2:99) + lag(log(wage), 3:99) + lag(log(capital), 2:99)
bb3_cbec <- "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + l(log(capital), 0:1) | l(log(emp), 2:99) + l(log(wage), 3:99) + l(log(capital), 2:99)"
iv <- log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) | lag(log(emp), 2:4) | lag(log(wage), 0:2) + log(capital)
iv_cbec <- "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) | l(log(emp), 2:4) | l(log(wage), 0:2) + log(capital)"

models <- list(
  fit("ab_onestep", ab, ab_cbec, list(model = "difference", steps = 1), effect = "twoways", model = "onestep"),
  fit("ab_twostep", ab, ab_cbec, list(model = "difference", steps = 2), effect = "twoways", model = "twosteps"),
  fit("ab_twostep_collapse", ab, ab_cbec, list(model = "difference", steps = 2, collapse = TRUE),
      effect = "twoways", model = "twosteps", collapse = TRUE),
  fit("ab_onestep_individual", ab, ab_cbec, list(model = "difference", steps = 1, effect = "individual"),
      effect = "individual", model = "onestep"),
  fit("iv_twostep", iv, iv_cbec, list(model = "difference", steps = 2), effect = "twoways", model = "twosteps"),
  fit("bb_onestep", bb, bb_cbec, list(model = "system", steps = 1), effect = "twoways", model = "onestep", transformation = "ld"),
  fit("bb_twostep", bb, bb_cbec, list(model = "system", steps = 2), effect = "twoways", model = "twosteps", transformation = "ld"),
  fit("bb_onestep_collapse_lag3", bb3, bb3_cbec, list(model = "system", steps = 1, collapse = TRUE),
      effect = "twoways", model = "onestep", transformation = "ld", collapse = TRUE),
  fit("bb_twostep_collapse", bb, bb_cbec, list(model = "system", steps = 2, collapse = TRUE),
      effect = "twoways", model = "twosteps", transformation = "ld", collapse = TRUE))

out <- list(source_script = "tests/reference/panel/gmm.R", plm = as.character(packageVersion("plm")),
            data = "tests/data/empluk.csv", models = models)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "tests/reference/fixtures/panel_gmm.json")
