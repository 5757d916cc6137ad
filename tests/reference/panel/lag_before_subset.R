# Reference numbers for time operators under a sample restriction (--if, --split-by, a convergence
# --group): the lag is built on every row of the data and the sample kept after, as Stata's
# `regress y L.x if ...` and plm's subset= do (plm, Debian r-cran-plm; each model checked here against
# lm on lags built by hand over all rows, then subset). Within estimators, plm's iid standard errors.
#  - EmplUK (unbalanced, gaps): log(emp) on log(wage), its lag and the lag of log(capital), firm and
#    year effects, years from 1979 (the 1979 rows keep their 1978 lags);
#  - Produc: panel beta convergence of log(gsp), state effects, years from 1975; and by region with
#    the region of two states blanked in one year (1980: their 1981 growth keeps the 1980 level).
# Run from the repository root: Rscript tests/reference/panel/lag_before_subset.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
by_hand_lag <- function(v, unit, time, k = 1) {  # v at time - k in the same unit, NA when absent
  key <- paste(unit, time); idx <- match(paste(unit, time - k), key); v[idx]
}
fit <- function(id, m, cbec_formula, cbec_if, cbec_names, check) {
  b <- coef(m); se <- sqrt(diag(vcov(m)))
  stopifnot(isTRUE(all.equal(unname(b), unname(check[seq_along(b)]), tolerance = 1e-10)))
  list(id = id, formula = cbec_formula, subset = cbec_if, nobs = nobs(m), df_resid = df.residual(m), terms = I(cbec_names),
       coef = I(unname(b)), se = I(unname(se)))
}
em <- read.csv("tests/data/empluk.csv")
em$lemp <- log(em$emp); em$lwage <- log(em$wage); em$lcap <- log(em$capital)
pem <- pdata.frame(em, index = c("firm", "year"))
m1 <- plm(lemp ~ lag(lwage, 0:1) + lag(lcap, 1), data = pem, subset = as.numeric(as.character(year)) >= 1979,
          model = "within", effect = "twoways")
em$lwage1 <- by_hand_lag(em$lwage, em$firm, em$year); em$lcap1 <- by_hand_lag(em$lcap, em$firm, em$year)
h1 <- lm(lemp ~ lwage + lwage1 + lcap1 + factor(firm) + factor(year), data = em, subset = year >= 1979)
pr <- read.csv("tests/data/produc.csv")
pr$lg <- log(pr$gsp)
pr$lg1 <- by_hand_lag(pr$lg, pr$state, pr$year); pr$dlg <- pr$lg - pr$lg1
ppr <- pdata.frame(pr, index = c("state", "year"))
m2 <- plm(diff(lg) ~ lag(lg), data = ppr, subset = as.numeric(as.character(year)) >= 1975, model = "within", effect = "individual")
h2 <- lm(dlg ~ lg1 + factor(state), data = pr, subset = year >= 1975)
blank <- pr$year == 1980 & pr$state %in% c("ALABAMA", "GEORGIA")   # two states of region 6 and 5
pr$region_gap <- ifelse(blank, NA, pr$region)
ppr <- pdata.frame(pr, index = c("state", "year"))
groups <- lapply(sort(unique(pr$region)), function(r) {
  keep <- !is.na(pr$region_gap) & pr$region_gap == r
  m <- plm(diff(lg) ~ lag(lg), data = ppr, subset = keep, model = "within", effect = "individual")
  h <- lm(dlg ~ lg1 + factor(state), data = pr, subset = keep)
  fit(paste0("beta_region_", r), m, "", "", "l(log(gsp), 1)", coef(h)[2])
})
models <- list(
  fit("empluk_from_1979", m1, "log(emp) ~ l(log(wage), 0:1) + l(log(capital), 1) | firm + year", "year >= 1979",
      c("log(wage)", "l(log(wage), 1)", "l(log(capital), 1)"), coef(h1)[2:4]),
  fit("beta_from_1975", m2, "", "year >= 1975", "l(log(gsp), 1)", coef(h2)[2]))
out <- list(source_script = "tests/reference/panel/lag_before_subset.R", plm = as.character(packageVersion("plm")),
            models = models, groups = groups, blanked = list(column = "region", year = 1980, units = c("ALABAMA", "GEORGIA")))
write_json(out, "tests/reference/fixtures/panel_lag_before_subset.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote panel_lag_before_subset.json\n")
