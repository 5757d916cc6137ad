# Reference values for spatial statistics on the units with data: CRIME of the Columbus data with
# POLYID 2 and 3 missing, so W is subset to the 47 units with a value (spdep::subset.listw of the
# row-standardized queen weights) and unit 1, whose only neighbours were 2 and 3, becomes an
# island (zero.policy = TRUE). spdep's moran.test and geary.test count n without the islands
# (adjust.n = TRUE, their default); localmoran and localG give the island NA z-values.
# Run from the repository root: Rscript tests/reference/spatial/missing_subset.R
suppressPackageStartupMessages({library(spdep); library(jsonlite)})
nb <- read.gal("tests/data/columbus.gal")
d <- read.csv("tests/data/columbus.csv")
keep <- !(d$POLYID %in% c(2, 3))
stopifnot(all(nb[[1]] %in% c(2, 3)))
lw <- subset(nb2listw(nb, style = "W"), keep, zero.policy = TRUE)
x <- d$CRIME[keep]
m <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE)
mn <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE)
g <- geary.test(x, lw, randomisation = TRUE, zero.policy = TRUE)
lm <- localmoran(x, lw, zero.policy = TRUE)
gi <- localG(x, lw, zero.policy = TRUE)
out <- list(source_script = "tests/reference/spatial/missing_subset.R", spdep = as.character(packageVersion("spdep")),
  dropped = c("2", "3"), islands = as.character(d$POLYID[keep][card(lw$neighbours) == 0]),
  ids = as.character(d$POLYID[keep]), n = length(x),
  moran = list(I = unname(m$estimate[1]), EI = unname(m$estimate[2]), VI_rand = unname(m$estimate[3]), z_rand = unname(m$statistic),
               p_rand = m$p.value, VI_norm = unname(mn$estimate[3]), z_norm = unname(mn$statistic)),
  geary = list(C = unname(g$estimate[1]), z_rand = unname(g$statistic)),
  local_moran = list(Ii = unname(lm[, 1]), z = unname(lm[, 4])), local_g = as.numeric(gi))
write_json(out, "tests/reference/fixtures/spatial_missing_subset.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
cat("wrote spatial_missing_subset.json\n")
