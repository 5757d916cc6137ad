# Reference for cbec's de Chaisemartin-D'Haultfoeuille (2020) DID_M with placebos and dynamic
# effects: the R package DIDmultiplegt 0.1.4 (did_multiplegt; public source, installed with its
# dependencies fixest 0.11.2 and dreamerr 1.3.0 into a private library for this purpose only) on
# mpdta (treat = 1[first.treat > 0 and year >= first.treat]) and on a deterministic synthetic panel
# whose treatment switches on and off (written to tests/data/didm_switching.csv).
# Point estimates are exact; the bootstrap (cluster = unit) is random and its SE is recorded with
# its number of draws for a check in distribution.
# Run: R_LIBS=<library with DIDmultiplegt> Rscript tests/reference/did/did_multiplegt.R
suppressPackageStartupMessages({library(DIDmultiplegt); library(jsonlite)})

# 80 units x 10 periods: never treated, staggered adopters, units that join then leave, and units
# switching at random; effects differ by unit type.
set.seed(20200901)
n <- 80; periods <- 1:10
d <- expand.grid(t = periods, id = seq_len(n))[, c("id", "t")]
path <- function(i) {
  switch(i %% 4 + 1,
         rep(0, 10),
         as.numeric(periods >= 3 + i %% 5),
         as.numeric(periods >= 2 + i %% 4 & periods < 5 + i %% 4),
         rbinom(10, 1, 0.35))
}
d$D <- unlist(lapply(seq_len(n), path))
a <- rnorm(n)
d$y <- a[d$id] + 0.2 * d$t + d$D * (1 + 0.5 * (d$id %% 3)) + rnorm(nrow(d))
write.csv(d, "tests/data/didm_switching.csv", row.names = FALSE)

m <- read.csv("tests/data/mpdta.csv")
m$treat <- as.numeric(m$first.treat > 0 & m$year >= m$first.treat)

keys <- c("effect", "dynamic_1", "dynamic_2", "placebo_1", "placebo_2")
one_case <- function(name, df, Y, G, T, D) {
  r <- did_multiplegt(df, Y, G, T, D, placebo = 2, dynamic = 2)
  list(name = name,
       coef = setNames(lapply(keys, function(k) unname(r[[k]])), keys),
       n_obs = setNames(lapply(keys, function(k) r[[paste0("N_", k)]]), keys),
       n_switchers = list(effect = r$N_switchers_effect, dynamic_1 = r$N_switchers_effect_1, dynamic_2 = r$N_switchers_effect_2))
}
cases <- list(one_case("mpdta", m, "lemp", "countyreal", "year", "treat"),
              one_case("switching", d, "y", "id", "t", "D"))

# The unit-cluster bootstrap SE of DID_M on mpdta (random: compared in distribution). With brep,
# did_multiplegt 0.1.4 returns the value of its closing message() (NULL), so the package's own
# bootstrap function is called on its own preprocessed data instead.
draws <- as.integer(Sys.getenv("DIDM_BREP", "400"))
set.seed(1)
pre <- DIDmultiplegt:::did_multiplegt_preprocess(m, "lemp", "countyreal", "year", "treat", c(), 0, 0, NULL, NULL, NULL, "countyreal")
boot <- DIDmultiplegt:::did_multiplegt_bootstrap(pre, c(), draws, FALSE, FALSE, has_cluster = TRUE)
write_json(list(source_script = "tests/reference/did/did_multiplegt.R",
                DIDmultiplegt = as.character(packageVersion("DIDmultiplegt")), cases = cases,
                bootstrap = list(case = "mpdta", draws = draws, se_effect = sd(boot[, 1]))),
           "tests/reference/fixtures/did_multiplegt.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
str(cases)
