#include "cli/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
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

std::string percent(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f %%", 100.0 * fraction);
  return buffer;
}

std::string fixed(double x, int digits) {
  if (std::isinf(x)) return "inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}

// Indicator values: counts as counts, rates and shares as percentages.
std::string indicator_value(Indicator indicator, double value) {
  const bool count = indicator == Indicator::kEnrolment || indicator == Indicator::kSocialTraining;
  return count ? format_count(std::llround(value)) : percent(value);
}

// A table with a left-aligned first column and right-aligned others.
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
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
        out += c == 0 ? pad_right(row[c], width[c]) : "  " + pad_left(row[c], width[c]);
      out += "\n";
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

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
  line("graduates per year", format_count(std::llround(s.graduates)));
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
    out += "  " + pad_right(cl.name, name_width) +
           pad_left(format_count(std::llround(cl.graduates)), 12) +
           pad_left(format_count(cl.openings), 12) + "\n";
  }
  if (s.unattributed_graduates > 0.5) {
    out += "  " + pad_right("(no cluster demands their occupations)", name_width) +
           pad_left(format_count(std::llround(s.unattributed_graduates)), 12) + "\n";
  }
  return out;
}

std::string format_gap_summary(const GapReport& r) {
  const CityGap& c = r.city;
  std::string out = "Supply and demand in " + std::to_string(c.year) + " (gap analysis)\n";
  Table t({"", ""});
  t.add({"graduates", format_count(c.graduates)});
  t.add({"openings", format_count(c.demand)});
  t.add({"placed locally", format_count(c.matched)});
  t.add({"leaving the city", format_count(c.leaving)});
  t.add({"placed nowhere (surplus)", format_count(c.surplus)});
  t.add({"openings left unfilled", format_count(c.unmet)});
  t.add({"local retention", percent(c.retention_rate)});
  t.add({"match rate (openings filled)", percent(c.match_rate)});
  t.add({"matching-degree index", fixed(c.matching_degree, 3)});
  t.add({"structural deviation index", fixed(c.structural_deviation, 3)});
  t.add({std::string("value of leaving, lambda") +
             (c.outside_weight_calibrated ? " (calibrated)" : ""),
         fixed(c.outside_weight, 4)});
  out += t.render();

  out += "\nPlan indicators\n";
  Table i({"indicator", "value", "2023 target", "gap", "2025 target", "gap"});
  for (const auto& v : r.indicators) {
    auto shown = [&](const std::optional<double>& x) {
      return x ? indicator_value(v.indicator, *x) : std::string("-");
    };
    i.add({std::string(to_string(v.indicator)), indicator_value(v.indicator, v.value),
           shown(v.target_2023), shown(v.gap_2023), shown(v.target_2025), shown(v.gap_2025)});
  }
  out += i.render();
  return out;
}

