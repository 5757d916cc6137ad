# Reference numbers for Sun-Abraham's aggregation and the event study's pre-trend test in the cases
# fixest_event.R leaves out, from fixest (0.12.2 built from its public source into a private
# library; not a Debian package). Data: tests/data/staggered_small.csv, changed here as the test
# (tests/unit/did/sunab_event_edges_test.cpp) changes it:
#  - missing: y missing where id %% 7 == 0 and year == 2015, x missing where id %% 11 == 0 and year == 2013;
#  - weights: w = 1 + (id %% 5) / 4;
#  - always: units with id %% 9 == 0 among the treated first treated in 2009, before the sample (2011-2020).
# Never-treated units have first_treat 0.
# Run: R_LIBS=<library with fixest> Rscript tests/reference/did/sunab_event_edges.R
suppressPackageStartupMessages({library(fixest); library(jsonlite)})
setFixest_nthreads(1)
base <- read.csv("tests/data/staggered_small.csv")
sa <- function(d, w = NULL) {
  m <- feols(y ~ x + sunab(first_treat, year) | id + year, d, cluster = ~id, weights = w)
  ct <- coeftable(m); att <- coeftable(summary(m, agg = "ATT"))
  rel <- grep("^year::", rownames(ct), value = TRUE)
  list(coef = as.list(setNames(ct[rel, 1], sub("year::", "", rel))), se = as.list(setNames(ct[rel, 2], sub("year::", "", rel))),
       att = att["ATT", 1], att_se = att["ATT", 2], nobs = nobs(m))
}
missing <- base
missing$y[missing$id %% 7 == 0 & missing$year == 2015] <- NA
missing$x[missing$id %% 11 == 0 & missing$year == 2013] <- NA
weighted <- base; weighted$w <- 1 + (weighted$id %% 5) / 4
always <- base; always$first_treat[always$id %% 9 == 0 & always$first_treat > 0] <- 2009
# event study, window -4..3 binned, reference -2: the pre-trend test covers -4, -3 and -1
ev <- base; ev$treated <- ev$first_treat > 0
ev$rel <- ifelse(ev$treated, pmin(pmax(ev$year - ev$first_treat, -4), 3), -1000)
es <- feols(y ~ i(rel, ref = c(-2, -1000)) + x | id + year, ev, cluster = ~id)
pre <- wald(es, keep = "rel::-[134]$", print = FALSE)
out <- list(source_script = "tests/reference/did/sunab_event_edges.R", fixest = as.character(packageVersion("fixest")),
  sunab_missing = sa(missing), sunab_weighted = sa(weighted, ~w), sunab_always_fixest = sa(always),
  event_ref_minus2 = list(stat = pre$stat, df1 = pre$df1, leads = c(-4, -3, -1)))
write_json(out, "tests/reference/fixtures/did_sunab_event_edges.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote did_sunab_event_edges.json\n")
