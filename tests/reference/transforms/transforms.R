# Reference values for cbec's transforms on a small unbalanced panel with gaps and missing values:
# lags/differences/growth with plm (shift = "time", respecting gaps), interpolation with
# stats::approx (extrapolation through the two nearest observations written out), winsorizing at
# Stata's percentiles (quantile type 2, as winsor2 / _pctile), standardization with scale().
# Run from the repository root: Rscript tests/reference/transforms/transforms.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
set.seed(11)
d <- expand.grid(year = 2011:2020, id = 1:6)
d <- d[-c(3, 4, 17, 33, 34, 35, 58), ]                 # gaps in time
d$x <- round(exp(rnorm(nrow(d), 2, 0.6)), 4)
d$x[c(2, 9, 10, 21, 30)] <- NA                          # missing values inside and at the ends
d$x[15] <- 0                                            # a zero (log invalid, growth base)
d$g <- ifelse(d$id <= 3, "a", "b")
write.csv(d[, c("id", "year", "g", "x")], "tests/data/transforms_panel.csv", row.names = FALSE, na = "")
pd <- pdata.frame(d, index = c("id", "year"))
l1 <- as.numeric(plm::lag(pd$x, 1, shift = "time"))
f1 <- as.numeric(plm::lead(pd$x, 1, shift = "time"))
d1 <- as.numeric(diff(pd$x, 1, shift = "time"))
gr <- ifelse(l1 == 0, NA, d$x / l1 - 1)
interp <- function(t, x, extrapolate) {
  ok <- !is.na(x); out <- x
  if (sum(ok) >= 2) out[!ok] <- approx(t[ok], x[ok], xout = t[!ok], rule = 1)$y
  if (extrapolate && sum(ok) >= 2) {
    to <- t[ok]; xo <- x[ok]; k <- length(to)
    before <- is.na(out) & t < min(to); after <- is.na(out) & t > max(to)
    out[before] <- xo[1] + (xo[2] - xo[1]) * (t[before] - to[1]) / (to[2] - to[1])
    out[after] <- xo[k - 1] + (xo[k] - xo[k - 1]) * (t[after] - to[k - 1]) / (to[k] - to[k - 1])
  }
  out
}
ip <- ave(seq_len(nrow(d)), d$id, FUN = function(i) 0)   # placeholder for shape
ip <- unsplit(lapply(split(d, d$id), function(s) interp(s$year, s$x, FALSE)), d$id)
ep <- unsplit(lapply(split(d, d$id), function(s) interp(s$year, s$x, TRUE)), d$id)
wins <- function(x, lo, hi) { q <- quantile(x, c(lo, hi) / 100, type = 2, na.rm = TRUE); pmin(pmax(x, q[1]), q[2]) }
w_pooled <- wins(d$x, 5, 95)
w_group <- ave(d$x, d$g, FUN = function(v) wins(v, 10, 90))
z_pooled <- as.numeric(scale(d$x))
z_year <- ave(d$x, d$year, FUN = function(v) (v - mean(v, na.rm = TRUE)) / sd(v, na.rm = TRUE))
mm <- (d$x - min(d$x, na.rm = TRUE)) / diff(range(d$x, na.rm = TRUE))
mm_neg <- (max(d$x, na.rm = TRUE) - d$x) / diff(range(d$x, na.rm = TRUE))
na <- function(v) ifelse(is.na(v) | !is.finite(v), NA, v)
out <- list(source_script = "tests/reference/transforms/transforms.R",
  lag1 = na(l1), lead1 = na(f1), diff1 = na(d1), growth = na(gr), log = na(ifelse(d$x > 0, log(d$x), NA)),
  interpolate = na(ip), extrapolate = na(ep), winsor_5_95 = na(w_pooled), winsor_10_90_by_g = na(w_group),
  z = na(z_pooled), z_by_year = na(z_year), minmax = na(mm), minmax_neg = na(mm_neg),
  p_quantiles = list(p25 = unname(quantile(d$x, .25, type = 2, na.rm = TRUE)), p50 = unname(quantile(d$x, .5, type = 2, na.rm = TRUE)),
                     p1 = unname(quantile(d$x, .01, type = 2, na.rm = TRUE))))
write_json(out, "tests/reference/fixtures/transforms.json", digits = NA, pretty = TRUE, na = "null", auto_unbox = TRUE)
cat("wrote transforms.json\n")
