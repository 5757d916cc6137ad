# The R peer of the spreg benchmark: splm 1.6-5 spml(model = "within", effect = "individual",
# lag = TRUE) (its default Jacobian, method = "eigen", and its analytic variance), timed inside R
# after loading the data and building the weights (not counted). Prints "task<TAB>seconds<TAB>rho".
# Usage: Rscript panel_peer.R <data.csv> <w.csv>
suppressPackageStartupMessages({library(splm); library(spdep)})
args <- commandArgs(TRUE)
d <- read.csv(args[1]); e <- read.csv(args[2])
n <- length(unique(d$id))
nb <- lapply(seq_len(n), function(i) sort(e$to[e$from == i])); class(nb) <- "nb"
lw <- nb2listw(nb, style = "W")
t0 <- proc.time()[["elapsed"]]
m <- spml(y ~ x1 + x2, data = d, index = c("id", "year"), listw = lw, model = "within", effect = "individual", lag = TRUE, spatial.error = "none")
t1 <- proc.time()[["elapsed"]]
cat(sprintf("sar_fe\t%.2f\t%.6f\n", t1 - t0, coef(m)[1]))
