#include "cbec/frame/rows_by_level.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {

// SplitMix64's finaliser (Steele, Lea and Flood 2014): a well-mixed hash of 64 bits.
uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a over the bytes of a text value, then mixed.
uint64_t hash_text(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return mix(h);
}

uint64_t hash_number(double v) {
  if (v == 0) v = 0;  // -0 and 0 are one value
  uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  return mix(bits);
}

// Each row's process.
std::vector<uint32_t> owners(const Column& c, size_t P, size_t me) {
  std::vector<uint32_t> out(c.size(), static_cast<uint32_t>(me));
  if (c.is_numeric()) {
    for (size_t i = 0; i < c.size(); ++i)
      if (!std::isnan(c.values[i])) out[i] = static_cast<uint32_t>(hash_number(c.values[i]) % P);
  } else {
    std::vector<uint32_t> level(c.levels.size());
    for (size_t l = 0; l < level.size(); ++l) level[l] = static_cast<uint32_t>(hash_text(c.levels[l]) % P);
    for (size_t i = 0; i < c.size(); ++i)
      if (c.codes[i] >= 0) out[i] = level[static_cast<size_t>(c.codes[i])];
  }
  return out;
}

// The share's rows grouped by the process they go to: rows[at[d]] .. rows[at[d + 1] - 1] go to
// process d, in their order in the share.
struct Routes {
  std::vector<size_t> rows, at;
};

// The rows grouped by their owner (a counting sort, stable).
Routes routes(const std::vector<uint32_t>& owner, size_t P) {
  Routes r;
  r.at.assign(P + 1, 0);
  for (uint32_t d : owner) ++r.at[d + 1];
  for (size_t d = 0; d < P; ++d) r.at[d + 1] += r.at[d];
  std::vector<size_t> next(r.at.begin(), r.at.end() - 1);
  r.rows.resize(owner.size());
  for (size_t i = 0; i < owner.size(); ++i) r.rows[next[owner[i]]++] = i;
  return r;
}

// One column as it leaves: bytes[d], the size of its piece for process d; 0 for this process's
// own rows, which stay and are taken from the column itself. A piece of a numeric column is its
// rows' values (doubles); of a text column, the number of levels its rows use (uint32), their
// lengths (uint32 each), their bytes, then each row's code among them (int32, -1 missing), the
// levels in order of first use, so that the receiver numbers them as one pass over all rows would.
// levels[d] (the column's level indices) and codes (in Routes order) hold a text column's pieces,
// own rows included.
struct Outgoing {
  std::vector<size_t> bytes;
  std::vector<std::vector<int32_t>> levels;
  std::vector<int32_t> codes;
};

// Column c's pieces for every process (this one, `me`, included, its size 0).
Outgoing outgoing(const Column& c, const Routes& r, size_t me) {
  const size_t P = r.at.size() - 1;
  Outgoing o;
  o.bytes.resize(P);
  if (c.is_numeric()) {
    for (size_t d = 0; d < P; ++d) o.bytes[d] = d == me ? 0 : (r.at[d + 1] - r.at[d]) * sizeof(double);
    return o;
  }
  o.levels.resize(P);
  o.codes.resize(r.rows.size());
  std::vector<int32_t> local(c.levels.size());
  std::vector<size_t> numbered_for(c.levels.size(), P);  // the piece that last numbered each level
  for (size_t d = 0; d < P; ++d) {
    size_t text_bytes = 0;
    for (size_t k = r.at[d]; k < r.at[d + 1]; ++k) {
      const int32_t code = c.codes[r.rows[k]];
      if (code < 0) {
        o.codes[k] = -1;
        continue;
      }
      const size_t l = static_cast<size_t>(code);
      if (numbered_for[l] != d) {
        numbered_for[l] = d;
        local[l] = static_cast<int32_t>(o.levels[d].size());
        o.levels[d].push_back(code);
        text_bytes += c.levels[l].size();
      }
      o.codes[k] = local[l];
    }
    o.bytes[d] = d == me ? 0 : sizeof(uint32_t) * (1 + o.levels[d].size()) + text_bytes + sizeof(int32_t) * (r.at[d + 1] - r.at[d]);
  }
  return o;
}

// Writes v's bytes at p; returns the byte after them.
template <class T>
char* put(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
  return p + sizeof v;
}