std::string format_gap(const GapReport& r, const std::string& scenario_name) {
  std::string out =
      "Gap analysis of " + scenario_name + " for " + std::to_string(r.city.year) + "\n\n";
  out += format_gap_summary(r);

  out += "\nIndustry clusters\n";
  Table clusters({"cluster", "supply", "demand", "matched", "unmet", "ratio", "band"});
  for (const auto& c : r.clusters) {
    clusters.add({c.name, format_count(std::llround(c.supply)), format_count(c.demand),
                  format_count(c.matched), format_count(c.unmet), fixed(c.ratio, 2),
                  std::string(to_string(c.band))});
  }
  out += clusters.render();

  out += "\nRegions\n";
  Table regions({"region", "schools", "graduates", "placed", "in region", "leaving", "openings",
                 "matched", "unmet", "retention"});
  for (const auto& g : r.regions) {
    regions.add({g.id, format_count(g.schools), format_count(g.graduates),
                 format_count(g.placed_local), format_count(g.placed_in_region),
                 format_count(g.leaving), format_count(g.demand), format_count(g.matched),
                 format_count(g.unmet), percent(g.retention_rate)});
  }
  out += regions.render();

  out += "\nProgrammes\n";
  Table programmes({"programme", "graduates", "placed", "leaving", "surplus", "marginal value"});
  for (const auto& p : r.programmes) {
    programmes.add({p.id, format_count(p.graduates), format_count(p.placed_local),
                    format_count(p.leaving), format_count(p.surplus), fixed(p.marginal_value, 4)});
  }
  out += programmes.render();

  const LinkageFindings& f = r.linkage.findings;
  out += "\nStructural findings (linkage graph: " + format_count(r.linkage.edges) + " links, " +
         format_count(r.linkage.components) + " connected component" +
         (r.linkage.components == 1 ? "" : "s") + ")\n";
  auto list = [&out](const std::string& what, const std::vector<std::string>& ids) {
    std::string line = "  " + what + " (" + std::to_string(ids.size()) + ")";
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

std::string format_plan_summary(const RecommendationReport& report, std::size_t top) {
  const QuotaResult& r = report.plan;
  std::string out = "Quota plan for the intake of " + std::to_string(r.year) +
                    " (graduating into " + std::to_string(r.demand_year) +
                    "): " + std::string(to_string(r.status)) + "\n";
  if (r.status == QuotaStatus::kInfeasible) return out + r.message + "\n";
  if (!r.message.empty()) out += r.message + "\n";
  Table t({"", ""});
  t.add({"objective (bound)", fixed(r.objective, 2) + " (" + fixed(r.upper_bound, 2) + ")"});
  t.add({"graduates of the cohort", fixed(r.graduates, 0)});
  t.add({"placed locally", fixed(r.placed_local, 0) + " (" + percent(r.retention_rate) + ")"});
  t.add({"openings left unfilled", fixed(r.unmet, 0) + " of " + fixed(r.demand, 0)});
  t.add({"students", fixed(r.enrolment, 0)});
  t.add({"cost a year (yuan)", fixed(r.cost, 0)});
  t.add({"secondary share of students", percent(r.secondary_share)});
  out += t.render();
  Table c({"constraint", "value", "limit", "binding", "shadow price"});
  bool any = false;
  for (const auto& k : r.constraints) {
    if (!k.binding && k.name.rfind("school_capacity:", 0) == 0) continue;
    any = true;
    const bool share = k.name.find("share") != std::string::npos;
    c.add({k.name, share ? percent(k.value) : fixed(k.value, 0),
           share ? percent(k.limit) : fixed(k.limit, 0), k.binding ? "yes" : "no",
           k.shadow_price ? fixed(*k.shadow_price, 6) : std::string("-")});
  }
  if (any) out += "\nConstraints\n" + c.render();
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& x : report.recommendations) ++counts[static_cast<int>(x.action)];
  out += "\nRecommendations: " + std::to_string(counts[0]) + " expand, " +
         std::to_string(counts[1]) + " shrink, " + std::to_string(counts[2]) + " open, " +
         std::to_string(counts[3]) + " close";
  if (report.samples > 0)
    out += " (agreement over " + std::to_string(report.samples) + " demand samples, seed " +
           std::to_string(report.seed) + ")";
  out += "\n";
  Table rec({"programme", "action", "intake", "plan", "value/grad", "range", "unmet", "retention",
             "agree"});
  std::string reasons;
  for (std::size_t i = 0; i < report.recommendations.size() && i < top; ++i) {
    const Recommendation& x = report.recommendations[i];
    rec.add({x.programme, std::string(to_string(x.action)), fixed(x.current_intake, 0),
             fixed(x.intake, 0), fixed(x.marginal_value, 3), fixed(x.range, 0),
             fixed(x.unmet_change, 0), fixed(100.0 * x.retention_change, 2) + " pt",
             percent(x.agreement)});
    reasons += "  " + x.programme + ": " + x.reason + "\n";
  }
  out += rec.render() + reasons;
  return out;
}

std::string format_plan(const RecommendationReport& report, const RollingPlan* horizon,
                        const std::string& scenario_name, std::size_t top) {
  std::string out =
      "Quota optimisation of " + scenario_name + "\n\n" + format_plan_summary(report, top);
  if (horizon) {
    out += "\nRolling plan (targets interpolated from the base year)\n";
    Table h({"year", "intake", "students", "target", "graduates", "retention", "target",
             "match rate", "status"});
    for (const auto& y : horizon->years) {
      h.add({std::to_string(y.year), fixed(y.intake, 0), fixed(y.enrolment, 0),
             y.enrolment_target ? fixed(*y.enrolment_target, 0) : std::string("-"),
             fixed(y.graduates, 0), percent(y.retention_rate),
             y.retention_target ? percent(*y.retention_target) : std::string("-"),
             percent(y.match_rate),
             y.enrolment_shortfall > 0 ? "short " + fixed(y.enrolment_shortfall, 0)
                                       : std::string(to_string(y.status))});
    }
    out += h.render();
  }
  return out;
}

std::string format_placement_summary(const PlacementResult& r) {
  std::string out = "Placement of " + format_count(r.graduates) + " graduates (" +
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

std::string format_placement(const PlacementResult& r, const std::string& scenario_name) {
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
  Table u({"programme", "graduates", "placed", "unplaced"});
  for (std::size_t k = 0; k < unplaced.size() && k < 15; ++k)
    u.add({unplaced[k]->programme, format_count(unplaced[k]->graduates),
           format_count(unplaced[k]->placed),
           format_count(unplaced[k]->graduates - unplaced[k]->placed)});
  out += "\nMost unplaced graduates (" + std::to_string(unplaced.size()) +
         " programmes have some)\n" + u.render();
  return out;
}

}  // namespace sixlink::cli
