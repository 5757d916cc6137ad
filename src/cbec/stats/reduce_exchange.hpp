// Sums over the rows of a data set split across processes (issue 19, "a partitioned HDFE"). Like
// draw_exchange.hpp, the library knows no MPI: a program running as several cooperating processes
// (the CLI under mpirun, cli/processes/) installs a ReduceExchange, and an estimator asked to split
// its rows (feols_across_processes, estimate/ols/row_partition.hpp) keeps only this process's share
// and adds the processes' partial sums through it. With no exchange installed (the default, and the
// Python module) nothing is split.
//
// Every operation is collective: all processes call it, in the same order, with the same length.
// Sums are added in rank order on every process (not in whatever order an MPI reduction tree
// picks), so every process gets the same bits: the replicated parts of an iteration (the small
// fixed effects' coefficients, the acceleration's step, the convergence test) then stay identical
// on all processes, and so do their decisions, the number of collective calls included.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cbec {

class ReduceExchange {
 public:
  virtual ~ReduceExchange() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // data[i] <- sum over processes of their data[i], added in rank order.
  virtual void sum(double* data, size_t n) = 0;
  // data[i] <- the largest of the processes' data[i].
  virtual void max(double* data, size_t n) = 0;
  // The bytes of all processes concatenated in rank order; lengths[r] is process r's share.
  virtual std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) = 0;
  // `send` holds one piece per process in rank order, piece r (send_lengths[r] bytes) for process r;
  // returns the pieces the processes sent here, concatenated in rank order, recv_lengths[r] bytes from
  // process r. The default goes through all_gather (every process receives every piece: for tests
  // and one process); an exchange between machines overrides it so each piece travels once.
  virtual std::string all_to_all(std::string_view send, const std::vector<size_t>& send_lengths, std::vector<size_t>& recv_lengths);
  // Called once by each estimation that splits its rows (the program may report it).
  virtual void note_partitioned_fit() {}
  // Called once by each read of a data file in shares, a part per process (the program may report it).
  virtual void note_shared_read() {}
};
// Every operation throws PeerFailure (draw_exchange.hpp) when another process failed instead of
// reaching it.

// Installs the exchange (nullptr: nothing split). The caller keeps it alive.
void install_reduce_exchange(ReduceExchange* exchange);
// The installed exchange when it has more than one process and the caller is outside any OpenMP
// region (the processes must reach every call from their main threads, in the same order); else nullptr.
ReduceExchange* reduce_exchange();

// One process's exchange: every operation leaves the data as they are (rank 0 of 1). For tests and
// for programs that want the interface without splitting.
class SingleProcessReduce final : public ReduceExchange {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  void sum(double*, size_t) override {}
  void max(double*, size_t) override {}
  std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) override {
    lengths = {mine.size()};
    return std::string(mine);
  }
};

}  // namespace cbec
