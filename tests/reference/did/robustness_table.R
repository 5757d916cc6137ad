# Reference numbers for a study's robustness [[table]] on mpdta (tests/data/mpdta.csv): the TWFE
# coefficient of did and the Sun-Abraham ATT from fixest, the two columns of that table that the other
# fixtures do not hold. The Callaway-Sant'Anna, imputation and DID_M columns are checked against
# did_callaway_santanna.json (case nocov_never_dr), did_imputation.json (case overall) and
# did_multiplegt.json (case mpdta).
# Run: R_LIBS=<library with fixest> Rscript tests/reference/did/robustness_table.R
suppressPackageStartupMessages({library(fixest); library(jsonlite)})
setFixest_nthreads(1)
d <- read.csv("tests/data/mpdta.csv")
d$did <- as.numeric(d$first.treat > 0 & d$year >= d$first.treat)
tw <- feols(lemp ~ did | countyreal + year, d, cluster = ~countyreal)
# Never-treated counties (first.treat 0) as the control cohort, coded beyond the sample as fixest asks.
d$cohort <- ifelse(d$first.treat == 0, 10000, d$first.treat)
sa <- feols(lemp ~ sunab(cohort, year) | countyreal + year, d, cluster = ~countyreal)
att <- coeftable(summary(sa, agg = "ATT"))
out <- list(source_script = "tests/reference/did/robustness_table.R", fixest = as.character(packageVersion("fixest")),
  twfe = list(coef = unname(coef(tw)["did"]), se = unname(se(tw)["did"]), p_value = unname(pvalue(tw)["did"]), nobs = nobs(tw)),
  sunab = list(att = att["ATT", 1], att_se = att["ATT", 2], nobs = nobs(sa)))
write_json(out, "tests/reference/fixtures/did_robustness_mpdta.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(out)
