# spatialreg's side of bench/spreg: reads the data and weights, times one model (lagsarlm or
# errorsarlm, method = "Matrix": sparse Cholesky log-determinant; at n > 1500 its numerical-Hessian
# variance) inside R, then, for SAR, the LeSage-Pace impacts with 1000 simulated draws as cbec
# computes them: from W's eigenvalues (listw) at n <= 3000, else from Monte-Carlo traces
# (trW(type = "MC"): 16 vectors, 30 powers), timed separately (traces, draws and their summary).
# The process's whole time (run.sh measures it) is the end-to-end figure: start-up, packages,
# reading the CSV and GAL, the listw, the model, the impacts.
# With R_MODEL_ONLY=1 the GAL is parsed by a few vectorized lines instead of spdep's read.gal
# (which takes minutes at n = 20,000): the same neighbours and listw, but the process's time is
# then not the end-to-end figure.
# Prints "<model> <model wall s> <rho or lambda> <impacts wall s> <model CPU s> <impacts CPU s>"
# (impacts NA for SEM; CPU = user + system of this process).
# Usage: Rscript peer.R data.csv weights.gal sar|sem
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
a <- commandArgs(TRUE)
d <- read.csv(a[1])
fast_gal <- function(path, ids) {
  l <- readLines(path)[-1]
  heads <- vapply(strsplit(trimws(l[c(TRUE, FALSE)]), " +"), `[`, "", 1)
  nbrs <- strsplit(trimws(l[c(FALSE, TRUE)]), " +")
  key <- as.character(ids)
  nb <- vector("list", length(key))
  nb[match(heads, key)] <- lapply(nbrs, function(v) if (length(v)) sort(match(v, key)) else 0L)
  nb <- lapply(nb, as.integer)
  structure(nb, class = "nb", region.id = key, type = "gal", sym = TRUE)
}
nb <- if (nzchar(Sys.getenv("R_MODEL_ONLY"))) fast_gal(a[2], d$id) else read.gal(a[2], region.id = d$id)
lw <- nb2listw(nb, style = "W")
timed <- function(expr) {
  t0 <- proc.time()
  value <- expr
  t <- proc.time() - t0
  list(value = value, wall = t[["elapsed"]], cpu = t[["user.self"]] + t[["sys.self"]])
}
m <- timed(if (a[3] == "sar") lagsarlm(y ~ x1 + x2, d, lw, method = "Matrix") else errorsarlm(y ~ x1 + x2, d, lw, method = "Matrix"))
im <- list(wall = NA, cpu = NA)
if (a[3] == "sar") {
  set.seed(1)
  im <- timed({
    i <- if (nrow(d) <= 3000) impacts(m$value, listw = lw, R = 1000) else
      impacts(m$value, tr = trW(as(lw, "CsparseMatrix"), type = "MC"), R = 1000)
    summary(i, zstats = TRUE)
  })
}
cat(a[3], m$wall, if (a[3] == "sar") m$value$rho else m$value$lambda, im$wall, m$cpu, im$cpu, "\n")
