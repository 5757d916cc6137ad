# Copies the public spData data sets used by the spreg tests into tests/data/ (spData 2.2.1, CC0):
# NC SIDS (nc.sids with the 1985 Cressie-Read neighbours ncCR85.nb) and Boston (boston.c with the
# sphere-of-influence neighbours boston.soi). Columbus is already in tests/data/.
# Run from the repository root: Rscript tests/reference/spreg/spdata_export.R
suppressPackageStartupMessages(library(spdep))
data(nc.sids, package = "spData")
data(boston, package = "spData")
nc <- data.frame(id = seq_len(nrow(nc.sids)), nc.sids[, c("CNTY.ID", "BIR74", "SID74", "NWBIR74", "BIR79", "SID79", "NWBIR79", "east", "north")])
write.csv(nc, "tests/data/nc_sids.csv", row.names = FALSE)
attr(ncCR85.nb, "region.id") <- as.character(nc$id)  # GAL ids = the id column
write.nb.gal(ncCR85.nb, "tests/data/nc_sids_cr85.gal", oldstyle = FALSE, shpfile = "nc_sids", ind = "id")
b <- data.frame(id = seq_len(nrow(boston.c)), boston.c[, c("CMEDV", "CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX", "PTRATIO", "B", "LSTAT", "LON", "LAT")])
b$CHAS <- as.integer(as.character(b$CHAS))
write.csv(b, "tests/data/boston.csv", row.names = FALSE)
attr(boston.soi, "region.id") <- as.character(b$id)
write.nb.gal(boston.soi, "tests/data/boston_soi.gal", oldstyle = FALSE, shpfile = "boston", ind = "id")
