# Reference for cbec's fixed-effects SEM with period effects (time or two-way) on a balanced panel
# when W's rows do not all sum to the same number (binary contiguity: the usaww neighbours unweighted).
# The model's effect dummies D enter filtered, (I - lambda W) D, and with period dummies that lies
# outside span D unless W 1 is proportional to 1, so the within (demeaned) SEM likelihood is not the
# model's: the exact dummy-variable ML is found here by optimize on the concentrated likelihood of
# y - lambda W y on (X - lambda W X) with the dummies (errorsarlm's model with factor(year)).
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_sem_period_effects.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
pr <- read.csv("tests/data/produc.csv"); states <- unique(pr$state)
W <- nb2mat(read.gal("tests/data/usaww.gal", region.id = states), style = "B")
d <- pr[order(pr$year, match(pr$state, states)), ]
Tn <- length(unique(d$year)); ev <- rep(Re(eigen(W, only.values = TRUE)$values), Tn)
BW <- kronecker(diag(Tn), W)
cases <- list()
for (eff in c("time", "twoways")) {
  f <- if (eff == "time") ~ log(pcap) + log(pc) + log(emp) + unemp + factor(year) else ~ log(pcap) + log(pc) + log(emp) + unemp + factor(year) + factor(state)
  X <- model.matrix(f, d); y <- log(d$gsp); wy <- as.vector(BW %*% y); WX <- BW %*% X
  conc <- function(l) sum(log(1 - l * ev)) - length(y) / 2 * log(sum(lm.fit(X - l * WX, y - l * wy)$residuals^2))
  lam <- optimize(conc, c(1 / min(ev) + 1e-6, 1 / max(ev) - 1e-6), maximum = TRUE, tol = 1e-12)$maximum
  fit <- lm.fit(X - lam * WX, y - lam * wy); s2 <- sum(fit$residuals^2) / length(y)
  cases[[length(cases) + 1]] <- list(effect = eff, spatial = lam, coef = unname(fit$coefficients[2:5]), sigma2 = s2,
                                     loglik = sum(log(1 - lam * ev)) - length(y) / 2 * (log(2 * pi * s2) + 1))
}
write_json(list(what = "SEM with period effects, binary usaww, exact dummy-variable ML", cases = cases),
           "tests/reference/fixtures/spreg_panel_sem_period_effects.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
for (c in cases) cat(c$effect, "lambda", c$spatial, "loglik", c$loglik, "\n")
