// jobs/report_job.hpp: the page's data is each part exactly as its own --json
// prints it, the page embeds data, ECharts and its script safely, years and
// languages are checked. tests/report renders the page in a real browser.
#include "sixlink/jobs/report_job.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "io/html_report.hpp"
#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using Json = nlohmann::ordered_json;

TEST(ReportJob, DataIsEachPartAsItsJson) {
  const Scenario s = testing::tiny_scenario();
  const ReportJobResult r = run_report_job(s, {2022, ReportLanguage::kEn});
  const Json data = Json::parse(report_job_data_json(r));
  EXPECT_EQ(data["language"], "en");
  EXPECT_EQ(data["year"], 2022);
  EXPECT_EQ(data["gap"], Json::parse(gap_job_to_json(r.gap)));
  EXPECT_EQ(data["gap"]["year"], 2022);
  EXPECT_EQ(data["plan"], Json::parse(plan_job_to_json(r.plan)));
  EXPECT_EQ(data["plan"]["year"], 2022);
  EXPECT_EQ(data["placement"]["optimal"], Json::parse(place_job_to_json(r.optimal)));
  EXPECT_EQ(data["placement"]["stable"], Json::parse(place_job_to_json(r.stable)));
  EXPECT_EQ(data["placement"]["optimal"]["mode"], "optimal");
  EXPECT_EQ(data["placement"]["stable"]["mode"], "stable");
  // Catalogue classes of the specialties: 660103 数控技术应用 is in 6601 机械设计制造类.
  EXPECT_EQ(data["classes"]["660103"]["code"], "6601");
  EXPECT_EQ(data["classes"]["660103"]["name"], "机械设计制造类");
  EXPECT_EQ(data["names"]["regions"]["r1"], "Region one");
  EXPECT_EQ(data["names"]["occupations"]["nurse"], "Nurse");
}

TEST(ReportJob, TheBaseYearIsTheGapOfThatYearAndThePlanOfTheNextIntake) {
  const Scenario s = testing::tiny_scenario();
  const ReportJobResult r = run_report_job(s);
  EXPECT_EQ(r.year, 2020);
  EXPECT_EQ(r.gap.report.city.year, 2020);
  EXPECT_EQ(r.plan.report.plan.year, 2021);
  EXPECT_THROW(run_report_job(s, {2019, ReportLanguage::kZh}), InvalidInput);
  EXPECT_THROW(run_report_job(s, {2071, ReportLanguage::kZh}), InvalidInput);
}

TEST(ReportJob, Languages) {
  EXPECT_EQ(parse_report_language("zh"), ReportLanguage::kZh);
  EXPECT_EQ(parse_report_language("en"), ReportLanguage::kEn);
  EXPECT_FALSE(parse_report_language("fr"));
  EXPECT_EQ(to_string(ReportLanguage::kEn), "en");
}

TEST(ReportJob, PageHoldsDataEchartsAndScript) {
  const ReportJobResult r = run_report_job(testing::tiny_scenario());
  if (!report_available()) {
    EXPECT_THROW(report_job_to_html(r), std::runtime_error);
    GTEST_SKIP() << "this build has no ECharts (scripts/setup.sh installs it)";
  }
  const std::string page = report_job_to_html(r);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(page.find("id=\"sixlink-data\""), std::string::npos);
  EXPECT_NE(page.find("echarts"), std::string::npos);
  EXPECT_NE(page.find("document.body.dataset.ready = \"1\""), std::string::npos);
  EXPECT_EQ(page.find("src=\"http"), std::string::npos);  // nothing from the network
}

TEST(HtmlReport, NoScriptEndsEarly) {
  const std::string page = detail::html_report("a <b> & \"c\"", "en",
                                               R"({"text": "</script><script>alert(1)</SCRIPT>"})",
                                               "var x = '</Script>';");
  EXPECT_NE(page.find("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"), std::string::npos);
  // Only the page's own four elements close: style, data, ECharts, page script.
  std::size_t closes = 0;
  for (std::size_t at = page.find("</script>"); at != std::string::npos;
       at = page.find("</script>", at + 1))
    ++closes;
  EXPECT_EQ(closes, 3u);
  EXPECT_NE(page.find(R"(<\/script><script>alert(1)<\/SCRIPT>)"), std::string::npos);
  EXPECT_NE(page.find(R"(var x = '<\/Script>';)"), std::string::npos);
}

}  // namespace
}  // namespace sixlink
