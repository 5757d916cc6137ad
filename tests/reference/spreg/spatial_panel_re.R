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
