// Replications split across processes (issue 19, "beyond one machine"). The library knows no MPI:
// a program running as several cooperating processes (the CLI under mpirun, cli/processes/)
// installs a DrawExchange, and replicate() (replicate.hpp) then runs only this process's share of
// the draws and gathers everyone's results, so every process holds all draws in draw order. With
// no exchange installed (the default, and the Python module) every draw runs in this process.
// Draw b uses its own stream draw_stream(seed, b) wherever it runs, so the numbers do not depend
// on the number of processes (nor of threads).
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cbec {

// The processes sharing the draws. all_gather is collective: every process calls it, in the same
// order, with the bytes of its own draws.
class DrawExchange {
 public:
  virtual ~DrawExchange() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Returns the bytes of all processes concatenated in rank order; lengths[r] is process r's share.
  // Throws PeerFailure when another process failed instead of reaching this exchange.
  virtual std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) = 0;
};

// Another process of the run failed; the program reports that process's message. Not a cbec::Error,
// so code that recovers from errors of a single draw or model never swallows it.
struct PeerFailure : std::runtime_error {
  PeerFailure() : std::runtime_error("another process of this run failed") {}
};

// Installs the exchange replications use (nullptr: every draw here). The caller keeps it alive.
void install_draw_exchange(DrawExchange* exchange);
// The installed exchange when it has more than one process, else nullptr; also nullptr inside an OpenMP region (a replication nested in a draw runs wholly where its draw runs).
DrawExchange* draw_exchange();

// The draws [first, last) of process `rank` of `size`: consecutive, shares differing by at most one.
struct DrawRange {
  size_t first = 0, last = 0;
};
DrawRange draw_share(size_t n_draws, int rank, int size);

}  // namespace cbec
