// io/html_report.hpp — private: the report page (jobs/report_job.hpp) as one HTML
// document.
//
// Structure, which tests/report reads:
//   <script type="application/json" id="sixlink-data">  the report's data
//   <script>  ECharts, inlined
//   <main id="charts">  one <figure class="chart" id="chart-KEY"> per chart: <h3>,
//       <div class="canvas"> (the ECharts instance), <figcaption> (what to read in
//       it), <button class="toggle"> and, hidden until toggled, its numbers as
//       <table class="data">, whose numeric cells carry the exact value in
//       data-value; sortable by a click on a header, paged by 50 rows
//   <script>  the page script (src/io/report_page.js), which builds the figures and
//       sets <body data-ready="1"> once every chart is drawn
// KEY: indicators, sankey, clusters, counties, occupations, plan, horizon, placement.
#pragma once

#include <string>
#include <string_view>

namespace sixlink::detail {

/// The page with `data_json` (a JSON object; "</" is escaped here) and ECharts' source.
std::string html_report(std::string_view title, std::string_view language,
                        std::string_view data_json, std::string_view echarts);

}  // namespace sixlink::detail
