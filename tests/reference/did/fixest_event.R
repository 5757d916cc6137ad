# Reference numbers for cbec's TWFE DID, event study and Sun-Abraham estimator from fixest (built
# from its public source release 0.12.1 into a private library for this purpose only; not a Debian
# package). Data: tests/data/staggered_small.csv (synthetic, 41 units x 2011-2020) and fixest's
# own base_stagg example (exported to tests/data/base_stagg.csv).
# Run: R_LIBS=<library with fixest> Rscript tests/reference/did/fixest_event.R
suppressPackageStartupMessages({library(fixest); library(jsonlite)})
setFixest_nthreads(1)
d <- read.csv("tests/data/staggered_small.csv")
d$treated <- d$first_treat > 0
d$did <- as.numeric(d$treated & d$year >= d$first_treat)
# Event study window -4..3 with binned endpoints, never treated coded outside the window (-1000).
d$rel <- ifelse(d$treated, pmin(pmax(d$year - d$first_treat, -4), 3), -1000)
tw <- feols(y ~ did + x | id + year, d, cluster = ~id)
es <- feols(y ~ i(rel, ref = c(-1, -1000)) + x | id + year, d, cluster = ~id)
ct <- function(m) { ctab <- coeftable(m); list(coef = as.list(ctab[, 1]), se = as.list(ctab[, 2]), p_value = as.list(ctab[, 4])) }
pre <- wald(es, keep = "rel::-[2-4]", print = FALSE)

data(base_stagg, package = "fixest")
write.csv(base_stagg[, c("id", "year", "year_treated", "time_to_treatment", "treated", "x1", "y")], "tests/data/base_stagg.csv", row.names = FALSE)
sa <- feols(y ~ x1 + sunab(year_treated, year) | id + year, base_stagg, cluster = ~id)
sa_ct <- coeftable(sa)                              # aggregated per relative period
sa_att <- coeftable(summary(sa, agg = "ATT"))
out <- list(source_script = "tests/reference/did/fixest_event.R", fixest = as.character(packageVersion("fixest")),
  twfe = c(ct(tw), nobs = nobs(tw)),
  event = c(ct(es), nobs = nobs(es), pretrend = list(list(stat = pre$stat, p = pre$p, df1 = pre$df1, df2 = pre$df2))),
  sunab = list(coef = as.list(sa_ct[, 1]), se = as.list(sa_ct[, 2]), att = sa_att["ATT", 1], att_se = sa_att["ATT", 2],
               x1 = sa_ct["x1", 1], nobs = nobs(sa), never_treated_code = 10000))
write_json(out, "tests/reference/fixtures/did_fixest_event.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(sa_ct[1:5, ]); print(sa_att)
