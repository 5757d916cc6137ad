# The de Chaisemartin-D'Haultfoeuille (2020) weights of a TWFE regression WITH controls: D is
# regressed on the unit and period effects AND the controls (TwoWayFEWeights, type feTR, with
# controls; written out here with fixest), and beta is the coefficient of the regression with the
# controls. cbec computed the weights of the regression without controls until session 24 (beta
# 2.014885 beside the table's 2.013845). Data: tests/data/did_step2_controls.csv (an unbalanced
# panel in steps of two years with always-treated units and a control x; made by an audit's gen.R).
# Run from the repository root with fixest: R_LIBS=<fixest> Rscript tests/reference/did/twfe_weights_controls.R
suppressPackageStartupMessages(library(fixest))
tw <- function(d, y, G, T, D, controls=NULL, w=NULL) {
  d$G <- d[[G]]; d$T <- d[[T]]; d$D <- d[[D]]; d$Y <- d[[y]]
  d$weights <- if (is.null(w)) 1 else d[[w]]
  mean_D <- weighted.mean(d$D, d$weights); obs <- sum(d$weights)
  d$P_gt <- ave(d$weights, d$G, d$T, FUN=sum)/obs
  d$nat_weight <- d$P_gt*d$D/mean_D
  rhs <- if (is.null(controls)) "1" else paste(controls, collapse="+")
  m <- feols(as.formula(paste("D ~", rhs, "| G + T")), d, weights=d$weights)
  d$eps <- resid(m)
  denom_W <- weighted.mean(d$eps*d$D, d$weights)
  d$W <- d$eps*mean_D/denom_W; d$wr <- d$W*d$nat_weight
  beta <- coef(feols(as.formula(paste("Y ~ D", if(!is.null(controls)) paste("+",paste(controls,collapse="+")), "| G + T")), d, weights=d$weights))[["D"]]
  d <- d[!duplicated(paste(d$G,d$T)),]
  d$wr[abs(d$wr) < 1e-10] <- 0
  Wm <- weighted.mean(d$W, d$nat_weight); M <- sum(d$nat_weight != 0)
  Wsd <- sqrt(sum(d$nat_weight*(d$W-Wm)^2))*sqrt(M/(M-1))
  res <- list(beta=beta, n_positive=sum(d$wr>0), n_negative=sum(d$wr<0), sum_positive=sum(d$wr[d$wr>0]), sum_negative=sum(d$wr[d$wr<0]), sd_for_zero_att=abs(beta)/Wsd)
  if (res$sum_negative < 0) {
    s <- d[d$wr != 0,]; N <- nrow(s)
    s <- s[order(s$W, -s$G, -s$T),]
    s$P_k <- cumsum(s$nat_weight); s$S_k <- cumsum(s$wr); s$T_k <- cumsum(s$nat_weight*s$W^2)
    s <- s[order(-s$W, s$G, s$T),]
    s$sens2 <- abs(beta)/sqrt(s$T_k + s$S_k^2/(1-s$P_k))
    s$ind <- as.numeric(s$W < -s$S_k/(1-s$P_k)); s$ind[1] <- 0
    il <- c(-1, s$ind[-N]); s$ind <- pmax(s$ind, il)
    res$sd_for_opposite_sign <- s$sens2[N - sum(s$ind) + 1]
  }
  res
}

d <- read.csv("tests/data/did_step2_controls.csv"); d$did <- as.numeric(d$first_treat > 0 & d$year >= d$first_treat)
out <- list(controls = tw(d, "y", "id", "year", "did", "x"), none = tw(d, "y", "id", "year", "did"))
jsonlite::write_json(out, "tests/reference/fixtures/did_twfe_weights_controls.json", digits = NA, pretty = TRUE, auto_unbox = TRUE)
