// Several processes under mpirun (cli/processes.hpp), with MPI (Open MPI on Debian).
//
// Failure protocol: every collective step of the run starts with a vote, an MPI_Allreduce (MAX)
// of "this process failed". A process that fails votes 1 at its next step, which is the final
// vote in finish_processes; the others meet it at whatever step they reached (a draw exchange or
// their own final vote), since MPI matches collectives on a communicator by order, not by call
// site. A process that sees a failure at a draw exchange throws PeerFailure and skips the final
// vote it already took. Then all agree on the lowest failing rank, which broadcasts its exit code
// and message; rank 0 prints it and every rank exits with that code. No rank waits forever.
#include <mpi.h>
#include <fmt/format.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <algorithm>
#include <numeric>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/stats/draw_exchange.hpp"
#include "cbec/stats/reduce_exchange.hpp"
#include "../processes.hpp"

namespace cbec::cli {

namespace {

// Launched by mpirun (Open MPI sets OMPI_COMM_WORLD_SIZE; PMIx and PMI launchers set their rank).
// Otherwise MPI is not initialised at all, so a plain run behaves exactly as a build without MPI.
bool under_mpirun() { return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMIX_RANK") || std::getenv("PMI_RANK"); }

class MpiExchange final : public DrawExchange {
 public:
  MpiExchange() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  int rank() const override { return rank_; }
  int size() const override { return size_; }

  // The vote that opens every collective step; true when any process failed.
  bool vote(bool failed) {
    int mine = failed ? 1 : 0, any = 0;
    MPI_Allreduce(&mine, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return any != 0;
  }

  std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) override {
    ++exchanges_;
    return gather(mine, lengths);
  }

  // The replications split so far (one exchange each).
  int exchanges() const { return exchanges_; }

  // Every process's bytes in rank order (a collective step: it starts with the vote).
  std::string gather(std::string_view mine, std::vector<size_t>& lengths) {
    if (vote(false)) throw PeerFailure();
    const uint64_t n = mine.size();
    std::vector<uint64_t> all(static_cast<size_t>(size_));
    MPI_Allgather(&n, 1, MPI_UINT64_T, all.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
    const uint64_t total = std::accumulate(all.begin(), all.end(), uint64_t{0});
    // Every rank sees the same lengths, so every rank refuses together.
    if (total > static_cast<uint64_t>(INT_MAX))
      throw SpecError(fmt::format("the exchanged results ({:.1f} GiB) exceed the 2 GiB one MPI exchange carries: "
                                  "run fewer draws per command, or run without mpirun", static_cast<double>(total) / (1 << 30)));
    std::vector<int> counts(all.size()), displs(all.size());
    lengths.assign(all.begin(), all.end());
    for (size_t r = 0, at = 0; r < all.size(); at += all[r], ++r) {
      counts[r] = static_cast<int>(all[r]);
      displs[r] = static_cast<int>(at);
    }
    std::string out(total, '\0');
    MPI_Allgatherv(mine.data(), static_cast<int>(n), MPI_BYTE, out.data(), counts.data(), displs.data(), MPI_BYTE, MPI_COMM_WORLD);
    return out;
  }

 private:
  int rank_ = 0, size_ = 1, exchanges_ = 0;
};

// Sums over the rows split across processes (stats/reduce_exchange.hpp), on the same vote as the
// draws. A sum gathers every process's values and adds them in rank order, so that every process
// gets the same bits (an MPI_Allreduce may add in another order on each process); long arrays go
// in pieces of at most 4 Mi values in all.
class MpiReduce final : public ReduceExchange {
 public:
  explicit MpiReduce(MpiExchange& draws) : draws_(draws) {}
  int rank() const override { return draws_.rank(); }
  int size() const override { return draws_.size(); }
  void sum(double* data, size_t n) override {
    if (draws_.vote(false)) throw PeerFailure();
    const size_t P = static_cast<size_t>(size());
    const size_t piece = std::max<size_t>(1, (size_t{1} << 22) / P);
    std::vector<double> all;
    for (size_t at = 0; at < n; at += piece) {
      const size_t m = std::min(piece, n - at);
      all.resize(m * P);
      MPI_Allgather(data + at, static_cast<int>(m), MPI_DOUBLE, all.data(), static_cast<int>(m), MPI_DOUBLE, MPI_COMM_WORLD);
      for (size_t i = 0; i < m; ++i) {
        double s = all[i];
        for (size_t r = 1; r < P; ++r) s += all[r * m + i];
        data[at + i] = s;
      }
    }
  }
  void max(double* data, size_t n) override {
    if (draws_.vote(false)) throw PeerFailure();
    MPI_Allreduce(MPI_IN_PLACE, data, static_cast<int>(n), MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  }
  std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) override { return draws_.gather(mine, lengths); }
  // Each piece travels once (MPI_Alltoallv, straight from and into the packed buffers), after its
  // length (MPI_Alltoall).
  std::string all_to_all(std::string_view send, const std::vector<size_t>& send_lengths, std::vector<size_t>& recv_lengths) override {
    if (draws_.vote(false)) throw PeerFailure();
    const size_t P = static_cast<size_t>(size());
    std::vector<uint64_t> out_n(send_lengths.begin(), send_lengths.end()), in_n(P);
    MPI_Alltoall(out_n.data(), 1, MPI_UINT64_T, in_n.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
    const uint64_t sent = std::accumulate(out_n.begin(), out_n.end(), uint64_t{0});
    const uint64_t received = std::accumulate(in_n.begin(), in_n.end(), uint64_t{0});
    // Every process learns whether any exceeds one MPI exchange's 2 GiB, so all refuse together.
    double over = std::max(sent, received) > static_cast<uint64_t>(INT_MAX) ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &over, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    if (over > 0)
      throw SpecError("a column of this process's rows exceeds the 2 GiB one MPI exchange carries: run with more processes (mpirun -n)");
    std::vector<int> out_count(P), out_at(P), in_count(P), in_at(P);
    for (size_t r = 0; r < P; ++r) {
      out_count[r] = static_cast<int>(out_n[r]);
      out_at[r] = r ? out_at[r - 1] + out_count[r - 1] : 0;
      in_count[r] = static_cast<int>(in_n[r]);
      in_at[r] = r ? in_at[r - 1] + in_count[r - 1] : 0;
    }
    std::string recv(received, '\0');
    MPI_Alltoallv(send.data(), out_count.data(), out_at.data(), MPI_BYTE, recv.data(), in_count.data(), in_at.data(), MPI_BYTE, MPI_COMM_WORLD);
    recv_lengths.assign(in_n.begin(), in_n.end());
    return recv;
  }
  void note_partitioned_fit() override { ++fits_; }
  void note_shared_read() override { ++shared_reads_; }
  // The regressions whose rows were split, and the data files read in shares.
  int fits() const { return fits_; }
  int shared_reads() const { return shared_reads_; }

 private:
  MpiExchange& draws_;
  int fits_ = 0, shared_reads_ = 0;
};

MpiExchange* exchange = nullptr;
MpiReduce* reduce = nullptr;

}  // namespace

void start_processes(int argc, char** argv) {
  if (!under_mpirun()) return;
  // Open MPI spins while a process waits in an exchange; told to yield, the waiting process leaves
  // the core to the others (on a shared machine, often the very process it waits for). Measured
  // with 2 processes reading in shares on a loaded 2-core machine: less CPU time, no slower when
  // idle (bench/mpi/read.sh). The user's (or mpirun's) own setting wins.
  setenv("OMPI_MCA_mpi_yield_when_idle", "1", 0);
  int provided = 0;  // only the main thread calls MPI, outside OpenMP regions
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  static MpiExchange the_exchange;
  exchange = &the_exchange;
  install_draw_exchange(exchange);
  static MpiReduce the_reduce(the_exchange);
  reduce = &the_reduce;
  install_reduce_exchange(reduce);
  if (exchange->rank() != 0 && !std::freopen("/dev/null", "w", stdout))
    std::cerr << "cbec: rank " << exchange->rank() << " cannot discard its standard output\n";
}

bool writes_output() { return !exchange || exchange->rank() == 0; }

void require_one_process(const std::string& command) {
  if (exchange && exchange->size() > 1)
    throw SpecError(fmt::format("{} does not run as several MPI processes yet: run it without mpirun (its "
                                "replications still use every thread), or run its analyses as cbec <command> under mpirun", command));
}

int finish_processes(int code, const std::string& message) {
  if (!exchange) {
    if (!message.empty()) std::cerr << message << "\n";
    return code;
  }
  const bool failed_here = code != 0 && code != kPeerFailed;
  if (code != kPeerFailed && !exchange->vote(failed_here)) {
    // Say whether the draws were split: a command without replications, or whose draws cannot be
    // shipped (draw_codec.hpp), ran whole on every process.
    if (exchange->rank() == 0 && exchange->size() > 1) {
      if (exchange->exchanges())
        std::cerr << fmt::format("cbec: {} MPI processes split the draws of {} replication run(s)\n", exchange->size(), exchange->exchanges());
      if (reduce->shared_reads())
        std::cerr << fmt::format("cbec: {} MPI processes read the data in shares, each its part of the file\n", exchange->size());
      if (reduce->fits())
        std::cerr << fmt::format("cbec: {} MPI processes split the rows of {} fixed-effects regression(s)\n", exchange->size(), reduce->fits());
      if (!exchange->exchanges() && !reduce->fits())
        std::cerr << fmt::format("cbec: {} MPI processes each ran the whole command: it has no replications or fixed-effects rows they can split\n", exchange->size());
    }
    MPI_Finalize();
    return 0;
  }
  // Some process failed: the lowest failing rank's code and message are the run's.
  int candidate = failed_here ? exchange->rank() : exchange->size(), source = 0;
  MPI_Allreduce(&candidate, &source, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  int run_code = code;
  MPI_Bcast(&run_code, 1, MPI_INT, source, MPI_COMM_WORLD);
  int length = static_cast<int>(message.size());
  MPI_Bcast(&length, 1, MPI_INT, source, MPI_COMM_WORLD);
  std::string text = message;
  text.resize(static_cast<size_t>(length));
  MPI_Bcast(text.data(), length, MPI_CHAR, source, MPI_COMM_WORLD);
  if (exchange->rank() == 0 && !text.empty())
    std::cerr << text << (source != 0 ? fmt::format(" (on MPI rank {} of {})", source, exchange->size()) : "") << "\n";
  MPI_Finalize();
  return run_code;
}

}  // namespace cbec::cli
