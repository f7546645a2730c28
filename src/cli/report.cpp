#include "cli/report.hpp"

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
  return std::string(text.size() < width ? width - text.size() : 0, ' ') + text;
}

std::string percent(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f %%", 100.0 * fraction);
  return buffer;
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

}  // namespace sixlink::cli
