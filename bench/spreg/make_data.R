# Synthetic cross-section for bench/spreg: n random points in the unit square, symmetric 6-nearest-
# neighbour contiguity (spdep knn2nb + make.sym.nb), and y from the SAR model
# y = (I - 0.5 W)^-1 (1 + 2 x1 - x2 + e) with W row-standardized; seed 1.
# Usage: Rscript make_data.R n data.csv weights.gal
suppressPackageStartupMessages({library(spdep); library(Matrix)})
a <- commandArgs(TRUE); n <- as.integer(a[1])
set.seed(1)
xy <- cbind(runif(n), runif(n))
nb <- make.sym.nb(knn2nb(knearneigh(xy, k = 6)))
W <- as(nb2listw(nb, style = "W"), "CsparseMatrix")
x1 <- rnorm(n); x2 <- rnorm(n)
y <- as.numeric(solve(Diagonal(n) - 0.5 * W, 1 + 2 * x1 - x2 + rnorm(n)))
write.csv(data.frame(id = seq_len(n), y = y, x1 = x1, x2 = x2), a[2], row.names = FALSE)
write.nb.gal(nb, a[3], ind = seq_len(n))
