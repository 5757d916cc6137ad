# The same battery in R, timed inside R after reading the data: Kao, FMOLS (pooled), DOLS (pooled,
# 1 lead and 1 lag), each unit's FMOLS with Hansen's Lc, Jarque-Bera (tseries). R has no package
# for the first four: they are the formulas of tests/reference/ts/cointegration_functions.R, the
# reference implementation the tests compare cbec with.
# Usage (from the repository root): Rscript bench/ts/peer.R data.csv out.tsv
suppressPackageStartupMessages(library(tseries))
source("tests/reference/ts/cointegration_functions.R")
args <- commandArgs(TRUE)
d <- read.csv(args[1]); d <- d[order(d$id, d$t), ]
units <- unit_list(d, "id", "y", c("x1", "x2"))
time_it <- function(expr) unname(system.time(expr)["elapsed"])
res <- c(coint = time_it(kao(units, 1, "bartlett", "nw")),
         fmols = time_it(fmols_panel(units, "pooled", FALSE, "bartlett", "nw")),
         dols = time_it(dols_panel(units, "pooled", FALSE, "bartlett", "nw", "fixed", 1, 1, 0)),
         hansen_lc = time_it(lapply(units, fmols_unit, trend = FALSE, kernel = "bartlett", rule = "nw")),
         jb = time_it(jarque.bera.test(d$y)))
write.table(data.frame(tool = "R", task = names(res), seconds = res), args[2], sep = "\t", quote = FALSE, row.names = FALSE)
