# Reference numbers for cbec's random-effects spatial panel models (estimate/spatial_models/
# spatial_panel_re.hpp) and the spatial Hausman test (spatial_hausman.hpp) on Munnell's Produc data
# (48 US states, 1970-1986) with splm's 48-state weights usaww, as in Millo and Piras (2012, J.
# Stat. Softw. 47(1), section 5): splm 1.6-5 spml(model = "random") with lag = TRUE (SAR-RE),
# spatial.error = "b" (Baltagi, Song and Koh 2003) and "kkp" (Kapoor, Kelejian and Prucha 2007),
# and sphtest(method = "ML") for the lag and the error models (KKP and BSK random effects); the
# Durbin model (SDM-RE) as spml(lag = TRUE) with the W x columns added to the data.
# splm's "lambda" is the spatial-lag coefficient (cbec's rho) and its "rho" the error coefficient
# (cbec's lambda). splm's optimizer (nlminb, rel.tol 1e-15, from zeros) is left as it is.
# splm 1.6-5 is not in Debian: install it from CRAN's sources into a private library first.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_re.R
suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(jsonlite)})
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
idx <- c("state", "year")

re_case <- function(model, errors) {
  m <- spml(fm, data = pr, index = idx, listw = lw, model = "random", lag = model == "sar",
            spatial.error = if (model == "sar") "none" else errors)
  sp <- if (model == "sar") m$arcoef else m$errcomp["rho"]
  se_sp <- if (model == "sar") sqrt(m$vcov.arcoef[1, 1]) else sqrt(m$vcov.errcomp["rho", "rho"])
  list(model = model, errors = if (model == "sar") "re" else c(b = "baltagi", kkp = "kkp")[[errors]],
       spatial = unname(sp), phi = unname(m$errcomp["phi"]),
       se_spatial = unname(se_sp), se_phi = unname(sqrt(m$vcov.errcomp["phi", "phi"])),
       coef = unname(m$coefficients), se = unname(sqrt(diag(m$vcov))),
       sigma2 = m$sigma2$idios, sigma2_mu = m$sigma2$id, loglik = as.numeric(m$logLik))
}
random <- list(re_case("sar", "none"), re_case("sem", "b"), re_case("sem", "kkp"))

# SDM-RE: splm's ML has no Durbin option; the model is SAR-RE with W x among the regressors, so
# the W x columns (usaww row-standardized, per year in the data's state order) are added to the data.
W <- listw2mat(lw)
wlag <- function(v) ave(v, pr$year, FUN = function(z) as.vector(W %*% z))
pr$w_lpcap <- wlag(log(pr$pcap)); pr$w_lpc <- wlag(log(pr$pc)); pr$w_lemp <- wlag(log(pr$emp)); pr$w_unemp <- wlag(pr$unemp)
stopifnot(all(diff(match(pr$state, unique(pr$state))[pr$year == pr$year[1]]) == 1))
m <- spml(update(fm, . ~ . + w_lpcap + w_lpc + w_lemp + w_unemp), data = pr, index = idx, listw = lw,
          model = "random", lag = TRUE, spatial.error = "none")
sdm <- list(model = "sdm", errors = "re", spatial = unname(m$arcoef), phi = unname(m$errcomp["phi"]),
            se_spatial = unname(sqrt(m$vcov.arcoef[1, 1])), se_phi = unname(sqrt(m$vcov.errcomp["phi", "phi"])),
            coef = unname(m$coefficients), se = unname(sqrt(diag(m$vcov))),
            sigma2 = m$sigma2$idios, sigma2_mu = m$sigma2$id, loglik = as.numeric(m$logLik))
random <- c(random, list(sdm))

