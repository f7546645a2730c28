#include "cli/report.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/numbers.hpp"

namespace sixlink::cli {
namespace {

using detail::format_count;

// Display width of UTF-8 text: CJK characters take two columns.
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += len >= 3 ? 2 : 1;
    i += len;
  }
  return width;
}

std::string pad_right(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return text + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return std::string(w < width ? width - w : 0, ' ') + text;
}

// "-0.00" becomes "0.00": a value that rounds to zero has no sign.
std::string unsigned_zero(std::string text) {
  if (!text.empty() && text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos)
    text.erase(0, 1);
  return text;
}

std::string fixed(double x, int digits) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (std::isnan(x)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  std::string text = unsigned_zero(buffer);
  // Thousands separators in the whole part: "22,164.72".
  const std::size_t sign = text[0] == '-' ? 1 : 0;
  const std::size_t point = std::min(text.find('.'), text.size());
  for (std::size_t at = point; at > sign + 3; at -= 3) text.insert(at - 3, ",");
  return text;
}

std::string percent(double fraction) { return fixed(100.0 * fraction, 2) + " %"; }

// A count of people or seats held as a double: whole, rounded half away from
// zero, with thousands separators (no "-0").
std::string count(double x) {
  if (!std::isfinite(x)) return fixed(x, 0);
  return format_count(static_cast<Count>(std::llround(x)));
}

// "1 graduate", "2 graduates", "28,613 graduates".
std::string counted(Count n, const std::string& one, const std::string& many) {
  return format_count(n) + " " + (n == 1 ? one : many);
}

// The supply band as words: the band of the attributed supply, and what the
// matching made of it when nothing was matched.
std::string band_text(SupplyBand band, double supply, Count demand, Count matched) {
  if (demand == 0) return supply >= 0.5 ? "no demand" : "-";
  if (supply < 0.5) return "shortage (no graduates)";
  std::string out(to_string(band));
  if (matched == 0) out += " (none matched)";
  return out;
}

// A supply/demand ratio; "-" without demand.
std::string ratio_text(double ratio, Count demand) { return demand > 0 ? fixed(ratio, 2) : "-"; }

// A table with its first `left` columns left-aligned (labels) and the others right-aligned.
class Table {
 public:
  explicit Table(std::vector<std::string> header, std::size_t left = 1) : left_(left) {
    rows_.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render(const std::string& indent = "  ") const {
    std::vector<std::size_t> width(rows_.front().size(), 0);
    for (const auto& row : rows_)
      for (std::size_t c = 0; c < row.size(); ++c)
        width[c] = std::max(width[c], display_width(row[c]));
    std::string out;
    for (const auto& row : rows_) {
      if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); }))
        continue;  // a table without a header
      out += indent;
      for (std::size_t c = 0; c < row.size(); ++c)
        out += (c == 0 ? "" : "  ") +
               (c < left_ ? pad_right(row[c], width[c]) : pad_left(row[c], width[c]));
      out += "\n";
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::size_t left_;
};

// The programmes' labels in a text table: a "name" column beside the id when the scenario
// labels any programme (the label, or the id where one has none); tables of scenarios
// without labels keep their columns.
class NameColumn {
 public:
  explicit NameColumn(const ProgrammeNames& names) : names_(names) {}
  bool shown() const { return !names_.empty(); }
  // The header with "name" after its first column; the number of label columns.
  std::vector<std::string> header(std::vector<std::string> columns) const {
    if (shown()) columns.insert(columns.begin() + 1, "name");
    return columns;
  }
  std::size_t left() const { return shown() ? 2 : 1; }
  // The row with the label after the id in its first cell.
  std::vector<std::string> row(std::vector<std::string> cells) const {
    if (shown()) {
      const std::string& name = programme_name(names_, cells.front());
      cells.insert(cells.begin() + 1, name.empty() ? cells.front() : name);
    }
    return cells;
  }
  // "id (label)" for a line of text; the id alone without a label.
  std::string labelled(const std::string& id) const {
    const std::string& name = programme_name(names_, id);
    return name.empty() ? id : id + " (" + name + ")";
  }

 private:
  const ProgrammeNames& names_;
};

