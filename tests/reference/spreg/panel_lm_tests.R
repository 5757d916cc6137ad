# Reference values for cbec's panel LM tests (estimate/spatial_models/lm_tests.cpp on the stacked
# panel with I_T (x) W): splm::slmtest (Debarsy & Ertur 2010 / Anselin et al. 2008 LM tests: lme,
# lml, rlme, rlml) on Produc (plm) with the 48-state row-standardized weights usaww (splm), for
# pooled OLS and the within transformations (individual, time, twoways), and an independent
# computation of the Elhorst (2014, section 3.3) LM tests from their formulas with explicit
# matrices (data sorted by year then state, W_NT = I_T (x) W) plus SARMA, which splm lacks.
# splm::bsktest's Baltagi-Song-Koh tests on pooled OLS are recorded too.
# splm is not a Debian package: install it from CRAN sources to rerun this script.
# Run from the repository root: Rscript tests/reference/spreg/panel_lm_tests.R
suppressPackageStartupMessages({library(plm); library(splm); library(jsonlite)})
data(usaww, package = "splm")
write.csv(usaww, "tests/data/usaww.matrix.csv")
produc <- read.csv("tests/data/produc.csv")
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
lw <- spdep::mat2listw(usaww, style = "W")
out <- list()
# Elhorst's LM tests from the formulas: y, X demeaned as the effect says, OLS, sigma2 = e'e / NT.
elhorst <- function(effect) {
  d <- produc[order(produc$year, produc$state), ]
  y <- log(d$gsp)
  X <- cbind(log(d$pcap), log(d$pc), log(d$emp), d$unemp)
  dm <- function(v, g) v - ave(v, g)
  if (effect %in% c("individual", "twoways")) { y2 <- dm(y, d$state); X2 <- apply(X, 2, dm, g = d$state) } else { y2 <- y; X2 <- X }
  if (effect == "twoways") { y2 <- dm(y2, d$year); X2 <- apply(X2, 2, dm, g = d$year) }
  if (effect == "time") { y2 <- dm(y, d$year); X2 <- apply(X, 2, dm, g = d$year) }
  if (effect == "none") X2 <- cbind(1, X)
  Tn <- length(unique(d$year))
  W <- unname(usaww[unique(d$state), unique(d$state)])
  bigW <- kronecker(diag(Tn), W)
  b <- solve(crossprod(X2), crossprod(X2, y2))
  e <- as.numeric(y2 - X2 %*% b)
  NT <- length(y2)
  s2 <- sum(e^2) / NT
  TW <- sum(diag(W %*% W + t(W) %*% W))
  M <- diag(NT) - X2 %*% solve(crossprod(X2)) %*% t(X2)
  wxb <- bigW %*% X2 %*% b
  J <- as.numeric(t(wxb) %*% M %*% wxb) / s2 + Tn * TW
  de <- as.numeric(t(e) %*% bigW %*% e) / s2
  dl <- as.numeric(t(e) %*% bigW %*% y2) / s2
  list(lm_error = de^2 / (Tn * TW), lm_lag = dl^2 / J, robust_lm_error = (de - Tn * TW / J * dl)^2 / (Tn * TW * (1 - Tn * TW / J)),
       robust_lm_lag = (dl - de)^2 / (J - Tn * TW), sarma = (dl - de)^2 / (J - Tn * TW) + de^2 / (Tn * TW))
}
for (effect in c("none", "individual", "time", "twoways")) {
  model <- if (effect == "none") "pooling" else "within"
  eff <- if (effect == "none") "individual" else effect
  s <- function(test) as.numeric(slmtest(fm, data = produc, listw = lw, model = model, effect = eff, test = test)$statistic)
  out[[effect]] <- list(slmtest = list(lm_error = s("lme"), lm_lag = s("lml"), robust_lm_error = s("rlme"), robust_lm_lag = s("rlml")),
                        elhorst = elhorst(effect))
}
# Baltagi, Song & Koh (2003) LM1, LM2, LM-H (splm::bsktest, unstandardized) on pooled OLS: the full
# panel, 1985-1986 only, and 1985-1986 with unemp demeaned by state on the left (LM1 < 0: LM-H = LM2^2).
late <- produc[produc$year >= 1985, ]
late$unemp_dm <- late$unemp - ave(late$unemp, late$state)
bsk <- function(f, d) {
  r <- lapply(c("LM1", "LM2", "LMH"), function(t) bsktest(f, data = d, listw = lw, test = t))
  list(lm1 = unname(r[[1]]$statistic), lm2 = unname(r[[2]]$statistic), lmh = unname(r[[3]]$statistic), p_lmh = unname(r[[3]]$p.value))
}
out$bsk <- list(full = bsk(fm, produc), late = bsk(fm, late), late_dm = bsk(unemp_dm ~ log(emp), late))
out$source_script <- "tests/reference/spreg/panel_lm_tests.R"
out$splm <- as.character(packageVersion("splm"))
write_json(out, "tests/reference/fixtures/spreg_panel_lm_tests.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
