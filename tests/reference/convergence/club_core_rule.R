# Reference for the core-group rule of cbec's club clustering (club_convergence.cpp, --core-rule):
# Phillips and Sul (2007, section 4 step 2; 2009, appendix B) take the core size k* with the largest
# t_k (among t_k > -1.65); ConvergenceClubs 2.2.5's coreG takes the largest |t_k| (cbec's default,
# for parity with R). They differ when a t_k in (-1.65, 0) is larger in size than every positive one:
# here on the first 50 countries of the package's GDP data (tests/data/ps_gdp50.csv), logs without
# HP filtering, r = 0.25, c* = 0, no merging. The paper's rule is obtained by patching coreG's
# which(abs(vt) == max(abs(vt))) to which.max(vt).
# Run with ConvergenceClubs in a private library: R_LIBS=<lib> Rscript tests/reference/convergence/club_core_rule.R
suppressPackageStartupMessages({ library(jsonlite); library(ConvergenceClubs) })
data(GDP); g <- GDP[1:50, ]; M <- log(as.matrix(g[, -1]))
X <- data.frame(country = g$Countries, M); cols <- 2:(ncol(M) + 1)
clubs <- function() {
  cl <- findClubs(X, dataCols = cols, unit_names = 1, refCol = ncol(X), time_trim = 0.25, HACmethod = "FQSB", cstar = 0)
  lapply(setdiff(names(cl), "divergent"), function(k) list(members = I(X$country[cl[[k]]$id]), tvalue = unname(cl[[k]]$model["tvalue"])))
}
convergenceclubs <- clubs()
src <- deparse(ConvergenceClubs:::coreG)
src2 <- sub("which(abs(vt) == max(abs(vt)))", "which.max(vt)", src, fixed = TRUE)
stopifnot(!identical(src, src2))
f <- eval(parse(text = src2)); environment(f) <- asNamespace("ConvergenceClubs"); assignInNamespace("coreG", f, "ConvergenceClubs")
paper <- clubs()
write_json(list(source_script = "tests/reference/convergence/club_core_rule.R", options = list(logs = TRUE, hp_lambda = 0, r = 0.25, cstar = 0, merge = "none"),
                convergenceclubs = convergenceclubs, paper = paper),
           "tests/reference/fixtures/convergence_club_core_rule.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("sizes, ConvergenceClubs:", sapply(convergenceclubs, function(c) length(c$members)), " paper:", sapply(paper, function(c) length(c$members)), "\n")