// The demand nodes that leave most openings unfilled, worst first (ties in node order).
std::string short_occupations(const GapReport& r, std::size_t top) {
  std::vector<const OccupationGap*> short_nodes;
  for (const auto& o : r.occupations)
    if (o.unmet > 0) short_nodes.push_back(&o);
  std::stable_sort(
      short_nodes.begin(), short_nodes.end(),
      [](const OccupationGap* a, const OccupationGap* b) { return a->unmet > b->unmet; });
  if (short_nodes.size() > top) short_nodes.resize(top);
  if (short_nodes.empty()) return "";
  Table t({"occupation", "cluster", "region", "openings", "matched", "unmet"}, 3);
  for (const OccupationGap* o : short_nodes)
    t.add({o->occupation, o->cluster, o->region, format_count(o->demand), format_count(o->matched),
           format_count(o->unmet)});
  return "\nOccupations with the most unmet openings\n" + t.render();
}

// The rows a table shows: all of them (top 0, or no more than top), or the `top`
// largest by `key`, largest first (ties in table order), with a title that says so.
template <typename Row, typename Key>
std::vector<const Row*> top_rows(const std::vector<Row>& rows, std::size_t top, Key key,
                                 std::string& title, const std::string& ranked_by) {
  std::vector<const Row*> out;
  for (const Row& row : rows) out.push_back(&row);
  if (top == 0 || rows.size() <= top) return out;
  std::stable_sort(out.begin(), out.end(),
                   [&key](const Row* a, const Row* b) { return key(*a) > key(*b); });
  out.resize(top);
  title += " (the " + std::to_string(top) + " of " + format_count(static_cast<Count>(rows.size())) +
           " with the most " + ranked_by + "; --top 0 shows all)";
  return out;
}

}  // namespace

std::string format_summary(const ScenarioSummary& s) {
  std::string out;
  out += "Scenario " + s.name + " (base year " + std::to_string(s.base_year) + ")\n\n";
  const auto& c = s.counts;
  const std::vector<std::pair<std::string, Index>> counts = {
      {"regions", c.regions},
      {"industry clusters", c.clusters},
      {"sectors", c.sectors},
      {"occupations", c.occupations},
      {"specialties", c.specialties},
      {"schools", c.schools},
      {"programmes", c.programmes},
      {"enterprises", c.enterprises},
      {"employment records", c.employment_records},
      {"plan targets", c.targets}};
  out += "Entities\n";
  for (const auto& [name, n] : counts)
    out += "  " + pad_right(name, 22) + pad_left(format_count(n), 10) + "\n";

  out += "\nStudents and jobs\n";
  auto line = [&out](const std::string& label, const std::string& value) {
    out += "  " + pad_right(label, 36) + pad_left(value, 10) + "\n";
  };
  line("students enrolled", format_count(s.enrolled));
  line("yearly intake", format_count(s.intake));
  line("graduates per year", count(s.graduates));
  line("openings per year", format_count(s.openings));
  line("internship places", format_count(s.internship_slots));
  if (s.retention_rate)
    line("local retention (" + std::to_string(s.base_year) + " records)",
         percent(*s.retention_rate));

  out += "\nGraduates and openings by industry cluster\n";
  std::size_t name_width = 7;
  for (const auto& cl : s.clusters) name_width = std::max(name_width, display_width(cl.name));
  out += "  " + pad_right("cluster", name_width) + pad_left("graduates", 12) +
         pad_left("openings", 12) + "\n";
  for (const auto& cl : s.clusters) {
    out += "  " + pad_right(cl.name, name_width) + pad_left(count(cl.graduates), 12) +
           pad_left(format_count(cl.openings), 12) + "\n";
  }
  if (s.unattributed_graduates > 0.5) {
    out += "  " + pad_right("(no cluster demands their occupations)", name_width) +
           pad_left(count(s.unattributed_graduates), 12) + "\n";
  }
  return out;
}

std::string format_gap_summary(const GapReport& r) {
  const CityGap& c = r.city;
  std::string out = "Supply and demand in " + std::to_string(c.year) + " (gap analysis)\n";
  Table t({"", ""});
  t.add({"graduates seeking jobs", format_count(c.graduates)});
  if (c.progressed > 0) {  // 升学: not job-seekers this year (analysis/progression.hpp)
    t.add({"graduates continuing study",
           format_count(c.progressed) + " (" + format_count(c.progressed_local) + " in the city)"});
  }
  t.add({"openings", format_count(c.demand)});
  t.add({"placed locally", format_count(c.matched)});
  t.add({"leaving the city", format_count(c.leaving)});
  t.add({"placed nowhere (surplus)", format_count(c.surplus)});
  t.add({"openings left unfilled", format_count(c.unmet)});
  t.add({c.retention_definition == RetentionDefinition::kLabourMarket
             ? "local retention (jobs / job-seekers)"
             : "local retention (jobs and study / all graduates)",
         percent(c.retention_rate)});
  t.add({"match rate (openings filled)", percent(c.match_rate)});
  t.add({"matching-degree index", fixed(c.matching_degree, 3)});
  t.add({"structural deviation index", fixed(c.structural_deviation, 3)});
  t.add({std::string("value of leaving, lambda") +
             (c.outside_weight_calibrated ? " (calibrated)" : ""),
         fixed(c.outside_weight, 4)});
  out += t.render();

  out += "\nPlan indicators (" + std::to_string(r.indicators.empty() ? 0 : r.indicators[0].year) +
         ")\n";
  out += format_indicators(r.indicators, false);
  return out;
}

