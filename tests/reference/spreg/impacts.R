# Reference values for LeSage-Pace impacts (cbec estimate/spatial_models/impacts.cpp) from
# spatialreg::impacts on SAR (lagsarlm), SDM (lagsarlm type = "mixed") and SAC (sacsarlm) fits to
# Columbus (CRIME ~ INC + HOVAL, col.gal), NC SIDS (Freeman-Tukey SIDS rate ~ non-white birth rate,
# ncCR85) and Boston (log(CMEDV) hedonic model, boston.soi), all with row-standardized weights.
# For each fit it records the fitted rho, beta, theta and their covariance (the block of fit$resvar
# spatialreg draws from), and the impacts computed three ways:
#   exact: impacts(fit, listw = lw)                     (eigenvalues of W)
#   mult:  impacts(fit, tr = trW(W, type = "mult"))    (exact traces of W^j, j = 1..30)
#   mc:    impacts(fit, tr = trW(W, type = "MC"))      (Monte Carlo traces, recorded here)
# and the simulated standard errors of summary(impacts(fit, listw = lw, R = 100000)) (sd of draws).
# Run from the repository root: Rscript tests/reference/spreg/impacts.R
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(jsonlite)})
col <- read.csv("tests/data/columbus.csv")
nc <- read.csv("tests/data/nc_sids.csv")
nc$ft_sid74 <- sqrt(1000) * (sqrt(nc$SID74 / nc$BIR74) + sqrt((nc$SID74 + 1) / nc$BIR74))
nc$ft_nwbir74 <- sqrt(1000) * (sqrt(nc$NWBIR74 / nc$BIR74) + sqrt((nc$NWBIR74 + 1) / nc$BIR74))
bos <- read.csv("tests/data/boston.csv")
sets <- list(
  columbus = list(data = col, gal = "tests/data/columbus.gal", f = CRIME ~ INC + HOVAL),
  nc_sids = list(data = nc, gal = "tests/data/nc_sids_cr85.gal", f = ft_sid74 ~ ft_nwbir74),
  boston = list(data = bos, gal = "tests/data/boston_soi.gal",
                f = log(CMEDV) ~ CRIM + ZN + INDUS + CHAS + I(NOX^2) + I(RM^2) + AGE + log(DIS) + log(RAD) + TAX + PTRATIO + B + log(LSTAT)))
imp_list <- function(im) list(direct = I(as.numeric(im$direct)), indirect = I(as.numeric(im$indirect)), total = I(as.numeric(im$total)))
out <- list()
for (s in names(sets)) {
  d <- sets[[s]]
  lw <- nb2listw(read.gal(d$gal), style = "W")
  W <- as(lw, "CsparseMatrix")
  fits <- list(sar = lagsarlm(d$f, d$data, lw), sdm = lagsarlm(d$f, d$data, lw, type = "mixed"),
               sac = sacsarlm(d$f, d$data, lw))
  tr_mult <- trW(W, m = 30, type = "mult")
  set.seed(20261201)
  tr_mc <- trW(W, m = 30, p = 16, type = "MC")
  for (m in names(fits)) {
    fit <- fits[[m]]
    b <- fit$coefficients
    b <- b[names(b) != "(Intercept)"]
    k <- if (m == "sdm") length(b) / 2 else length(b)
    names_x <- names(b)[seq_len(k)]
    theta <- if (m == "sdm") unname(b[(k + 1):(2 * k)]) else numeric(0)
    keep <- c("rho", names(b))
    V <- fit$resvar[keep, keep]
    ex <- impacts(fit, listw = lw)
    set.seed(1)
    sim <- summary(impacts(fit, listw = lw, R = 100000), zstats = TRUE)
    out[[paste(s, m, sep = "_")]] <- list(
      n = length(lw$neighbours), names = I(names_x), rho = unname(fit$rho), beta = I(unname(b[seq_len(k)])), theta = I(theta),
      vcov = unname(as.matrix(V)), exact = imp_list(ex), mult = imp_list(impacts(fit, tr = tr_mult)),
      mc = imp_list(impacts(fit, tr = tr_mc)),
      sim = list(R = 100000, se_direct = I(unname(sim$semat[, 1])), se_indirect = I(unname(sim$semat[, 2])), se_total = I(unname(sim$semat[, 3]))))
  }
  out[[paste0(s, "_traces")]] <- list(mult = as.numeric(tr_mult), mc = as.numeric(tr_mc))
}
out$source_script <- "tests/reference/spreg/impacts.R"
out$spatialreg <- as.character(packageVersion("spatialreg"))
write_json(out, "tests/reference/fixtures/spreg_impacts.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
