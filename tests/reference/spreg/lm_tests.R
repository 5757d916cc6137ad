# Reference values for cbec's OLS residual diagnostics (estimate/spatial_models/lm_tests.cpp):
# spdep::lm.morantest (Moran's I of OLS residuals, alternatives greater and two.sided) and
# spdep::lm.LMtests(test = "all") (LMerr, LMlag, RLMerr, RLMlag, SARMA) on Columbus (CRIME ~ INC +
# HOVAL, row-standardized and binary col.gal), NC SIDS (Freeman-Tukey SIDS rate ~ non-white birth
# rate, ncCR85, row-standardized) and Boston (the log(CMEDV) hedonic model, boston.soi,
# row-standardized).
# Run from the repository root: Rscript tests/reference/spreg/lm_tests.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
col <- read.csv("tests/data/columbus.csv")
nc <- read.csv("tests/data/nc_sids.csv")
nc$ft_sid74 <- sqrt(1000) * (sqrt(nc$SID74 / nc$BIR74) + sqrt((nc$SID74 + 1) / nc$BIR74))
nc$ft_nwbir74 <- sqrt(1000) * (sqrt(nc$NWBIR74 / nc$BIR74) + sqrt((nc$NWBIR74 + 1) / nc$BIR74))
bos <- read.csv("tests/data/boston.csv")
cases <- list(
  columbus_W = list(data = col, gal = "tests/data/columbus.gal", style = "W", f = CRIME ~ INC + HOVAL),
  columbus_B = list(data = col, gal = "tests/data/columbus.gal", style = "B", f = CRIME ~ INC + HOVAL),
  nc_sids_W = list(data = nc, gal = "tests/data/nc_sids_cr85.gal", style = "W", f = ft_sid74 ~ ft_nwbir74),
  boston_W = list(data = bos, gal = "tests/data/boston_soi.gal", style = "W",
                  f = log(CMEDV) ~ CRIM + ZN + INDUS + CHAS + I(NOX^2) + I(RM^2) + AGE + log(DIS) + log(RAD) + TAX + PTRATIO + B + log(LSTAT)))
out <- list()
for (nm in names(cases)) {
  cs <- cases[[nm]]
  lw <- nb2listw(read.gal(cs$gal), style = cs$style)
  fit <- lm(cs$f, data = cs$data)
  mt <- lm.morantest(fit, lw)
  mt2 <- lm.morantest(fit, lw, alternative = "two.sided")
  lm <- suppressWarnings(lm.LMtests(fit, lw, test = "all"))
  tests <- lapply(lm, function(t) list(stat = unname(t$statistic), df = unname(t$parameter), p_value = unname(t$p.value)))
  out[[nm]] <- list(formula = deparse(cs$f, width.cutoff = 500L), n = nrow(cs$data), k = length(coef(fit)),
                    moran = list(I = unname(mt$estimate[1]), expectation = unname(mt$estimate[2]), variance = unname(mt$estimate[3]),
                                 z = as.numeric(mt$statistic), p_greater = as.numeric(mt$p.value), p_two_sided = as.numeric(mt2$p.value)),
                    tests = tests)
}
out$source_script <- "tests/reference/spreg/lm_tests.R"
out$spdep <- as.character(packageVersion("spdep"))
write_json(out, "tests/reference/fixtures/spreg_lm_tests.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