# SAC-RE: spml(lag = TRUE) with spatial.error "b" (saremREmod) and "kkp" (sarem2REmod), one W.
# splm's fdHess misjudges the curvature in (rho, lambda) here (rho's SE 0.0087 where the Hessian is
# 0.0183), so the SEs of (rho, lambda, phi) are from numDeriv::hessian (Richardson extrapolation)
# of splm's concentrated log-likelihood (saremREmod's ll.c, written out below) at splm's optimum.
yr <- order(pr$year, pr$state)
y_t <- log(pr$gsp)[yr]; X_t <- model.matrix(fm, pr)[yr, ]; n <- nrow(W); tp <- length(unique(pr$year)); In <- diag(n)
wy_t <- as.vector(sapply(split(y_t, pr$year[yr]), function(v) W %*% v))
sac_loglik <- function(p, errors) {
  phi <- p[1]; lambda <- p[2]; rho <- p[3]
  B <- In - lambda * W; BB <- crossprod(B); Jbar <- matrix(1 / tp, tp, tp); E <- diag(tp) - Jbar
  S1 <- if (errors == "b") kronecker(Jbar, solve(tp * phi * In + solve(BB))) + kronecker(E, BB)
        else kronecker(Jbar / (tp * phi + 1) + E, BB)
  ldet <- function(m) as.numeric(determinant(m)$modulus)
  half_ldet_sigma <- if (errors == "b") -ldet(tp * phi * In + solve(BB)) / 2 + (tp - 1) * ldet(B)
                     else -n / 2 * log(tp * phi + 1) + tp * ldet(B)
  ay <- y_t - rho * wy_t
  b <- solve(crossprod(X_t, S1) %*% X_t, crossprod(X_t, S1) %*% ay); e <- ay - X_t %*% b
  s2 <- as.numeric(crossprod(e, S1) %*% e) / (n * tp)
  -(n * tp) / 2 * (log(2 * pi) + 1 + log(s2)) + tp * ldet(In - rho * W) + half_ldet_sigma
}
sac_case <- function(errors) {
  m <- spml(fm, data = pr, index = idx, listw = lw, model = "random", lag = TRUE, spatial.error = errors)
  at <- c(m$errcomp["phi"], m$errcomp["rho"], m$arcoef)
  stopifnot(abs(sac_loglik(at, errors) - as.numeric(m$logLik)) < 1e-8)
  se_theta <- sqrt(diag(solve(-numDeriv::hessian(sac_loglik, at, errors = errors))))
  list(model = "sac", errors = c(b = "baltagi", kkp = "kkp")[[errors]],
       spatial = unname(m$arcoef), lambda = unname(m$errcomp["rho"]), phi = unname(m$errcomp["phi"]),
       se_spatial = se_theta[3], se_lambda = se_theta[2], se_phi = se_theta[1],
       se_spatial_splm = unname(sqrt(m$vcov.arcoef[1, 1])), se_lambda_splm = unname(sqrt(m$vcov.errcomp["rho", "rho"])),
       se_phi_splm = unname(sqrt(m$vcov.errcomp["phi", "phi"])),
       coef = unname(m$coefficients), se = unname(sqrt(diag(m$vcov))),
       sigma2 = m$sigma2$idios, sigma2_mu = m$sigma2$id, loglik = as.numeric(m$logLik))
}
random <- c(random, list(sac_case("b"), sac_case("kkp")))

hausman_case <- function(model, errors) {
  h <- sphtest(fm, data = pr, index = idx, listw = lw, spatial.model = if (model == "sar") "lag" else "error",
               method = "ML", errors = errors)
  list(model = model, errors = if (model == "sar") "re" else c(KKP = "kkp", BSK = "baltagi")[[errors]],
       stat = as.numeric(h$statistic), df = as.numeric(h$parameter), p_value = as.numeric(h$p.value))
}
hausman <- list(hausman_case("sar", "KKP"), hausman_case("sem", "KKP"), hausman_case("sem", "BSK"))

out <- list(source = "splm 1.6-5 spml(model = \"random\"), sphtest(method = \"ML\")",
            terms = c("(Intercept)", "log(pcap)", "log(pc)", "log(emp)", "unemp"),
            random = random, hausman = hausman)
write_json(out, "tests/reference/fixtures/spreg_panel_re_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")
