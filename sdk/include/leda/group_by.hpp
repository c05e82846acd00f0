// leda/group_by.hpp — GroupBy<Dim>: a KPI's `group_by` parameter, from its declaration to the
// order of the output rows.
//
//   enum class Dim { kSkill, kDay };
//   const leda::GroupBy<Dim> kGroups{{
//       {"skill", Dim::kSkill, {{"skill_id", leda::ColumnType::kInt, leda::Unit::kId, "skill"}}},
//       {"day", Dim::kDay, {{"day", leda::ColumnType::kString, leda::Unit::kDate, "local day"}}},
//   }};
//   desc.params.push_back(kGroups.param("none", "row keys, comma-separated"));   // describe
//   group_by_ = kGroups.parse(params);                     // configure: ParamError when bad
//   if (group_by_.by(Dim::kDay)) key.day = ...;            // consume
//   t.columns = group_by_.key_columns();                   // finish: key columns first,
//   std::stable_sort(rows.begin(), rows.end(), [&](auto* a, auto* b) {   // rows in the order
//     return group_by_.less(a->first, b->first, compare_on);            // of the user's list
//   });
//
// `none` (when allowed) means one total row; it cannot be combined with other choices.
// Thread-safety: immutable after parse(); share it freely.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "leda/plugin.hpp"

namespace leda {

/// One choice of a group_by parameter and the key columns it adds to the table.
template <class Dim>
struct Dimension {
  std::string name;             ///< as the user writes it: "agent"
  Dim dim;                      ///< the plugin's own tag for it
  std::vector<Column> columns;  ///< the key columns it adds, in order
};

/// See the top of the file.
template <class Dim>
class GroupBy {
 public:
  /// The choices, in the order `leda plugins` lists them. `allow_none`: "none" is a choice.
  explicit GroupBy(std::vector<Dimension<Dim>> choices, bool allow_none = true)
      : choices_(std::move(choices)), allow_none_(allow_none) {}

  /// The ParamSpec of the parameter (a list of the choices) with `default_value` and `help`.
  ParamSpec param(std::string default_value, std::string help,
                  std::string name = "group_by") const {
    ParamSpec p{std::move(name), ParamType::kList, std::move(default_value), std::move(help), {}};
    for (const auto& c : choices_)
      p.choices.push_back(c.name);
    if (allow_none_) p.choices.push_back("none");
    return p;
  }

  /// A copy holding the user's selection from the list parameter `name`. Throws ParamError
  /// for an unknown choice or "none" combined with choices. Repeats are dropped.
  GroupBy parse(const Params& params, const std::string& name = "group_by") const {
    GroupBy g = *this;
    g.selected_.clear();
    const std::vector<std::string> list = params.get_list(name);
    for (const std::string& item : list) {
      if (allow_none_ && item == "none") {
        if (list.size() > 1) throw ParamError(name, "'none' cannot be combined with columns");
        continue;
      }
      auto it = std::find_if(choices_.begin(), choices_.end(),
                             [&](const Dimension<Dim>& c) { return c.name == item; });
      if (it == choices_.end()) {
        std::string all;
        for (const auto& s : param("", "").choices)
          all += (all.empty() ? "" : ", ") + s;
        throw ParamError(name, "unknown column '" + item + "' (choices: " + all + ")");
      }
      if (!g.by(it->dim)) g.selected_.push_back(static_cast<std::size_t>(it - choices_.begin()));
    }
    return g;
  }

  /// True when the rows are grouped by `d`.
  bool by(Dim d) const {
    for (std::size_t i : selected_)
      if (choices_[i].dim == d) return true;
    return false;
  }
  /// The selected dimensions, in the user's order.
  std::vector<Dim> dims() const {
    std::vector<Dim> out;
    for (std::size_t i : selected_)
      out.push_back(choices_[i].dim);
    return out;
  }
  /// The key columns of the selection, in the user's order, marked ColumnRole::kKey.
  std::vector<Column> key_columns() const {
    std::vector<Column> out;
    for (std::size_t i : selected_)
      for (Column c : choices_[i].columns) {
        c.role = ColumnRole::kKey;
        out.push_back(std::move(c));
      }
    return out;
  }

  /// The key columns of every choice, in the order of the choices, marked ColumnRole::kKey: what
  /// Description::columns lists before the measures.
  std::vector<Column> all_key_columns() const {
    std::vector<Column> out;
    for (const auto& choice : choices_)
      for (Column c : choice.columns) {
        c.role = ColumnRole::kKey;
        out.push_back(std::move(c));
      }
    return out;
  }

  /// True when key `a` sorts before key `b`: compared dimension by dimension in the user's
  /// order with `compare(dim, a, b)`, which returns a negative number, 0 or a positive number.
  template <class Key, class Compare>
  bool less(const Key& a, const Key& b, Compare&& compare) const {
    for (std::size_t i : selected_)
      if (const int c = compare(choices_[i].dim, a, b); c != 0) return c < 0;
    return false;
  }

 private:
  std::vector<Dimension<Dim>> choices_;
  bool allow_none_ = true;
  std::vector<std::size_t> selected_;  ///< positions in choices_, in the user's order
};

/// -1, 0 or 1 as `a` is less than, equal to or greater than `b` (for GroupBy::less).
template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

}  // namespace leda
