# Reference numbers for cbec's spatial panel models (estimate/spatial_models/spatial_panel.hpp) on
# Munnell's Produc data (48 US states, 1970-1986) with splm's 48-state contiguity weights usaww,
# as in Millo and Piras (2012, J. Stat. Softw. 47(1)), section 5.
#  - splm 1.6-5 spml(model = "within"): fixed-effects SAR (lag = TRUE) and SEM (spatial.error = "b")
#    with individual, time and two-way effects, Lee and Yu (2010) correction off and on, and the
#    SDM as a SAR with slag() terms. splm applies W to the demeaned variables ("splm" lags in cbec);
#    its "lambda" is the spatial-lag coefficient (cbec's rho) and its "rho" the error coefficient
#    (cbec's lambda); its SEM logLik is the concentrated T ln|I - rho W| - NT/2 ln(e'e).
#    splm's default variance is block-diagonal (spatial parameter, slopes): its diagonal is compared.
#  - spatialreg lagsarlm/errorsarlm on the stacked panel with block-diagonal weights I_T (x) W and
#    fixed-effect dummies: the within estimator of the demeaned spatial lag (cbec's default lags),
#    pooled models (intercept, no effects), and an unbalanced panel (rows dropped) whose per-period
#    weights are W restricted to the units present, row-standardized again. For the SEM, lambda is
#    found again by optimize on errorsarlm's concentrated likelihood (errorsarlm stops early).
# Optimizer tolerances are tightened (splm tol.opt, spatialreg tol.opt) so that the references
# hold 1e-8 digits. Run from the repository root: Rscript tests/reference/spreg/spatial_panel.R
suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(spatialreg); library(jsonlite); library(Matrix)})
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
states <- unique(pr$state)
stopifnot(length(states) == 48)
# the weights file: binary contiguity whose row-standardization is usaww
nb <- mat2listw(usaww, style = "B")$neighbours
stopifnot(max(abs(nb2mat(nb, style = "W") - unname(usaww))) < 1e-15)
gal <- c(paste(0, 48, "produc", "state"), unlist(lapply(1:48, function(i) c(paste(states[i], length(nb[[i]])), paste(states[nb[[i]]], collapse = " ")))))
writeLines(gal, "tests/data/usaww.gal")
lw <- nb2listw(nb, style = "W")
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
xnames <- c("log(pcap)", "log(pc)", "log(emp)", "unemp")
ctl <- list(tol.opt = 1e-12)
# the SDM's W x, period by period on the raw variables (as splm's slag() inside plm's model frame)
wlag <- function(v) ave(seq_along(v), pr$year, FUN = function(i) as.vector(usaww %*% v[i][match(states, pr$state[i])])[match(pr$state[i], states)])
prw <- pr
prw$w_lpcap <- wlag(log(pr$pcap)); prw$w_lpc <- wlag(log(pr$pc)); prw$w_lemp <- wlag(log(pr$emp)); prw$w_unemp <- wlag(pr$unemp)
effects <- c(individual = "individual", time = "time", twoways = "twoways")

splm_case <- function(model, effect, leeyu, durbin = FALSE) {
  f <- if (durbin) log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp + w_lpcap + w_lpc + w_lemp + w_unemp else fm
  m <- spml(f, data = prw, index = c("state", "year"), listw = lw, model = "within", effect = effect,
            lag = model != "sem", spatial.error = if (model == "sem") "b" else "none", LeeYu = leeyu, control = ctl)
  cf <- coef(m)
  list(model = model, effect = effect, lee_yu = leeyu, lags = "splm",
       spatial = unname(cf[1]), coef = unname(cf[-1]), se = unname(sqrt(diag(m$vcov))),
       sigma2 = m$sigma2, loglik = as.numeric(m$logLik))
}
cases <- list()
for (e in effects) for (ly in c(FALSE, TRUE)) {
  cases[[length(cases) + 1]] <- splm_case("sar", e, ly)
  cases[[length(cases) + 1]] <- splm_case("sem", e, ly)
}
for (e in effects) cases[[length(cases) + 1]] <- splm_case("sdm", e, FALSE, durbin = TRUE)

