#include "io/html_report.hpp"

namespace sixlink::detail {

extern const std::string_view kReportPageJs;  // src/io/report_page.js, embedded by CMake

namespace {

constexpr std::string_view kStyle = R"css(
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
       margin: 0 auto; max-width: 1400px; padding: 16px 24px; color: #222; }
header h1 { font-size: 24px; margin: 4px 0; }
header p { margin: 2px 0; color: #555; }
.notes { color: #8a5a00; font-size: 13px; }
figure.chart { margin: 24px 0; padding: 12px 16px; border: 1px solid #ddd; border-radius: 6px; }
figure.chart h3 { margin: 0 0 8px; font-size: 18px; }
figcaption { color: #444; margin: 6px 0; font-size: 14px; }
.canvas { width: 100%; }
button { margin: 4px 0; padding: 3px 10px; cursor: pointer; }
table.data { border-collapse: collapse; font-size: 13px; margin-top: 6px; width: 100%; }
table.data th { background: #f2f4f7; cursor: pointer; text-align: left; }
table.data th, table.data td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; }
table.data td[data-value] { text-align: right; white-space: nowrap; }
.pager { font-size: 13px; }
)css";

// A <script> element ends at the first "</script" whatever the case: write it as
// "<\/script", which JSON and JavaScript strings read as the same text.
std::string script_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] != '<' || i + 8 > text.size() || text[i + 1] != '/') continue;
    std::string tag(text.substr(i + 2, 6));
    for (char& c : tag) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (tag == "script") out += '\\';
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string html_report(std::string_view title, std::string_view language,
                        std::string_view data_json, std::string_view echarts) {
  std::string page;
  page.reserve(echarts.size() + data_json.size() + kReportPageJs.size() + 4096);
  page += "<!DOCTYPE html>\n<html lang=\"";
  page += language == "zh" ? "zh-CN" : "en";
  page += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
          "content=\"width=device-width, initial-scale=1\">\n<title>";
  page += html_escape(title);
  page += "</title>\n<style>";
  page += kStyle;
  page += "</style>\n</head>\n<body>\n<header id=\"header\"><h1>";
  page += html_escape(title);
  page += "</h1></header>\n<main id=\"charts\"></main>\n"
          "<script type=\"application/json\" id=\"sixlink-data\">";
  page += script_safe(data_json);
  page += "</script>\n<script>\n";
  page += script_safe(echarts);
  page += "\n</script>\n<script>\n";
  page += kReportPageJs;
  page += "\n</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace sixlink::detail
