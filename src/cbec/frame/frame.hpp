// The column store: named typed columns of equal length. Lookups by an unknown name throw a
// DataError that suggests the closest existing names.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cbec/frame/column.hpp"

namespace cbec {

class Frame {
 public:
  Frame() = default;
  explicit Frame(std::string source) : source_(std::move(source)) {}

  size_t nrows() const { return nrows_; }
  size_t ncols() const { return columns_.size(); }
  const std::string& source() const { return source_; }
  const std::vector<Column>& columns() const { return columns_; }

  bool has(const std::string& name) const { return index_.count(name) > 0; }
  const Column& get(const std::string& name) const;
  Column& get_mutable(const std::string& name);
  // The values of a numeric column; a DataError names the column if it holds strings.
  const std::vector<double>& numeric(const std::string& name) const;

  // Adds a column, or replaces the column of the same name. Its length must equal nrows()
  // (the first column sets nrows()).
  void set(Column column);
  void drop(const std::string& name);
  // Frees the storage of a column that is no longer needed, keeping its name and type: the frame is
  // then unusable for that column (its length is 0). For consumers that own a frame they discard.
  void release(const std::string& name);
  // The given rows, in the given order, each keeping its source line (line() below) and, in a
  // part of a whole (part_of), its row of the whole.
  Frame take(const std::vector<size_t>& rows) const;
  // The given rows of `whole` as a frame that remembers them (origin()): a formula's time operators
  // (l(), f(), d(), growth()) on the part read the periods of the whole that the part leaves out, as
  // Stata's `regress y L.x if ...` and plm's subset= build the lag on every row of the data and then
  // keep the sample (formula/design.cpp). For --if, --split-by and a convergence --group.
  static Frame part_of(std::shared_ptr<const Frame> whole, const std::vector<size_t>& rows);
  // The whole this frame is a part of (null: none), and the whole's row of each of its rows.
  const Frame* origin() const { return origin_.get(); }
  const std::vector<size_t>& origin_rows() const { return origin_rows_; }

  // The line of row `row` in the file it was read from (the header is line 1), for messages: rows
  // read are lines 2, 3, ... in order, and a frame made by take() (a subset, a group, a sample) keeps
  // the lines of the rows it took, so a message after `--if` or `--split-by` names the input's line.
  size_t line(size_t row) const { return lines_.empty() ? row + 2 : lines_[row]; }

  // What reading the data did that the user must be told (cells read as missing, a detected
  // encoding or delimiter, identifiers kept as text): each a sentence naming file, line and column.
  const std::vector<std::string>& notes() const { return notes_; }
  void add_note(std::string note) { notes_.push_back(std::move(note)); }
  void set_notes(std::vector<std::string> notes) { notes_ = std::move(notes); }

  // Up to three existing names closest to `name` (edit distance), for error messages; the columns
  // of the file left unread (set_unread) are names too.
  std::vector<std::string> suggest(const std::string& name) const;
  // The file's columns the reader skipped (CsvOptions::only_columns).
  void set_unread(std::vector<std::string> names) { unread_ = std::move(names); }

 private:
  std::string source_;
  size_t nrows_ = 0;
  std::vector<Column> columns_;
  std::vector<std::string> notes_;
  std::vector<size_t> lines_;   // empty: row i is line i + 2
  std::vector<std::string> unread_;
  std::shared_ptr<const Frame> origin_;
  std::vector<size_t> origin_rows_;   // with origin_: the whole's row of each row
  std::unordered_map<std::string, size_t> index_;
};

// ". Did you mean ...?", to end the sentence about an unknown name, or "" when nothing is close.
std::string did_you_mean(const std::vector<std::string>& suggestions);

}  // namespace cbec
