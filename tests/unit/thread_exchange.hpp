// P threads playing P processes for the exchanges of a data set split across processes
// (stats/reduce_exchange.hpp), without MPI: each thread has its end of an in-process exchange. The
// all-to-all is ReduceExchange's default, through all_gather.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cbec/stats/reduce_exchange.hpp"

namespace cbec::testing {

// The processes' shared board: each all_gather writes its slot, waits for all, reads all slots and
// waits again (so no slot is overwritten before everyone read it).
struct Board {
  explicit Board(int p) : size(p), slots(static_cast<size_t>(p)), sync(p) {}
  int size;
  std::vector<std::string> slots;
  std::barrier<> sync;
};

class ThreadExchange final : public ReduceExchange {
 public:
  ThreadExchange(Board& board, int rank) : board_(board), rank_(rank) {}
  int rank() const override { return rank_; }
  int size() const override { return board_.size; }
  std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) override {
    ++calls;
    board_.slots[static_cast<size_t>(rank_)] = std::string(mine);
    board_.sync.arrive_and_wait();
    std::string all;
    lengths.clear();
    for (const auto& s : board_.slots) {
      lengths.push_back(s.size());
      all += s;
    }
    board_.sync.arrive_and_wait();
    return all;
  }
  void sum(double* data, size_t n) override {
    std::vector<size_t> lengths;
    const std::string all = all_gather(std::string_view(reinterpret_cast<const char*>(data), n * sizeof(double)), lengths);
    std::vector<double> part(n);
    for (size_t r = 0, at = 0; r < lengths.size(); at += lengths[r], ++r) {
      std::memcpy(part.data(), all.data() + at, lengths[r]);
      for (size_t i = 0; i < n; ++i) data[i] = r == 0 ? part[i] : data[i] + part[i];
    }
  }
  void max(double* data, size_t n) override {
    std::vector<size_t> lengths;
    const std::string all = all_gather(std::string_view(reinterpret_cast<const char*>(data), n * sizeof(double)), lengths);
    std::vector<double> part(n);
    for (size_t r = 0, at = 0; r < lengths.size(); at += lengths[r], ++r) {
      std::memcpy(part.data(), all.data() + at, lengths[r]);
      for (size_t i = 0; i < n; ++i) data[i] = r == 0 ? part[i] : std::max(data[i], part[i]);
    }
  }
  void note_partitioned_fit() override { ++fits; }
  int fits = 0;
  size_t calls = 0;

 private:
  Board& board_;
  int rank_;
};

// Runs f(exchange) on P threads, one per process; the results in rank order.
template <class T, class F>
std::vector<T> on_processes(int P, F f) {
  Board board(P);
  std::vector<T> out(static_cast<size_t>(P));
  std::vector<std::string> errors(static_cast<size_t>(P));
  std::vector<std::thread> threads;
  for (int r = 0; r < P; ++r)
    threads.emplace_back([&, r] {
      ThreadExchange ex(board, r);
      try {
        out[static_cast<size_t>(r)] = f(ex);
      } catch (const std::exception& e) {
        errors[static_cast<size_t>(r)] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  for (int r = 0; r < P; ++r) EXPECT_EQ(errors[static_cast<size_t>(r)], "") << "rank " << r;
  return out;
}

}  // namespace cbec::testing