std::string format_gap(const GapReport& r, const std::string& scenario_name,
                       const ProgrammeNames& names, std::size_t top) {
  std::string out =
      "Gap analysis of " + scenario_name + " for " + std::to_string(r.city.year) + "\n\n";
  out += format_gap_summary(r);

  std::string title = "Industry clusters";
  const auto shown_clusters = top_rows(
      r.clusters, top,
      [](const ClusterGap& c) { return std::abs(c.supply - static_cast<double>(c.demand)); }, title,
      "graduates short or in surplus");
  out += "\n" + title + "\n";
  Table clusters({"cluster", "supply", "demand", "matched", "unmet", "ratio", "band"});
  for (const ClusterGap* c : shown_clusters) {
    clusters.add({c->name, count(c->supply), format_count(c->demand), format_count(c->matched),
                  format_count(c->unmet), ratio_text(c->ratio, c->demand),
                  band_text(c->band, c->supply, c->demand, c->matched)});
  }
  out += clusters.render();
  out += short_occupations(r, top == 0 ? 10 : top);

  title = "Regions";
  const auto shown_regions = top_rows(
      r.regions, top, [](const RegionGap& g) { return g.unmet + g.leaving + g.surplus; }, title,
      "openings unfilled and graduates not placed");
  out += "\n" + title + "\n";
  Table regions({"region", "schools", "graduates", "placed", "in region", "leaving", "openings",
                 "matched", "unmet", "retention"});
  for (const RegionGap* g : shown_regions) {
    regions.add({g->id, format_count(g->schools), format_count(g->graduates),
                 format_count(g->placed_local), format_count(g->placed_in_region),
                 format_count(g->leaving), format_count(g->demand), format_count(g->matched),
                 format_count(g->unmet), percent(g->retention_rate)});
  }
  out += regions.render();

  title = "Programmes";
  const auto shown_programmes = top_rows(
      r.programmes, top, [](const ProgrammeGap& p) { return p.leaving + p.surplus; }, title,
      "graduates not placed in the city");
  out += "\n" + title + "\n";
  const NameColumn name(names);
  Table programmes(
      name.header({"programme", "graduates", "placed", "leaving", "surplus", "marginal value"}),
      name.left());
  for (const ProgrammeGap* p : shown_programmes) {
    programmes.add(name.row({p->id, format_count(p->graduates), format_count(p->placed_local),
                             format_count(p->leaving), format_count(p->surplus),
                             fixed(p->marginal_value, 4)}));
  }
  out += programmes.render();

  const LinkageFindings& f = r.linkage.findings;
  out += "\nStructural findings (linkage graph: " + format_count(r.linkage.edges) + " links, " +
         format_count(r.linkage.components) + " connected component" +
         (r.linkage.components == 1 ? "" : "s") + ")\n";
  auto list = [&out](const std::string& what, const std::vector<std::string>& ids) {
    std::string line = "  " + what + " (" + format_count(static_cast<Count>(ids.size())) + ")";
    for (std::size_t k = 0; k < ids.size() && k < 8; ++k) line += (k ? ", " : ": ") + ids[k];
    if (ids.size() > 8) line += ", ...";
    out += line + "\n";
  };
  list("specialties whose occupations no enterprise demands", f.specialties_without_demand);
  list("clusters no offered specialty feeds", f.clusters_without_supply);
  list("enterprises without a sector", f.enterprises_without_sector);
  list("enterprises whose sector is in no cluster", f.enterprises_outside_clusters);
  list("regions without schools", f.regions_without_schools);
  list("occupations nobody trains for or demands", f.occupations_unused);
  return out;
}

