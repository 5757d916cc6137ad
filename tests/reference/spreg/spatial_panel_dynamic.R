# Reference numbers for spxt's dynamic option (analysis/spreg/spatial_panel_dynamic.cpp): the
# fixed-effects spatial panel with y_{t-1} and W y_{t-1} as regressors, on Munnell's Produc data
# (48 US states, 1971-1986 after the lag) with splm's 48-state weights usaww. splm 1.6-5 has no
# dynamic model: spml(model = "within") is run on the regressors built here (the lag within each
# state, its spatial lag period by period), SAR and SEM, individual and two-way effects. splm's
# "lambda" is the spatial-lag coefficient (cbec's rho), its "rho" the error coefficient.
# splm 1.6-5 is not in Debian: install it from CRAN's sources into a private library first.
# Run from the repository root: Rscript tests/reference/spreg/spatial_panel_dynamic.R
suppressWarnings(suppressPackageStartupMessages({library(splm); library(plm); library(spdep); library(jsonlite)}))
pr <- read.csv("tests/data/produc.csv")
data(usaww, package = "splm")
lw <- mat2listw(usaww, style = "W")
states <- unique(pr$state)
pr <- pr[order(pr$state, pr$year), ]
pr$ly <- ave(log(pr$gsp), pr$state, FUN = function(v) c(NA, head(v, -1)))
pr <- pr[!is.na(pr$ly), ]
pr$wly <- ave(seq_len(nrow(pr)), pr$year, FUN = function(i) as.vector(usaww %*% pr$ly[i][match(states, pr$state[i])])[match(pr$state[i], states)])
fm <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp + ly + wly
ctl <- list(tol.opt = 1e-12)
dyn_case <- function(model, effect) {
  m <- spml(fm, data = pr, index = c("state", "year"), listw = lw, model = "within", effect = effect,
            lag = model == "sar", spatial.error = if (model == "sem") "b" else "none", control = ctl)
  cf <- coef(m)
  list(model = model, effect = effect, spatial = unname(cf[1]), coef = unname(cf[-1]),
       se = unname(sqrt(diag(m$vcov))), sigma2 = m$sigma2)
}
cases <- list(dyn_case("sar", "individual"), dyn_case("sem", "individual"), dyn_case("sar", "twoways"))
out <- list(source = "splm 1.6-5 spml(model = \"within\") with y_{t-1} and W y_{t-1} as regressors",
            terms = c("log(pcap)", "log(pc)", "log(emp)", "unemp", "l(log(gsp), 1)", "W.l(log(gsp), 1)"), dynamic = cases)
write_json(out, "tests/reference/fixtures/spreg_panel_dynamic_produc.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")
