# Reference numbers for cbec's 2SLS diagnostics (estimate/ols/iv_diagnostics.hpp) on AER's
# CigarettesSW (Stock and Watson's cigarette demand; written to tests/data/cigarettes_sw.csv here):
#  - Wu-Hausman F and Sargan: AER::summary(ivreg, diagnostics = TRUE) (AER's ivdiag);
#  - robust Wu-Hausman (Wald F on the first-stage fits in the structural equation with a sandwich
#    variance): the same summary with vcov. = sandwich::vcovHC(type = "HC1") or vcovCL (CR1);
#  - Hansen (1982) J at the two-step GMM estimate: gmm::gmm(type = "twoStep", centeredVcov = FALSE)
#    (vcov = "MDS": S = sum u_i^2 z_i z_i'/n; "iid": S = u'u/n Z'Z/n) and, for the cluster-robust S
#    = sum_g (Z_g'u_g)(Z_g'u_g)'/n, an independent hand computation: first step 2SLS, S from its
#    residuals, b2 = (X'Z S^-1 Z'X)^-1 X'Z S^-1 Z'y, J = n gbar' S^-1 gbar (checked against gmm for MDS).
# The two-year case absorbs year fixed effects: every column is demeaned by year first (as cbec and
# xtivreg2 do), and the Wu-Hausman df count the absorbed year means.
# Run from the repository root: Rscript tests/reference/iv/iv_diagnostics.R
suppressPackageStartupMessages({library(AER); library(gmm); library(sandwich); library(jsonlite)})
data("CigarettesSW", package = "AER")
d <- CigarettesSW
d$lpacks <- log(d$packs); d$lrprice <- log(d$price / d$cpi); d$lrincome <- log(d$income / d$population / d$cpi)
d$tdiff <- (d$taxs - d$tax) / d$cpi; d$rtax <- d$tax / d$cpi
out_data <- data.frame(state = d$state, year = as.integer(as.character(d$year)), lpacks = d$lpacks, lrprice = d$lrprice,
                       lrincome = d$lrincome, tdiff = d$tdiff, rtax = d$rtax)
write.csv(out_data, "tests/data/cigarettes_sw.csv", row.names = FALSE)
d <- read.csv("tests/data/cigarettes_sw.csv")

jt <- function(g) as.numeric(unclass(specTest(g)$test))
hand_j <- function(y, X, Z, S_of) {
  n <- length(y)
  W1 <- solve(crossprod(Z))
  b1 <- solve(t(X) %*% Z %*% W1 %*% t(Z) %*% X, t(X) %*% Z %*% W1 %*% t(Z) %*% y)
  u <- drop(y - X %*% b1)
  W <- solve(S_of(u))
  b2 <- solve(t(X) %*% Z %*% W %*% t(Z) %*% X, t(X) %*% Z %*% W %*% t(Z) %*% y)
  g <- drop(t(Z) %*% (y - X %*% b2)) / n
  n * drop(t(g) %*% W %*% g)
}
S_hc <- function(Z) function(u) crossprod(Z * u) / nrow(Z)
S_iid <- function(Z) function(u) sum(u^2) / nrow(Z) * crossprod(Z) / nrow(Z)
S_cl <- function(Z, cl) function(u) { s <- rowsum(Z * u, cl); crossprod(s) / nrow(Z) }
diag_row <- function(D, name) { r <- D[name, ]; list(df1 = unname(r["df1"]), df2 = unname(r["df2"]), stat = unname(r["statistic"]), p = unname(r["p-value"])) }

# Case 1: 1995 cross-section, one endogenous regressor, two excluded instruments.
d95 <- subset(d, year == 1995)
m <- ivreg(lpacks ~ lrprice + lrincome | lrincome + tdiff + rtax, data = d95)
D_iid <- summary(m, diagnostics = TRUE)$diagnostics
D_hc1 <- summary(m, vcov. = function(x) vcovHC(x, type = "HC1"), diagnostics = TRUE)$diagnostics
g_mds <- gmm(lpacks ~ lrprice + lrincome, ~ lrincome + tdiff + rtax, data = d95, type = "twoStep", vcov = "MDS", centeredVcov = FALSE)
g_iid <- gmm(lpacks ~ lrprice + lrincome, ~ lrincome + tdiff + rtax, data = d95, type = "twoStep", vcov = "iid", centeredVcov = FALSE)
y <- d95$lpacks; X <- cbind(1, d95$lrprice, d95$lrincome); Z <- cbind(1, d95$lrincome, d95$tdiff, d95$rtax)
j_hand_hc <- hand_j(y, X, Z, S_hc(Z))
stopifnot(abs(j_hand_hc - jt(g_mds)[1]) < 1e-8 * j_hand_hc)
stopifnot(abs(hand_j(y, X, Z, S_iid(Z)) - jt(g_iid)[1]) < 1e-8 * jt(g_iid)[1])

# Case 2: both years, year fixed effects absorbed, clustered by state.
dm <- d
for (v in c("lpacks", "lrprice", "lrincome", "tdiff", "rtax")) dm[[v]] <- d[[v]] - ave(d[[v]], d$year)
m2 <- ivreg(lpacks ~ lrprice + lrincome + factor(year) | lrincome + tdiff + rtax + factor(year), data = d)
D2_iid <- summary(m2, diagnostics = TRUE)$diagnostics
D2_cl <- summary(m2, vcov. = function(x) vcovCL(x, cluster = d$state, type = "HC1"), diagnostics = TRUE)$diagnostics
y2 <- dm$lpacks; X2 <- cbind(dm$lrprice, dm$lrincome); Z2 <- cbind(dm$lrincome, dm$tdiff, dm$rtax)
j_cl <- hand_j(y2, X2, Z2, S_cl(Z2, d$state))
j_hc2 <- hand_j(y2, X2, Z2, S_hc(Z2))

out <- list(source_script = "tests/reference/iv/iv_diagnostics.R", AER = as.character(packageVersion("AER")),
  gmm = as.character(packageVersion("gmm")),
  cross_section = list(data = "cigarettes_sw.csv (year 1995)", formula = "lpacks ~ lrincome | lrprice ~ tdiff + rtax",
    coef_lrprice = unname(coef(m)["lrprice"]),
    wu_hausman = diag_row(D_iid, "Wu-Hausman"), wu_hausman_hc1 = diag_row(D_hc1, "Wu-Hausman"),
    sargan = diag_row(D_iid, "Sargan"),
    hansen_j_hc = jt(g_mds)[1], hansen_j_hc_p = jt(g_mds)[2],
    hansen_j_iid = jt(g_iid)[1]),
  year_fe_cluster = list(data = "cigarettes_sw.csv", formula = "lpacks ~ lrincome | year | lrprice ~ tdiff + rtax", cluster = "state",
    coef_lrprice = unname(coef(m2)["lrprice"]),
    wu_hausman = diag_row(D2_iid, "Wu-Hausman"), wu_hausman_cluster = diag_row(D2_cl, "Wu-Hausman"),
    sargan = diag_row(D2_iid, "Sargan"), hansen_j_cluster = j_cl, hansen_j_hc = j_hc2))
write_json(out, "tests/reference/fixtures/iv_diagnostics.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote iv_diagnostics.json\n")
