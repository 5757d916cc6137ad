# spatialreg's side of bench/spreg: reads the data and weights, times one model (lagsarlm or
# errorsarlm, method = "Matrix": sparse Cholesky log-determinant; at n > 1500 its numerical-Hessian
# variance) inside R, then, for SAR, the LeSage-Pace impacts with 1000 simulated draws as cbec
# computes them: from W's eigenvalues (listw) at n <= 3000, else from Monte-Carlo traces
# (trW(type = "MC"): 16 vectors, 30 powers). The process's whole time (run.sh measures it) is the
# end-to-end figure: start-up, packages, reading the CSV and GAL, the listw, the model, the impacts.
# Prints "<model> <model seconds> <rho or lambda>".
# Usage: Rscript peer.R data.csv weights.gal sar|sem
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
a <- commandArgs(TRUE)
d <- read.csv(a[1])
lw <- nb2listw(read.gal(a[2], region.id = d$id), style = "W")
t0 <- proc.time()[["elapsed"]]
m <- if (a[3] == "sar") lagsarlm(y ~ x1 + x2, d, lw, method = "Matrix") else errorsarlm(y ~ x1 + x2, d, lw, method = "Matrix")
secs <- proc.time()[["elapsed"]] - t0
if (a[3] == "sar") {
  set.seed(1)
  im <- if (nrow(d) <= 3000) impacts(m, listw = lw, R = 1000) else
    impacts(m, tr = trW(as(lw, "CsparseMatrix"), type = "MC"), R = 1000)
  invisible(summary(im, zstats = TRUE))
}
cat(a[3], secs, if (a[3] == "sar") m$rho else m$lambda, "\n")
