# The asymptotic moments of Westerlund's (2007) Gt, Ga, Pt and Pa (mean, variance) for k = 1..6
# regressors and no deterministic terms, a constant, or a constant and trend, by simulation: y and x
# independent random walks with iid N(0,1) steps (H0), T = 500, 10000 replications, the ECM of
# src/cbec/estimate/ts/westerlund.hpp without lags or leads (the limits do not depend on them). Gt and
# Ga: mean and variance of the unit statistics; Pt and Pa: the limits of the panel ratios and their
# variances by the delta method (influence functions). Output (seed 20071), columns Gt mean, var,
# Ga mean, var, Pt mean, var, Pa mean, var:
#   none 1 -0.9773 1.1111 -3.8317 21.5280 -0.4977 1.5392 -1.0005 9.3883 
#   none 2 -1.3762 1.1134 -5.8511 30.8779 -0.9214 1.8459 -2.4490 24.9710 
#   none 3 -1.6990 1.0652 -7.8541 40.1407 -1.2971 1.8389 -4.2296 42.7870 
#   none 4 -1.9850 1.0524 -10.0179 51.0977 -1.6323 1.6537 -6.2869 57.2435 
#   none 5 -2.2135 1.0659 -12.0212 61.4845 -1.8899 1.5244 -8.2008 66.2078 
#   none 6 -2.4332 1.0473 -14.1257 72.4324 -2.1418 1.3583 -10.2887 73.2537 
#   constant 1 -1.7926 0.8014 -7.2514 29.8815 -1.4707 0.9669 -4.3573 19.9880 
#   constant 2 -2.0540 0.8588 -9.3138 40.4769 -1.7305 1.1245 -6.0078 33.9566 
#   constant 3 -2.2527 0.8993 -11.1554 50.0650 -1.9410 1.1806 -7.6288 46.7566 
#   constant 4 -2.4811 0.9195 -13.4018 62.7527 -2.1804 1.1682 -9.6196 60.7730 
#   constant 5 -2.6464 0.9441 -15.2165 70.2074 -2.3779 1.1766 -11.5600 70.6431 
#   constant 6 -2.8129 0.9566 -17.1969 81.4853 -2.5544 1.2257 -13.4155 87.0080 
#   trend 1 -2.3747 0.6757 -12.1105 46.7921 -2.1282 0.7575 -9.0837 36.8921 
#   trend 2 -2.5433 0.7278 -13.8742 55.4790 -2.3011 0.8467 -10.6801 48.4077 
#   trend 3 -2.7060 0.8004 -15.7184 67.1803 -2.4649 0.9130 -12.3271 59.9823 
#   trend 4 -2.8968 0.8221 -17.9273 79.3313 -2.6631 0.9413 -14.3823 73.0440 
#   trend 5 -3.0186 0.8624 -19.5448 88.9404 -2.7930 0.9754 -15.9596 82.3974 
#   trend 6 -3.1963 0.8621 -21.7789 98.9363 -2.9792 1.0031 -18.1107 96.9268
# Westerlund (2007, Table 1), no deterministic terms, k = 1..4, as the paper prints it:
#   Gt mean -0.9763 -1.3816 -1.7093 -1.9789, var 1.0823 1.0981 1.0489 1.0576
#   Ga mean -3.8022 -5.8239 -7.8108 -9.8791, var 20.6868 29.9016 39.0109 50.5741
#   Pt mean -0.5105 -0.9370 -1.3169 -1.6167, var 1.3624 1.7657 1.7177 1.6051
#   Pa mean -1.0263 -2.4988 -4.2699 -5.9320, var 8.3827 24.0223 39.8827 49.1157
# The means agree within simulation error; the variances within 2-15% (Pt, Pa: the delta method at
# T = 500 against Westerlund's longer simulated Brownian functionals). cbec uses the constant and
# trend rows of this simulation (src/cbec/estimate/ts/westerlund_moments.cpp).
# Run: Rscript tests/reference/ts/westerlund_moments.R   (about five minutes)
set.seed(20071); T <- 500; R <- 10000
for (det in c("none","constant","trend")) for (K in 1:6) {
M <- matrix(0, R, 5)
for (r in 1:R) { y <- cumsum(rnorm(T)); x <- apply(matrix(rnorm(T*K), T), 2, cumsum); dy <- diff(y); dx <- diff(x); n <- T - 1
 tt <- 2:T; yl <- y[-T]; xl <- x[-T, , drop = FALSE]
 D <- switch(det, none = NULL, constant = cbind(rep(1, n)), trend = cbind(1, tt))
 W <- cbind(D, xl, dx)
 Z <- cbind(yl, W); f <- lm.fit(Z, dy); e <- f$residuals; k <- ncol(Z); s2 <- sum(e^2)/(n - k)
 a <- f$coefficients[1]; se <- sqrt(s2 * chol2inv(qr.R(f$qr))[1, 1])
 u <- drop(dx %*% f$coefficients[(k - K + 1):k]) + e; dyd <- if (det == "none") dy else dy - mean(dy)
 a1 <- sqrt(mean(u^2)) / sqrt(mean(dyd^2))
 yt <- lm.fit(W, yl)$residuals; dyt <- lm.fit(W, dy)$residuals
 M[r, ] <- c(a/se, T*a/a1, sum(yt^2)/T^2, sum(yt*dyt)/a1/T, sqrt(s2)/a1) }
 A <- M[,3]; B <- M[,4]; S <- M[,5]; ea <- mean(A); eb <- mean(B); es <- mean(S)
 ipa <- (B - eb)/ea - eb*(A - ea)/ea^2
 mpt <- eb/(es*sqrt(ea)); ipt <- mpt*((B - eb)/eb - (S - es)/es - 0.5*(A - ea)/ea)
 cat(det, K, sprintf("%.4f", c(mean(M[,1]), var(M[,1]), mean(M[,2]), var(M[,2]), mpt, var(ipt), eb/ea, var(ipa))), "\n") }
