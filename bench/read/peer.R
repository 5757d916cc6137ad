# The R side of the read benchmark: data.table::fread of the file with the given threads; prints
# the seconds fread itself took (R's start-up and package loading excluded) as "read <s>".
args <- commandArgs(TRUE); path <- args[1]; threads <- as.integer(args[2])
data.table::setDTthreads(threads)
t <- system.time(d <- data.table::fread(path))[["elapsed"]]
cat("read", t, "rows", nrow(d), "\n")
