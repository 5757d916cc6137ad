// cbec: the command-line tool. Each subcommand lives in its own cmd_*.cpp; no statistics here.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <new>

#include "cbec/core/error.hpp"
#include "cbec/core/memory.hpp"
#include "cbec/stats/draw_exchange.hpp"
#include "commands.hpp"
#include "processes.hpp"

namespace {
// Big panels allocate large buffers whose first-touch page faults cost more than the arithmetic
// on them (measured: 21 s -> 7 s for 10M rows). glibc reads its malloc tunables only at start-up,
// so cbec re-executes itself once with large allocations served from the heap, not fresh mmaps.
// Transparent huge pages for the heap (glibc.malloc.hugetlb=1) are not asked for: with the kernel's
// default defrag = madvise each huge-page fault may compact memory first, which tripled the
// kernel time of a 10M-row read (bench/RESULTS.md). A GLIBC_TUNABLES set by the user is respected.
void tune_allocator(char** argv) {
  if (std::getenv("GLIBC_TUNABLES") || std::getenv("CBEC_ALLOCATOR_TUNED")) return;
  setenv("GLIBC_TUNABLES", "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736", 1);
  setenv("CBEC_ALLOCATOR_TUNED", "1", 1);
  execv("/proc/self/exe", argv);  // returns only on failure: then run untuned
}
// Freed heap pages go back to the system when the library releases a large block: the tuning
// above never trims the heap on its own, so memory released mid-run would otherwise stay resident.
void trim_heap() { ::malloc_trim(0); }

// Runs the command; returns its exit code, with the one-line error in `message`.
int run(int argc, char** argv, std::string& message) {
  CLI::App app{"cbec: panel, spatial and policy-evaluation econometrics for CBEC research"};
  app.set_version_flag("--version", std::string("cbec ") + CBEC_VERSION);
  app.require_subcommand(1);
  for (const auto& add : cbec::cli::all_commands()) add(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version print and succeed; any other argument error is one line and exit 1.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::string where;
    for (const CLI::App* sub : app.get_subcommands()) where = sub->get_name();
    message = std::string("cbec: error: ") + e.what() + (where.empty() ? "; see cbec --help" : "; see cbec " + where + " --help");
    return 1;
  } catch (const std::bad_alloc&) {
    message = "cbec: error: out of memory; reduce the data, the draws or the replications, or use a machine with more memory";
    return 1;
  } catch (const cbec::Error& e) {
    message = std::string("cbec: error: ") + e.what();
    return 1;
  } catch (const cbec::PeerFailure&) {
    return cbec::cli::kPeerFailed;
  } catch (const std::exception& e) {
    message = std::string("cbec: internal error: ") + e.what();
    return 3;
  }
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  tune_allocator(argv);
  cbec::set_memory_releaser(trim_heap);
  cbec::cli::start_processes(argc, argv);
  std::string message;
  const int code = run(argc, argv, message);
  return cbec::cli::finish_processes(code, message);
}
