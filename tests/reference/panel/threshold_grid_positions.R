# Hansen's grid where a quantile position is a whole number: his program's seq(trim, ..., by = 1/qn)
# gives trim + k (1/qn), whose floor(p n) is the whole number for grid points 42, 202, 227, 252 and
# 277 of these 1,440 distinct values, where trim + k/qn rounds below it and picked the point before
# (cbec did that until session 24: gamma 0.69485 for 0.69554, F 134.742 for 134.529).
# Data: tests/data/threshold_sim2.csv (120 units x 12 years; numpy default_rng(11), y = a_i +
# b1(q) x1 + b2(q) x2 + 0.5 w + e with b1 = 1, 2, 0.5 below 0.3, 0.7, above; written by an audit's
# script). Single threshold of y on x1 (regime-dependent), unit effects, no other regressor; the
# grid, S_1 and the LR region as tests/reference/panel/threshold.R.
# Run from the repository root: Rscript tests/reference/panel/threshold_grid_positions.R
suppressPackageStartupMessages(library(jsonlite))
d <- read.csv("tests/data/threshold_sim2.csv")
within <- function(v) v - ave(v, d$id)
dd <- sort(unique(d$q)); qn <- 400; trim <- 0.01
sq <- seq(trim, trim + (1 / qn) * (qn - 2 * qn * trim), by = 1 / qn)
grid <- dd[floor(sq * length(dd))]
y <- within(d$y); dfree <- length(unique(d$id)) * (length(unique(d$t)) - 1)
sse <- function(g) { Z <- cbind(within(d$x1 * (d$q < g)), within(d$x1 * (d$q >= g))); sum(resid(lm.fit(Z, y))^2) }
s0 <- sum(resid(lm.fit(cbind(within(d$x1)), y))^2)
s <- sapply(grid, sse); k <- which.min(s); lr <- (s / s[k] - 1) * dfree
inside <- grid[lr <= -2 * log(1 - sqrt(0.95))]
out <- list(gamma = grid[k], sse = s[k], F = (s0 - s[k]) / (s[k] / dfree), ci_low = min(inside), ci_high = max(inside),
            grid_42 = grid[42], grid_202 = grid[202])
write_json(out, "tests/reference/fixtures/panel_threshold_grid_positions.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
