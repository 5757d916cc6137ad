# Reference for cbec's Callaway-Sant'Anna dynamic aggregation restricted to an event-time window
# (did's aggte(type = "dynamic", min_e, max_e, balance_e); cbec's --min-e, --max-e, --balance-e) on
# mpdta (tests/data/mpdta.csv, written by callaway_santanna.R), analytical standard errors.
# Run: R_LIBS=<library with did 2.2 and DRDID> Rscript tests/reference/did/cs_event_window.R
suppressPackageStartupMessages({library(did); library(jsonlite)})
mpdta <- read.csv("tests/data/mpdta.csv")
one_case <- function(name, window, ...) {
  m <- att_gt(yname = "lemp", tname = "year", idname = "countyreal", gname = "first.treat", data = mpdta,
              bstrap = FALSE, cband = FALSE, ...)
  a <- do.call(aggte, c(list(m, type = "dynamic", bstrap = FALSE, cband = FALSE, na.rm = TRUE), window))
  args <- list(...); if (!is.null(args$xformla)) args$xformla <- deparse(args$xformla)
  list(name = name, args = args, window = window, att = a$overall.att, se = a$overall.se,
       effects = data.frame(key = a$egt, att = a$att.egt, se = a$se.egt))
}
cases <- list(
  one_case("never_dr_window", list(min_e = -2, max_e = 2), control_group = "nevertreated", est_method = "dr"),
  one_case("never_dr_balance1", list(balance_e = 1), control_group = "nevertreated", est_method = "dr"),
  one_case("lpop_notyet_ipw_balance0_window", list(balance_e = 0, min_e = -1, max_e = 3), xformla = ~lpop,
           control_group = "notyettreated", est_method = "ipw"),
  one_case("lpop_never_reg_universal_max1", list(max_e = 1), xformla = ~lpop, control_group = "nevertreated",
           est_method = "reg", base_period = "universal"))
write_json(list(source_script = "tests/reference/did/cs_event_window.R", did = as.character(packageVersion("did")),
                DRDID = as.character(packageVersion("DRDID")), cases = cases),
           "tests/reference/fixtures/did_cs_event_window.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
