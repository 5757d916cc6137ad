# Synthetic spatial panel of the spreg benchmark: n units at uniform random points in the unit
# square, k = 6 nearest-neighbour weights (written as a CSV edge list, binary; both tools
# row-standardize), T periods of a SAR panel with unit effects:
#   y_t = (I - 0.4 W)^-1 (x1_t 1.0 - x2_t 0.5 + alpha + e_t),
# deterministic for given n and T (seed 20261201). Usage: Rscript panel_make_data.R <n> <T> <out.csv> <w.csv>
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(Matrix)})
args <- commandArgs(TRUE)
n <- as.integer(args[1]); nt <- as.integer(args[2])
set.seed(20261201)
nb <- knn2nb(knearneigh(cbind(runif(n), runif(n)), k = 6))
W <- as(nb2listw(nb, style = "W"), "CsparseMatrix")
A <- Diagonal(n) - 0.4 * W
alpha <- rnorm(n)
rows <- lapply(seq_len(nt), function(t) {
  x1 <- rnorm(n); x2 <- rnorm(n)
  y <- as.vector(solve(A, x1 - 0.5 * x2 + alpha + rnorm(n)))
  data.frame(id = seq_len(n), year = 2000 + t, y = sprintf("%.12f", y), x1 = sprintf("%.12f", x1), x2 = sprintf("%.12f", x2))
})
write.csv(do.call(rbind, rows), args[3], row.names = FALSE, quote = FALSE)
write.csv(data.frame(from = rep(seq_len(n), lengths(nb)), to = unlist(nb), weight = 1), args[4], row.names = FALSE, quote = FALSE)
