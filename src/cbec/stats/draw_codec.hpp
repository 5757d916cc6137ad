// How replicate() ships one draw's result between processes (draw_exchange.hpp): as its bytes.
// Shippable results: trivially copyable values (double, plain structs), contiguous sequences of
// them (std::vector<double>, std::string) and Eigen's dense vectors and matrices, which carry
// their shape. Any other result type is not shipped: every process then computes all the draws
// itself, which is slower but gives the same numbers.
#pragma once
#include <cstdint>
#include <concepts>
#include <cstring>
#include <string>
#include <type_traits>

#include "cbec/core/error.hpp"

namespace cbec::draw_codec {

// Eigen dense objects (Eigen::VectorXd, Eigen::MatrixXd): rows, columns, then the coefficients.
template <class R>
concept DenseMatrix = requires(R r, const R c) {
  typename R::Scalar;
  { c.rows() } -> std::convertible_to<int64_t>;
  { c.cols() } -> std::convertible_to<int64_t>;
  c.data();
  r.resize(c.rows(), c.cols());
} && std::is_trivially_copyable_v<typename R::Scalar>;

// Contiguous sequences with a size (std::vector<T>, std::string): the count, then the elements.
template <class R>
concept Sequence = !DenseMatrix<R> && requires(R r, const R c, size_t n) {
  typename R::value_type;
  { c.size() } -> std::convertible_to<size_t>;
  c.data();
  r.resize(n);
} && std::is_trivially_copyable_v<typename R::value_type>;

template <class R>
inline constexpr bool shippable = std::is_trivially_copyable_v<R> || DenseMatrix<R> || Sequence<R>;

namespace detail {
// Empty sequences have a null data(): nothing is copied (memcpy takes no null pointers).
inline void put(std::string& out, const void* p, size_t bytes) {
  if (bytes > 0) out.append(static_cast<const char*>(p), bytes);
}
inline void get(const char*& p, const char* end, void* to, size_t bytes) {
  if (static_cast<size_t>(end - p) < bytes) throw Error("internal error: the draws received from another process are shorter than announced");
  if (bytes > 0) std::memcpy(to, p, bytes);
  p += bytes;
}
}  // namespace detail

template <class R>
void encode(const R& r, std::string& out) {
  static_assert(shippable<R>, "draw_codec ships only the result types listed above");
  if constexpr (std::is_trivially_copyable_v<R>) {
    detail::put(out, &r, sizeof(R));
  } else if constexpr (DenseMatrix<R>) {
    const int64_t shape[2] = {static_cast<int64_t>(r.rows()), static_cast<int64_t>(r.cols())};
    detail::put(out, shape, sizeof shape);
    detail::put(out, r.data(), static_cast<size_t>(shape[0] * shape[1]) * sizeof(typename R::Scalar));
  } else {
    const uint64_t n = r.size();
    detail::put(out, &n, sizeof n);
    detail::put(out, r.data(), n * sizeof(typename R::value_type));
  }
}

// Reads one result from p (advanced past it); throws if fewer than its bytes remain before end.
template <class R>
void decode(const char*& p, const char* end, R& r) {
  static_assert(shippable<R>, "draw_codec ships only the result types listed above");
  if constexpr (std::is_trivially_copyable_v<R>) {
    detail::get(p, end, &r, sizeof(R));
  } else if constexpr (DenseMatrix<R>) {
    int64_t shape[2];
    detail::get(p, end, shape, sizeof shape);
    r.resize(shape[0], shape[1]);
    detail::get(p, end, r.data(), static_cast<size_t>(shape[0] * shape[1]) * sizeof(typename R::Scalar));
  } else {
    uint64_t n;
    detail::get(p, end, &n, sizeof n);
    if (n > static_cast<uint64_t>(end - p) / sizeof(typename R::value_type))
      throw Error("internal error: the draws received from another process are shorter than announced");
    r.resize(n);
    detail::get(p, end, r.data(), n * sizeof(typename R::value_type));
  }
}

}  // namespace cbec::draw_codec
