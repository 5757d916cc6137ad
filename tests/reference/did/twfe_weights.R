# Reference for cbec's de Chaisemartin-D'Haultfoeuille (2020) TWFE weights diagnostic: the R package
# TwoWayFEWeights 2.0.4 (public source, installed into a private library for this purpose only),
# type feTR, on mpdta and on the castle-doctrine data (tests/data/mpdta.csv, castle.csv).
# Run: R_LIBS=<library with TwoWayFEWeights, fixest> Rscript tests/reference/did/twfe_weights.R
suppressPackageStartupMessages({library(TwoWayFEWeights); library(jsonlite)})
one <- function(name, file, y, unit, time, g) {
  d <- read.csv(file)
  d[[unit]] <- as.integer(factor(d[[unit]]))   # the package needs numeric ids (same order as cbec's levels)
  d$D <- as.numeric(d[[g]] > 0 & d[[time]] >= d[[g]])
  r <- twowayfeweights(d, y, unit, time, "D", type = "feTR", summary_measures = TRUE)
  list(name = name, beta = r$beta, n_positive = r$nr_plus, n_negative = r$nr_minus, sum_positive = r$sum_plus,
       sum_negative = r$sum_minus, sd_for_zero_att = r$sensibility,
       sd_for_opposite_sign = if (is.null(r$sensibility2)) NA else r$sensibility2)
}
cases <- list(one("mpdta", "tests/data/mpdta.csv", "lemp", "countyreal", "year", "first.treat"),
              one("castle", "tests/data/castle.csv", "l_homicide", "state", "year", "first_treat"))
write_json(list(source_script = "tests/reference/did/twfe_weights.R",
                TwoWayFEWeights = as.character(packageVersion("TwoWayFEWeights")), cases = cases),
           "tests/reference/fixtures/did_twfe_weights.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
str(cases)
