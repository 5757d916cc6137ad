# Reference for cbec's Callaway and Sant'Anna (2021) estimator: the R package did 2.1.2 with DRDID
# 1.0.6 and BMisc 1.4.6 (public sources, installed into a private library for this purpose only) on
# the package's mpdta data (county teen employment, 500 counties x 2003-2007), exported to
# tests/data/mpdta.csv. Standard errors are the analytical ones (bstrap = FALSE): the multiplier
# bootstrap is random and is checked in cbec by its agreement with them.
# did 2.1.2 computes the influence function of the overall "group" aggregation with the first
# entries of the group-time vector instead of the group list (fixed in did 2.3, compute.aggte.R:
# wif(..., group = glist)); the overall group SE below applies that fix with did's own functions.
# Run: R_LIBS=<library with did 2.1.2> Rscript tests/reference/did/callaway_santanna.R
suppressPackageStartupMessages({library(did); library(jsonlite)})
data(mpdta)
mpdta$w <- 1 + (mpdta$countyreal %% 3) / 2   # deterministic weights for the weighted case
mpdta$x <- mpdta$lpop * (mpdta$year - 2005) / 10 + sin(mpdta$countyreal)   # a time-varying covariate
write.csv(mpdta[, c("countyreal", "year", "lemp", "lpop", "first.treat", "treat", "w", "x")],
          "tests/data/mpdta.csv", row.names = FALSE)

group_overall_fixed <- function(a, m) {
  dp <- m$DIDparams
  dta <- dp$data[dp$data[, dp$tname] == dp$tlist[1], ]
  glist <- a$egt
  pgg <- sapply(glist, function(g) mean(dta$.w * (dta[, dp$gname] == g)))
  wif <- did:::wif(keepers = seq_along(glist), pg = pgg, weights.ind = dta$.w,
                   G = dta[, dp$gname], group = glist)
  inf <- did:::get_agg_inf_func(att = a$att.egt, inffunc1 = a$inf.function$selective.inf.func.g,
                                whichones = seq_along(glist), weights.agg = pgg / sum(pgg), wif = wif)
  sqrt(mean(inf^2) / length(inf))
}

one_case <- function(name, ...) {
  m <- att_gt(yname = "lemp", tname = "year", idname = "countyreal", gname = "first.treat",
              data = mpdta, bstrap = FALSE, cband = FALSE, ...)
  agg <- lapply(c("simple", "dynamic", "group", "calendar"), function(type) {
    a <- aggte(m, type = type, bstrap = FALSE, cband = FALSE, na.rm = TRUE)
    out <- list(att = a$overall.att, se = a$overall.se)
    if (type == "group") out$se <- group_overall_fixed(a, m)
    if (type != "simple") out$effects <- data.frame(key = a$egt, att = a$att.egt, se = a$se.egt)
    out
  })
  names(agg) <- c("simple", "dynamic", "group", "calendar")
  args <- list(...); if (!is.null(args$xformla)) args$xformla <- deparse(args$xformla)
  list(name = name, args = args,
       gt = data.frame(group = m$group, time = m$t, att = m$att, se = m$se),
       pretest_W = if (is.null(m$W)) NULL else as.numeric(m$W), n = m$n, aggregations = agg)
}

cases <- list(
  one_case("nocov_never_dr", control_group = "nevertreated", est_method = "dr"),
  one_case("lpop_never_dr", xformla = ~lpop, control_group = "nevertreated", est_method = "dr"),
  one_case("lpop_notyet_ipw", xformla = ~lpop, control_group = "notyettreated", est_method = "ipw"),
  one_case("lpop_notyet_reg_universal", xformla = ~lpop, control_group = "notyettreated", est_method = "reg",
           base_period = "universal"),
  one_case("lpop_never_dr_anticipation1", xformla = ~lpop, control_group = "nevertreated", est_method = "dr",
           anticipation = 1),
  one_case("lpop_never_reg_weighted", xformla = ~lpop, control_group = "nevertreated", est_method = "reg",
           weightsname = "w"),
  one_case("lpop_never_ipw_weighted_universal", xformla = ~lpop, control_group = "nevertreated", est_method = "ipw",
           weightsname = "w", base_period = "universal"))
write_json(list(source_script = "tests/reference/did/callaway_santanna.R",
                did = as.character(packageVersion("did")), DRDID = as.character(packageVersion("DRDID")),
                cases = cases),
           "tests/reference/fixtures/did_callaway_santanna.json", digits = NA, pretty = TRUE, auto_unbox = TRUE,
           dataframe = "columns", na = "null")
for (k in cases) cat(k$name, " simple ATT", k$aggregations$simple$att, "SE", k$aggregations$simple$se, "\n")