namespace {

std::string plan_summary(const RecommendationReport& report, std::size_t top,
                         const IntakeRounding& rounding, const ProgrammeNames& names) {
  const QuotaResult& r = report.plan;
  std::string out = "Quota plan for the intake of " + std::to_string(r.year) +
                    " (graduating into " + std::to_string(r.demand_year) +
                    "): " + std::string(to_string(r.status)) + "\n";
  if (r.status == QuotaStatus::kInfeasible) return out + r.message + "\n";
  if (!r.message.empty()) out += r.message + "\n";
  const bool whole = rounding.status == IntakeRoundingStatus::kRounded;
  Table t({"", ""});
  t.add({"objective (bound)", fixed(r.objective, 2) + " (" + fixed(r.upper_bound, 2) + ")"});
  t.add({"graduates of the cohort", count(r.graduates)});
  t.add({"placed locally", count(r.placed_local) + " (" + percent(r.retention_rate) + ")"});
  t.add({"openings left unfilled", count(r.unmet) + " of " + count(r.demand)});
  // Students, cost and level mix of the intakes as admitted (whole students).
  t.add({"students", count(whole ? rounding.enrolment : r.enrolment)});
  t.add({"cost a year (yuan)", count(whole ? rounding.cost : r.cost)});
  t.add({"secondary share of students",
         percent(whole ? rounding.secondary_share : r.secondary_share)});
  out += t.render();
  if (!whole) {
    out += "  intakes are the LP's values: " + rounding.message + "\n";
  } else if (rounding.moved > 0) {
    out += "  whole intakes: " + counted(rounding.moved, "intake", "intakes") +
           " rounded away from the nearest whole number to keep the constraints\n";
  }
  Table c({"constraint", "value", "limit", "binding", "shadow price"});
  bool any = false;
  for (const auto& k : r.constraints) {
    if (!k.binding && k.name.rfind("school_capacity:", 0) == 0) continue;
    any = true;
    const bool share = k.name.find("share") != std::string::npos;
    c.add({k.name, share ? percent(k.value) : count(k.value),
           share ? percent(k.limit) : count(k.limit), k.binding ? "yes" : "no",
           k.shadow_price ? fixed(*k.shadow_price, 6) : std::string("-")});
  }
  if (any) out += "\nConstraints (at the LP's intakes)\n" + c.render();
  Count counts[4] = {0, 0, 0, 0};
  for (const auto& x : report.recommendations) ++counts[static_cast<int>(x.action)];
  out += "\nRecommendations: " + format_count(counts[0]) + " expand, " + format_count(counts[1]) +
         " shrink, " + format_count(counts[2]) + " open, " + format_count(counts[3]) + " close";
  const bool sampled = report.samples > 0;
  if (sampled)
    out += " (agreement over " + counted(report.samples, "demand sample", "demand samples") +
           ", seed " + std::to_string(report.seed) + ")";
  out += "\n";
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < r.programmes.size(); ++i) index.emplace(r.programmes[i].id, i);
  std::vector<std::string> header = {"programme",  "action", "intake", "plan",
                                     "value/grad", "range",  "unmet",  "retention"};
  if (sampled) header.push_back("agree");
  const NameColumn name(names);
  Table rec(name.header(std::move(header)), name.left());
  std::string reasons;
  for (std::size_t i = 0; i < report.recommendations.size() && i < top; ++i) {
    const Recommendation& x = report.recommendations[i];
    std::string planned = fixed(x.intake, 1);
    if (whole) {
      const auto it = index.find(x.programme);
      if (it != index.end()) planned = count(rounding.intake[it->second]);
    }
    std::vector<std::string> row = {x.programme,
                                    std::string(to_string(x.action)),
                                    count(x.current_intake),
                                    planned,
                                    fixed(x.marginal_value, 3),
                                    count(x.range),
                                    count(x.unmet_change),
                                    fixed(100.0 * x.retention_change, 2) + " pt"};
    if (sampled) row.push_back(percent(x.agreement));
    rec.add(name.row(std::move(row)));
    reasons += "  " + name.labelled(x.programme) + ": " + x.reason + "\n";
  }
  out += rec.render() + reasons;
  return out;
}

std::string plan_report(const RecommendationReport& report, const RollingPlan* horizon,
                        const std::string& scenario_name, std::size_t top,
                        const IntakeRounding& rounding, const ProgrammeNames& names) {
  std::string out = "Quota optimisation of " + scenario_name + "\n\n" +
                    plan_summary(report, top, rounding, names);
  if (horizon) {
    out += "\nRolling plan (targets interpolated from the base year; the LP's totals)\n";
    Table h({"year", "intake", "students", "target", "graduates", "retention", "target",
             "match rate", "status"});
    for (const auto& y : horizon->years) {
      h.add({std::to_string(y.year), count(y.intake), count(y.enrolment),
             y.enrolment_target ? count(*y.enrolment_target) : std::string("-"), count(y.graduates),
             percent(y.retention_rate),
             y.retention_target ? percent(*y.retention_target) : std::string("-"),
             percent(y.match_rate),
             y.enrolment_shortfall > 0 ? "short " + count(y.enrolment_shortfall)
                                       : std::string(to_string(y.status))});
    }
    out += h.render();
  }
  return out;
}

}  // namespace

