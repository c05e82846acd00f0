// wfm/neutral_schedule.cpp — see neutral_schedule.hpp.
#include "wfm/neutral_schedule.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "wfm/rfc3339.hpp"

namespace leda::wfm {
namespace {

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Replaces the rows of one agent (`of`, indexes into `in`) by its layered segments in `order`.
void append_flattened(const std::vector<NeutralRow>& in, const std::vector<std::uint32_t>& of,
                      std::vector<NeutralRow>& out) {
  std::vector<ScheduleRow> rows;
  std::map<TimeMs, int> offsets;  // the offset each boundary instant was written with
  for (std::uint32_t i : of) {
    rows.push_back(in[i].row);
    offsets.emplace(in[i].row.start, in[i].start_offset_min);
    offsets.emplace(in[i].row.end, in[i].end_offset_min);
  }
  std::vector<std::uint32_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0u);
  for (const ScheduleSegment& s : layer_rows(rows, order)) {
    NeutralRow r = in[of[s.row]];
    r.row.start = s.start;
    r.row.end = s.end;
    r.start_offset_min = offsets.at(s.start);
    r.end_offset_min = offsets.at(s.end);
    out.push_back(std::move(r));
  }
}

}  // namespace

void finish_import(ImportResult& r) {
  std::vector<std::uint32_t> idx(r.rows.size());
  std::iota(idx.begin(), idx.end(), 0u);
  std::stable_sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
    const ScheduleRow &x = r.rows[a].row, &y = r.rows[b].row;
    if (x.wfm_agent_id != y.wfm_agent_id) return x.wfm_agent_id < y.wfm_agent_id;
    return x.start < y.start;
  });
  std::vector<ScheduleRow> plain;
  plain.reserve(r.rows.size());
  for (const NeutralRow& n : r.rows)
    plain.push_back(n.row);
  std::vector<NeutralRow> out;
  out.reserve(r.rows.size());
  for (std::size_t first = 0; first < idx.size();) {
    std::size_t last = first;
    while (last < idx.size() &&
           r.rows[idx[last]].row.wfm_agent_id == r.rows[idx[first]].row.wfm_agent_id)
      ++last;
    std::vector<std::uint32_t> sorted(idx.begin() + first, idx.begin() + last);
    std::vector<std::uint32_t> input = sorted;  // the same rows in input order
    std::sort(input.begin(), input.end());
    if (layer_rows(plain, input) == layer_rows(plain, sorted)) {
      for (std::uint32_t i : sorted)
        out.push_back(std::move(r.rows[i]));
    } else {
      r.flattened.push_back(r.rows[sorted.front()].row.wfm_agent_id);
      append_flattened(r.rows, input, out);
    }
    first = last;
  }
  r.rows = std::move(out);
}

std::string neutral_csv(const std::vector<NeutralRow>& rows) {
  std::string out = "wfm_agent_id,schedule_date,activity_code,start,end,paid\n";
  for (const NeutralRow& n : rows) {
    const ScheduleRow& r = n.row;
    out += csv_field(r.wfm_agent_id) + ',' + date_text(r.schedule_date) + ',' +
           csv_field(r.activity_code) + ',' + format_rfc3339(r.start, n.start_offset_min) + ',' +
           format_rfc3339(r.end, n.end_offset_min) + ',' + (r.paid ? "true" : "false") + '\n';
  }
  return out;
}

}  // namespace leda::wfm
