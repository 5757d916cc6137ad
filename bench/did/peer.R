# The R peer of the DID benchmark: did::att_gt (doubly robust, covariate x, never-treated
# comparison, multiplier bootstrap with <draws> draws and uniform bands) and the dynamic aggregation.
# Usage: Rscript peer.R <data.csv> <draws>
suppressPackageStartupMessages({library(did); library(data.table)})
args <- commandArgs(TRUE)
d <- fread(args[1])
m <- att_gt("y", "year", "id", "first_treat", xformla = ~x, data = d, est_method = "dr",
            control_group = "nevertreated", bstrap = TRUE, biters = as.integer(args[2]), cband = TRUE)
a <- aggte(m, type = "dynamic", bstrap = TRUE, biters = as.integer(args[2]))
cat("overall dynamic ATT", a$overall.att, "\n")
