# Reference values for cbec's cross-section spatial models (spreg) from spatialreg (Debian
# r-cran-spatialreg) on the Columbus data (Anselin 1988; tests/data/columbus.csv and columbus.gal
# from spData): CRIME ~ INC + HOVAL with row-standardized contiguity weights.
#   sar  lagsarlm                 sem  errorsarlm
#   sdm  lagsarlm(Durbin = TRUE)  sdem errorsarlm(Durbin = TRUE)
#   sac  sacsarlm                 slx  lmSLX
# with method = "eigen" (analytical "ase" variance) and, for sar and sem, method = "Matrix"
# (sparse Cholesky log-determinant; spatialreg still uses its "ase" variance at n <= 1500), and
# spatial 2SLS (stsls) with iid and robust (HC0, HC1) variance, row-standardized and binary weights,
# and the GM SAC model (gstsls) with iid and HC0 variance.
# Run from the repository root: Rscript tests/reference/spreg/spatial_ml.R
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(jsonlite)})
nb <- read.gal("tests/data/columbus.gal")
d <- read.csv("tests/data/columbus.csv")
stopifnot(all(as.integer(attr(nb, "region.id")) == d$POLYID))
lw <- nb2listw(nb, style = "W")
f <- CRIME ~ INC + HOVAL
ols <- lm(f, d)
one <- function(m, spatial) {
  s <- summary(m)
  ll <- as.numeric(logLik(m))
  out <- list(terms = rownames(s$Coef), coef = unname(s$Coef[, 1]), se = unname(s$Coef[, 2]),
              loglik = ll, aic = AIC(m), sigma2 = m$s2,
              loglik_ols = as.numeric(m$logLik_lm.model), aic_ols = m$AIC_lm.model)
  if ("rho" %in% spatial) { out$rho <- unname(m$rho); out$rho_se <- unname(m$rho.se) }
  if ("lambda" %in% spatial) { out$lambda <- unname(m$lambda); out$lambda_se <- unname(m$lambda.se) }
  out$lr <- 2 * (ll - as.numeric(m$logLik_lm.model))
  if (length(spatial) == 1) out$wald <- unname(if (spatial == "rho") (m$rho / m$rho.se)^2 else (m$lambda / m$lambda.se)^2)
  out
}
sac <- sacsarlm(f, d, lw)
sac_out <- one(sac, c("rho", "lambda"))
theta <- c(sac$rho, sac$lambda); V <- sac$resvar[2:3, 2:3]
sac_out$wald <- as.numeric(t(theta) %*% solve(V) %*% theta)
# SAC with binary weights: its likelihood has two peaks in rho (near -0.05 and 0.045); sacsarlm's
# joint search finds the higher
sac_b <- sacsarlm(f, d, nb2listw(nb, style = "B"))
sac_b_out <- one(sac_b, c("rho", "lambda"))
theta <- c(sac_b$rho, sac_b$lambda); V <- sac_b$resvar[2:3, 2:3]
sac_b_out$wald <- as.numeric(t(theta) %*% solve(V) %*% theta)
slx <- lmSLX(f, d, lw)
sslx <- summary(slx)
ts <- function(m) { s <- summary(m)$Coef; list(terms = rownames(s), coef = unname(s[, 1]), se = unname(s[, 2])) }
lwb <- nb2listw(nb, style = "B")
# GM error model (Kelejian-Prucha 1999), spatialreg::GMerrorsar. Its lambda.se sums all entries
# of (A2 + A2')'(A1 + A1') and (A2 + A2')'(A2 + A2') where Kelejian-Prucha (2004) have traces;
# lambda_se_trace recomputes it with the traces from the same pieces (cbec's value).
gm <- GMerrorsar(f, d, lw)
gm_trace_se <- local({
  n <- nrow(d); W <- as(lw, "CsparseMatrix"); u <- residuals(lm(f, d)); lambda <- gm$lambda
  wu <- as.numeric(W %*% u); wwu <- as.numeric(W %*% wu); a <- sum(W^2) / n; cc <- sqrt(1 / (1 + a^2))
  J <- matrix(c(2 * cc * (sum(wwu * wu) - a * sum(wu * u)), sum(wwu * u) + sum(wu^2),
                -cc * (sum(wwu^2) - a * sum(wu^2)), -sum(wwu * wu)), 2) / n
  J1 <- J %*% c(1, 2 * lambda)
  A2 <- as.matrix(crossprod(W)); A1 <- cc * (A2 - a * diag(n)); P1 <- A1 + t(A1); P2 <- A2 + t(A2)
  s2 <- sum((u - lambda * as.numeric(W %*% u))^2) / n
  phi <- s2^2 / (2 * n) * matrix(c(sum(diag(P1 %*% P1)), sum(diag(P1 %*% P2)), sum(diag(P1 %*% P2)), sum(diag(P2 %*% P2))), 2)
  jj <- 1 / sum(J1^2)
  sqrt(as.numeric(jj * t(J1) %*% phi %*% J1 * jj) / n)
})
# Generalized spatial 2SLS of the SAC model (Kelejian-Prucha 1998), spatialreg::gstsls: Rho_Wy and the
# coefficients with their SEs from the last 2SLS step, lambda (no SE).
gs <- function(m) list(terms = names(m$coefficients), coef = unname(m$coefficients), se = unname(m$rest.se), lambda = unname(m$lambda))
out <- list(source_script = "tests/reference/spreg/spatial_ml.R", spatialreg = as.character(packageVersion("spatialreg")),
            sar = one(lagsarlm(f, d, lw), "rho"),
            sem = one(errorsarlm(f, d, lw), "lambda"),
            sdm = one(lagsarlm(f, d, lw, Durbin = TRUE), "rho"),
            sdem = one(errorsarlm(f, d, lw, Durbin = TRUE), "lambda"),
            sac = sac_out, sac_binary = sac_b_out,
            slx = list(terms = rownames(sslx$coefficients), coef = unname(sslx$coefficients[, 1]), se = unname(sslx$coefficients[, 2]),
                       loglik = as.numeric(logLik(slx)), aic = AIC(slx)),
            sar_matrix = one(lagsarlm(f, d, lw, method = "Matrix"), "rho"),
            sem_matrix = one(errorsarlm(f, d, lw, method = "Matrix"), "lambda"),
            stsls = ts(stsls(f, d, lw)), stsls_hc0 = ts(stsls(f, d, lw, robust = TRUE)),
            stsls_hc1 = ts(stsls(f, d, lw, robust = TRUE, HC = "HC1")), stsls_binary = ts(stsls(f, d, lwb)),
            gm_sac = gs(gstsls(f, d, lw)), gm_sac_hc0 = gs(gstsls(f, d, lw, robust = TRUE)), gm_sac_binary = gs(gstsls(f, d, lwb)),
            gm_error = list(terms = names(gm$coefficients), coef = unname(gm$coefficients), se = unname(gm$rest.se),
                            lambda = unname(gm$lambda), lambda_se_spatialreg = unname(gm$lambda.se), lambda_se_trace = gm_trace_se))
write_json(out, "tests/reference/fixtures/spreg_columbus_ml.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
