# Reference for cbec's Lee and Yu (2010) bias correction with two-way fixed effects (spatial_panel.cpp,
# --lee-yu), on Produc with splm's usaww (row-standardized), for the SAR, the SDM and the SEM.
# The direct-approach ML estimate theta = (beta, spatial, sigma^2) with unit and period effects is
# biased by O(1/T) and O(1/n); Lee and Yu (2010, J. Econometrics 154, section 4) correct it as
#   theta_bc = theta + Sigma^-1 a / n,  Sigma = I(theta) / (nT) the information per observation,
#   a = (0, 1/(1 - spatial), 1/(2 sigma^2)),   sigma^2_bc = T/(T-1) (sigma^2 + its correction),
# as Elhorst's MATLAB sar_panel_FE.m and sem_panel_FE.m (info.bc = 1, model 3) implement it; the
# variance is the inverse information at theta_bc (n T observations, T in the traces), as there.
# splm 1.6-5 (spfeml, LeeYu = TRUE) uses -I(theta)^-1 a / n instead (the sign reversed, nT times
# smaller) and T/(T+1) sigma^2: its two-way "correction" lowers sigma^2 and barely moves rho.
# The direct estimates come from splm (LeeYu = FALSE; its W applied to the demeaned variables equals
# the demeaned spatial lag for a row-standardized W on a balanced panel).
# Information (Lee and Yu 2010, eq. 3.4; Elhorst 2014 ch. 3), G = W (I - rho W)^-1, H = W (I - lambda W)^-1:
#   SAR/SDM: I_bb = X'X/s2, I_br = X' G X b / s2, I_rr = |G X b|^2/s2 + T tr(G G + G'G),
#            I_rs = T tr(G)/s2, I_ss = nT/(2 s2^2);
#   SEM:     I_bb = X*'X*/s2 (X* = X - lambda W X), I_ll = T tr(H H + H'H), I_ls = T tr(H)/s2, I_ss as above.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_lee_yu_twoways.R
suppressPackageStartupMessages({library(splm); library(spdep); library(jsonlite)})
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
states <- unique(pr$state); W <- unname(usaww); N <- 48; Tn <- 17; nobs <- N * Tn
lw <- mat2listw(usaww, style = "W")
wlag <- function(v) ave(seq_along(v), pr$year, FUN = function(i) as.vector(usaww %*% v[i][match(states, pr$state[i])])[match(pr$state[i], states)])
prw <- pr
prw$w_lpcap <- wlag(log(pr$pcap)); prw$w_lpc <- wlag(log(pr$pc)); prw$w_lemp <- wlag(log(pr$emp)); prw$w_unemp <- wlag(pr$unemp)
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
fd <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp + w_lpcap + w_lpc + w_lemp + w_unemp
# The demeaned variables, periods stacked with the units in W's order.
d <- prw[order(prw$year, match(prw$state, states)), ]
tw <- function(v) { v <- v - ave(v, d$state); v - ave(v, d$year) }
by_period <- function(v, Wm) as.vector(sapply(split(seq_along(v), d$year), function(i) Wm %*% v[i]))
y <- tw(log(d$gsp))
X0 <- cbind(log(d$pcap), log(d$pc), log(d$emp), d$unemp)
XD <- cbind(X0, d$w_lpcap, d$w_lpc, d$w_lemp, d$w_unemp)

information <- function(model, X, b, sp, s2) {
  k <- ncol(X)
  A <- diag(N) - sp * W; G <- W %*% solve(A)
  info <- matrix(0, k + 2, k + 2)   # order: beta, spatial, sigma^2
  if (model == "sem") {
    Xs <- X - sp * apply(X, 2, by_period, Wm = W)
    info[1:k, 1:k] <- crossprod(Xs) / s2
    info[k + 1, k + 1] <- Tn * (sum(G * t(G)) + sum(G * G))
  } else {
    gxb <- by_period(as.vector(X %*% b), G)
    info[1:k, 1:k] <- crossprod(X) / s2
    info[1:k, k + 1] <- info[k + 1, 1:k] <- crossprod(X, gxb) / s2
    info[k + 1, k + 1] <- sum(gxb^2) / s2 + Tn * (sum(G * t(G)) + sum(G * G))
  }
  info[k + 1, k + 2] <- info[k + 2, k + 1] <- Tn * sum(diag(G)) / s2
  info[k + 2, k + 2] <- nobs / (2 * s2^2)
  info
}

cases <- list()
for (model in c("sar", "sdm", "sem")) {
  m <- spml(if (model == "sdm") fd else fm, data = prw, index = c("state", "year"), listw = lw, model = "within", effect = "twoways",
            lag = model != "sem", spatial.error = if (model == "sem") "b" else "none", LeeYu = FALSE, control = list(tol.opt = 1e-12))
  X <- apply(if (model == "sdm") XD else X0, 2, tw)
  k <- ncol(X); sp <- unname(coef(m)[1]); b <- unname(coef(m)[-1]); s2 <- m$sigma2
  info <- information(model, X, b, sp, s2)
  bc <- c(b, sp, s2) + (nobs * solve(info)) %*% c(rep(0, k), 1 / (1 - sp), 1 / (2 * s2)) / N
  b1 <- bc[1:k]; sp1 <- bc[k + 1]; s21 <- Tn / (Tn - 1) * bc[k + 2]
  V <- solve(information(model, X, b1, sp1, s21))
  cases[[length(cases) + 1]] <- list(model = model, direct = list(spatial = sp, coef = b, sigma2 = s2),
                                     spatial = sp1, coef = b1, sigma2 = s21, se = sqrt(diag(V))[c(k + 1, 1:k)])
}
write_json(list(what = "Lee-Yu (2010) two-way bias correction as Elhorst's sar_panel_FE.m / sem_panel_FE.m, Produc, usaww",
                cases = cases), "tests/reference/fixtures/spreg_panel_lee_yu_twoways.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
for (c in cases) cat(c$model, "spatial", c$direct$spatial, "->", c$spatial, " sigma2", c$direct$sigma2, "->", c$sigma2, "\n")
