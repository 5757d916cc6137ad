# Cross-section dependence tests against plm's pcdtest on Grunfeld (inv ~ value + capital), Produc
# (log gsp ~ log pcap + log pc + log emp + unemp, as plm's documentation) and EmplUK (unbalanced:
# emp ~ wage + capital): per-unit regressions (model = NULL), within and pooling residuals, and a
# variable itself (pseries). grunfeld_gaps: Grunfeld without year 1933 + k of firm k >= 2, so the
# longest unit (firm 1, 20 years) has more periods than any pair shares (19): the bias-corrected
# LM's T is the longest unit's, plm's max(t_ij) over its matrix with the diagonal t_ii = T_i.
# Run: Rscript tests/reference/ts/pcdtest_plm.R > tests/reference/fixtures/ts_pcdtest_plm.json
suppressMessages({library(plm); library(jsonlite)})
produc <- read.csv("tests/data/produc.csv")
produc$lgsp <- log(produc$gsp); produc$lpcap <- log(produc$pcap); produc$lpc <- log(produc$pc); produc$lemp <- log(produc$emp)
sets <- list(
  list(data = "grunfeld.csv", d = read.csv("tests/data/grunfeld.csv"), index = c("firm", "year"), y = "inv", x = c("value", "capital")),
  list(data = "produc.csv", d = produc, index = c("state", "year"), y = "lgsp", x = c("lpcap", "lpc", "lemp", "unemp")),
  list(data = "empluk.csv", d = read.csv("tests/data/empluk.csv"), index = c("firm", "year"), y = "emp", x = c("wage", "capital")),
  list(data = "grunfeld_gaps", d = subset(read.csv("tests/data/grunfeld.csv"), !(firm >= 2 & year == 1933 + firm)), index = c("firm", "year"),
       y = "inv", x = c("value", "capital")))
stat <- c(cd = "CD", lm = "LM", sclm = "LM scaled", bcsclm = "LM bias-corrected")
cases <- list()
for (s in sets) {
  f <- as.formula(paste(s$y, "~", paste(s$x, collapse = " + ")))
  for (res in c("unit", "within", "pooling", "none")) for (test in names(stat)) {
    r <- suppressWarnings(switch(res,
      unit = if (test == "bcsclm") NULL else pcdtest(f, data = s$d, index = s$index, test = test),
      within = pcdtest(f, data = s$d, index = s$index, model = "within", test = test),
      pooling = if (test == "bcsclm") NULL else pcdtest(f, data = s$d, index = s$index, model = "pooling", test = test),
      none = { p <- pdata.frame(s$d, index = s$index); pcdtest(p[[s$y]], test = test) }))
    if (is.null(r)) next
    cases[[length(cases) + 1]] <- list(data = s$data, unit = s$index[1], time = s$index[2], variable = s$y,
      controls = if (res == "none") character(0) else s$x, residuals = res, stat = unname(stat[test]),
      value = unname(r$statistic), p_value = unname(r$p.value))
  }
}
cat(toJSON(list(source = paste("plm", packageVersion("plm"), "pcdtest"), cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE))
