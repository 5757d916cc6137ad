#include "cbec/frame/rows_by_level.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

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

template <class T>
void append(std::string& s, const T& v) {
  s.append(reinterpret_cast<const char*>(&v), sizeof v);
}

// One column's rows for each process: numbers as doubles; text as (length, bytes), length -1 missing.
std::vector<std::string> pieces(const Column& c, const std::vector<uint32_t>& owner, size_t P) {
  std::vector<std::string> to(P);
  for (size_t i = 0; i < c.size(); ++i) {
    std::string& s = to[owner[i]];
    if (c.is_numeric()) {
      append(s, c.values[i]);
    } else if (c.codes[i] < 0) {
      append(s, int32_t{-1});
    } else {
      const std::string& t = c.levels[static_cast<size_t>(c.codes[i])];
      append(s, static_cast<int32_t>(t.size()));
      s.append(t);
    }
  }
  return to;
}

Column assemble(const Column& like, const std::vector<std::string>& from) {
  if (like.is_numeric()) {
    size_t n = 0;
    for (const auto& s : from) n += s.size() / sizeof(double);
    Column c;
    c.name = like.name;
    c.type = like.type;
    c.label = like.label;
    c.values.resize(n);
    size_t at = 0;
    for (const auto& s : from) {
      if (!s.empty()) std::memcpy(c.values.data() + at, s.data(), s.size());
      at += s.size() / sizeof(double);
    }
    return c;
  }
  std::vector<std::string> texts;
  for (const auto& s : from)
    for (size_t p = 0; p < s.size();) {
      int32_t len = 0;
      std::memcpy(&len, s.data() + p, sizeof len);
      p += sizeof len;
      if (len < 0) {
        texts.emplace_back();
        continue;
      }
      texts.emplace_back(s.substr(p, static_cast<size_t>(len)));
      p += static_cast<size_t>(len);
    }
  Column c = Column::strings(like.name, texts);
  c.label = like.label;
  return c;
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

Frame gather_levels(Frame&& share, const std::string& variable, ReduceExchange& exchange) {
  if (!share.has(variable)) return std::move(share);
  const size_t P = static_cast<size_t>(exchange.size()), me = static_cast<size_t>(exchange.rank());
  const std::vector<uint32_t> owner = owners(share.get(variable), P, me);
  Frame out(share.source());
  std::vector<std::string> names;
  for (const auto& c : share.columns()) names.push_back(c.name);
  for (const auto& name : names) {
    const Column& c = share.get(name);
    Column gathered = assemble(c, exchange.all_to_all(pieces(c, owner, P)));
    share.release(name);
    out.set(std::move(gathered));
  }
  out.set_notes(share.notes());
  return out;
}

}  // namespace cbec