// The value whose bytes are at p (unaligned).
template <class T>
T get(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Writes column c's piece for each other process d at buffer + cursor[d] (Outgoing's layout),
// advancing the cursors.
void pack(const Column& c, const Outgoing& o, const Routes& r, size_t me, char* buffer, std::vector<size_t>& cursor) {
  for (size_t d = 0; d < cursor.size(); ++d) {
    if (d == me) continue;
    char* p = buffer + cursor[d];
    if (c.is_numeric()) {
      for (size_t k = r.at[d]; k < r.at[d + 1]; ++k) p = put(p, c.values[r.rows[k]]);
    } else {
      const auto& levels = o.levels[d];
      p = put(p, static_cast<uint32_t>(levels.size()));
      for (int32_t l : levels) p = put(p, static_cast<uint32_t>(c.levels[static_cast<size_t>(l)].size()));
      for (int32_t l : levels) {
        const std::string& t = c.levels[static_cast<size_t>(l)];
        std::memcpy(p, t.data(), t.size());
        p += t.size();
      }
      const size_t n = r.at[d + 1] - r.at[d];
      if (n) std::memcpy(p, o.codes.data() + r.at[d], n * sizeof(int32_t));
    }
    cursor[d] += o.bytes[d];
  }
}

// Numbers a piece's levels (`words`) among text column c's, adding those it lacks in their order
// (`index`: c's levels by their text); an empty text is missing, as in Column::strings. Returns
// each word's code in c.
std::vector<int32_t> merge_levels(const std::vector<std::string_view>& words, Column& c, std::unordered_map<std::string_view, int32_t>& index) {
  std::vector<int32_t> code_of(words.size(), -1);
  for (size_t l = 0; l < words.size(); ++l) {
    if (words[l].empty()) continue;
    const auto [it, added] = index.emplace(words[l], static_cast<int32_t>(c.levels.size()));
    if (added) c.levels.emplace_back(words[l]);
    code_of[l] = it->second;
  }
  return code_of;
}

// Column `share_column` rebuilt with the rows of every process s, in rank order: rows[s] rows, this
// process's own (`me`) from the column itself (through `o` and `r`), the others' from their pieces
// at in + at[s]. Text levels are numbered in order of first appearance over the rows.
Column unpack(const Column& share_column, const Outgoing& o, const Routes& r, size_t me, const char* in, const std::vector<size_t>& at,
              const std::vector<size_t>& rows) {
  Column c;
  c.name = share_column.name;
  c.type = share_column.type;
  c.label = share_column.label;
  size_t n = 0;
  for (size_t m : rows) n += m;
  if (c.is_numeric()) {
    c.values.resize(n);
    for (size_t s = 0, k = 0; s < rows.size(); k += rows[s], ++s) {
      if (s == me) {
        for (size_t i = 0; i < rows[s]; ++i) c.values[k + i] = share_column.values[r.rows[r.at[me] + i]];
      } else if (rows[s]) {
        std::memcpy(c.values.data() + k, in + at[s], rows[s] * sizeof(double));
      }
    }
    return c;
  }
  c.codes.resize(n);
  std::unordered_map<std::string_view, int32_t> index;  // views into the share's levels and `in`, which outlive it
  for (size_t s = 0, k = 0; s < rows.size(); ++s) {
    std::vector<std::string_view> words;
    const char* codes = nullptr;
    if (s == me) {
      for (int32_t l : o.levels[me]) words.emplace_back(share_column.levels[static_cast<size_t>(l)]);
      codes = reinterpret_cast<const char*>(o.codes.data() + r.at[me]);
    } else {
      const char* p = in + at[s];
      const uint32_t L = get<uint32_t>(p);
      const char* lengths = p + sizeof(uint32_t);
      p = lengths + sizeof(uint32_t) * L;
      for (uint32_t l = 0; l < L; ++l) {
        words.emplace_back(p, get<uint32_t>(lengths + sizeof(uint32_t) * l));
        p += words.back().size();
      }
      codes = p;
    }
    const std::vector<int32_t> code_of = merge_levels(words, c, index);
    for (size_t i = 0; i < rows[s]; ++i, ++k) {
      const int32_t code = get<int32_t>(codes + sizeof(int32_t) * i);
      c.codes[k] = code < 0 ? -1 : code_of[static_cast<size_t>(code)];
    }
  }
  return c;
}

// What each process sends here, from the sizes it announces: rows[s] rows from process s, and of
// column j bytes[j][s].
struct Incoming {
  std::vector<size_t> rows;
  std::vector<std::vector<size_t>> bytes;
};

// Each process tells each other how many rows and how many bytes of each column it sends it.
Incoming announce(const Routes& r, const std::vector<Outgoing>& out, ReduceExchange& exchange) {
  const size_t P = r.at.size() - 1, J = out.size();
  std::string sizes((1 + J) * P * sizeof(uint64_t), '\0');
  char* p = sizes.data();
  for (size_t d = 0; d < P; ++d) {
    p = put(p, static_cast<uint64_t>(r.at[d + 1] - r.at[d]));
    for (const auto& o : out) p = put(p, static_cast<uint64_t>(o.bytes[d]));
  }
  std::vector<size_t> lengths;
  const std::string got = exchange.all_to_all(sizes, std::vector<size_t>(P, (1 + J) * sizeof(uint64_t)), lengths);
  Incoming in{std::vector<size_t>(P), std::vector<std::vector<size_t>>(J, std::vector<size_t>(P))};
  const char* q = got.data();
  for (size_t s = 0; s < P; ++s) {
    in.rows[s] = get<uint64_t>(q);
    q += sizeof(uint64_t);
    for (size_t j = 0; j < J; ++j, q += sizeof(uint64_t)) in.bytes[j][s] = get<uint64_t>(q);
  }
  return in;
}

