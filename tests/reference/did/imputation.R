# Reference for cbec's Borusyak, Jaravel and Spiess (2024) imputation estimator: the R package
# didimputation 0.4.0 (public source, installed with its dependencies into a private library for
# this purpose only) on mpdta (tests/data/mpdta.csv, written by callaway_santanna.R), unweighted:
# the overall ATT, the ATT by horizon, their conservative standard errors (BJS Theorem 3,
# clustered by county), and the pre-trend regression on untreated observations.
# Run: R_LIBS=<library with didimputation, fixest> Rscript tests/reference/did/imputation.R
suppressPackageStartupMessages({library(didimputation); library(jsonlite); library(data.table)})
d <- fread("tests/data/mpdta.csv")
setnames(d, "first.treat", "first_treat")
one <- function(name, first_stage = NULL, horizon = NULL, pretrends = NULL, cluster_var = NULL) {
  # Horizons are passed as explicit weight columns (1 for treated observations e periods after
  # treatment): this is what horizon = TRUE builds, but its code needs a newer data.table.
  wtr <- NULL
  if (!is.null(horizon)) {
    e <- ifelse(d$first_treat > 0, d$year - d$first_treat, -Inf)
    hs <- sort(unique(e[is.finite(e) & e >= 0]))
    for (h in hs) d[[paste0("h", h)]] <- as.numeric(e == h)
    wtr <- paste0("h", hs)
  }
  args <- list(data = d, yname = "lemp", gname = "first_treat", tname = "year", idname = "countyreal",
               wtr = wtr, pretrends = pretrends, cluster_var = cluster_var)
  if (!is.null(first_stage)) args$first_stage <- first_stage
  r <- do.call(did_imputation, args)
  list(name = name, covariates = I(if (is.null(first_stage)) character(0) else "x"), horizon = !is.null(horizon),
       pretrends = if (is.null(pretrends)) 0 else length(pretrends), cluster = if (is.null(cluster_var)) "countyreal" else cluster_var,
       terms = I(r$term), estimate = I(r$estimate), std_error = I(r$std.error))
}
d$state <- floor(d$countyreal / 1000)
cases <- list(
  one("overall"),
  one("horizons_pretrends", horizon = TRUE, pretrends = -1:-3),
  one("covariate_horizons", first_stage = ~ x | countyreal + year, horizon = TRUE),
  one("overall_state_clusters", cluster_var = "state"))
write_json(list(source_script = "tests/reference/did/imputation.R",
                didimputation = as.character(packageVersion("didimputation")),
                fixest = as.character(packageVersion("fixest")), cases = cases),
           "tests/reference/fixtures/did_imputation.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
for (k in cases) print(data.frame(k$terms, k$estimate, k$std_error))