std::string format_plan_summary(const Scenario& scenario, const RecommendationReport& report,
                                std::size_t top) {
  const IntakeRounding rounding = round_plan_intakes(scenario, report.options, report.plan);
  return plan_summary(report, top, rounding, programme_names(scenario));
}

std::string format_plan(const Scenario& scenario, const RecommendationReport& report,
                        const RollingPlan* horizon, std::size_t top) {
  const IntakeRounding rounding = round_plan_intakes(scenario, report.options, report.plan);
  return plan_report(report, horizon, scenario.name, top, rounding, programme_names(scenario));
}

std::string format_placement_summary(const PlacementResult& r) {
  std::string out = "Placement of " + counted(r.graduates, "graduate", "graduates") + " (" +
                    std::string(to_string(r.mode)) + " mode)\n";
  Table t({"", ""});
  t.add({"placed", format_count(r.placed) + " (" + percent(r.placement_rate) + ")"});
  t.add(
      {"in jobs: local retention", format_count(r.jobs) + " (" + percent(r.retention_rate) + ")"});
  t.add({"in internships", format_count(r.internships)});
  t.add({"mean fit of the placed", fixed(r.mean_fit, 3)});
  t.add({"total value", fixed(r.total_value, 2)});
  t.add({"blocking pairs", format_count(static_cast<Count>(r.blocking_pairs.size()))});
  if (r.mode == PlacementMode::kOptimal)
    t.add({"optimality certificate", r.certified ? "checked" : "FAILED: " + r.certificate_message});
  return out + t.render();
}

std::string format_placement(const PlacementResult& r, const std::string& scenario_name,
                             const ProgrammeNames& names) {
  std::string out = "Student placement in " + scenario_name + "\n\n" + format_placement_summary(r);
  Table c({"cluster", "seats", "filled", "fill rate"});
  for (const ClusterFill& f : r.clusters)
    c.add({f.cluster, format_count(f.seats), format_count(f.filled),
           f.seats > 0 ? percent(static_cast<double>(f.filled) / static_cast<double>(f.seats))
                       : std::string("-")});
  out += "\nFill per cluster\n" + c.render();
  std::vector<const ProgrammePlacement*> unplaced;
  for (const ProgrammePlacement& p : r.programmes)
    if (p.graduates > p.placed) unplaced.push_back(&p);
  std::stable_sort(unplaced.begin(), unplaced.end(), [](const auto* a, const auto* b) {
    return a->graduates - a->placed > b->graduates - b->placed;
  });
  const NameColumn name(names);
  Table u(name.header({"programme", "graduates", "placed", "unplaced"}), name.left());
  for (std::size_t k = 0; k < unplaced.size() && k < 15; ++k)
    u.add(name.row({unplaced[k]->programme, format_count(unplaced[k]->graduates),
                    format_count(unplaced[k]->placed),
                    format_count(unplaced[k]->graduates - unplaced[k]->placed)}));
  const auto with = static_cast<Count>(unplaced.size());
  out += "\nMost unplaced graduates (" +
         (with == 1 ? std::string("1 programme has some")
                    : format_count(with) + " programmes have some") +
         ")\n" + u.render();
  return out;
}

namespace {

// The report with an "Illustrative: ..." line under its title when the scenario says which
// of its parts are illustrative (Scenario::notes); unchanged otherwise.
std::string with_notes(std::string report, const std::vector<std::string>& notes) {
  if (notes.empty()) return report;
  std::string line = "Illustrative: ";
  for (std::size_t k = 0; k < notes.size(); ++k) line += (k ? "; " : "") + notes[k];
  const std::size_t eol = report.find('\n');
  return eol == std::string::npos ? report + "\n" + line + "\n"
                                  : report.insert(eol + 1, line + "\n");
}

}  // namespace

std::string format_gap(const GapJobResult& result, std::size_t top) {
  return with_notes(format_gap(result.report, result.scenario_name, result.programme_names, top),
                    result.scenario_notes);
}