// Columns [first, last) of `share` sent to the other processes in one all-to-all, and rebuilt with
// the rows received in `gathered`, each released from `share` once rebuilt.
void exchange_columns(Frame& share, const std::vector<std::string>& names, size_t first, size_t last, const Routes& r, size_t me,
                      std::vector<Outgoing>& out, const Incoming& in, ReduceExchange& exchange, Frame& gathered) {
  const size_t P = r.at.size() - 1;
  std::vector<size_t> send_lengths(P, 0), cursor(P, 0);
  for (size_t d = 0; d < P; ++d)
    for (size_t j = first; j < last; ++j) send_lengths[d] += out[j].bytes[d];
  size_t total = 0;
  for (size_t d = 0; d < P; ++d) {
    cursor[d] = total;
    total += send_lengths[d];
  }
  auto send = std::make_unique_for_overwrite<char[]>(total);
  for (size_t j = first; j < last; ++j) pack(share.get(names[j]), out[j], r, me, send.get(), cursor);
  std::vector<size_t> recv_lengths;
  const std::string recv = exchange.all_to_all(std::string_view(send.get(), total), send_lengths, recv_lengths);
  send.reset();
  for (size_t s = 0, at = 0; s < P; at += recv_lengths[s], ++s) cursor[s] = at;
  for (size_t j = first; j < last; ++j) {
    gathered.set(unpack(share.get(names[j]), out[j], r, me, recv.data(), cursor, in.rows));
    share.release(names[j]);
    out[j] = Outgoing{};
    for (size_t s = 0; s < P; ++s) cursor[s] += in.bytes[j][s];
  }
}

}  // namespace

std::string variable_with_most_levels(const Frame& share, const std::vector<std::string>& candidates, ReduceExchange& exchange) {
  if (candidates.empty()) throw Error("internal error: no variable to split the rows by");
  std::vector<double> distinct(candidates.size(), -1.0);
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (!share.has(candidates[k])) continue;
    const Column& c = share.get(candidates[k]);
    if (c.is_numeric()) {
      std::vector<double> v;
      v.reserve(c.size());
      for (double x : c.values)
        if (!std::isnan(x)) v.push_back(x);
      std::sort(v.begin(), v.end());
      distinct[k] = static_cast<double>(std::unique(v.begin(), v.end()) - v.begin());
    } else {
      distinct[k] = static_cast<double>(c.levels.size());
    }
  }
  exchange.sum(distinct.data(), distinct.size());
  size_t best = 0;
  for (size_t k = 1; k < candidates.size(); ++k)
    if (distinct[k] > distinct[best]) best = k;
  return candidates[best];
}

Frame gather_levels(Frame&& share, const std::string& variable, ReduceExchange& exchange, size_t batch_bytes) {
  if (!share.has(variable)) return std::move(share);
  const size_t P = static_cast<size_t>(exchange.size()), me = static_cast<size_t>(exchange.rank());
  const Routes r = routes(owners(share.get(variable), P, me), P);
  std::vector<std::string> names;
  std::vector<Outgoing> out;
  for (const auto& c : share.columns()) {
    names.push_back(c.name);
    out.push_back(outgoing(c, r, me));
  }
  const Incoming in = announce(r, out, exchange);
  // Each column's weight in an exchange: the most any process sends or receives of it (own rows
  // stay; the same on every process, so all cut the columns into the same exchanges).
  const size_t J = names.size();
  std::vector<double> load(J, 0.0);
  for (size_t j = 0; j < J; ++j) {
    double sent = 0, received = 0;
    for (size_t d = 0; d < P; ++d) {
      sent += static_cast<double>(out[j].bytes[d]);
      received += static_cast<double>(in.bytes[j][d]);
    }
    load[j] = std::max(sent, received);
  }
  exchange.max(load.data(), J);
  Frame gathered(share.source());
  for (size_t first = 0, last = 0; first < J; first = last) {
    double batch = load[first];
    for (last = first + 1; last < J && batch + load[last] <= static_cast<double>(batch_bytes); ++last) batch += load[last];
    exchange_columns(share, names, first, last, r, me, out, in, exchange, gathered);
  }
  gathered.set_notes(share.notes());
  return gathered;
}

}  // namespace cbec
