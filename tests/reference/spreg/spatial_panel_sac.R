# Reference numbers for cbec's fixed-effects SAC (SARAR) spatial panel model (estimate/
# spatial_models/spatial_panel_sac.cpp) on Munnell's Produc data (48 US states, 1970-1986) with
# splm's 48-state weights usaww: splm 1.6-5 spml(model = "within", lag = TRUE, spatial.error = "b")
# with individual, time and two-way effects, and the Lee-Yu correction for individual and time
# effects. splm's "lambda" is the spatial-lag coefficient (cbec's rho), its "rho" the error
# coefficient (cbec's lambda); splm's default variance is block-diagonal (each spatial parameter,
# the slopes): its diagonal is compared. splm's optimizer (nlminb from its grid of starting
# values) is left as it is (tighter tolerances give the same digits). splm reports no logLik for
# this model (spsararlm returns none).
# splm 1.6-5 is not in Debian: install it from CRAN's sources into a private library first.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_sac.R
suppressWarnings(suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(jsonlite)}))
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp

sac_case <- function(effect, leeyu) {
  m <- spml(fm, data = pr, index = c("state", "year"), listw = lw, model = "within", effect = effect,
            lag = TRUE, spatial.error = "b", LeeYu = leeyu)
  cf <- coef(m)
  list(effect = effect, lee_yu = leeyu, rho = unname(cf[1]), lambda = unname(cf[2]), coef = unname(cf[-(1:2)]),
       se = unname(sqrt(diag(m$vcov))), sigma2 = m$sigma2)
}
cases <- list()
for (e in c("individual", "time", "twoways")) cases[[length(cases) + 1]] <- sac_case(e, FALSE)
for (e in c("individual", "time")) cases[[length(cases) + 1]] <- sac_case(e, TRUE)
out <- list(source = "splm 1.6-5 spml(model = \"within\", lag = TRUE, spatial.error = \"b\")",
            terms = c("log(pcap)", "log(pc)", "log(emp)", "unemp"), sac = cases)
write_json(out, "tests/reference/fixtures/spreg_panel_sac_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")
