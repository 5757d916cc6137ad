# spatialreg's side of bench/spreg: reads the data and weights, then times one model
# (lagsarlm or errorsarlm, method = "Matrix": sparse Cholesky log-determinant; at n > 1500 its
# numerical-Hessian variance) inside R. Prints "<model> <seconds> <rho or lambda>".
# Usage: Rscript peer.R data.csv weights.gal sar|sem
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
a <- commandArgs(TRUE)
d <- read.csv(a[1])
lw <- nb2listw(read.gal(a[2], region.id = d$id), style = "W")
t0 <- proc.time()[["elapsed"]]
m <- if (a[3] == "sar") lagsarlm(y ~ x1 + x2, d, lw, method = "Matrix") else errorsarlm(y ~ x1 + x2, d, lw, method = "Matrix")
secs <- proc.time()[["elapsed"]] - t0
cat(a[3], secs, if (a[3] == "sar") m$rho else m$lambda, "\n")
