# Reference values for cbec's inequality decompositions (estimate/inequality/theil.cpp, gini.cpp),
# independent code, on tests/data/scitech_2011_2019.csv (31 provinces) with the regions of
# data/china_provinces.csv:
# - the Gini coefficient from laeken::gini (a published implementation; it reports percent);
# - Theil T and L and their between/within parts from the definitions (Theil 1967; Shorrocks 1980);
# - Dagum's (1997) within, net between and transvariation parts by brute force over all pairs
#   (eqs. 4-13), checked to add up to laeken's Gini.
# Run from the repository root: Rscript tests/reference/zones/inequality.R
suppressPackageStartupMessages({ library(jsonlite); library(laeken) })
d <- read.csv("tests/data/scitech_2011_2019.csv")
p <- read.csv("data/china_provinces.csv")
d <- merge(d, p[, c("name_en", "region3", "region7")], by.x = "province_en", by.y = "name_en")

theil <- function(x, g) {
  mu <- mean(x); n <- length(x)
  T <- mean(x / mu * log(x / mu)); L <- mean(log(mu / x))
  tb <- 0; tw <- 0; lb <- 0; lw <- 0
  for (k in sort(unique(g))) {
    y <- x[g == k]; m <- mean(y); s <- sum(y) / sum(x); q <- length(y) / n
    tb <- tb + s * log(m / mu); tw <- tw + s * mean(y / m * log(y / m))
    lb <- lb + q * log(mu / m); lw <- lw + q * mean(log(m / y))
  }
  list(t = T, t_between = tb, t_within = tw, l = L, l_between = lb, l_within = lw)
}

dagum <- function(x, g) {
  groups <- sort(unique(g)); n <- length(x); mu <- mean(x)
  gw <- 0; gnb <- 0; gt <- 0
  for (j in seq_along(groups)) for (h in seq_len(j)) {
    a <- x[g == groups[j]]; b <- x[g == groups[h]]
    nj <- length(a); nh <- length(b); mj <- mean(a); mh <- mean(b)
    pj <- nj / n; ph <- nh / n; sj <- sum(a) / sum(x); sh <- sum(b) / sum(x)
    diff <- outer(a, b, "-")
    if (j == h) { gw <- gw + sum(abs(diff)) / (2 * nj^2 * mj) * pj * sj; next }
    gjh <- sum(abs(diff)) / (nj * nh * (mj + mh))
    if (mj >= mh) { d <- sum(pmax(diff, 0)); q <- sum(pmax(-diff, 0)) } else { d <- sum(pmax(-diff, 0)); q <- sum(pmax(diff, 0)) }
    D <- (d - q) / (d + q)
    gnb <- gnb + gjh * (pj * sh + ph * sj) * D
    gt <- gt + gjh * (pj * sh + ph * sj) * (1 - D)
  }
  list(gini = laeken::gini(x)$value / 100, within = gw, net_between = gnb, transvariation = gt)
}

case <- function(variable, year, by) {
  r <- d[d$year == year, ]
  x <- r[[variable]]; g <- r[[by]]
  dg <- dagum(x, g)
  stopifnot(abs(dg$within + dg$net_between + dg$transvariation - dg$gini) < 1e-12)
  list(variable = variable, year = year, by = by, units = r$province_en, values = x, groups = g, theil = theil(x, g), gini = dg)
}
out <- list(source_script = "tests/reference/zones/inequality.R",
            cases = list(case("rd_expenditure", 2019, "region7"), case("patent_grant_total", 2011, "region3")))
write_json(out, "tests/reference/fixtures/zones_inequality.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
cat("wrote zones_inequality.json\n")
