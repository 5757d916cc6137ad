# Harris-Tzavalis (1999) by an independent R computation (plm has no HT test): rho is the coefficient
# of the lagged level in plm's within regression (constant), lm with unit dummies and unit trends
# (trend) or lm without intercept (none); B and C are HT's Theorem 1 with T = periods - 1 (as
# Hall and Mairesse's TSP implementation, t1 = t - 1). Grunfeld (inv, value) and Produc (unemp, log gsp).
# Run: Rscript tests/reference/ts/harris_tzavalis.R > tests/reference/fixtures/ts_harris_tzavalis.json
suppressMessages({library(plm); library(jsonlite)})
produc <- read.csv("tests/data/produc.csv"); produc$lgsp <- log(produc$gsp)
sets <- list(list(data = "grunfeld.csv", d = read.csv("tests/data/grunfeld.csv"), index = c("firm", "year"), var = "inv", log = FALSE),
             list(data = "grunfeld.csv", d = read.csv("tests/data/grunfeld.csv"), index = c("firm", "year"), var = "value", log = FALSE),
             list(data = "produc.csv", d = produc, index = c("state", "year"), var = "unemp", log = FALSE),
             list(data = "produc.csv", d = produc, index = c("state", "year"), var = "lgsp", log = TRUE))
cases <- list()
for (s in sets) {
  p <- pdata.frame(s$d, index = s$index)
  p$y <- p[[s$var]]; p$ylag <- lag(p$y); p$tt <- as.numeric(as.character(p[[s$index[2]]]))
  N <- length(unique(p[[s$index[1]]])); T <- length(unique(p[[s$index[2]]])) - 1
  for (det in c("none", "constant", "trend")) {
    rho <- switch(det,
      none = coef(lm(y ~ ylag - 1, data = p))[["ylag"]],
      constant = coef(plm(y ~ ylag, data = p, model = "within"))[["ylag"]],
      trend = { q <- as.data.frame(p); q$id <- factor(q[[s$index[1]]]); coef(lm(y ~ ylag + id + id:tt, data = q))[["ylag"]] })
    BC <- switch(det, none = c(0, 2 / (T * (T - 1))),
                 constant = c(-3 / (T + 1), 3 * (17 * T^2 - 20 * T + 17) / (5 * (T - 1) * (T + 1)^3)),
                 trend = c(-15 / (2 * (T + 2)), 15 * (193 * T^2 - 728 * T + 1147) / (112 * (T + 2)^3 * (T - 2))))
    z <- sqrt(N) * (rho - 1 - BC[1]) / sqrt(BC[2])
    cases[[length(cases) + 1]] <- list(data = s$data, unit = s$index[1], time = s$index[2], variable = if (s$log) "gsp" else s$var, log = s$log,
      deterministic = det, rho = rho, z = z, p_value = pnorm(z))
  }
}
cat(toJSON(list(source = paste("R", getRversion(), "lm / plm", packageVersion("plm"), "within regressions; HT (1999) Theorem 1"), cases = cases),
           auto_unbox = TRUE, digits = NA, pretty = TRUE))
