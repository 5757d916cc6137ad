# Reference numbers for cases found by the December 2026 audits of cbec against R on random data,
# each a convention cbec had wrong (tests/cli/check_reference_numbers.py runs cbec on them):
#  - xtreg fd: clusters and periods counted in the differenced sample (plm, sandwich);
#  - LISA of a unit at the mean (spdep localmoran: no z), LISA's folded permutation p-value with
#    ties (spdep localmoran_perm "Pr(folded) Sim", as PySAL and GeoDa), Geary's permutation
#    p-value one-sided (spdep geary.mc);
#  - Sun-Abraham: the collinear cell dropped in fixest's order, a cohort seen only before its
#    treatment as a control (fixest::sunab; fixest is not a Debian package: built from its public
#    source into a private library, R_LIBS);
#  - the GM error model's lambda at the global minimum of the Kelejian-Prucha criterion
#    (spatialreg GMerrorsar from lambda 0 finds it here); the SAR's rho at the exact maximum of the
#    concentrated likelihood near the bound 1 / max eigenvalue (the root of its analytic score);
#  - the ADF statistic of a series whose level is large against its steps (urca ur.df).
# The spatial regression data are two of the audit's random cases (k-nearest-neighbour weights,
# binary style). Writes tests/data/{grunfeld_firm10_once,lisa_at_mean,lisa_ties,geary_checkerboard,
# sunab_collinear_cell,sunab_pre_only}.csv (and .gal) and tests/reference/fixtures/cli_audit_numbers.json.
# Run from the repository root: R_LIBS=<library with fixest> Rscript tests/reference/cli/audit_numbers.R
suppressPackageStartupMessages({library(plm); library(sandwich); library(spdep); library(spatialreg); library(fixest); library(urca); library(jsonlite)})
setFixest_nthreads(1)
cases <- list()
add <- function(name, args, path, value, tol = 1e-6) cases[[length(cases) + 1]] <<- list(name = name, args = args, path = path, value = value, tol = tol)

# xtreg fd on Grunfeld: 190 differences in 19 periods (1936-1954).
gr <- read.csv("tests/data/grunfeld.csv")
fd <- plm(inv ~ value + capital, gr, index = c("firm", "year"), model = "fd")
n <- nobs(fd); K <- length(coef(fd))
se_year <- sqrt(diag(vcovHC(fd, method = "arellano", type = "sss", cluster = "time")))
add("fd clusters are the differenced sample's periods", c("xtreg", "tests/data/grunfeld.csv", "inv ~ value + capital", "--panel", "firm,year", "--model", "fd", "--vcov", "cluster:year", "--json"),
    "models/0/se/value", unname(se_year["value"]))
se_dk <- sqrt(diag(vcovSCC(fd, type = "HC0", maxlag = floor(19^(1/4))) * 19 / 18 * (n - 1) / (n - K)))
add("fd Driscoll-Kraay over the differenced sample's periods", c("xtreg", "tests/data/grunfeld.csv", "inv ~ value + capital", "--panel", "firm,year", "--model", "fd", "--vcov", "dk", "--json"),
    "models/0/se/value", unname(se_dk["value"]))
g1 <- gr[!(gr$firm == 10 & gr$year > 1935), ]
write.csv(g1, "tests/data/grunfeld_firm10_once.csv", row.names = FALSE)
g1 <- g1[order(g1$firm, g1$year), ]
D <- do.call(rbind, lapply(split(g1, g1$firm), function(u) if (nrow(u) > 1) data.frame(firm = u$firm[-1], dinv = diff(u$inv), dvalue = diff(u$value), dcapital = diff(u$capital))))
se_firm <- sqrt(diag(vcovCL(lm(dinv ~ dvalue + dcapital, D), cluster = ~firm, type = "HC1")))
add("fd clusters: a unit without a difference is none", c("xtreg", "tests/data/grunfeld_firm10_once.csv", "inv ~ value + capital", "--panel", "firm,year", "--model", "fd", "--vcov", "cluster:firm", "--json"),
    "models/0/se/value", unname(se_firm["dvalue"]))

# LISA of a unit at the mean: a 5 x 5 rook lattice of whole numbers with mean exactly 2 (unit 11 is 2).
nb <- cell2nb(5, 5, type = "rook")
x <- c(0, 2, 0, 0, 0, 4, 4, 0, 1, 3, 2, 4, 2, 1, 0, 2, 2, 2, 1, 3, 3, 3, 4, 3, 4)  # summing x_i / 25 is not exact
stopifnot(mean(x) == 2)
write.csv(data.frame(id = 1:25, x = x), "tests/data/lisa_at_mean.csv", row.names = FALSE)
write.nb.gal(nb, "tests/data/lisa_at_mean.gal")
lm5 <- localmoran(x, nb2listw(nb))
stopifnot(is.nan(lm5[11, "Z.Ii"]))
add("LISA: a unit at the mean has no z (spdep NaN)", c("spatial", "lisa", "tests/data/lisa_at_mean.csv", "--w", "tests/data/lisa_at_mean.gal", "--id", "id", "--variable", "x", "--permutations", "0", "--json"),
    "units/10/z", NULL)
