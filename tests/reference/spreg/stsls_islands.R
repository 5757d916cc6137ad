# Reference for cbec's spatial 2SLS when row-standardized weights have islands: spatialreg::stsls
# (zero.policy = TRUE) adds W1 and W^2 1 to the instruments only for a listw not of style "W", so
# not for islands' empty rows. Columbus (tests/data/columbus.csv) with polygons 1 and 49 cut off
# from their neighbours, written to tests/data/columbus_islands.gal.
# Run from the repository root: Rscript tests/reference/spreg/stsls_islands.R
suppressPackageStartupMessages({library(spdep); library(spatialreg); library(jsonlite)})
nb <- read.gal("tests/data/columbus.gal")
d <- read.csv("tests/data/columbus.csv")
stopifnot(all(as.integer(attr(nb, "region.id")) == d$POLYID))
islands <- c(1L, 49L)
for (i in seq_along(nb)) nb[[i]] <- if (i %in% islands) 0L else { k <- setdiff(nb[[i]], islands); if (length(k)) as.integer(k) else 0L }
write.nb.gal(nb, "tests/data/columbus_islands.gal")
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
m <- stsls(CRIME ~ INC + HOVAL, d, lw, zero.policy = TRUE)
s <- summary(m)$Coef
write_json(list(source_script = "tests/reference/spreg/stsls_islands.R", spatialreg = as.character(packageVersion("spatialreg")),
                islands = islands, terms = rownames(s), coef = unname(s[, 1]), se = unname(s[, 2])),
           "tests/reference/fixtures/spreg_stsls_islands.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
