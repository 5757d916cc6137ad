# MacKinnon (1996) p-values of the Dickey-Fuller tau against urca's punitroot (MacKinnon's urcdist):
# (1) a grid of statistics x sample sizes (N = Inf: asymptotic) for each deterministic case;
# (2) ADF regressions of Produc's states (log gsp, unemp; fixed lags 0..2) fitted here with lm, with
#     punitroot at the regression's number of observations;
# (3) plm's Fisher-type tests with p.approx = "MacKinnon1996" (punitroot with N = Inf), with each
#     unit's tau, lags and p-value as plm reports them (idres).
# Run: Rscript tests/reference/ts/mackinnon1996_punitroot.R > tests/reference/fixtures/ts_mackinnon1996.json
suppressMessages({library(urca); library(plm); library(jsonlite)})
# punitroot prints a warning for N below urcdist's minimum size (20); keep it out of the JSON
punitroot <- function(...) { capture.output(p <- urca::punitroot(...)); p }
trends <- c(none = "nc", constant = "c", trend = "ct")
taus <- c(-30, -15, -10, seq(-7, 3, by = 0.05), 4, 6, 10)
sizes <- c(Inf, 10, 15, 20, 25, 30, 40, 50, 75, 100, 250, 500, 1000)
grid <- list()
for (d in names(trends)) for (N in sizes)
  grid[[length(grid) + 1]] <- list(deterministic = d, nobs = if (is.finite(N)) N else 0, tau = taus,
                                   p_value = punitroot(taus, N = N, trend = trends[[d]], statistic = "t"))

produc <- read.csv("tests/data/produc.csv")
produc <- produc[order(produc$state, produc$year), ]
adf <- list()
for (v in c("gsp", "unemp")) for (st in unique(produc$state)[1:12]) for (d in names(trends)) for (p in 0:2) {
  y <- produc[produc$state == st, v]
  if (v == "gsp") y <- log(y)
  T <- length(y); dy <- diff(y)
  rows <- (p + 1):(T - 1)                      # dy index: dy_t = y_{t+1} - y_t
  X <- cbind(y[rows])
  for (j in seq_len(p)) X <- cbind(X, dy[rows - j])
  if (d != "none") X <- cbind(X, 1)
  if (d == "trend") X <- cbind(X, rows + 1)
  fit <- lm(dy[rows] ~ X - 1)
  tau <- unname(coef(summary(fit))[1, "t value"])
  adf[[length(adf) + 1]] <- list(state = st, variable = v, deterministic = d, lags = p, nobs = length(rows), tau = tau,
                                 p_value = punitroot(tau, N = length(rows), trend = trends[[d]]))
}

wide <- function(d, unit, time, var) { d <- d[order(d[[unit]], d[[time]]), ]; as.data.frame(split(d[[var]], d[[unit]])) }
grunfeld <- read.csv("tests/data/grunfeld.csv")
sets <- list(list(data = "produc.csv", unit = "state", time = "year", var = "unemp", d = produc),
             list(data = "grunfeld.csv", unit = "firm", time = "year", var = "inv", d = grunfeld))
exos <- c(none = "none", intercept = "constant", trend = "trend")
stats <- c(madwu = "P", invnormal = "Z", logit = "L*", Pm = "Pm")
fisher <- list()
for (s in sets) for (series in c("levels", "differences")) {
  w <- wide(s$d, s$unit, s$time, s$var)
  if (series == "differences") w <- as.data.frame(lapply(w, diff))
  for (exo in names(exos)) for (test in names(stats)) for (lags in list(1, "AIC")) {
    capture.output(r <- purtest(w, test = test, exo = exo, lags = lags, pmax = 2, dfcor = FALSE, p.approx = "MacKinnon1996"))
    fisher[[length(fisher) + 1]] <- list(data = s$data, unit = s$unit, time = s$time, variable = s$var, series = series,
      deterministic = unname(exos[exo]), stat = unname(stats[test]), lags = if (lags == 1) "1" else "aic", max_lags = 2,
      value = unname(r$statistic$statistic), p_value = unname(r$statistic$p.value),
      units = lapply(r$idres, function(u) list(tau = unname(u$trho), lags = unname(u$lags), p_value = unname(u$p.trho))))
  }
}
cat(toJSON(list(source = paste("urca", packageVersion("urca"), "punitroot; plm", packageVersion("plm"), "purtest"),
                grid = grid, adf = adf, fisher = fisher), auto_unbox = TRUE, digits = NA, pretty = TRUE))