add("LISA: a unit at the mean is not significant", c("spatial", "lisa", "tests/data/lisa_at_mean.csv", "--w", "tests/data/lisa_at_mean.gal", "--id", "id", "--variable", "x", "--permutations", "0", "--json"),
    "units/10/cluster", "ns")

# LISA ties: unit 1 (below the mean) has one neighbour, unit 2, holding the largest value, which
# units 3 and 4 hold too: every draw gives I_b >= I_1, a third of them equal to it.
xt <- c(0, 5, 5, 5, 1, 2, 1, 3, 2, 1)
nbt <- cell2nb(10, 1, type = "rook")
write.csv(data.frame(id = 1:10, x = xt), "tests/data/lisa_ties.csv", row.names = FALSE)
write.nb.gal(nbt, "tests/data/lisa_ties.gal")
set.seed(1)
perm <- localmoran_perm(xt, nb2listw(nbt), nsim = 999)
add("LISA permutation p-value: ties on the upper side (spdep Pr(folded) Sim)", c("spatial", "lisa", "tests/data/lisa_ties.csv", "--w", "tests/data/lisa_ties.gal", "--id", "id", "--variable", "x", "--permutations", "999", "--json"),
    "units/0/p_sim", unname(perm[1, "Pr(folded) Sim"]), 1e-12)

# Geary's C on a 7 x 7 checkerboard (negative autocorrelation, C far above 1).
nbc <- cell2nb(7, 7, type = "rook")
xc <- rep(c(0, 1), length.out = 49)
write.csv(data.frame(id = 1:49, x = xc), "tests/data/geary_checkerboard.csv", row.names = FALSE)
write.nb.gal(nbc, "tests/data/geary_checkerboard.gal")
set.seed(1)
gmc <- geary.mc(xc, nb2listw(nbc), nsim = 999)
# geary.mc's rank rule counts the draws strictly below C; cbec's (M + 1) / (R + 1) counts those at most C: equal within 1 / (R + 1).
add("Geary permutation p-value one-sided for positive autocorrelation", c("spatial", "geary", "tests/data/geary_checkerboard.csv", "--w", "tests/data/geary_checkerboard.gal", "--id", "id", "--variable", "x", "--permutations", "999", "--json"),
    "results/0/p_sim", gmc$p.value, 1 / 1000 + 1e-12)

# Sun-Abraham, never-treated units absent in 2006: the 2006 cells are collinear with its year effect.
set.seed(7)
d <- expand.grid(year = 2001:2006, id = 1:15)[, 2:1]
d$g <- c(rep(2003, 5), rep(2004, 5), rep(0, 5))[d$id]
d$y <- round(rnorm(15)[d$id] + (d$g > 0 & d$year >= d$g) * (1 + 0.2 * (d$year - d$g)) + rnorm(nrow(d)), 4)
d <- d[!(d$g == 0 & d$year == 2006), ]
write.csv(d, "tests/data/sunab_collinear_cell.csv", row.names = FALSE)
att <- coeftable(summary(feols(y ~ sunab(g, year) | id + year, d, cluster = ~id, fixef.tol = 1e-10), agg = "ATT"))
sa_args <- function(file) c("did", file, "--y", "y", "--unit", "id", "--time", "year", "--first-treat", "g", "--method", "sunab", "--json")
add("sunab: the collinear cell dropped as fixest", sa_args("tests/data/sunab_collinear_cell.csv"), "att/estimate", att["ATT", 1])
add("sunab: the collinear cell dropped as fixest (SE)", sa_args("tests/data/sunab_collinear_cell.csv"), "att/se", att["ATT", 2])
# A cohort (2006) observed only before its treatment.
set.seed(11)
d <- expand.grid(year = 2001:2007, id = 1:20)[, 2:1]
d$g <- c(rep(2003, 5), rep(2005, 5), rep(2006, 4), rep(0, 6))[d$id]
d$y <- round(rnorm(20)[d$id] + (d$g > 0 & d$year >= d$g) * (1 + 0.2 * (d$year - d$g)) + rnorm(nrow(d)), 4)
d <- d[!(d$g == 2006 & d$year >= 2006), ]
write.csv(d, "tests/data/sunab_pre_only.csv", row.names = FALSE)
att <- coeftable(summary(feols(y ~ sunab(g, year) | id + year, d, cluster = ~id, fixef.tol = 1e-10), agg = "ATT"))
add("sunab: a cohort seen only before treatment is a control", sa_args("tests/data/sunab_pre_only.csv"), "att/estimate", att["ATT", 1])
add("sunab: a cohort seen only before treatment is a control (SE)", sa_args("tests/data/sunab_pre_only.csv"), "att/se", att["ATT", 2])