std::string format_plan(const PlanJobResult& result, std::size_t top) {
  return with_notes(plan_report(result.report, result.horizon ? &*result.horizon : nullptr,
                                result.scenario_name, top, result.rounding, result.programme_names),
                    result.scenario_notes);
}

std::string format_plan_summary(const PlanJobResult& result, std::size_t top) {
  return plan_summary(result.report, top, result.rounding, result.programme_names);
}

std::string format_placement(const PlaceJobResult& result) {
  return with_notes(
      format_placement(result.placement, result.scenario_name, result.programme_names),
      result.scenario_notes);
}

std::string format_run(const RunJobResult& result) {
  return with_notes(format_summary(result.summary), result.gap.scenario_notes) + '\n' +
         format_gap_summary(result.gap.report) + '\n' +
         format_plan_summary(result.plan, result.top) + '\n' +
         format_placement_summary(result.placement.placement);
}

// --- The plan's indicator table --------------------------------------------------

namespace {

// A number with at most `digits` decimals and no trailing zeros: "8.87", "9.4", "60".
std::string trimmed(double x, int digits) {
  std::string text = fixed(x, digits);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return unsigned_zero(text);
}

// A value in the plan's display unit (万人, %, x:1, ...); `gap` drops the ":1".
std::string plan_unit_value(const IndicatorInfo& info, const std::optional<double>& x, bool gap) {
  if (!x) return "-";
  switch (info.unit) {
    case IndicatorUnit::kFraction:
      return trimmed(100.0 * *x, 2);
    case IndicatorUnit::kRatio:
      return trimmed(*x, 2) + (gap ? "" : ":1");
    default:
      return info.display_scale == 1.0 ? count(*x) : trimmed(*x / info.display_scale, 2);
  }
}

}  // namespace

std::string format_indicators(const std::vector<IndicatorValue>& rows, bool chinese) {
  const int year = rows.empty() ? 0 : rows.front().year;
  const int base = rows.empty() ? 0 : rows.front().base_year;
  const std::string y = std::to_string(year);
  // The plan's columns, then where the value comes from and the plan's group.
  Table t(chinese ? std::vector<std::string>{"指标", "单位", std::to_string(base) + "年",
                                             "2023年目标", "2025年目标", y + "年值", "差距",
                                             "是否达标", "来源", "类别"}
                  : std::vector<std::string>{"indicator", "unit", std::to_string(base),
                                             "2023 target", "2025 target", "value " + y, "gap",
                                             "on track", "source", "group"});
  for (const IndicatorValue& v : rows) {
    const IndicatorInfo& info = indicator_info(v.indicator);
    std::string source = "-";
    if (v.value)
      source = v.computed ? (chinese ? "计算" : "computed")
                          : (chinese ? "记录" : "recorded") + std::string(" ") +
                                std::to_string(*v.value_year);
    std::string gap = plan_unit_value(info, v.gap, true);
    if (v.gap && v.next_target_year) gap += " (" + std::to_string(*v.next_target_year) + ")";
    std::string on_track = "-";
    if (v.on_track) on_track = *v.on_track ? (chinese ? "是" : "yes") : (chinese ? "否" : "no");
    t.add({std::string(chinese ? info.name_zh : info.name_en),
           std::string(chinese ? info.unit_zh : info.unit_en),
           plan_unit_value(info, v.base_value, false), plan_unit_value(info, v.target_2023, false),
           plan_unit_value(info, v.target_2025, false), plan_unit_value(info, v.value, false), gap,
           on_track, source, std::string(chinese ? info.group_zh : info.group_en)});
  }
  return t.render();
}

}  // namespace sixlink::cli

// ---- sixlink admit --------------------------------------------------------