# spatialreg on the stacked panel (periods stacked, units in W's order within a period)
stacked <- function(d) d[order(d$year, match(d$state, states)), ]
block_w <- function(d) {
  blocks <- lapply(split(d$state, d$year), function(s) {
    i <- match(s, states); B <- (usaww[i, i] > 0) * 1
    r <- rowSums(B); B[r > 0, ] <- B[r > 0, ] / r[r > 0]; B })
  mat2listw(as.matrix(bdiag(blocks)), style = "W")
}
sr_case <- function(model, effect, d, label) {
  d <- stacked(d); wl <- block_w(d)
  rhs <- paste(c("log(pcap) + log(pc) + log(emp) + unemp",
                 if (effect %in% c("individual", "twoways")) "factor(state)",
                 if (effect %in% c("time", "twoways")) "factor(year)"), collapse = " + ")
  f <- as.formula(paste("log(gsp) ~", rhs))
  ctl2 <- list(tol.opt = 1e-12)
  m <- if (model == "sar") lagsarlm(f, data = d, listw = wl, method = "eigen", control = ctl2, zero.policy = TRUE)
       else errorsarlm(f, data = d, listw = wl, method = "eigen", control = ctl2, zero.policy = TRUE)
  sp <- if (model == "sar") m$rho else m$lambda
  b <- coef(m)[xnames]; if (model == "sar") b <- m$coefficients[xnames]
  s2 <- m$s2; ll <- as.numeric(logLik(m)); sp_errorsarlm <- NULL
  if (model == "sem") {
    # errorsarlm stops its search for lambda early here (its concentrated likelihood is lower at its
    # lambda than nearby), so lambda is found again on the same concentrated likelihood by optimize
    # and the slopes, sigma2 and log-likelihood recomputed there; errorsarlm's lambda is kept beside.
    X <- model.matrix(f, d); y <- log(d$gsp)
    Wm <- as(wl, "CsparseMatrix"); ev <- Re(eigen(as.matrix(Wm), only.values = TRUE)$values)
    wy <- as.vector(Wm %*% y); WX <- as.matrix(Wm %*% X)
    conc <- function(l) sum(log(1 - l * ev)) - length(y) / 2 * log(sum(lm.fit(X - l * WX, y - l * wy)$residuals^2))
    lam <- optimize(conc, c(1 / min(ev) + 1e-6, 1 / max(ev) - 1e-6), maximum = TRUE, tol = 1e-12)$maximum
    fit <- lm.fit(X - lam * WX, y - lam * wy)
    sp_errorsarlm <- sp; sp <- lam; b <- fit$coefficients[xnames]
    s2 <- sum(fit$residuals^2) / length(y)
    ll <- sum(log(1 - lam * ev)) - length(y) / 2 * log(2 * pi * s2) - length(y) / 2
    if (effect == "none") m$coefficients["(Intercept)"] <- fit$coefficients["(Intercept)"]
  }
  list(model = model, effect = effect, lags = "within", data = label, nobs = nrow(d),
       spatial = unname(sp), spatial_errorsarlm = unname(sp_errorsarlm), coef = unname(b),
       intercept = if (effect == "none") unname(m$coefficients["(Intercept)"]) else NULL,
       sigma2 = s2, loglik = ll,
       se = if (effect == "none") unname(sqrt(diag(vcov(m)))[c(if (model == "sar") "rho" else "lambda", "(Intercept)", xnames)]) else NULL,
       # the SAR's SEs with effect dummies (spatialreg's information matrix with the dummies, so rho's
       # row is partialled on them as on X); the SEM's lambda was found again above, so not there
       se_effects = if (model == "sar" && effect != "none") unname(sqrt(diag(vcov(m)))[c("rho", xnames)]) else NULL)
}
# unbalanced: drop 40 rows chosen with a fixed seed (cbec reads the same file without them)
set.seed(15)
drop <- sort(sample(nrow(pr), 40))
unb <- pr[-drop, ]
write.csv(unb, "tests/data/produc_unbalanced.csv", row.names = FALSE)
within_cases <- list()
for (m in c("sar", "sem")) {
  for (e in c("none", "individual", "time", "twoways")) within_cases[[length(within_cases) + 1]] <- sr_case(m, e, pr, "produc.csv")
  for (e in c("none", "individual", "twoways")) within_cases[[length(within_cases) + 1]] <- sr_case(m, e, unb, "produc_unbalanced.csv")
}
out <- list(source = "splm 1.6-5 spml; spatialreg lagsarlm/errorsarlm (method eigen), stacked block-diagonal weights",
            terms = xnames, splm = cases, spatialreg = within_cases)
write_json(out, "tests/reference/fixtures/spreg_panel_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")
