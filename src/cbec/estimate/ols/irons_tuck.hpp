// Fixed-point iteration x = G(x) accelerated by Irons and Tuck (1969, "A version of the Aitken
// accelerator for computer iteration", IJNME 1), with the schedule of fixest's demeaning (Berge 2018,
// "Efficient estimation of maximum likelihood models with multiple fixed-effects: the R package
// FENmlm"): each iteration extrapolates from X, G(X), G(G(X)); after 40 iterations an extra plain
// step follows each extrapolation; every 4 iterations a second ("grand") extrapolation is made over
// the iterates 4 apart; every 40 iterations the caller's sum of squares is compared with the last.
//
// Several problems in lockstep: k vectors of the same length, stored interleaved (entry e of
// problem j at e * k + j), so that one call of G serves all (the demeaning's G is a pass over the
// data's rows, whose fixed-effect codes are then read once for the k columns). Every problem takes
// exactly the steps it would take alone (the schedule depends only on the iteration count) and
// leaves the lockstep when it stops; G keeps being applied to a stopped problem's entries but its
// result was kept when it stopped, so each problem's numbers are those of solving it alone.
//
// Only the first `n_free` entries of each problem are iterated: G must read only those (the
// remaining entries are outputs of G, such as the coefficients of the last fixed-effect dimension in
// a sweep). Stopping rule (fixest's): every free entry moved by at most tol, absolutely or relative
// to 0.1 + |x| (|G(x) - x| <= tol or |G(x) - x| / (0.1 + |x|) <= tol); or the sum of squares changed
// by at most tol in the same sense; or the extrapolation's denominator is exactly zero.
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

namespace cbec {

class ReduceExchange;

// The iterated vectors split across processes (demean.hpp's DemeanPartition): their first n_local
// entries are this process's own, the other free entries are the same on every process. The inner
// products of the extrapolation add the processes' sums over their own entries (then the shared
// entries once), and the convergence test asks whether any process's own entries moved.
struct FixedPointSplit {
  ReduceExchange* exchange = nullptr;  // nullptr: the whole vector is here
  size_t n_local = 0;
};

struct FixedPointStats {
  size_t iterations = 0;   // accelerated iterations, as fixest counts them
  size_t evaluations = 0;  // calls of G (sweeps)
  bool converged = true;
};

// G(in, out) writes G(in) into out for all k problems (arrays of x.size()). `ssr(x, s)` writes the
// criterion of each problem into s[0..k), checked every 40 iterations. x holds the starts on entry
// and each problem's last G(x) on return. max_iter[j]: problem j's largest number of iterations.
std::vector<FixedPointStats> irons_tuck_fixed_point(const std::function<void(const double*, double*)>& G,
                                                    const std::function<void(const double*, double*)>& ssr,
                                                    std::vector<double>& x, size_t k, size_t n_free, double tol,
                                                    const std::vector<size_t>& max_iter, const FixedPointSplit& split = {});

}  // namespace cbec