# GM error model (binary 3-nearest-neighbour weights with islands): two local minima in lambda.
read_case <- function(stem) {
  dd <- read.csv(paste0("tests/data/", stem, ".csv")); dd$id <- as.character(dd$id)
  nbx <- read.gal(paste0("tests/data/", stem, ".gal"), override.id = TRUE)
  dd <- dd[match(attr(nbx, "region.id"), dd$id), ]
  list(d = dd, nb = nbx)
}
k <- read_case("gm_two_minima")
gm <- GMerrorsar(y ~ x1 + x2, k$d, nb2listw(k$nb, style = "B", zero.policy = TRUE), zero.policy = TRUE)
add("GM error model: lambda at the criterion's global minimum", c("spreg", "tests/data/gm_two_minima.csv", "y ~ x1 + x2", "--w", "tests/data/gm_two_minima.gal", "--id", "id", "--transform", "B", "--model", "gm_error", "--json"),
    "models/0/coef/lambda", unname(gm$lambda))

# SAR near the bound (binary 5-nearest-neighbour weights, two rows with a missing value).
k <- read_case("sar_near_bound")
cc <- complete.cases(k$d); dd <- k$d[cc, ]; nbs <- subset(k$nb, cc)
W <- as.matrix(as(nb2listw(nbs, style = "B"), "CsparseMatrix")); ev <- eigen(W, only.values = TRUE)$values
X <- model.matrix(y ~ x1 + x2 + x3, dd); M <- diag(nrow(W)) - X %*% solve(crossprod(X), t(X))
e0 <- M %*% dd$y; eL <- M %*% (W %*% dd$y); a <- sum(e0^2); b <- sum(eL * e0); c2 <- sum(eL^2); nn <- nrow(W)
score <- function(r) -Re(sum(ev / (1 - r * ev))) - nn / 2 * (-2 * b + 2 * r * c2) / (a - 2 * r * b + r^2 * c2)
rho <- uniroot(score, 1 / range(Re(ev)) + c(1e-9, -1e-9), tol = 1e-15)$root
stopifnot(abs(lagsarlm(y ~ x1 + x2 + x3, dd, nb2listw(nbs, style = "B"), method = "eigen")$rho - rho) < 1e-7)
add("SAR: rho at the likelihood's maximum near 1 / max eigenvalue", c("spreg", "tests/data/sar_near_bound.csv", "y ~ x1 + x2 + x3", "--w", "tests/data/sar_near_bound.gal", "--id", "id", "--transform", "B", "--model", "sar", "--json"),
    "models/0/coef/rho", rho, 1e-8)
# The same with sparse log-determinants: the search must stay below 1 / max eigenvalue = 1 / r
# (spatialreg's default interval (-1, 0.999) for method "LU" lets it reach 0.234 here, beyond the bound).
add("SAR by sparse log-determinants: rho searched below 1 / spectral radius", c("spreg", "tests/data/sar_near_bound.csv", "y ~ x1 + x2 + x3", "--w", "tests/data/sar_near_bound.gal", "--id", "id", "--transform", "B", "--model", "sar", "--log-det", "sparse", "--json"),
    "models/0/coef/rho", rho, 1e-8)

# ADF on a walk of steps 0.01 and on the same walk shifted by 1e5: the statistic is invariant to
# the shift (a constant in the regression); urca on the unshifted walk.
set.seed(3)
walk <- 1 + cumsum(rnorm(30, sd = 0.01))
write.csv(data.frame(id = rep(1:2, each = 30), time = rep(2001:2030, 2), y = sprintf("%.17g", c(walk, walk + 1e5))),
          "tests/data/adf_large_level.csv", row.names = FALSE, quote = FALSE)
tau <- urca::ur.df(read.csv("tests/data/adf_large_level.csv")$y[1:30], type = "drift", lags = 1)@teststat[1]
add("ADF tau of a series of level 1e5 with steps of 0.01 (invariant to the level)", c("ts", "tests/data/adf_large_level.csv", "--panel", "id,time", "--variable", "y", "--method", "urtest", "--test", "adf", "--lags", "1", "--deterministic", "constant", "--series", "levels", "--json"),
    "results/0/units/1/stat", tau)

write_json(list(source = "tests/reference/cli/audit_numbers.R", fixest = as.character(packageVersion("fixest")), spdep = as.character(packageVersion("spdep")),
                spatialreg = as.character(packageVersion("spatialreg")), plm = as.character(packageVersion("plm")), cases = cases),
           "tests/reference/fixtures/cli_audit_numbers.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null")
cat(length(cases), "cases\n")