namespace sixlink::cli {
namespace {

std::string yes_no(bool b) { return b ? "yes" : "no"; }

Count admitted_elsewhere(const AdmissionOutcome& o, std::size_t h, std::size_t regions) {
  Count n = 0;
  for (std::size_t d = 0; d < regions; ++d)
    if (d != h) n += o.flows[h * regions + d];
  return n;
}

Count admitted_from_elsewhere(const AdmissionOutcome& o, std::size_t d, std::size_t regions) {
  Count n = 0;
  for (std::size_t h = 0; h < regions; ++h)
    if (d != h) n += o.flows[h * regions + d];
  return n;
}

Count cross_county(const AdmissionOutcome& o, std::size_t regions) {
  Count n = 0;
  for (std::size_t h = 0; h < regions; ++h) n += admitted_elsewhere(o, h, regions);
  return n;
}

std::string balance_text(const AdmissionOutcome& o) {
  return percent(o.vocational_share) + " vocational (大体相当 " +
         std::string(o.roughly_equal ? "met" : "not met") + ": 50 % +/- " +
         fixed(100.0 * kRoughlyEqualBand, 0) + " points)";
}

std::string stability_text(const AdmissionOutcome& o) {
  return format_count(o.blocking_pairs) + " blocking pairs, " + format_count(o.justified_envy) +
         " justified-envy pairs" + (o.stable ? " (stable)" : "");
}

std::string score_band(const InstitutionFill& f) {
  if (f.filled == 0) return "-";
  return fixed(f.min_score, 0) + " / " + fixed(f.median_score, 0) + " / " + fixed(f.max_score, 0);
}

std::string rule_text(const AdmissionOutcome& o) {
  return std::string(to_string(o.options.mode)) + " mode, county limits " +
         (o.options.county_limits ? "on" : "off");
}

std::string single_run(const AdmitJobResult& r) {
  const AdmissionOutcome& o = r.outcome;
  const AdmissionSeats& seats = r.seats;
  const std::size_t regions = seats.regions.size();
  std::string out = "Admission " + r.scenario_name + ", " + std::to_string(r.year) + ": " +
                    rule_text(o) + ", " + std::to_string(o.options.choices) + " choices, seed " +
                    std::to_string(o.options.seed) + "\n";
  Table head({"", ""});
  head.add({"applicants", format_count(o.applicants) + (r.synthetic ? " (synthetic)" : "")});
  head.add({"admitted", format_count(o.admitted)});
  head.add({"without a place", format_count(o.unplaced)});
  head.add({"seats", format_count(o.seats) + " (vocational " + format_count(o.vocational_seats) +
                         ", general " + format_count(o.general_seats) + ")"});
  head.add({"unfilled seats", format_count(o.unfilled)});
  head.add({"admitted vocational / general",
            format_count(o.vocational_admitted) + " / " + format_count(o.general_admitted)});
  head.add({"vocational share", balance_text(o)});
  head.add({"admitted outside home county", format_count(cross_county(o, regions))});
  head.add({"stability audit", stability_text(o)});
  out += head.render();

  out += "\nBy county (home county of the applicants; in: admitted here from other counties)\n";
  Table counties({"county", "cohort", "admitted", "no place", "out", "in"});
  for (std::size_t h = 0; h < regions; ++h) {
    counties.add({seats.regions[h], format_count(o.cohort_by_county[h]),
                  format_count(o.cohort_by_county[h] - o.unplaced_by_county[h]),
                  format_count(o.unplaced_by_county[h]), format_count(admitted_elsewhere(o, h, regions)),
                  format_count(admitted_from_elsewhere(o, h, regions))});
  }
  out += counties.render();

  out += "\nCross-county flows (row: home county, column: county admitted in)\n";
  std::vector<std::string> header{"from \\ to"};
  for (std::size_t d = 0; d < regions; ++d) header.push_back(std::to_string(d + 1));
  Table flows(header);
  for (std::size_t h = 0; h < regions; ++h) {
    std::vector<std::string> row{std::to_string(h + 1) + " " + seats.regions[h]};
    for (std::size_t d = 0; d < regions; ++d) row.push_back(format_count(o.flows[h * regions + d]));
    flows.add(std::move(row));
  }
  out += flows.render();

  // Schools: a vocational school's programmes together.
  out += "\nSchools\n";
  Table schools({"school", "county", "kind", "seats", "filled", "unfilled", "other counties"}, 3);
  std::vector<std::string> order;
  std::map<std::string, std::array<Count, 3>> by_school;  // seats, filled, other counties
  std::map<std::string, std::pair<std::string, std::string>> where;
  for (std::size_t s = 0; s < seats.institutions.size(); ++s) {
    const AdmissionInstitution& i = seats.institutions[s];
    if (!by_school.contains(i.school)) order.push_back(i.school);
    auto& row = by_school[i.school];
    row[0] += o.institutions[s].seats;
    row[1] += o.institutions[s].filled;
    row[2] += o.institutions[s].from_other_counties;
    where[i.school] = {seats.regions[static_cast<std::size_t>(i.region)], std::string(to_string(i.kind))};
  }
  for (const std::string& school : order) {
    const auto& row = by_school[school];
    schools.add({school, where[school].first, where[school].second, format_count(row[0]),
                 format_count(row[1]), format_count(std::max<Count>(0, row[0] - row[1])),
                 format_count(row[2])});
  }
  out += schools.render();

  out += "\nProgrammes and high schools (scores admitted: lowest / median / highest)\n";
  Table inst({"id", "name", "kind", "seats", "filled", "unfilled", "scores"}, 3);
  for (std::size_t s = 0; s < seats.institutions.size(); ++s) {
    const AdmissionInstitution& i = seats.institutions[s];
    const InstitutionFill& f = o.institutions[s];
    inst.add({i.id, i.label, std::string(to_string(i.kind)), format_count(f.seats),
              format_count(f.filled), format_count(std::max<Count>(0, f.seats - f.filled)),
              score_band(f)});
  }
  out += inst.render();
  return out;
}

std::string signed_count(Count n) { return (n > 0 ? "+" : "") + format_count(n); }

std::string comparison(const AdmitJobResult& r) {
  const AdmissionOutcome& lim = r.outcome;
  const AdmissionOutcome& open = *r.open;
  const AdmissionSeats& seats = r.seats;
  const std::size_t regions = seats.regions.size();
  std::string out = "Admission " + r.scenario_name + ", " + std::to_string(r.year) +
                    ": county-limited vs open, " + std::string(to_string(lim.options.mode)) +
                    " mode, " + std::to_string(lim.options.choices) + " choices, seed " +
                    std::to_string(lim.options.seed) + "\n";
  out += "  applicants " + format_count(lim.applicants) + (r.synthetic ? " (synthetic)" : "") +
         ", seats " + format_count(lim.seats) + "\n";
  Table head({"", "county-limited", "open", "change"});
  auto row = [&](const std::string& what, Count a, Count b) {
    head.add({what, format_count(a), format_count(b), signed_count(b - a)});
  };
  row("admitted", lim.admitted, open.admitted);
  row("without a place", lim.unplaced, open.unplaced);
  row("unfilled seats", lim.unfilled, open.unfilled);
  row("admitted vocational", lim.vocational_admitted, open.vocational_admitted);
  row("admitted general", lim.general_admitted, open.general_admitted);
  row("admitted outside home county", cross_county(lim, regions), cross_county(open, regions));
  row("blocking pairs", lim.blocking_pairs, open.blocking_pairs);
  head.add({"vocational share", percent(lim.vocational_share), percent(open.vocational_share),
            fixed(100.0 * (open.vocational_share - lim.vocational_share), 2) + " points"});
  head.add({"大体相当 (50 % +/- 5)", yes_no(lim.roughly_equal), yes_no(open.roughly_equal), ""});
  out += head.render();

  out += "\nBy county (limited -> open)\n";
  Table counties({"county", "cohort", "no place", "out", "in", "seats filled here"});
  std::vector<Count> filled_lim(regions, 0), filled_open(regions, 0);
  for (std::size_t s = 0; s < seats.institutions.size(); ++s) {
    const auto d = static_cast<std::size_t>(seats.institutions[s].region);
    filled_lim[d] += lim.institutions[s].filled;
    filled_open[d] += open.institutions[s].filled;
  }
  auto arrow = [](Count a, Count b) { return format_count(a) + " -> " + format_count(b); };
  for (std::size_t h = 0; h < regions; ++h) {
    counties.add({seats.regions[h], format_count(lim.cohort_by_county[h]),
                  arrow(lim.unplaced_by_county[h], open.unplaced_by_county[h]),
                  arrow(admitted_elsewhere(lim, h, regions), admitted_elsewhere(open, h, regions)),
                  arrow(admitted_from_elsewhere(lim, h, regions),
                        admitted_from_elsewhere(open, h, regions)),
                  arrow(filled_lim[h], filled_open[h])});
  }
  out += counties.render();

  out += "\nProgrammes and high schools whose fill changes (limited -> open)\n";
  Table inst({"id", "name", "kind", "seats", "limited", "open", "change"}, 3);
  Count unchanged = 0;
  for (std::size_t s = 0; s < seats.institutions.size(); ++s) {
    const AdmissionInstitution& i = seats.institutions[s];
    const Count a = lim.institutions[s].filled, b = open.institutions[s].filled;
    if (a == b) {
      ++unchanged;
      continue;
    }
    inst.add({i.id, i.label, std::string(to_string(i.kind)), format_count(i.seats), format_count(a),
              format_count(b), signed_count(b - a)});
  }
  out += inst.render();
  out += "  (" + format_count(unchanged) + " others unchanged)\n";
  return out;
}

}  // namespace

std::string format_admission(const AdmitJobResult& result) {
  return with_notes(result.open ? comparison(result) : single_run(result), result.notes);
}

}  // namespace sixlink::cli
